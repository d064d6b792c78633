package dev.tidings.tui;

import dev.tidings.render.Style;
import java.util.Locale;

/**
 * The semantic styles a theme maps to colours: the renderer's {@link Style}s plus the reader's own
 * (title bar, status line, selection...). Theme files name them in lower case: "link_ref".
 */
public enum Ui {
    // the renderer's styles
    TITLE, META, HEADING, BODY, STRONG, EMPHASIS, CODE, QUOTE, LIST_MARKER, CAPTION, CREDIT, LINK_TEXT, LINK_REF,
    LINK_URL, RULE, TABLE, SECTION,
    // the reader's own
    TITLEBAR, STATUS, ERROR, HINT, SELECTION, UNREAD, READ, SAVED, DATE, FEED, MATCH, PROMPT, HELP_KEY, HELP_TEXT;

    public static Ui of(Style s) {
        return valueOf(s.name());
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Ui byConfigName(String name) {
        for (Ui u : values()) {
            if (u.configName().equals(name)) {
                return u;
            }
        }
        return null;
    }
}
