package dev.tidings.tui;

import dev.tidings.text.Width;
import java.util.List;

/**
 * The collections: the browser (one row per collection, newest first) and the "Add to
 * Collection" dialog drawn over the screen under it.
 */
final class CollectionsView {
    private CollectionsView() {
    }

    /** The collections browser, or a word on how to make the first collection. */
    static void browser(ReaderState s, Painter p, int w) {
        dev.tidings.model.Library lib = s.collections().library();
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
            int idx = s.collections().browserTop() + r;
            if (idx >= list.size()) {
                break;
            }
            dev.tidings.model.SavedCollection c = list.get(idx);
            int row = r + 2;
            boolean sel = idx == s.collections().browserSelected();
            if (sel) {
                p.fill(row, 0, w, Ui.SELECTION);
            }
            String count = c.articles().size() + (c.articles().size() == 1 ? " article" : " articles");
            String created = c.created() == null ? "" : "  " + View.DAY.format(c.created().atZone(s.zone()));
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
    static void dialog(ReaderState s, Painter p, int w, int h) {
        dev.tidings.model.Library lib = s.collections().library();
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
        dev.tidings.app.Headline entry = s.collections().dialogEntry();
        int chosen = s.collections().dialogSelected();
        String title = entry == null ? "" : entry.item().title();
        p.text(left + 2, top + 1, right - 1, Width.ellipsize(title, boxW - 4), Ui.META);
        if (list.isEmpty()) {
            p.text(left + 2, top + 3, right - 1, "No Collections", Ui.TITLE);
            p.text(left + 2, top + 4, right - 1, Width.ellipsize("No collections yet: press n to create one.",
                    boxW - 4), Ui.BODY);
        } else {
            int first = Math.max(0, Math.min(chosen - inner + 1, list.size() - inner));
            for (int i = 0; i < inner && first + i < list.size(); i++) {
                int idx = first + i;
                dev.tidings.model.SavedCollection c = list.get(idx);
                boolean in = entry != null && c.contains(entry.item().id());
                boolean sel = idx == chosen;
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
}
