package dev.tidings.render;

/**
 * Semantic styles of rendered text. Only the TUI maps them to colours (through a theme) and only
 * the ANSI writer maps them to escape codes; the renderer never knows either.
 */
public enum Style {
    TITLE, META, HEADING, BODY, STRONG, EMPHASIS, CODE, QUOTE, LIST_MARKER,
    CAPTION, CREDIT, LINK_TEXT, LINK_REF, LINK_URL, RULE, TABLE, SECTION
}
