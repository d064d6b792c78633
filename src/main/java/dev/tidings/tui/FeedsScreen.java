package dev.tidings.tui;

import dev.tidings.app.Headline;
import java.util.ArrayList;
import java.util.List;

/**
 * The feed list (with subscriptions): all feeds, feeds without a tag, and each tag with its feeds,
 * with unread counts. Enter or Tab opens the row's headlines; in a tall window they show in a pane
 * below while the feed list has the focus.
 */
final class FeedsScreen extends ScreenState {
    private final Cursor cursor = new Cursor();
    /** What was searched last, offered again by the next "/". */
    private String lastSearch = "";

    FeedsScreen(Navigator nav) {
        super(nav);
    }

    @Override
    Action.Screen kind() {
        return Action.Screen.FEEDS;
    }

    int selected() {
        return cursor.selected();
    }

    int top() {
        return cursor.top();
    }

    /** The highlighted row, or null when there are none. */
    ListRow row() {
        List<ListRow> rows = session.listRows();
        return rows.isEmpty() ? null : rows.get(cursor.selected());
    }

    /** Headlines the selected row would open: what the lower pane shows while the feed list has the focus. */
    List<Headline> preview() {
        ListRow row = row();
        return row == null ? List.of() : session.preview(row.selector());
    }

    @Override
    void act(Action a, int n) {
        if (a == Action.OPEN) {
            openRow();
        } else if (a == Action.SEARCH) {
            session.line.startPrompt(Prompt.SEARCH, lastSearch);
        } else {
            throw new IllegalStateException("unhandled action " + a + " on the feed list");
        }
    }

    @Override
    void move(long delta) {
        cursor.moveBy(delta, session.listRows().size(), nav.layout.feedPaneRows());
    }

    @Override
    void moveTo(int index) {
        cursor.moveTo(index, session.listRows().size(), nav.layout.feedPaneRows());
    }

    /** Enter on "/": every cached article is searched in the background; the results open as a list. */
    @Override
    void promptEntered(Prompt p, String text) {
        if (p != Prompt.SEARCH || text.isBlank()) {
            return;
        }
        lastSearch = text.strip();
        try {
            dev.tidings.search.Query.parse(lastSearch);
        } catch (IllegalArgumentException e) {
            status("Search: " + e.getMessage(), true);
            return;
        }
        session.effect(new Effect.Search(lastSearch, session.everything(), session.library));
        status("Searching…", false);
    }

    /** The rows changed (a refresh, a feed's title arrived): the cursor stays on a row. */
    void rowsChanged() {
        cursor.keepInView(session.listRows().size(), nav.layout.feedPaneRows());
    }

    /** Opens the selected row's headlines. */
    void openRow() {
        ListRow row = row();
        if (row == null) {
            return;
        }
        HeadlinesScreen headlines = nav.feedList;
        headlines.reset(row.selector(), row.selector() == null ? "all feeds" : row.label(),
                session.select(session.everything(), row.selector()));
        nav.pushOnce(headlines);
    }

    /** The feeds of the selected row: one, a tag's, or all. */
    List<String> selectedSources() {
        List<String> urls = new ArrayList<>();
        ListRow row = row();
        if (row == null) {
            return urls;
        }
        for (FeedRow r : session.feedRows()) {
            if (row.selector() == null || ("feed:" + r.source()).equals(row.selector())
                    || (row.selector().startsWith("tag:")
                    && r.tags().stream().anyMatch(t -> t.equalsIgnoreCase(row.selector().substring(4))))) {
                urls.add(r.source());
            }
        }
        return urls;
    }
}
