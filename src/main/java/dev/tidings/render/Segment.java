package dev.tidings.render;

/** Styled text on one laid-out line; its text never holds a newline or control character. */
public record Segment(String text, Style style) {
}
