package dev.tidings.text;

/**
 * Display width of text in terminal columns: CJK and emoji take two columns, combining marks,
 * variation selectors and zero-width joiners none. A code point after a ZWJ is part of the same
 * glyph and takes none; a regional-indicator pair (a flag) takes two.
 *
 * <pre>of("abc") = 3, of("漢字") = 4, of("👍") = 2, of("é") = 1 (e + U+0301), of("") = 0</pre>
 */
public final class Width {
    private Width() {
    }

    /** Display width of a whole string. */
    public static int of(CharSequence s) {
        int width = 0;
        int prev = 0;
        boolean riOpen = false;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            if (prev == 0x200d) { // joined to the previous glyph
                prev = cp;
                continue;
            }
            if (cp >= 0x1f1e6 && cp <= 0x1f1ff) { // regional indicators: pairs form one flag
                width += riOpen ? 0 : 2;
                riOpen = !riOpen;
                prev = cp;
                continue;
            }
            riOpen = false;
            width += of(cp);
            prev = cp;
        }
        return width;
    }

    /** Width of one code point on its own: 0, 1 or 2. */
    public static int of(int cp) {
        if (cp < 0x300) {
            return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 0 : 1;
        }
        if (isZeroWidth(cp)) {
            return 0;
        }
        return isWide(cp) ? 2 : 1;
    }

    private static boolean isZeroWidth(int cp) {
        if (cp == 0x200b || cp == 0x200c || cp == 0x200d || cp == 0x2060 || cp == 0xfeff) {
            return true;
        }
        if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) {
            return true; // variation selectors
        }
        if (cp >= 0x1f3fb && cp <= 0x1f3ff) {
            return true; // skin tone modifiers join the previous emoji
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || (type == Character.FORMAT && cp != 0x00ad);
    }

    /** East Asian Wide/Fullwidth and emoji-presentation code points. */
    public static boolean isWide(int cp) {
        if (cp < 0x1100) {
            return false;
        }
        return (cp <= 0x115f) // Hangul Jamo initials
                || cp == 0x2329 || cp == 0x232a
                || (cp >= 0x231a && cp <= 0x231b) || (cp >= 0x23e9 && cp <= 0x23ec) || cp == 0x23f0 || cp == 0x23f3
                || (cp >= 0x25fd && cp <= 0x25fe) || (cp >= 0x2614 && cp <= 0x2615) || (cp >= 0x2648 && cp <= 0x2653)
                || cp == 0x267f || cp == 0x2693 || cp == 0x26a1 || (cp >= 0x26aa && cp <= 0x26ab)
                || (cp >= 0x26bd && cp <= 0x26be) || (cp >= 0x26c4 && cp <= 0x26c5) || cp == 0x26ce || cp == 0x26d4
                || cp == 0x26ea || (cp >= 0x26f2 && cp <= 0x26f3) || cp == 0x26f5 || cp == 0x26fa || cp == 0x26fd
                || cp == 0x2705 || (cp >= 0x270a && cp <= 0x270b) || cp == 0x2728 || cp == 0x274c || cp == 0x274e
                || (cp >= 0x2753 && cp <= 0x2755) || cp == 0x2757 || (cp >= 0x2795 && cp <= 0x2797) || cp == 0x27b0
                || cp == 0x27bf || (cp >= 0x2b1b && cp <= 0x2b1c) || cp == 0x2b50 || cp == 0x2b55
                || (cp >= 0x2e80 && cp <= 0x303e) // CJK radicals, punctuation
                || (cp >= 0x3041 && cp <= 0x33ff) // kana, CJK compatibility
                || (cp >= 0x3400 && cp <= 0x4dbf) // CJK ext A
                || (cp >= 0x4e00 && cp <= 0x9fff) // CJK unified
                || (cp >= 0xa000 && cp <= 0xa4cf) // Yi
                || (cp >= 0xa960 && cp <= 0xa97f) // Hangul Jamo ext A
                || (cp >= 0xac00 && cp <= 0xd7a3) // Hangul syllables
                || (cp >= 0xf900 && cp <= 0xfaff) // CJK compatibility ideographs
                || (cp >= 0xfe10 && cp <= 0xfe19) // vertical forms
                || (cp >= 0xfe30 && cp <= 0xfe6f) // CJK compatibility forms
                || (cp >= 0xff00 && cp <= 0xff60) // fullwidth forms
                || (cp >= 0xffe0 && cp <= 0xffe6)
                || (cp >= 0x16fe0 && cp <= 0x18aff) // Tangut etc.
                || (cp >= 0x1b000 && cp <= 0x1b2ff) // kana supplement
                || (cp >= 0x1f004 && cp <= 0x1f004) || cp == 0x1f0cf || cp == 0x1f18e
                || (cp >= 0x1f191 && cp <= 0x1f19a)
                || (cp >= 0x1f200 && cp <= 0x1f251)
                || (cp >= 0x1f300 && cp <= 0x1f64f) // symbols, pictographs, emoticons
                || (cp >= 0x1f680 && cp <= 0x1f6ff) // transport
                || (cp >= 0x1f7e0 && cp <= 0x1f7eb)
                || (cp >= 0x1f90c && cp <= 0x1f9ff) // supplemental symbols
                || (cp >= 0x1fa70 && cp <= 0x1faff)
                || (cp >= 0x20000 && cp <= 0x2fffd) // CJK ext B..
                || (cp >= 0x30000 && cp <= 0x3fffd);
    }

    /**
     * The longest prefix of {@code s} that fits in {@code columns}, never splitting a surrogate
     * pair or separating a combining mark from its base.
     */
    public static String truncate(String s, int columns) {
        if (columns <= 0) {
            return "";
        }
        int width = 0;
        int i = 0;
        int prev = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int w = prev == 0x200d ? 0 : of(cp);
            if (width + w > columns) {
                break;
            }
            width += w;
            i += Character.charCount(cp);
            prev = cp;
        }
        return s.substring(0, i);
    }

    /** {@code s} cut to {@code columns}, ending with "…" when it had to be cut. */
    public static String ellipsize(String s, int columns) {
        if (of(s) <= columns) {
            return s;
        }
        if (columns <= 1) {
            return truncate(s, columns);
        }
        return truncate(s, columns - 1) + "…";
    }

    /** {@code s} padded with spaces (or cut) to exactly {@code columns}. */
    public static String pad(String s, int columns) {
        String cut = truncate(s, columns);
        int w = of(cut);
        if (w >= columns) {
            return cut;
        }
        return cut + " ".repeat(columns - w);
    }
}
