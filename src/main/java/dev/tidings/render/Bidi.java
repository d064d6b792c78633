package dev.tidings.render;

import dev.tidings.text.Graphemes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Display order for one displayed line, by the Unicode Bidirectional Algorithm (UAX #9, the
 * JDK's {@link java.text.Bidi}), applied after wrapping: right-to-left runs reversed cluster by
 * cluster (marks stay on their letters), brackets in them mirrored, Latin words and numbers inside
 * keep their own order. Terminals such as tmux do no bidi, so without this a Persian or Hebrew
 * line reads backwards.
 *
 * <pre>visual("abc", false) = "abc", visual("שלום (x)", true) = "(x) םולש"</pre>
 */
public final class Bidi {
    private Bidi() {
    }

    /** True when {@code s} holds anything that reordering could move. */
    public static boolean needed(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x590 && (c <= 0x8ff || (c >= 0xfb1d && c <= 0xfeff) || (c >= 0x200e && c <= 0x200f)
                    || Character.isSurrogate(c))) {
                return true;
            }
        }
        return false;
    }

    /** A line in display order (same segments when nothing moves). */
    public static Line visual(Line line) {
        List<Segment> segs = visual(line.segments(), Segment::text, (s, t) -> new Segment(t, s.style()), line.rtl());
        return segs == line.segments() ? line : new Line(segs, line.rtl());
    }

    /**
     * Lines for a sink that does no bidi ({@code dump --bidi}): each in display order, right-to-left
     * lines right-aligned in {@code width} columns (0: not aligned).
     */
    public static List<Line> display(List<Line> lines, int width) {
        List<Line> out = new ArrayList<>(lines.size());
        for (Line l : lines) {
            Line v = l.rtl() || needed(l.text()) ? visual(l) : l;
            int pad = l.rtl() && width > 0 ? width - l.width() : 0;
            if (pad > 0) {
                List<Segment> segs = new ArrayList<>(v.segments().size() + 1);
                segs.add(new Segment(" ".repeat(pad), Style.BODY));
                segs.addAll(v.segments());
                v = new Line(segs, true);
            }
            out.add(v);
        }
        return out;
    }

    /** One-line text (a title) in display order, its direction taken from its first strong character. */
    public static String visual(String s) {
        if (!needed(s)) {
            return s;
        }
        List<String> one = visual(List.of(s), t -> t, (a, t) -> t, Layout.rightToLeft(List.of(new Span(s, Style.BODY))));
        return String.join("", one);
    }

    /**
     * Styled pieces of one line in display order: each piece is cut where the bidi level changes,
     * and pieces come back in the order they are drawn from left to right. Returns {@code pieces}
     * itself when nothing moves.
     */
    public static <T> List<T> visual(List<T> pieces, Function<T, String> text, BiFunction<T, String, T> with,
                                     boolean rtl) {
        StringBuilder all = new StringBuilder();
        int[] starts = new int[pieces.size() + 1];
        for (int i = 0; i < pieces.size(); i++) {
            starts[i] = all.length();
            all.append(text.apply(pieces.get(i)));
        }
        starts[pieces.size()] = all.length();
        if (all.length() == 0 || (!rtl && !needed(all))) {
            return pieces;
        }
        String s = all.toString();
        java.text.Bidi bidi = new java.text.Bidi(s, rtl ? java.text.Bidi.DIRECTION_RIGHT_TO_LEFT
                : java.text.Bidi.DIRECTION_LEFT_TO_RIGHT);
        if (bidi.isLeftToRight()) {
            return pieces;
        }
        List<int[]> frags = new ArrayList<>(); // piece, from, to
        List<Byte> levels = new ArrayList<>();
        int p = 0;
        for (int r = 0; r < bidi.getRunCount(); r++) {
            int from = bidi.getRunStart(r);
            int to = bidi.getRunLimit(r);
            byte level = (byte) bidi.getRunLevel(r);
            while (from < to) {
                while (starts[p + 1] <= from) {
                    p++;
                }
                int end = Math.min(to, starts[p + 1]);
                frags.add(new int[] {p, from, end});
                levels.add(level);
                from = end;
            }
        }
        int n = frags.size();
        byte[] lv = new byte[n];
        Object[] order = new Object[n];
        for (int i = 0; i < n; i++) {
            lv[i] = levels.get(i);
            order[i] = i;
        }
        java.text.Bidi.reorderVisually(lv, 0, order, 0, n);
        List<T> out = new ArrayList<>(n);
        for (Object o : order) {
            int i = (Integer) o;
            int[] f = frags.get(i);
            String piece = s.substring(f[1], f[2]);
            if ((lv[i] & 1) == 1) {
                piece = reversed(piece);
            }
            out.add(with.apply(pieces.get(f[0]), piece));
        }
        return out;
    }

    /** Clusters in reverse order, mirrored glyphs for brackets. */
    static String reversed(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int end = s.length();
        List<int[]> clusters = new ArrayList<>();
        for (int i = 0; i < end; ) {
            int next = Graphemes.next(s, i);
            clusters.add(new int[] {i, next});
            i = next;
        }
        for (int k = clusters.size() - 1; k >= 0; k--) {
            int[] c = clusters.get(k);
            int cp = s.codePointAt(c[0]);
            int m = Graphemes.mirror(cp);
            if (m != cp) {
                sb.appendCodePoint(m).append(s, c[0] + Character.charCount(cp), c[1]);
            } else {
                sb.append(s, c[0], c[1]);
            }
        }
        return sb.toString();
    }
}
