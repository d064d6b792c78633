package dev.tidings.tui;

import java.util.List;

/**
 * The help screen as the view and the tests read it: which screen's keys it lists, its rows from
 * the key table, laid out for the window, and how far it is scrolled. {@link ReaderState#help()}
 * hands it out.
 */
public final class HelpFace {
    private final Navigator nav;

    HelpFace(Navigator nav) {
        this.nav = nav;
    }

    /** The screen the help lists the keys of (the screen showing when help is not open). */
    public Action.Screen about() {
        return nav.top() instanceof HelpScreen ? ((HelpScreen) nav.top()).about() : nav.screen();
    }

    /** The first row shown. */
    public int top() {
        return nav.top() instanceof HelpScreen ? ((HelpScreen) nav.top()).top() : 0;
    }

    /** The help screen's rows: keys and what they do, for the screen help was opened from. */
    public List<String[]> rows() {
        return KeyHelp.rows(nav.session.keys, about());
    }

    /** The rows laid out for the window's width: nothing is cut, long descriptions wrap. */
    List<HelpLayout.HelpLine> lines() {
        return HelpLayout.lay(rows(), nav.session.width);
    }
}
