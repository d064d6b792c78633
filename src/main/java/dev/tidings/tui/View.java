package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.render.Bidi;
import dev.tidings.render.Line;
import dev.tidings.render.Segment;
import dev.tidings.text.Find;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Width;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link ReaderState} onto a screen: title bar, the list, article or help, and the
 * status line. Only the visible rows are touched, so 100,000 headlines cost what 30 do.
 */
final class View {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM dd", Locale.ENGLISH);
    private static final String SPINNER = "|/-\\";

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
        titleBar(s, p, w);
        Action.Screen under = s.screen() == Action.Screen.DIALOG ? s.dialogReturn() : s.screen();
        switch (under) {
            case LIST:
                if (s.split()) {
                    feeds(s, p, w, s.feedPaneRows(), false);
                    paneCaption(s, p, w, s.listRows().isEmpty() ? null : s.feedRowShown(), true);
                }
                list(s, p, w, s.visible(), s.headlineOrigin(), s.headlineRows(), s.listTop(), s.selected());
                break;
            case ARTICLE:
                article(s, p, w);
                break;
            case COLLECTIONS:
                browser(s, p, w);
                break;
            case FEEDS:
                feeds(s, p, w, s.feedPaneRows(), true);
                if (s.split()) {
                    paneCaption(s, p, w, s.feedRowShown(), false);
                    list(s, p, w, s.preview(), s.headlineOrigin(), s.headlineRows(), 0, -1);
                }
                break;
            default:
                help(s, p, w);
        }
        if (s.screen() == Action.Screen.DIALOG) {
            dialog(s, p, w, h);
        }
        statusLine(s, p, w, h - 1, tick);
        if (s.urlOverlay() != null) {
            urlOverlay(s, p, w, h);
        }
    }

    // ---------------------------------------------------------------- title bar

    private static void titleBar(ReaderState s, Painter p, int w) {
        p.fill(0, 0, w, Ui.TITLEBAR);
        String left;
        String right;
        Action.Screen shown = s.screen() == Action.Screen.DIALOG ? s.dialogReturn() : s.screen();
        switch (shown) {
            case FEEDS: {
                int n = s.feedRows().size();
                left = " Tidings — " + n + (n == 1 ? " feed" : " feeds");
                int[] all = s.listRows().isEmpty() ? new int[2] : s.counts(s.listRows().get(0));
                right = all[0] + " unread  row " + (s.feedsSelected() + 1) + " of " + s.listRows().size() + " ";
                break;
            }
            case COLLECTIONS: {
                left = " Tidings — Collections";
                int n = s.library() == null ? 0 : s.library().collections().size();
                right = n == 0 ? "" : "collection " + (s.browserSelected() + 1) + " of " + n + " ";
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
                left = " Tidings — keys for the " + KeyHelp.title(s.helpReturn());
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
        ReaderState.ListRow row = s.feedRowShown();
        return row == null ? s.selectorLabel() : row.selector() == null ? "all feeds" : row.label();
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

    // ---------------------------------------------------------------- headline list

    /**
     * Headlines from {@code top}, on {@code rows} screen rows from row {@code origin};
     * {@code selected} is highlighted (-1: none, the list does not have the focus).
     */
    private static void list(ReaderState s, Painter p, int w, List<Headline> items, int origin, int rows, int top,
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
        return s.library() != null && s.library().find(s.viewing())
                .map(c -> !c.articles().isEmpty() && !s.library().articles().containsKey(c.articles().get(0)))
                .orElse(false);
    }

    private static String day(Instant date, ReaderState s) {
        return date == null ? "  --  " : DAY.format(date.atZone(s.zone()));
    }

    // ---------------------------------------------------------------- article

    private static void article(ReaderState s, Painter p, int w) {
        List<Line> lines = s.lines();
        int rows = s.rows();
        int tw = s.textWidth();
        int left = Math.max(0, Math.min(2, (w - tw) / 2));
        String find = s.find();
        for (int r = 0; r < rows; r++) {
            int idx = s.articleTop() + r;
            if (idx >= lines.size()) {
                break;
            }
            Line line = lines.get(idx);
            List<Piece> pieces = highlighted(line, find);
            int c = left;
            if (p.reorders() && (line.rtl() || Bidi.needed(line.text()))) {
                pieces = Bidi.visual(pieces, Piece::text, Piece::with, line.rtl());
                if (line.rtl()) {
                    c = left + Math.max(0, tw - line.width()); // right-aligned in the text column
                }
            }
            for (Piece piece : pieces) {
                c = p.text(c, r + 1, Math.min(w, left + tw), piece.text(), piece.ui());
            }
        }
    }

    /** Styled text on a line; a search match is its own piece. */
    record Piece(String text, Ui ui) {
        Piece with(String t) {
            return new Piece(t, ui);
        }
    }

    /** The line's segments as pieces, the matches of {@code find} (NFC, any case) marked. */
    static List<Piece> highlighted(Line line, String find) {
        List<Piece> out = new ArrayList<>();
        List<int[]> matches = find.isEmpty() ? List.of() : Find.ranges(line.text(), find);
        int pos = 0;
        int m = 0;
        for (Segment seg : line.segments()) {
            String t = seg.text();
            int start = pos;
            int end = pos + t.length();
            int at = start;
            while (m < matches.size() && matches.get(m)[0] < end) {
                int[] mt = matches.get(m);
                int from = Math.max(mt[0], at);
                int to = Math.min(mt[1], end);
                if (from > at) {
                    out.add(new Piece(t.substring(at - start, from - start), Ui.of(seg.style())));
                }
                if (to > from) {
                    out.add(new Piece(t.substring(from - start, to - start), Ui.MATCH));
                }
                at = Math.max(at, to);
                if (mt[1] <= end) {
                    m++;
                } else {
                    break;
                }
            }
            if (at < end) {
                out.add(new Piece(t.substring(at - start), Ui.of(seg.style())));
            }
            pos = end;
        }
        return out;
    }

    // ---------------------------------------------------------------- help

    private static void help(ReaderState s, Painter p, int w) {
        List<HelpLayout.HelpLine> lines = s.helpLines();
        for (int r = 0; r < s.rows(); r++) {
            int idx = s.helpTop() + r;
            if (idx >= lines.size()) {
                break;
            }
            HelpLayout.HelpLine line = lines.get(idx);
            p.text(HelpLayout.KEY_COL, r + 1, w, line.key(), Ui.HELP_KEY);
            p.text(line.textCol(), r + 1, w, line.text(), Ui.HELP_TEXT);
        }
    }

    // ---------------------------------------------------------------- status line

    private static void statusLine(ReaderState s, Painter p, int w, int row, int tick) {
        p.fill(row, 0, w, Ui.STATUS);
        if (s.prompt() != ReaderState.Prompt.NONE) {
            String label;
            switch (s.prompt()) {
                case FILTER: label = "Filter: "; break;
                case RULE: label = "Rule: "; break;
                case FIND: label = "Find: "; break;
                case SEARCH: label = "Search all articles: "; break;
                case NEW_COLLECTION: label = "New collection name: "; break;
                case RENAME: label = "Rename to: "; break;
                case CONFIRM: label = ""; break;
                case SEND_TO: label = "Send to (" + s.sendToChoices() + "): "; break;
                default: label = "Follow link number: ";
            }
            if (s.prompt() == ReaderState.Prompt.CONFIRM) {
                p.text(0, row, w, Width.ellipsize(" " + s.confirmQuestion(), w), Ui.PROMPT);
                return;
            }
            String in = s.input();
            int room = Math.max(1, w - Width.of(label) - 2);
            if (Width.of(in) > room) {
                // keep the end of what is typed visible
                while (Width.of(in) > room - 1 && !in.isEmpty()) {
                    in = in.substring(in.offsetByCodePoints(0, 1));
                }
                in = "…" + in;
            }
            int c = p.text(0, row, w, label, Ui.PROMPT);
            c = p.text(c, row, w, in, Ui.PROMPT);
            p.text(c, row, w, "_", Ui.PROMPT);
            return;
        }
        String right = "";
        if (s.pendingFeeds() > 0) {
            right = SPINNER.charAt(Math.floorMod(tick, 4)) + " loading " + (s.totalFeeds() - s.pendingFeeds()) + "/"
                    + s.totalFeeds() + " ";
        } else if (s.extracting()) {
            right = SPINNER.charAt(Math.floorMod(tick, 4)) + " fetching article ";
        } else if (!s.pendingCount().isEmpty()) {
            right = s.pendingCount() + " ";
        }
        int rw = Width.of(right);
        String msg = s.statusText().isEmpty() ? s.hints() : s.statusText();
        Ui ui = s.statusText().isEmpty() ? Ui.HINT : s.statusIsError() ? Ui.ERROR : Ui.STATUS;
        p.text(0, row, w - rw, Width.ellipsize(" " + msg, Math.max(1, w - rw - 1)), ui);
        if (rw > 0 && rw < w) {
            p.text(w - rw, row, w, right, Ui.STATUS);
        }
    }

    // ---------------------------------------------------------------- the feed list

    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("MMM dd HH:mm", Locale.ENGLISH);

    /** The line between the panes: which feed the headlines below are from, and how many are unread. */
    private static void paneCaption(ReaderState s, Painter p, int w, ReaderState.ListRow row, boolean focusBelow) {
        int line = 1 + s.feedPaneRows();
        String name = row == null ? "" : row.selector() == null ? "All feeds" : row.label();
        int[] c = row == null ? new int[2] : s.counts(row);
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
    private static void feeds(ReaderState s, Painter p, int w, int height, boolean focused) {
        List<ReaderState.ListRow> rows = s.listRows();
        for (int r = 0; r < height; r++) {
            int idx = s.feedsTop() + r;
            if (idx >= rows.size()) {
                break;
            }
            ReaderState.ListRow row = rows.get(idx);
            int line = r + 1;
            boolean sel = idx == s.feedsSelected() && focused;
            if (sel) {
                p.fill(line, 0, w, Ui.SELECTION);
            }
            boolean shown = idx == s.feedsSelected() && !focused; // the feed whose headlines have the focus
            int[] c = s.counts(row);
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

    // ---------------------------------------------------------------- collections

    private static void browser(ReaderState s, Painter p, int w) {
        dev.tidings.model.Library lib = s.library();
        if (lib == null || lib.collections().isEmpty()) {
            p.text(2, 2, w, "No Collections", Ui.HEADING);
            p.text(2, 4, w, Width.ellipsize("Here you will find all the collections you create.", w - 3), Ui.BODY);
            p.text(2, 5, w, Width.ellipsize("Press n to create one, or a on any article to save it.", w - 3), Ui.META);
            return;
        }
        List<dev.tidings.model.SavedCollection> list = lib.newestFirst();
        int rows = Math.max(1, s.rows() - 1);
        p.text(1, 1, w, Width.ellipsize(list.size() + (list.size() == 1 ? " collection" : " collections")
                + ", newest first", w - 2), Ui.META);
        for (int r = 0; r < rows; r++) {
            int idx = s.browserTop() + r;
            if (idx >= list.size()) {
                break;
            }
            dev.tidings.model.SavedCollection c = list.get(idx);
            int row = r + 2;
            boolean sel = idx == s.browserSelected();
            if (sel) {
                p.fill(row, 0, w, Ui.SELECTION);
            }
            String count = c.articles().size() + (c.articles().size() == 1 ? " article" : " articles");
            String created = c.created() == null ? "" : "  " + DAY.format(c.created().atZone(s.zone()));
            String right = count + created + " ";
            int rw = Width.of(right);
            p.text(0, row, w, sel ? ">" : " ", sel ? Ui.SELECTION : Ui.BODY);
            p.text(2, row, Math.max(2, w - rw - 1), Width.ellipsize(c.name(), Math.max(1, w - rw - 3)),
                    sel ? Ui.SELECTION : Ui.TITLE);
            if (rw < w - 4) {
                p.text(w - rw, row, w, right, sel ? Ui.SELECTION : Ui.DATE);
            }
        }
    }

    /** "Add to Collection": a framed box over the screen with a checkbox per collection. */
    private static void dialog(ReaderState s, Painter p, int w, int h) {
        dev.tidings.model.Library lib = s.library();
        int boxW = Math.min(w - 2, 60);
        int left = (w - boxW) / 2;
        int right = left + boxW - 1;
        List<dev.tidings.model.SavedCollection> list = lib == null ? List.of() : lib.collections();
        int inner = Math.max(3, Math.min(list.isEmpty() ? 3 : list.size(), h - 9));
        int top = Math.max(1, (h - inner - 7) / 2);
        int bottom = top + inner + 5;
        for (int r = top; r <= bottom && r < h - 1; r++) {
            p.fill(r, left, left + boxW, Ui.STATUS);
            p.text(left, r, left + 1, "│", Ui.RULE);
            p.text(right, r, right + 1, "│", Ui.RULE);
        }
        p.text(left, top, right + 1, "┌" + "─".repeat(boxW - 2) + "┐", Ui.RULE);
        p.text(left + 2, top, right - 1, " Add to Collection ", Ui.HEADING);
        p.text(left, bottom, right + 1, "└" + "─".repeat(boxW - 2) + "┘", Ui.RULE);
        String title = s.dialogEntry() == null ? "" : s.dialogEntry().item().title();
        p.text(left + 2, top + 1, right - 1, Width.ellipsize(title, boxW - 4), Ui.META);
        if (list.isEmpty()) {
            p.text(left + 2, top + 3, right - 1, "No Collections", Ui.TITLE);
            p.text(left + 2, top + 4, right - 1, Width.ellipsize("No collections yet: press n to create one.",
                    boxW - 4), Ui.BODY);
        } else {
            int first = Math.max(0, Math.min(s.dialogSelected() - inner + 1, list.size() - inner));
            for (int i = 0; i < inner && first + i < list.size(); i++) {
                int idx = first + i;
                dev.tidings.model.SavedCollection c = list.get(idx);
                boolean in = s.dialogEntry() != null && c.contains(s.dialogEntry().item().id());
                boolean sel = idx == s.dialogSelected();
                int row = top + 3 + i;
                if (sel) {
                    p.fill(row, left + 1, right, Ui.SELECTION);
                }
                String line = (sel ? "> " : "  ") + (in ? "[x] " : "[ ] ") + c.name() + "  (" + c.articles().size() + ")";
                p.text(left + 1, row, right, Width.ellipsize(line, boxW - 3), sel ? Ui.SELECTION : Ui.BODY);
            }
        }
        p.text(left + 2, bottom - 1, right - 1, Width.ellipsize("Space tick  n new  Enter/Esc close", boxW - 4),
                Ui.HINT);
    }

    /**
     * The link in full, wrapped over as many rows as it needs (the whole window above the status
     * line if it must); a link longer than even that ends with a line saying how much is not shown.
     */
    private static void urlOverlay(ReaderState s, Painter p, int w, int h) {
        String url = s.urlOverlay();
        int inner = Math.max(10, w - 2);
        java.util.List<String> parts = new java.util.ArrayList<>();
        String rest = url;
        while (!rest.isEmpty()) {
            String head = Width.truncate(rest, inner);
            if (head.isEmpty()) {
                break;
            }
            parts.add(head);
            rest = rest.substring(head.length());
        }
        int room = Math.max(1, h - 2); // rows under the overlay's title, above the status line
        if (parts.size() > room) {
            int shown = room - 1;
            int left = url.length() - String.join("", parts.subList(0, shown)).length();
            parts = new java.util.ArrayList<>(parts.subList(0, shown));
            parts.add("… " + left + " more characters (y copies the whole link)");
        }
        int top = Math.max(0, Math.min(h / 2 - parts.size() / 2 - 1, h - 2 - parts.size()));
        String title = "Link (select it with the mouse; any key closes):";
        if (Width.of(title) > w - 2) {
            title = "Link (any key closes):";
        }
        p.fill(top, 0, w, Ui.TITLEBAR);
        p.text(1, top, w, Width.ellipsize(title, Math.max(1, w - 2)), Ui.TITLEBAR);
        for (int i = 0; i < parts.size() && top + 1 + i < h - 1; i++) {
            p.fill(top + 1 + i, 0, w, Ui.STATUS);
            p.text(1, top + 1 + i, w, Width.ellipsize(parts.get(i), inner), Ui.LINK_URL);
        }
    }
}
