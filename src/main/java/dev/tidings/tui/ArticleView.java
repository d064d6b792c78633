package dev.tidings.tui;

import dev.tidings.render.Bidi;
import dev.tidings.render.Line;
import dev.tidings.render.Segment;
import dev.tidings.text.Find;
import java.util.ArrayList;
import java.util.List;

/**
 * The article's visible lines in the text column: search matches marked, right-to-left lines put
 * in display order and right-aligned when Tidings reorders.
 */
final class ArticleView {
    private ArticleView() {
    }

    /** The article's rows from its top line, under the title bar. */
    static void draw(ReaderState s, Painter p, int w) {
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
}
