package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.text.Width;
import java.time.Instant;
import java.util.List;

/**
 * The headline list: one row per headline (selection, unread dot, saved or starred mark, day,
 * title, feed), or a line saying why there is none.
 */
final class HeadlineListView {
    private HeadlineListView() {
    }

    /**
     * Headlines from {@code top}, on {@code rows} screen rows from row {@code origin};
     * {@code selected} is highlighted (-1: none, the list does not have the focus).
     */
    static void draw(ReaderState s, Painter p, int w, List<Headline> items, int origin, int rows, int top,
                     int selected) {
        if (items.isEmpty()) {
            String msg = s.searchShown() != null && s.filter().isEmpty() ? "  Nothing matches " + s.searchShown() + "."
                    : s.pendingFeeds() > 0 && s.viewing() == null ? "  Loading…" : !s.filter().isEmpty()
                    ? "  Nothing matches \"" + s.filter() + "\". Esc clears the filter."
                    : s.viewing() != null && viewingHasArticles(s) ? "  Loading the collection…"
                    : s.viewing() != null ? "  This collection is empty. Save articles to it with a."
                    : s.unreadOnly() ? "  No unread items (u shows all)." : "  No items.";
            p.text(0, origin, w, msg, Ui.META);
            return;
        }
        boolean showFeed = w >= 70;
        int feedWidth = showFeed ? Math.min(24, w / 5) : 0;
        for (int r = 0; r < rows; r++) {
            int idx = top + r;
            if (idx >= items.size()) {
                break;
            }
            Headline e = items.get(idx);
            int row = r + origin;
            boolean sel = idx == selected;
            boolean unread = !s.isRead(e);
            if (sel) {
                p.fill(row, 0, w, Ui.SELECTION);
            }
            int c = 0;
            c = p.text(c, row, w, sel ? ">" : " ", sel ? Ui.SELECTION : Ui.BODY);
            c = p.text(c, row, w, unread ? "●" : " ", sel ? Ui.SELECTION : Ui.UNREAD);
            // "+" saved in a collection, "*" starred on a sync server (saved shows first)
            c = p.text(c, row, w, s.isSaved(e) ? "+" : s.isStarred(e) ? "*" : " ", sel ? Ui.SELECTION : Ui.SAVED);
            c = p.text(c, row, w, " ", sel ? Ui.SELECTION : Ui.BODY);
            c = p.text(c, row, w, day(e.item().date(), s) + "  ", sel ? Ui.SELECTION : Ui.DATE);
            int titleEnd = showFeed ? w - feedWidth - 2 : w - 1;
            String title = e.item().title().isEmpty() ? "(untitled)" : e.item().title();
            p.line(c, row, titleEnd, Width.ellipsize(title, Math.max(1, titleEnd - c)),
                    sel ? Ui.SELECTION : unread ? Ui.UNREAD : Ui.READ);
            if (showFeed) {
                p.line(w - feedWidth - 1, row, w - 1, Width.ellipsize(e.feed().name(), feedWidth),
                        sel ? Ui.SELECTION : Ui.FEED);
            }
        }
    }

    /** True when the collection shown lists articles that are not in yet (the quick read came first). */
    private static boolean viewingHasArticles(ReaderState s) {
        dev.tidings.model.Library lib = s.collections().library();
        return lib != null && lib.find(s.viewing())
                .map(c -> !c.articles().isEmpty() && !lib.articles().containsKey(c.articles().get(0)))
                .orElse(false);
    }

    private static String day(Instant date, ReaderState s) {
        return date == null ? "  --  " : View.DAY.format(date.atZone(s.zone()));
    }
}
