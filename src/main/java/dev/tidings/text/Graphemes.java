package dev.tidings.text;

import static dev.tidings.text.UnicodeTables.CONTROL;
import static dev.tidings.text.UnicodeTables.CR;
import static dev.tidings.text.UnicodeTables.EXTEND;
import static dev.tidings.text.UnicodeTables.INCB_CONSONANT;
import static dev.tidings.text.UnicodeTables.INCB_EXTEND;
import static dev.tidings.text.UnicodeTables.INCB_LINKER;
import static dev.tidings.text.UnicodeTables.L;
import static dev.tidings.text.UnicodeTables.LF;
import static dev.tidings.text.UnicodeTables.LV;
import static dev.tidings.text.UnicodeTables.LVT;
import static dev.tidings.text.UnicodeTables.PREPEND;
import static dev.tidings.text.UnicodeTables.REGIONAL_INDICATOR;
import static dev.tidings.text.UnicodeTables.SPACING_MARK;
import static dev.tidings.text.UnicodeTables.T;
import static dev.tidings.text.UnicodeTables.V;
import static dev.tidings.text.UnicodeTables.ZWJ;

/**
 * Extended grapheme clusters (UAX #29, Unicode {@value UnicodeTables#UNICODE_VERSION}) and the
 * columns a terminal gives each: what a reader sees as one character, e.g. {@code e + U+0301},
 * {@code 👩‍💻}, a flag, a Hangul syllable spelled in jamo, the Devanagari conjunct {@code क्ष}.
 *
 * <p>Width of a cluster, as terminals that measure code points (xterm, VTE, tmux 3.3) draw it:
 * the sum of its code points' widths (UAX #11 Wide/Fullwidth and emoji presentation 2; marks,
 * format characters, default ignorables and Hangul medial/final jamo 0; else 1), except that a
 * code point after a ZWJ joins the glyph before it and a flag (two regional indicators) is 2.
 *
 * <pre>next("e\u0301x", 0) = 2, width("👍") = 2, width("🇫🇷") = 2, width("👩‍💻") = 2, width("漢") = 2,
 * width("ที่") = 1, width("") = 0</pre>
 */
public final class Graphemes {
    private Graphemes() {
    }

    /** Unicode version of the tables behind this class, e.g. "16.0". */
    public static final String UNICODE_VERSION = UnicodeTables.UNICODE_VERSION;

    /** End (exclusive) of the cluster that starts at {@code from}; {@code s.length()} at the end. */
    public static int next(CharSequence s, int from) {
        int n = s.length();
        if (from >= n) {
            return n;
        }
        int cp = Character.codePointAt(s, from);
        int j = from + Character.charCount(cp);
        int prev = UnicodeData.props(cp);
        int gp = UnicodeData.gcb(prev);
        if (gp == CR) {
            return j < n && s.charAt(j) == '\n' ? j + 1 : j; // GB3, GB4
        }
        if (gp == LF || gp == CONTROL) {
            return j; // GB4
        }
        int ri = gp == REGIONAL_INDICATOR ? 1 : 0;
        int emoji = UnicodeData.pictographic(prev) ? 1 : 0; // 1: ExtPict Extend*, 2: ... ZWJ
        int conjunct = UnicodeData.incb(prev) == INCB_CONSONANT ? 1 : 0; // 1: consonant [extend]*, 2: a linker seen
        while (j < n) {
            int c = Character.codePointAt(s, j);
            int q = UnicodeData.props(c);
            int gq = UnicodeData.gcb(q);
            int incb = UnicodeData.incb(q);
            boolean join;
            if (gq == CR || gq == LF || gq == CONTROL) {
                join = false; // GB5
            } else if (gp == L && (gq == L || gq == V || gq == LV || gq == LVT)) {
                join = true; // GB6
            } else if ((gp == LV || gp == V) && (gq == V || gq == T)) {
                join = true; // GB7
            } else if ((gp == LVT || gp == T) && gq == T) {
                join = true; // GB8
            } else if (gq == EXTEND || gq == ZWJ || gq == SPACING_MARK || gp == PREPEND) {
                join = true; // GB9, GB9a, GB9b
            } else if (conjunct == 2 && incb == INCB_CONSONANT) {
                join = true; // GB9c
            } else if (emoji == 2 && UnicodeData.pictographic(q)) {
                join = true; // GB11
            } else {
                join = gp == REGIONAL_INDICATOR && gq == REGIONAL_INDICATOR && ri % 2 == 1; // GB12, GB13
            }
            if (!join) {
                break;
            }
            ri = gq == REGIONAL_INDICATOR ? ri + 1 : 0;
            if (UnicodeData.pictographic(q)) {
                emoji = 1;
            } else if (emoji == 1 && gq == EXTEND) {
                emoji = 1;
            } else {
                emoji = emoji == 1 && gq == ZWJ ? 2 : 0;
            }
            if (incb == INCB_CONSONANT) {
                conjunct = 1;
            } else if (conjunct > 0 && incb == INCB_LINKER) {
                conjunct = 2;
            } else if (conjunct == 0 || incb != INCB_EXTEND) {
                conjunct = 0;
            }
            prev = q;
            gp = gq;
            j += Character.charCount(c);
        }
        return j;
    }

    /** Columns the cluster {@code s[start, end)} takes on a terminal: 0, 1, 2 or (emoji + skin tone) more. */
    public static int width(CharSequence s, int start, int end) {
        int first = Character.codePointAt(s, start);
        int firstEnd = start + Character.charCount(first);
        if (firstEnd == end) {
            return UnicodeData.width(UnicodeData.props(first));
        }
        int p0 = UnicodeData.props(first);
        if (UnicodeData.gcb(p0) == REGIONAL_INDICATOR) {
            return 2; // a flag
        }
        int w = UnicodeData.width(p0);
        boolean afterZwj = first == 0x200d;
        for (int i = firstEnd; i < end; ) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            if (!afterZwj) {
                w += UnicodeData.width(UnicodeData.props(cp));
            }
            afterZwj = cp == 0x200d;
        }
        return w;
    }

    /** Columns of the whole cluster {@code s}. */
    public static int width(CharSequence s) {
        return s.length() == 0 ? 0 : width(s, 0, s.length());
    }

    /**
     * True when terminals disagree on how wide the cluster is drawn (East Asian Ambiguous,
     * text-default emoji, variation selectors, ZWJ sequences, skin tones, flags): a painter should
     * put the cursor itself after drawing it.
     */
    public static boolean disputed(CharSequence s, int start, int end) {
        for (int i = start; i < end; ) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            int p = UnicodeData.props(cp);
            if (UnicodeData.disputed(p) || cp == 0x200d || cp == 0xfe0f || cp == 0xfe0e
                    || (UnicodeData.pictographic(p) && i < end)) {
                return true;
            }
        }
        return false;
    }

    /** Width of one code point on its own: 0, 1 or 2. */
    public static int width(int cp) {
        return UnicodeData.width(UnicodeData.props(cp));
    }

    /** The Bidi_Mirroring_Glyph of {@code cp} ("(" for ")", "»" for "«"), or {@code cp} itself. */
    public static int mirror(int cp) {
        return UnicodeData.mirror(cp);
    }
}
