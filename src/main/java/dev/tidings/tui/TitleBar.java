package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Width;

/**
 * The title bar (row 0): what the screen shows on the left ("Tidings — 12 feeds", the feed's name,
 * "Collection: Later"), where the reader is on the right ("item 3 of 40", "Top"), and how many new
 * items refreshes brought.
 */
final class TitleBar {
    private TitleBar() {
    }

    /** Row 0, {@code w} columns wide, for the screen shown (the one under a dialog). */
    static void draw(ReaderState s, Painter p, int w) {
        p.fill(0, 0, w, Ui.TITLEBAR);
        String left;
        String right;
        Action.Screen shown = s.screen() == Action.Screen.DIALOG ? s.dialogReturn() : s.screen();
        switch (shown) {
            case FEEDS: {
                FeedListFace list = s.feedList();
                int n = list.feeds().size();
                left = " Tidings — " + n + (n == 1 ? " feed" : " feeds");
                int[] all = list.rows().isEmpty() ? new int[2] : list.counts(list.rows().get(0));
                right = all[0] + " unread  row " + (list.selected() + 1) + " of " + list.rows().size() + " ";
                break;
            }
            case COLLECTIONS: {
                left = " Tidings — Collections";
                int n = s.collections().library() == null ? 0 : s.collections().library().collections().size();
                right = n == 0 ? "" : "collection " + (s.collections().browserSelected() + 1) + " of " + n + " ";
                break;
            }
            case ARTICLE: {
                Headline e = s.current();
                left = " " + (e == null ? "" : e.feed().name());
                int idx = e == null ? -1 : s.currentIndex();
                right = (s.showingFull() ? "reader mode  " : "")
                        + (idx >= 0 ? "article " + (idx + 1) + " of " + s.visible().size() + "  " : "")
                        + position(s.articleTop(), s.rows(), s.lines().size()) + " ";
                break;
            }
            case HELP:
                left = " Tidings — keys for the " + KeyHelp.title(s.help().about());
                right = "";
                break;
            default: {
                left = s.searchShown() != null ? " Search: " + s.searchShown() + " (" + s.totalEntries() + ")"
                        : s.viewing() != null ? " Collection: " + s.viewing()
                        : s.feedsMode() ? " Tidings — " + shownLabel(s) : " Tidings — " + feedsLabel(s);
                String filter = s.filter().isEmpty() ? "" : "filter \"" + s.filter() + "\": ";
                String rule = s.rule().isEmpty() ? "" : "rule \"" + Width.ellipsize(Sanitize.line(s.rule()), 30) + "\": ";
                boolean narrowed = !s.filter().isEmpty() || !s.rule().isEmpty();
                right = rule + filter + (s.visible().isEmpty() ? "no items"
                        : "item " + (s.selected() + 1) + " of " + s.visible().size()
                        + (narrowed ? " (" + s.totalEntries() + " in all)" : "")) + " ";
            }
        }
        int fresh = s.newCount();
        if (fresh > 0) {
            right = fresh + " new  " + right; // items refreshes brought while reading
        }
        left = Sanitize.line(left);
        int rw = Width.of(right);
        int maxLeft = Math.max(0, w - rw - 1);
        p.line(0, 0, w, " " + Width.ellipsize(left.strip(), maxLeft - 1), Ui.TITLEBAR);
        if (rw < w) {
            p.text(w - rw, 0, w, right, Ui.TITLEBAR);
        }
    }

    /** The feed-list row the headlines are from, by its current name (a feed's title arrives after its URL). */
    private static String shownLabel(ReaderState s) {
        ListRow row = s.feedList().rowShown();
        return row == null ? s.feedList().selectorLabel() : row.selector() == null ? "all feeds" : row.label();
    }

    private static String feedsLabel(ReaderState s) {
        if (s.feedsLabel().isEmpty()) {
            return s.pendingFeeds() > 0 ? "loading" : "no feeds";
        }
        return s.feedsLabel();
    }

    /** "Top", "Bot", "All" or a percentage, like less and vim. */
    static String position(int top, int rows, int total) {
        if (total <= rows) {
            return "All";
        }
        if (top <= 0) {
            return "Top";
        }
        if (top + rows >= total) {
            return "Bot";
        }
        return (int) Math.round(100.0 * (top + rows) / total) + "%";
    }
}
