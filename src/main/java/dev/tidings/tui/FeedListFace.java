package dev.tidings.tui;

import dev.tidings.app.Headline;
import java.util.List;

/**
 * The feed list as the view and the tests read it: its rows (all feeds, tag groups, query feeds,
 * feeds), their unread counts, the selection, and the headlines the selected row would open.
 * Without subscriptions it is empty (no rows, nothing selected). {@link ReaderState#feedList()}
 * hands it out.
 */
public final class FeedListFace {
    private final Navigator nav;

    FeedListFace(Navigator nav) {
        this.nav = nav;
    }

    /** The rows shown: "All feeds", query feeds, tag groups and the feeds under them. */
    public List<ListRow> rows() {
        return nav.session.listRows();
    }

    /** The subscribed feeds, as the shell last gave them (names filled in as feeds load). */
    public List<FeedRow> feeds() {
        return nav.session.feedRows();
    }

    public int selected() {
        return nav.feeds() == null ? 0 : nav.feeds().selected();
    }

    public int top() {
        return nav.feeds() == null ? 0 : nav.feeds().top();
    }

    /** The name of the row the feeds' headline list was opened from. */
    public String selectorLabel() {
        return nav.feedList.selectorLabel();
    }

    /** Unread and total articles per feed source, computed once per change. */
    public int[] counts(String source) {
        return nav.session.counts(source);
    }

    /** Unread and total of a feed-list row. */
    public int[] counts(ListRow row) {
        return nav.session.counts(row);
    }

    /** Headlines the selected row would open: what the lower pane shows while the feed list has the focus. */
    public List<Headline> preview() {
        return nav.feeds() == null ? List.of() : nav.feeds().preview();
    }

    /** The row the headlines come from (the highlighted one while the feed list has the focus), or null. */
    public ListRow rowShown() {
        return nav.feeds() == null ? null : nav.feeds().row();
    }
}
