package dev.tidings.tui;

import dev.tidings.text.Width;
import java.util.ArrayList;
import java.util.List;

/**
 * The help screen's rows laid out for a width, nothing cut: a key and its description share a row
 * when they fit; a longer description wraps in its column; a key too wide for the key column
 * gets a row of its own with the description wrapped under it.
 */
final class HelpLayout {
    private HelpLayout() {
    }

    /** One screen row of the help: the key (or "") and text starting at column {@code textCol}. */
    record HelpLine(String key, String text, int textCol) {
    }

    /** Column where the keys start. */
    static final int KEY_COL = 1;

    static List<HelpLine> lay(List<String[]> rows, int width) {
        int keyWidth = 0;
        for (String[] r : rows) {
            keyWidth = Math.max(keyWidth, Width.of(r[0]));
        }
        keyWidth = Math.min(keyWidth, Math.max(8, width / 3));
        int textCol = KEY_COL + keyWidth + 2;
        int room = Math.max(8, width - textCol - 1);
        List<HelpLine> out = new ArrayList<>();
        for (String[] r : rows) {
            if (Width.of(r[0]) <= keyWidth) {
                List<String> text = wrap(r[1], room);
                for (int i = 0; i < text.size(); i++) {
                    out.add(new HelpLine(i == 0 ? r[0] : "", text.get(i), textCol));
                }
            } else {
                out.add(new HelpLine(Width.ellipsize(r[0], Math.max(1, width - KEY_COL - 1)), "", textCol));
                int under = KEY_COL + 3;
                for (String line : wrap(r[1], Math.max(8, width - under - 1))) {
                    out.add(new HelpLine("", line, under));
                }
            }
        }
        return out;
    }

    /** {@code text} in lines of at most {@code width} columns, broken at spaces (a longer word is cut into pieces). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            String w = word;
            while (Width.of(w) > width) { // a word wider than the column: cut, never lost
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String head = Width.truncate(w, width);
                if (head.isEmpty()) {
                    head = w.substring(0, Character.charCount(w.codePointAt(0)));
                }
                lines.add(head);
                w = w.substring(head.length());
            }
            if (w.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && Width.of(line) + 1 + Width.of(w) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(w);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
