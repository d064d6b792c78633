/**
 * Immutable records describing feeds and items. Imports nothing outside the JDK.
 */
package dev.tidings.model;
