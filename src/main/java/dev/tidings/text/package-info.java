/**
 * Text safety and measurement shared by every layer: {@link dev.tidings.text.Sanitize} for hostile
 * feed text, {@link dev.tidings.text.Width} for terminal columns, {@link dev.tidings.text.SafeXml}
 * for StAX factories that read hostile XML. Imports nothing outside the JDK.
 */
package dev.tidings.text;
