package dev.tidings.tui;

import dev.tidings.text.Width;

/**
 * The bottom row: the prompt being typed, the yes/no question, or the message or key hints with
 * the spinner; and the link overlay that shows a whole URL above it.
 */
final class StatusLineView {
    private static final String SPINNER = "|/-\\";

    private StatusLineView() {
    }

    /** The status line on {@code row}; {@code tick} turns the spinner while feeds load or an article is fetched. */
    static void draw(ReaderState s, Painter p, int w, int row, int tick) {
        p.fill(row, 0, w, Ui.STATUS);
        if (s.prompt() != Prompt.NONE) {
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
            if (s.prompt() == Prompt.CONFIRM) {
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

    /**
     * The link in full, wrapped over as many rows as it needs (the whole window above the status
     * line if it must); a link longer than even that ends with a line saying how much is not shown.
     */
    static void urlOverlay(ReaderState s, Painter p, int w, int h) {
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
