package dev.tidings.tui;

/**
 * How the window's rows are shared under the title bar and above the status line: the feed list
 * and the headline list as two panes when there is room (subscriptions, {@link #SPLIT_MIN_HEIGHT}
 * rows), else one screen at a time. Computed from the {@link Navigator}'s stack and the window
 * size on every call, so it never goes stale.
 */
final class PaneLayout {
    /** From this height on the feed list is a pane above the headline list; below it they take turns. */
    static final int SPLIT_MIN_HEIGHT = ReaderState.SPLIT_MIN_HEIGHT;

    private final Navigator nav;

    PaneLayout(Navigator nav) {
        this.nav = nav;
    }

    /**
     * True when the feed list and the headline list share the screen: subscriptions, a window at
     * least {@link #SPLIT_MIN_HEIGHT} rows high, and neither a collection nor an article shown.
     */
    boolean split() {
        Action.Screen s = nav.under().kind();
        return splitLayout() && (s == Action.Screen.FEEDS || s == Action.Screen.LIST);
    }

    /** The pane sizes the feed list and the headline list have whenever they are shown. */
    private boolean splitLayout() {
        return nav.session.feedsMode() && nav.viewing() == null && nav.searchShown() == null
                && nav.session.height >= SPLIT_MIN_HEIGHT;
    }

    /** Rows of the feed list: a pane of about two fifths of the window when split, else all rows. */
    int feedPaneRows() {
        int body = nav.session.bodyRows();
        if (!splitLayout()) {
            return body;
        }
        return Cursor.clamp(nav.session.listRows().size(), 3, Math.max(3, body * 2 / 5));
    }

    /** Rows of the headline list: below the feed pane and its one-line caption when split. */
    int headlineRows() {
        int body = nav.session.bodyRows();
        return splitLayout() ? Math.max(1, body - feedPaneRows() - 1) : body;
    }

    /** The screen row where the headline list starts. */
    int headlineOrigin() {
        return split() ? 2 + feedPaneRows() : 1;
    }

    /** Rows available for the screen in focus: the window minus the title bar and the status line, or its pane. */
    int rows() {
        Action.Screen s = nav.under().kind();
        if (s == Action.Screen.FEEDS) {
            return feedPaneRows();
        }
        if (s == Action.Screen.LIST) {
            return headlineRows();
        }
        return nav.session.bodyRows();
    }

    /** Rows a page key moves: the rows in focus less one kept for context. */
    int page() {
        return Math.max(1, rows() - 1);
    }

    /** True below {@link ReaderState#MIN_WIDTH} x {@link ReaderState#MIN_HEIGHT}: only quit and back work. */
    boolean tooSmall() {
        return nav.session.width < ReaderState.MIN_WIDTH || nav.session.height < ReaderState.MIN_HEIGHT;
    }
}
