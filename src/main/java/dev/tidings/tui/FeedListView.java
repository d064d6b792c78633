package dev.tidings.tui;

import dev.tidings.text.Width;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The feed list (all feeds, tag groups, query feeds, feeds with unread counts, last update and
 * error) and, when it is a pane above the headlines, the caption line between the two.
 */
final class FeedListView {
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("MMM dd HH:mm", Locale.ENGLISH);

    private FeedListView() {
    }

    /** The line between the panes: which feed the headlines below are from, and how many are unread. */
    static void caption(ReaderState s, Painter p, int w, ListRow row, boolean focusBelow) {
        int line = 1 + s.feedPaneRows();
        String name = row == null ? "" : row.selector() == null ? "All feeds" : row.label();
        int[] c = row == null ? new int[2] : s.feedList().counts(row);
        String left = "── " + name + " · " + (c[0] > 0 ? c[0] + " unread" : c[1] > 0 ? "all read" : "no items") + " ";
        String right = w >= 60 ? (focusBelow ? " Tab: feed list " : " Enter/Tab: headlines ") : "";
        int rw = Width.of(right);
        String text = Width.ellipsize(left, Math.max(1, w - rw));
        int end = p.text(0, line, w, text, Ui.HINT);
        p.text(end, line, w - rw, "─".repeat(Math.max(0, w - rw - end)), Ui.HINT);
        if (rw > 0) {
            p.text(w - rw, line, w, right, Ui.HINT);
        }
    }

    /** The feed list on {@code height} rows under the title bar; its selection is filled when it has the focus. */
    static void draw(ReaderState s, Painter p, int w, int height, boolean focused) {
        FeedListFace list = s.feedList();
        List<ListRow> rows = list.rows();
        for (int r = 0; r < height; r++) {
            int idx = list.top() + r;
            if (idx >= rows.size()) {
                break;
            }
            ListRow row = rows.get(idx);
            int line = r + 1;
            boolean sel = idx == list.selected() && focused;
            if (sel) {
                p.fill(line, 0, w, Ui.SELECTION);
            }
            boolean shown = idx == list.selected() && !focused; // the feed whose headlines have the focus
            int[] c = list.counts(row);
            boolean group = row.feed() == null;
            String count = c[0] > 0 ? c[0] + " unread" : c[1] > 0 ? "all read" : "no items";
            String when = "";
            String err = "";
            if (row.feed() != null) {
                when = row.feed().updated() == null ? "never" : UPDATED.format(row.feed().updated().atZone(s.zone()));
                err = row.feed().error();
            }
            String right = count + (w >= 60 && row.feed() != null ? "  " + Width.pad(when, 12) : "") + " ";
            int rw = Width.of(right);
            int c0 = p.text(0, line, w, sel || shown ? ">" : " ", sel ? Ui.SELECTION : shown ? Ui.HEADING : Ui.BODY);
            c0 = p.text(c0, line, w, err.isEmpty() ? " " : "!", sel ? Ui.SELECTION : Ui.ERROR);
            String label = "  ".repeat(row.depth()) + (group && row.selector() != null ? "▸ " + row.label() : row.label());
            String withErr = err.isEmpty() ? label : label + "  (" + err + ")";
            int room = Math.max(1, w - rw - c0 - 2);
            p.text(c0 + 1, line, w - rw, Width.ellipsize(withErr, room),
                    sel ? Ui.SELECTION : group || shown ? Ui.HEADING : c[0] > 0 ? Ui.UNREAD : Ui.READ);
            if (rw < w - 6) {
                p.text(w - rw, line, w, right, sel ? Ui.SELECTION : Ui.DATE);
            }
        }
    }
}
