package dev.tidings.render;

import java.util.Locale;
import java.util.Set;

/**
 * A paragraph's base direction: {@link #AUTO} takes it from the first strong character (UAX #9
 * P2-P3); {@link #LTR} and {@link #RTL} are what the article's markup said ({@code dir="rtl"}, or a
 * {@code lang} of a language written right to left).
 */
public enum Direction {
    AUTO, LTR, RTL;

    /** Languages written right to left (ISO 639 codes, as in CLDR's character-order data). */
    private static final Set<String> RTL_LANGUAGES = Set.of("ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku-arab",
            "mzn", "nqo", "pnb", "ps", "sd", "syr", "ug", "ur", "yi", "ji", "prs", "azb", "lrc", "glk", "bal", "bqi");

    /**
     * The direction an element's {@code dir} and {@code lang} attributes give, or null when they say
     * nothing (the parent's direction holds). {@code dir} wins; {@code dir="auto"} is {@link #AUTO}.
     */
    public static Direction of(String dir, String lang) {
        String d = dir == null ? "" : dir.strip().toLowerCase(Locale.ROOT);
        switch (d) {
            case "rtl":
                return RTL;
            case "ltr":
                return LTR;
            case "auto":
                return AUTO;
            default:
                break;
        }
        if (lang == null || lang.isBlank()) {
            return null;
        }
        String l = lang.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (l.contains("-arab") || l.contains("-hebr") || l.contains("-thaa") || l.contains("-syrc")) {
            return RTL; // a script subtag decides: "pa-Arab", "az-Arab"
        }
        if (l.contains("-latn") || l.contains("-cyrl")) {
            return LTR;
        }
        int dash = l.indexOf('-');
        return RTL_LANGUAGES.contains(dash < 0 ? l : l.substring(0, dash)) ? RTL : null;
    }
}
