/**
 * Reader mode: the main article of a web page without its furniture, found the way Mozilla's
 * Readability.js finds it, ported to jsoup ({@link dev.tidings.extract.Extractor} is the entry point).
 * May import {@code text}, jsoup and Jackson's streaming core (JSON-LD); never {@code fetch},
 * {@code feed}, {@code app}, {@code cli} or {@code tui}.
 */
package dev.tidings.extract;
