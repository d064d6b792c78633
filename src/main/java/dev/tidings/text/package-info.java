/**
 * Text safety and measurement shared by every layer: {@link dev.tidings.text.Sanitize} for hostile
 * feed text, {@link dev.tidings.text.Width} for terminal columns, {@link dev.tidings.text.SafeXml}
 * for StAX factories that read hostile XML and {@link dev.tidings.text.XmlDoctype}, the one check
 * refusing entity declarations in feeds and OPML. Imports nothing outside the JDK.
 */
package dev.tidings.text;
