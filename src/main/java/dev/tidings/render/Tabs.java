package dev.tidings.render;

import dev.tidings.text.Graphemes;

/**
 * Tabs in preformatted text go to the next tab stop (every 8 columns, counted in display columns
 * from the start of the line), as a terminal or a browser shows them.
 *
 * <pre>expand("a\tb") = "a       b", expand("漢\tb") = "漢      b", expand("") = ""</pre>
 */
final class Tabs {
    static final int STOP = 8;

    private Tabs() {
    }

    static String expand(String line) {
        if (line.indexOf('\t') < 0) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.length() + 16);
        int col = 0;
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) == '\t') {
                int next = (col / STOP + 1) * STOP;
                sb.append(" ".repeat(next - col));
                col = next;
                i++;
                continue;
            }
            int end = Graphemes.next(line, i);
            col += Graphemes.width(line, i, end);
            sb.append(line, i, end);
            i = end;
        }
        return sb.toString();
    }
}
