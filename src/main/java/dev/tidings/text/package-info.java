/**
 * Text safety and measurement shared by every layer: {@link dev.tidings.text.Sanitize} for hostile
 * feed text, {@link dev.tidings.text.Width} for terminal columns. Imports nothing outside the JDK.
 */
package dev.tidings.text;
