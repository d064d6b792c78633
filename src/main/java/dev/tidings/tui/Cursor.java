package dev.tidings.tui;

/**
 * A selected row and the first row shown, for any list or page the reader scrolls: the feed list,
 * the headlines, the collections, the dialog's choices, the help and the article. One clamp rule
 * for all of them: the selection stays on an item and inside the rows shown, and the page never
 * starts past the last full page.
 */
final class Cursor {
    private int selected;
    private int top;

    int selected() {
        return selected;
    }

    int top() {
        return top;
    }

    /** Back to the first item, at the top. */
    void reset() {
        selected = 0;
        top = 0;
    }

    /** Moves the selection by {@code delta} items of {@code n}, scrolling so it stays in {@code rows}. */
    void moveBy(long delta, int n, int rows) {
        if (n > 0) {
            selected = clamp(selected + delta, 0, n - 1);
            keepInView(n, rows);
        }
    }

    /** Puts the selection on item {@code index} (clamped). */
    void moveTo(long index, int n, int rows) {
        moveBy(index - selected, n, rows);
    }

    /** Selects item {@code index} as it is, for a list about to be clamped with {@link #keepInView}. */
    void select(int index) {
        selected = index;
    }

    /** Clamps the selection to the {@code n} items and scrolls so it is inside the {@code rows} shown. */
    void keepInView(int n, int rows) {
        selected = clamp(selected, 0, Math.max(0, n - 1));
        if (selected < top) {
            top = selected;
        } else if (selected >= top + rows) {
            top = selected - rows + 1;
        }
        top = clamp(top, 0, Math.max(0, n - rows));
    }

    /** A page without a selection (help, article): scrolls by {@code delta} lines of {@code total}. */
    void scrollBy(long delta, int total, int rows) {
        top = clamp(top + delta, 0, Math.max(0, total - rows));
    }

    /** A page without a selection: puts line {@code line} at the top (clamped). */
    void scrollTo(long line, int total, int rows) {
        top = clamp(line, 0, Math.max(0, total - rows));
    }

    static int clamp(long v, int lo, int hi) {
        return (int) Math.max(lo, Math.min(hi, v));
    }
}
