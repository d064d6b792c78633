package dev.tidings.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.tidings.text.Graphemes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the difference between two frames into terminal bytes: cursor moves (CUP), colours and
 * attributes (SGR) and each cluster as UTF-8, whole, once, in its cell. This replaces Lanterna's
 * output path, which writes one UTF-16 unit at a time ("??" for every emoji), counts any
 * multi-character cluster as two columns and writes a NUL after U+0080..U+07FF.
 *
 * <p>A cluster terminals disagree on (a ZWJ sequence, a flag, a skin tone, VS16, East Asian
 * Ambiguous) is written over erased cells (ECH), the cursor is placed again after it and the next
 * two cells are written too: whether the terminal draws it narrower or wider than we measure,
 * nothing stale is left and the rest of the row stays in place.
 */
final class FrameWriter {
    private static final byte ESC = 0x1b;

    private final Glyphs glyphs;
    private final Map<Theme.Look, byte[]> sgr = new HashMap<>();
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);
    private int curCol;
    private int curRow;
    private Theme.Look curLook;
    private boolean lookKnown;

    FrameWriter(Glyphs glyphs) {
        this.glyphs = glyphs;
    }

    /** The bytes that turn {@code front} (what the terminal shows; null: unknown) into {@code back}. */
    byte[] frame(Cells front, Cells back) {
        buf.reset();
        curCol = -1;
        curRow = -1;
        lookKnown = false;
        boolean complete = front == null || front.cols != back.cols || front.rows != back.rows;
        if (complete) {
            ascii("\u001b[0m\u001b[H\u001b[2J");
            curCol = 0;
            curRow = 0;
            curLook = null;
            lookKnown = true;
        }
        for (int row = 0; row < back.rows; row++) {
            int force = -1; // cells up to here are written even when unchanged
            for (int col = 0; col < back.cols; col++) {
                int at = row * back.cols + col;
                String t = back.text[at];
                if (t == null) {
                    continue; // covered by the wide cluster before it
                }
                boolean changed = complete || col <= force || !t.equals(front.text[at])
                        || back.width[at] != front.width[at] || !same(back.look[at], front.look[at]);
                if (!changed) {
                    continue;
                }
                int w = Math.max(1, back.width[at]);
                move(col, row);
                look(back.look[at]);
                boolean disputed = t.length() > 1 || t.charAt(0) >= 0x80
                        ? Graphemes.disputed(t, 0, t.length()) : false;
                if (disputed) {
                    ascii("\u001b[" + w + "X"); // erase the cells it should cover
                }
                byte[] bytes = glyphs.drawable(t, w).getBytes(StandardCharsets.UTF_8);
                buf.write(bytes, 0, bytes.length);
                if (disputed) {
                    curCol = -1; // wherever the terminal put the cursor, place it again
                    force = col + w + 1;
                } else {
                    curCol += w;
                }
            }
        }
        return buf.toByteArray();
    }

    private static boolean same(Theme.Look a, Theme.Look b) {
        return a == b || (a != null && a.equals(b));
    }

    private void move(int col, int row) {
        if (col == curCol && row == curRow) {
            return;
        }
        ascii("\u001b[" + (row + 1) + ";" + (col + 1) + "H");
        curCol = col;
        curRow = row;
    }

    private void look(Theme.Look l) {
        if (lookKnown && same(l, curLook)) {
            return;
        }
        byte[] b = sgr.computeIfAbsent(l == null ? DEFAULT : l, FrameWriter::sgr);
        buf.write(b, 0, b.length);
        curLook = l;
        lookKnown = true;
    }

    private static final Theme.Look DEFAULT = new Theme.Look(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT,
            java.util.EnumSet.noneOf(SGR.class));

    /** "ESC[0;attrs;fg;bgm": a full reset each time, so no attribute leaks from one look to the next. */
    static byte[] sgr(Theme.Look l) {
        StringBuilder sb = new StringBuilder("\u001b[0");
        if (l.sgr() != null) {
            for (SGR s : l.sgr()) {
                switch (s) {
                    case BOLD: sb.append(";1"); break;
                    case ITALIC: sb.append(";3"); break;
                    case UNDERLINE: sb.append(";4"); break;
                    case BLINK: sb.append(";5"); break;
                    case REVERSE: sb.append(";7"); break;
                    case CROSSED_OUT: sb.append(";9"); break;
                    default: break;
                }
            }
        }
        TextColor fg = l.fg() == null ? TextColor.ANSI.DEFAULT : l.fg();
        TextColor bg = l.bg() == null ? TextColor.ANSI.DEFAULT : l.bg();
        sb.append(';').append(new String(fg.getForegroundSGRSequence(), StandardCharsets.US_ASCII));
        sb.append(';').append(new String(bg.getBackgroundSGRSequence(), StandardCharsets.US_ASCII));
        return sb.append('m').toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            buf.write(s.charAt(i));
        }
    }
}
