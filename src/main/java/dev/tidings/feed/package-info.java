/**
 * RSS, Atom and JSON Feed parsers behind one facade, {@link dev.tidings.feed.Feeds}. Wire formats
 * stay package-private. May import {@code model}, {@code text}, Jackson core and jsoup's entity
 * table; never {@code fetch}, {@code render}, {@code app}, {@code cli} or {@code tui}.
 */
package dev.tidings.feed;
