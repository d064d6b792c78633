package dev.tidings.tui;

import java.util.List;

/** The keys of the screen help was opened from, and what they do: from the key table ({@link KeyHelp}). */
final class HelpScreen extends ScreenState {
    /** The screen whose keys are listed: the one under the help. */
    private final Action.Screen about;
    private final Cursor viewport = new Cursor();

    HelpScreen(Navigator nav, Action.Screen about) {
        super(nav);
        this.about = about;
    }

    @Override
    Action.Screen kind() {
        return Action.Screen.HELP;
    }

    Action.Screen about() {
        return about;
    }

    int top() {
        return viewport.top();
    }

    List<String[]> rows() {
        return KeyHelp.rows(session.keys, about);
    }

    /** The rows as drawn at the window's width (long descriptions wrapped): what scrolls. */
    List<HelpLayout.HelpLine> lines() {
        return HelpLayout.lay(rows(), session.width);
    }

    @Override
    void act(Action a, int n) {
        throw new IllegalStateException("unhandled action " + a + " on the help");
    }

    @Override
    void move(long delta) {
        viewport.scrollBy(delta, lines().size(), session.bodyRows());
    }

    @Override
    void moveTo(int index) {
        viewport.scrollTo(index, lines().size(), session.bodyRows());
    }

    @Override
    void resized() {
        viewport.scrollBy(0, lines().size(), session.bodyRows());
    }
}
