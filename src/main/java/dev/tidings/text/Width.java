package dev.tidings.text;

/**
 * Display width of text in terminal columns, cluster by cluster ({@link Graphemes}): CJK and emoji
 * take two columns, combining marks, variation selectors and joiners none, a flag two. Every
 * measure in Tidings (layout, list truncation, search highlight, the painter) comes from here, so
 * they cannot disagree.
 *
 * <pre>of("abc") = 3, of("漢字") = 4, of("👍") = 2, of("é") = 1 (e + U+0301), of("") = 0</pre>
 */
public final class Width {
    private Width() {
    }

    /** Display width of a whole string. */
    public static int of(CharSequence s) {
        int n = s.length();
        int width = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && (i + 1 == n || s.charAt(i + 1) < 0x300)) {
                width++; // printable ASCII not followed by a possible mark
                i++;
                continue;
            }
            int end = Graphemes.next(s, i);
            width += Graphemes.width(s, i, end);
            i = end;
        }
        return width;
    }

    /** Width of one code point on its own: 0, 1 or 2. */
    public static int of(int cp) {
        return Graphemes.width(cp);
    }

    /** East Asian Wide/Fullwidth and emoji-presentation code points. */
    public static boolean isWide(int cp) {
        return cp >= 0x1100 && Graphemes.width(cp) == 2;
    }

    /**
     * The longest prefix of {@code s} that fits in {@code columns}, never splitting a grapheme
     * cluster (a base and its marks, a ZWJ sequence, a flag).
     */
    public static String truncate(String s, int columns) {
        if (columns <= 0) {
            return "";
        }
        int width = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            int end = Graphemes.next(s, i);
            int w = Graphemes.width(s, i, end);
            if (width + w > columns) {
                break;
            }
            width += w;
            i = end;
        }
        return i == n ? s : s.substring(0, i);
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
