package dev.tidings.tui;

import dev.tidings.text.Width;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link ReaderState} onto a screen: the {@link TitleBar}, the screen under it (the
 * {@link FeedListView} and {@link HeadlineListView}, the {@link ArticleView}, the
 * {@link CollectionsView} or the help), an overlay, and the {@link StatusLineView}. Only the
 * visible rows are touched, so 100,000 headlines cost what 30 do.
 */
final class View {
    /** Days in lists ("Dec 02"): headlines and collections. */
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM dd", Locale.ENGLISH);

    private View() {
    }

    static void draw(ReaderState s, CellScreen screen, Theme theme, int tick, boolean reorder) {
        Painter p = new Painter(screen, theme, reorder);
        int w = s.width();
        int h = s.height();
        screen.clear(null);
        if (s.tooSmall()) {
            String[] msg = {"Window too small", w + "x" + h + ", need " + ReaderState.MIN_WIDTH + "x"
                    + ReaderState.MIN_HEIGHT, "q quits"};
            for (int row = 0; row < msg.length && row < h; row++) {
                p.text(0, row, w, Width.truncate(msg[row], w), Ui.ERROR);
            }
            return;
        }
        TitleBar.draw(s, p, w);
        Action.Screen under = s.screen() == Action.Screen.DIALOG ? s.dialogReturn() : s.screen();
        switch (under) {
            case LIST:
                if (s.split()) {
                    FeedListView.draw(s, p, w, s.feedPaneRows(), false);
                    FeedListView.caption(s, p, w, s.feedList().rows().isEmpty() ? null : s.feedList().rowShown(), true);
                }
                HeadlineListView.draw(s, p, w, s.visible(), s.headlineOrigin(), s.headlineRows(), s.listTop(),
                        s.selected());
                break;
            case ARTICLE:
                ArticleView.draw(s, p, w);
                break;
            case COLLECTIONS:
                CollectionsView.browser(s, p, w);
                break;
            case FEEDS:
                FeedListView.draw(s, p, w, s.feedPaneRows(), true);
                if (s.split()) {
                    FeedListView.caption(s, p, w, s.feedList().rowShown(), false);
                    HeadlineListView.draw(s, p, w, s.feedList().preview(), s.headlineOrigin(), s.headlineRows(), 0, -1);
                }
                break;
            default:
                help(s, p, w);
        }
        if (s.screen() == Action.Screen.DIALOG) {
            CollectionsView.dialog(s, p, w, h);
        }
        StatusLineView.draw(s, p, w, h - 1, tick);
        if (s.urlOverlay() != null) {
            StatusLineView.urlOverlay(s, p, w, h);
        }
    }

    /** The help screen: the keys of the screen it was opened from, descriptions wrapped. */
    private static void help(ReaderState s, Painter p, int w) {
        List<HelpLayout.HelpLine> lines = s.help().lines();
        for (int r = 0; r < s.rows(); r++) {
            int idx = s.help().top() + r;
            if (idx >= lines.size()) {
                break;
            }
            HelpLayout.HelpLine line = lines.get(idx);
            p.text(HelpLayout.KEY_COL, r + 1, w, line.key(), Ui.HELP_KEY);
            p.text(line.textCol(), r + 1, w, line.text(), Ui.HELP_TEXT);
        }
    }
}
