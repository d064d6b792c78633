package dev.tidings.text;

/**
 * Makes untrusted text safe to show in a terminal. Feed text is hostile: it may carry escape
 * sequences (CSI, OSC 52 clipboard writes, OSC 8 hyperlinks), C0/C1 controls, DEL, a bare
 * {@code \r} that overwrites a row, bidi overrides that disguise text, and lone surrogates.
 *
 * <p>Whole sequences are removed with their payload: {@code "a\u001b[31mb"} becomes {@code "ab"},
 * {@code "x\u001b]52;c;ZXZpbA==\u0007y"} becomes {@code "xy"}. Lone surrogates become U+FFFD.
 * Text without anything to remove is returned as the same instance.
 */
public final class Sanitize {
    private Sanitize() {
    }

    private static final char ESC = 0x1b;
    private static final char BEL = 0x07;
    private static final char REPLACEMENT = '\uFFFD';

    /**
     * For one-line fields (titles, names, URLs, feed names): controls, escape sequences, bidi
     * controls and the invisible direction marks LRM, RLM and ALM (U+200E, U+200F, U+061C) removed
     * (ZWNJ and ZWJ, which shape Persian and emoji, stay); newlines, tabs and U+2028/U+2029 become spaces; runs of whitespace fold
     * into one space; leading and trailing whitespace go. {@code null} becomes "".
     * <pre>line(" Breaking:\n\u202Egnp.exe ") = "Breaking: gnp.exe"</pre>
     */
    public static String line(String s) {
        if (s == null) {
            return "";
        }
        if (isCleanLine(s)) {
            return s;
        }
        String cleaned = clean(s, false);
        return foldWhitespace(cleaned);
    }

    /**
     * For bodies: like {@link #line} but keeps {@code \n} and {@code \t}; {@code \r\n} and a lone
     * {@code \r} become {@code \n}. Whitespace is not folded.
     */
    public static String body(String s) {
        if (s == null) {
            return "";
        }
        if (isCleanBody(s)) {
            return s;
        }
        return clean(s, true);
    }

    /** True when {@code c} may never reach a terminal in any field. */
    private static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c) || Character.isSurrogate(c);
    }

    /** Bidi embeddings, overrides and isolates: U+202A..U+202E and U+2066..U+2069. */
    public static boolean isBidiControl(int c) {
        return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK and ARABIC LETTER MARK: invisible, they only steer the
     * bidi algorithm, so in a one-line field they can reorder what surrounds a title. Not ZWNJ/ZWJ.
     */
    public static boolean isDirectionMark(int c) {
        return c == 0x200e || c == 0x200f || c == 0x061c;
    }

    private static boolean isCleanLine(String s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        char prev = 'x';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x00a0 || isDirectionMark(c)
                    || c >= 0x2028 && (c <= 0x202e || (c >= 0x2066 && c <= 0x2069) || Character.isSurrogate(c)
                    || c == 0x3000)) {
                return false;
            }
            if (c == ' ' && prev == ' ') {
                return false;
            }
            prev = c;
        }
        return true;
    }

    private static boolean isCleanBody(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') {
                continue;
            }
            if (isUnsafe(c)) {
                return false;
            }
        }
        return true;
    }

    private static String clean(String s, boolean keepNewlines) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ESC) {
                i = skipEscape(s, i + 1);
                continue;
            }
            if (c == 0x9b) { // 8-bit CSI
                i = skipCsi(s, i + 1);
                continue;
            }
            if (c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e || c == 0x9f) { // 8-bit OSC, DCS, SOS, PM, APC
                i = skipString(s, i + 1);
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    out.append(c).append(s.charAt(i + 1));
                    i += 2;
                } else {
                    out.append(REPLACEMENT);
                    i++;
                }
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                out.append(REPLACEMENT);
                i++;
                continue;
            }
            if (c == '\r') {
                if (keepNewlines) {
                    if (i + 1 < n && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                    out.append('\n');
                } else {
                    out.append(' ');
                }
                i++;
                continue;
            }
            if (c == '\n' || c == '\t') {
                out.append(keepNewlines ? c : ' ');
                i++;
                continue;
            }
            if (c == 0x2028 || c == 0x2029) {
                out.append(keepNewlines ? '\n' : ' ');
                i++;
                continue;
            }
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c) || (!keepNewlines && isDirectionMark(c))) {
                i++;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** {@code i} is just after ESC; returns the index after the whole sequence. */
    private static int skipEscape(String s, int i) {
        if (i >= s.length()) {
            return i;
        }
        char c = s.charAt(i);
        switch (c) {
            case '[':
                return skipCsi(s, i + 1);
            case ']':
            case 'P':
            case 'X':
            case '^':
            case '_':
                return skipString(s, i + 1);
            default:
                // ESC followed by intermediates (0x20-0x2f) then one final byte
                while (i < s.length() && s.charAt(i) >= 0x20 && s.charAt(i) <= 0x2f) {
                    i++;
                }
                return Math.min(s.length(), i + 1);
        }
    }

    /** Parameters and intermediates, then a final byte 0x40-0x7e. */
    private static int skipCsi(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c >= 0x40 && c <= 0x7e) {
                return i;
            }
            if (c < 0x20 || c > 0x7e) { // not part of a CSI: sequence broken, stop before it
                return i - 1;
            }
        }
        return i;
    }

    /** OSC/DCS/SOS/PM/APC payload up to BEL, ESC \ or 8-bit ST; to the end when unterminated. */
    private static int skipString(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == BEL || c == 0x9c) {
                return i;
            }
            if (c == ESC) {
                if (i < s.length() && s.charAt(i) == '\\') {
                    return i + 1;
                }
                return i;
            }
        }
        return i;
    }

    private static String foldWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\u00a0' || c == '\u3000') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
