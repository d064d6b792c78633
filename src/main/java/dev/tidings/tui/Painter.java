package dev.tidings.tui;

import dev.tidings.render.Bidi;
import dev.tidings.text.Graphemes;

/**
 * Puts text into the frame's {@link Cells} grapheme cluster by cluster, measured by our one width
 * model ({@link Graphemes}): every cluster whole (ZWJ sequences, flags, skin tones, marks, ZWNJ),
 * in exactly the cells it takes. Nothing is ever drawn past {@code maxCol}; control characters,
 * bidi controls and stray marks with no base take no cell and never reach the terminal.
 */
final class Painter {
    private final Cells cells;
    private final Theme theme;
    private final boolean reorder;

    Painter(CellScreen screen, Theme theme, boolean reorder) {
        this.cells = screen.cells();
        this.theme = theme;
        this.reorder = reorder;
    }

    /** True when right-to-left text is put in display order by us (bidi = app). */
    boolean reorders() {
        return reorder;
    }

    /** Fills columns [from, to) of a row with spaces in a style. */
    void fill(int row, int from, int to, Ui ui) {
        Theme.Look look = theme.look(ui);
        for (int c = Math.max(0, from); c < to; c++) {
            cells.put(c, row, Cells.BLANK, 1, look);
        }
    }

    /** Draws one-line text (a title, a name) in display order from {@code col}, clipped; returns the column after it. */
    int line(int col, int row, int maxCol, String text, Ui ui) {
        return text(col, row, maxCol, reorder ? Bidi.visual(text) : text, ui);
    }

    /** Draws {@code text} as it is from {@code col}, clipped at {@code maxCol}; returns the column after it. */
    int text(int col, int row, int maxCol, String text, Ui ui) {
        Theme.Look look = theme.look(ui);
        int c = col;
        int n = text.length();
        int i = 0;
        while (i < n && c < maxCol) {
            int end = Graphemes.next(text, i);
            int w = Graphemes.width(text, i, end);
            if (w > 0) {
                if (c + w > maxCol) {
                    break;
                }
                cells.put(c, row, text.substring(i, end), w, look);
                c += w;
            }
            i = end;
        }
        return c;
    }
}
