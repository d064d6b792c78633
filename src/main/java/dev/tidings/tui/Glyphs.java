package dev.tidings.tui;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * What the terminal can show. Terminals with Unicode fonts get every cluster as it is. The Linux
 * console (TERM=linux) has a 512-glyph font: Latin, Greek, Cyrillic, punctuation, arrows, box
 * drawing and blocks; VT100-family terminals (vt100, vt102, vt220, vt52, ansi) ASCII. A cluster
 * they cannot show is drawn as a stand-in of the same width: {@code ·} per column on the console,
 * {@code .} per column on an ASCII terminal, so every row still lines up.
 */
enum Glyphs {
    UNICODE, LINUX_CONSOLE, ASCII;

    static Glyphs forTerm(Map<String, String> env) {
        String term = env.getOrDefault("TERM", "").toLowerCase(Locale.ROOT);
        if (term.equals("linux")) {
            return LINUX_CONSOLE;
        }
        if (term.matches("vt(52|1\\d\\d|2\\d\\d)(-.*)?|ansi")) {
            return ASCII;
        }
        return UNICODE;
    }

    /** The cluster itself, or the stand-in for it ({@code width} columns). */
    String drawable(String cluster, int width) {
        if (this == UNICODE || fits(cluster, width)) {
            return cluster;
        }
        return (this == ASCII ? "." : "\u00b7").repeat(Math.max(1, width));
    }

    private boolean fits(String cluster, int width) {
        if (width != 1) {
            return false;
        }
        String s = cluster.length() == 1 ? cluster : Normalizer.normalize(cluster, Normalizer.Form.NFC);
        if (s.codePointCount(0, s.length()) != 1) {
            return false;
        }
        int cp = s.codePointAt(0);
        if (this == ASCII) {
            return cp >= 0x20 && cp < 0x7f;
        }
        return cp < 0x530 || (cp >= 0x2010 && cp <= 0x25ff);
    }
}
