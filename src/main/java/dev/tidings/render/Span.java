package dev.tidings.render;

/**
 * A run of inline text with one style. {@code link} is the 1-based number of the footnote this
 * text links to, or 0.
 */
public record Span(String text, Style style, int link) {
    public Span {
        if (text == null || style == null) {
            throw new IllegalArgumentException("span text and style must not be null");
        }
    }

    public Span(String text, Style style) {
        this(text, style, 0);
    }
}
