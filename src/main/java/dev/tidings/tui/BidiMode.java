package dev.tidings.tui;

import java.util.Locale;
import java.util.Map;

/**
 * Who puts right-to-left text in display order: {@code app} (Tidings reorders each displayed
 * line with the Unicode Bidirectional Algorithm and tells bidi-aware terminals not to reorder
 * again), {@code terminal} (lines go out in logical order for a terminal that does bidi itself),
 * {@code off} (logical order, nothing said), or {@code auto}: {@code terminal} on Konsole and
 * mlterm, which reorder by themselves and ignore BDSM, {@code app} everywhere else (tmux, xterm,
 * VTE/GNOME Terminal with BDSM, kitty, alacritty...).
 */
public enum BidiMode {
    AUTO, APP, TERMINAL, OFF;

    /** "auto", "app", "terminal" or "off" (any case); null for anything else. */
    public static BidiMode parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** AUTO resolved for the terminal described by {@code env}. */
    public BidiMode resolve(Map<String, String> env) {
        if (this != AUTO) {
            return this;
        }
        if (env.containsKey("KONSOLE_VERSION") || env.containsKey("MLTERM")) {
            return TERMINAL;
        }
        return APP;
    }

    /** True when Tidings reorders lines itself. */
    boolean reorders() {
        return this == APP;
    }
}
