package dev.tidings.text;

import java.util.Arrays;

/**
 * Looks up the generated {@link UnicodeTables}: per code point its grapheme-break class, whether
 * it is Extended_Pictographic, its Indic_Conjunct_Break, its terminal width and whether terminals
 * disagree on that width; and the Bidi_Mirroring_Glyph of a character. Decoded once, on first use
 * (about 2,500 ranges: well under a millisecond).
 */
final class UnicodeData {
    private static final int[] STARTS;
    private static final short[] PROPS;
    private static final short[] ASCII = new short[128];
    private static final int[] MIRROR_FROM;
    private static final int[] MIRROR_TO;

    static {
        int[][] ranges = pairs(UnicodeTables.RANGES, 4096);
        STARTS = ranges[0];
        PROPS = new short[ranges[1].length];
        for (int i = 0; i < PROPS.length; i++) {
            PROPS[i] = (short) ranges[1][i];
        }
        for (int cp = 0; cp < 128; cp++) {
            ASCII[cp] = lookup(cp);
        }
        int[][] mirrors = pairs(UnicodeTables.MIRRORS, 512);
        MIRROR_FROM = mirrors[0];
        MIRROR_TO = mirrors[1];
    }

    /** Decodes the generated "A:B " hex pairs of {@code chunks} into two arrays {a..., b...}. */
    private static int[][] pairs(String[] chunks, int expected) {
        int[] as = new int[expected];
        int[] bs = new int[expected];
        int n = 0;
        for (String chunk : chunks) {
            int i = 0;
            int len = chunk.length();
            while (i < len) {
                int a = 0;
                char c;
                while ((c = chunk.charAt(i++)) != ':') {
                    a = a * 16 + Character.digit(c, 16);
                }
                int b = 0;
                while ((c = chunk.charAt(i++)) != ' ') {
                    b = b * 16 + Character.digit(c, 16);
                }
                if (n == as.length) {
                    as = Arrays.copyOf(as, n * 2);
                    bs = Arrays.copyOf(bs, n * 2);
                }
                as[n] = a;
                bs[n] = b;
                n++;
            }
        }
        return new int[][] {Arrays.copyOf(as, n), Arrays.copyOf(bs, n)};
    }

    private UnicodeData() {
    }

    private static short lookup(int cp) {
        int i = Arrays.binarySearch(STARTS, cp);
        return PROPS[i >= 0 ? i : -i - 2];
    }

    /** The packed properties (see {@link UnicodeTables}); out-of-range input counts as a control. */
    static int props(int cp) {
        if (cp < 128) {
            return cp < 0 ? UnicodeTables.CONTROL : ASCII[cp];
        }
        return cp > 0x10ffff ? UnicodeTables.CONTROL : lookup(cp);
    }

    static int gcb(int props) {
        return props & 0xf;
    }

    static boolean pictographic(int props) {
        return (props & 0x10) != 0;
    }

    static int incb(int props) {
        return (props >> 5) & 3;
    }

    static int width(int props) {
        return (props >> 7) & 3;
    }

    static boolean disputed(int props) {
        return (props & 0x200) != 0;
    }

    /** The mirrored glyph of {@code cp} ("(" for ")"), or {@code cp} itself. */
    static int mirror(int cp) {
        int i = Arrays.binarySearch(MIRROR_FROM, cp);
        return i >= 0 ? MIRROR_TO[i] : cp;
    }
}
