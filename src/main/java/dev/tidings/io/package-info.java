/**
 * Files that nothing can half-write: a leaf package (it imports nothing of Tidings) used by the
 * stores and the subscriptions file.
 */
package dev.tidings.io;
