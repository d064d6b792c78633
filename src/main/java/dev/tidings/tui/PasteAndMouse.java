package dev.tidings.tui;

import dev.tidings.text.Sanitize;

/**
 * What a paste and a mouse report do to the screens. A paste is text, never keys: it goes into
 * the open prompt (search, a collection's name, a link number), one line, controls removed; with
 * no prompt open it is dropped with a word in the status line. With {@code mouse = on} the wheel
 * scrolls the screen in front and a click on a headline opens it (on a feed-list row, opens that
 * feed); any other report is ignored.
 */
final class PasteAndMouse {
    /** Rows the wheel moves per notch. */
    static final int WHEEL_ROWS = 3;
    /** The prompt takes at most this many characters (as typing does). */
    private static final int MAX_INPUT = 400;

    private final Navigator nav;

    PasteAndMouse(Navigator nav) {
        this.nav = nav;
    }

    /** Pasted text (from a bracketed paste). */
    void paste(String text) {
        StatusLine line = nav.session.line;
        Prompt p = line.prompt();
        if (line.urlOverlay() != null || p == Prompt.NONE || p == Prompt.CONFIRM) {
            nav.session.status(p == Prompt.CONFIRM ? "Paste ignored: answer y or n"
                    : "Paste ignored: paste into a prompt (/ searches)", false);
            return;
        }
        String clean = Sanitize.line(text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ')).strip();
        if (p == Prompt.FOLLOW) {
            clean = clean.replaceAll("[^0-9]", "");
        }
        StringBuilder input = line.input();
        int room = MAX_INPUT - input.length();
        if (room <= 0 || clean.isEmpty()) {
            return;
        }
        if (clean.length() > room) {
            clean = clean.substring(0, Character.isLowSurrogate(clean.charAt(room)) ? room - 1 : room);
        }
        input.append(clean);
        nav.top().promptEdited(p, input.toString());
    }

    /** A mouse report, 1-based cell as the terminal sends it; only called with {@code mouse = on}. */
    void mouse(InputSplitter.Mouse m) {
        Session session = nav.session;
        if (m.release() || nav.layout.tooSmall() || session.line.prompt() != Prompt.NONE) {
            return;
        }
        if (session.line.urlOverlay() != null) {
            session.line.showUrl(null); // as any key does
            return;
        }
        if (m.wheelUp() || m.wheelDown()) {
            nav.top().move(m.wheelUp() ? -WHEEL_ROWS : WHEEL_ROWS);
            return;
        }
        if (m.leftClick()) {
            click(m.row() - 1);
        }
    }

    /** A click on screen row {@code row} (0 is the title bar). */
    private void click(int row) {
        ScreenState top = nav.top();
        Action.Screen kind = top.kind();
        boolean feedsShown = kind == Action.Screen.FEEDS || (kind == Action.Screen.LIST && nav.layout.split());
        FeedsScreen feeds = nav.feeds();
        if (feedsShown && feeds != null && row >= 1 && row <= nav.layout.feedPaneRows()) {
            int index = feeds.top() + row - 1;
            if (index < nav.session.listRows().size()) {
                if (top != feeds) {
                    nav.popTo(feeds);
                }
                feeds.moveTo(index);
                feeds.openRow();
            }
            return;
        }
        if (kind == Action.Screen.LIST || (kind == Action.Screen.FEEDS && nav.layout.split())) {
            int origin = nav.layout.headlineOrigin();
            if (row < origin || row >= origin + nav.layout.headlineRows()) {
                return;
            }
            if (kind == Action.Screen.FEEDS) {
                feeds.openRow(); // the lower pane showed this row's headlines from the top
            }
            HeadlinesScreen list = nav.list();
            int index = list.top() + row - origin;
            if (index < list.visible().size()) {
                list.moveTo(index);
                nav.apply(Action.OPEN, 0);
            }
        }
    }
}
