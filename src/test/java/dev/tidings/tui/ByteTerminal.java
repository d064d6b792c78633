package dev.tidings.tui;

import dev.tidings.text.Graphemes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small terminal for tests: replays the bytes the reader writes (CUP, ED, ECH, SGR, BDSM and
 * UTF-8 text) into a grid of cells, one grapheme cluster per cell, advancing as our width model
 * says, and counts what must never be there: NUL and other C0 bytes outside escape sequences,
 * invalid UTF-8, replacement characters.
 */
final class ByteTerminal extends ByteArrayOutputStream {
    int cols;
    int rows;
    String[] cells;
    int nuls;
    int strayControls;
    /** OSC and DCS sequences seen (notifications). */
    int oscs;
    int badText;
    private int consumed;
    private int col;
    private int row;

    ByteTerminal(int cols, int rows) {
        resize(cols, rows);
    }

    void resize(int c, int r) {
        if (cells != null) {
            replay(); // what was drawn at the old size
        }
        cols = c;
        rows = r;
        cells = new String[c * r];
        Arrays.fill(cells, " ");
    }

    /** Applies every byte written since the last call. */
    synchronized ByteTerminal replay() {
        byte[] all = toByteArray();
        int i = consumed;
        while (i < all.length) {
            int b = all[i] & 0xff;
            if (b == 0x1b) {
                i = escape(all, i + 1);
                continue;
            }
            if (b < 0x20 || b == 0x7f) {
                if (b == 0) {
                    nuls++;
                }
                strayControls++;
                i++;
                continue;
            }
            int j = i;
            while (j < all.length && (all[j] & 0xff) >= 0x20 && all[j] != 0x7f && all[j] != 0x1b) {
                j++;
            }
            text(new String(all, i, j - i, StandardCharsets.UTF_8), all, i, j);
            i = j;
        }
        consumed = all.length;
        return this;
    }

    private void text(String s, byte[] raw, int from, int to) {
        if (!new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s)
                || !Arrays.equals(s.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(raw, from, to))
                || s.indexOf('\ufffd') >= 0) {
            badText++;
        }
        for (int i = 0; i < s.length(); ) {
            int end = Graphemes.next(s, i);
            int w = Graphemes.width(s, i, end);
            if (row >= 0 && row < rows && col >= 0 && col + w <= cols && w > 0) {
                cells[row * cols + col] = s.substring(i, end);
                for (int k = 1; k < w; k++) {
                    cells[row * cols + col + k] = null;
                }
            }
            col += w;
            i = end;
        }
    }

    private int escape(byte[] a, int i) {
        if (i < a.length && (a[i] == ']' || a[i] == 'P')) { // OSC or DCS (a notification): draws nothing
            oscs++;
            int j = i + 1;
            while (j < a.length && a[j] != 0x07 && !(a[j] == 0x1b && j + 1 < a.length && a[j + 1] == '\\')) {
                j += a[j] == 0x1b && j + 1 < a.length && a[j + 1] == 0x1b ? 2 : 1; // tmux doubles inner ESCs
            }
            return j < a.length && a[j] == 0x07 ? j + 1 : j + 2;
        }
        if (i >= a.length || a[i] != '[') {
            return i + 1;
        }
        int j = i + 1;
        while (j < a.length && (a[j] < 0x40 || a[j] > 0x7e)) {
            j++;
        }
        String params = new String(a, i + 1, j - i - 1, StandardCharsets.US_ASCII);
        char fin = (char) a[j];
        if (fin == 'H') {
            String[] p = params.isEmpty() ? new String[0] : params.split(";");
            row = p.length > 0 ? Integer.parseInt(p[0]) - 1 : 0;
            col = p.length > 1 ? Integer.parseInt(p[1]) - 1 : 0;
        } else if (fin == 'J' && params.equals("2")) {
            Arrays.fill(cells, " ");
        } else if (fin == 'X') {
            int n = params.isEmpty() ? 1 : Integer.parseInt(params);
            for (int k = 0; k < n && col + k < cols && row >= 0 && row < rows; k++) {
                cells[row * cols + col + k] = " ";
            }
        }
        return j + 1;
    }

    /** The screen as text, one line a row, trailing spaces dropped. */
    String screen() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                String cell = cells[r * cols + c];
                if (cell != null) {
                    line.append(cell);
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
