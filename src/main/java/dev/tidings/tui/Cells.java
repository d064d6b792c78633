package dev.tidings.tui;

import java.util.Arrays;

/**
 * A frame as cells: each holds one grapheme cluster (as our width model measures it), its width
 * and its look; the cells a wide cluster covers hold {@code null}. Putting a cluster over part of
 * a wide one blanks the rest of it, so no half glyph is ever left behind.
 */
final class Cells {
    static final String BLANK = " ";

    final int cols;
    final int rows;
    final String[] text;
    final byte[] width;
    final Theme.Look[] look;

    Cells(int cols, int rows) {
        this.cols = Math.max(0, cols);
        this.rows = Math.max(0, rows);
        int n = this.cols * this.rows;
        text = new String[n];
        width = new byte[n];
        look = new Theme.Look[n];
        clear(null);
    }

    void clear(Theme.Look blank) {
        Arrays.fill(text, BLANK);
        Arrays.fill(width, (byte) 1);
        Arrays.fill(look, blank);
    }

    /** Puts a cluster {@code w} (>= 1) columns wide at (col, row); false when it does not fit. */
    boolean put(int col, int row, String cluster, int w, Theme.Look l) {
        if (row < 0 || row >= rows || col < 0 || col + w > cols || w < 1) {
            return false;
        }
        int at = row * cols + col;
        for (int k = 0; k < w; k++) {
            unlink(at + k, row);
        }
        text[at] = cluster;
        width[at] = (byte) Math.min(w, 127);
        look[at] = l;
        for (int k = 1; k < w; k++) {
            text[at + k] = null;
            width[at + k] = 0;
            look[at + k] = l;
        }
        return true;
    }

    /** Blanks the wide cluster that covers cell {@code at}, if any. */
    private void unlink(int at, int row) {
        int lead = at;
        int rowStart = row * cols;
        while (text[lead] == null && lead > rowStart) {
            lead--;
        }
        if (width[lead] <= 1 && lead == at) {
            return;
        }
        int end = lead + Math.max(1, width[lead]);
        for (int k = lead; k < end && k < rowStart + cols; k++) {
            text[k] = BLANK;
            width[k] = 1;
        }
    }

    String text(int col, int row) {
        return text[row * cols + col];
    }

    Theme.Look look(int col, int row) {
        return look[row * cols + col];
    }
}
