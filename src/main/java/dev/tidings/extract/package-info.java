/**
 * Reader mode: the main article of a web page without its furniture, scored on jsoup in the
 * manner of Mozilla's Readability. May import {@code text} and jsoup; never {@code fetch},
 * {@code feed}, {@code app}, {@code cli} or {@code tui}.
 */
package dev.tidings.extract;
