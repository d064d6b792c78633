package dev.tidings.render;

import dev.tidings.text.Graphemes;
import dev.tidings.text.Width;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrap for {@link Layout}, in one pass and linear time at any width: spans are cut into
 * units (words, single CJK characters, pieces between soft hyphens) that are placed on lines as
 * soon as they are complete; a unit wider than a line is split between grapheme clusters.
 */
final class Wrap {
    private Wrap() {
    }

    private static final char SOFT_HYPHEN = '\u00ad';

    /** A piece that is never split across lines unless it alone is wider than a line. */
    private static final class Unit {
        final List<StringBuilder> texts = new ArrayList<>(2);
        final List<Style> styles = new ArrayList<>(2);
        int width;
        boolean spaceBefore;
        boolean hardBreakBefore;
        /** Follows the unit before it with no space, at a soft hyphen: a line may break here, with "-". */
        boolean hyphenBefore;

        void add(CharSequence text, int from, int to, Style style, int w) {
            int last = styles.size() - 1;
            if (last >= 0 && styles.get(last) == style) {
                texts.get(last).append(text, from, to);
            } else {
                texts.add(new StringBuilder(to - from).append(text, from, to));
                styles.add(style);
            }
            width += w;
        }

        void add(String text, Style style) {
            add(text, 0, text.length(), style, Width.of(text));
        }

        Style firstStyle() {
            return styles.get(0);
        }

        boolean endsWide() {
            StringBuilder t = texts.get(texts.size() - 1);
            if (t.length() == 0) {
                return false;
            }
            int cp = Character.codePointBefore(t, t.length());
            return Width.isWide(cp) && cp < 0x1f000;
        }
    }

    private static boolean noBreakBefore(int cp) {
        switch (cp) {
            case '，': case '。': case '、': case '）': case '」': case '』': case '！': case '？': case '：':
            case '；': case '》': case '〉': case '】': case '・': case 'ー': case '…':
                return true;
            default:
                return false;
        }
    }

    /**
     * Cuts spans into units at spaces, newlines, soft hyphens and between CJK characters and hands
     * each to the placer as soon as it is complete (the last one may still grow: closing CJK
     * punctuation and what touches a CJK character stay with it). Linear, and only one unit and
     * one line are held at a time.
     */
    private static void units(List<Span> spans, Placer placer) {
        Unit pending = null;
        Unit cur = null;
        boolean pendingSpace = false;
        boolean pendingBreak = false;
        boolean pendingHyphen = false;
        for (int s = 0; s < spans.size(); s++) {
            Span span = spans.get(s);
            String t = span.text();
            Style style = span.style();
            int i = 0;
            while (i < t.length()) {
                char ch = t.charAt(i);
                if (ch == '\n') {
                    cur = null;
                    pendingBreak = true;
                    pendingSpace = false;
                    pendingHyphen = false;
                    i++;
                    continue;
                }
                if (ch == ' ' || ch == '\t') {
                    cur = null;
                    pendingSpace = true;
                    pendingHyphen = false;
                    i++;
                    continue;
                }
                if (ch == SOFT_HYPHEN) {
                    if (cur != null && !pendingSpace && !pendingBreak) {
                        cur = null;
                        pendingHyphen = true;
                    }
                    i++;
                    continue;
                }
                int end = Graphemes.next(t, i);
                int w = Graphemes.width(t, i, end);
                int cp = t.codePointAt(i);
                if (w == 2 && cp < 0x1f000 && Width.isWide(cp)) {
                    // CJK: a line may break before each character, except closing punctuation
                    if (noBreakBefore(cp) && pending != null && !pendingSpace && !pendingBreak) {
                        pending.add(t, i, end, style, w);
                    } else {
                        Unit u = new Unit();
                        u.spaceBefore = pendingSpace;
                        u.hardBreakBefore = pendingBreak;
                        u.add(t, i, end, style, w);
                        placer.place(pending);
                        pending = u;
                    }
                    cur = null;
                    pendingSpace = false;
                    pendingBreak = false;
                    pendingHyphen = false;
                } else {
                    if (cur == null && !pendingSpace && !pendingBreak && !pendingHyphen && pending != null
                            && pending.endsWide()) {
                        cur = pending; // "码头。]": no break between CJK and what touches it
                    }
                    if (cur == null) {
                        cur = new Unit();
                        cur.spaceBefore = pendingSpace;
                        cur.hardBreakBefore = pendingBreak;
                        cur.hyphenBefore = pendingHyphen;
                        placer.place(pending);
                        pending = cur;
                        pendingSpace = false;
                        pendingBreak = false;
                        pendingHyphen = false;
                    }
                    cur.add(t, i, end, style, w);
                }
                i = end;
            }
            if (span.link() > 0 && span.style() == Style.LINK_TEXT && isLastOfLink(spans, s)) {
                String ref = "[" + span.link() + "]";
                if (cur == null) {
                    cur = new Unit();
                    cur.spaceBefore = false;
                    placer.place(pending);
                    pending = cur;
                }
                cur.add(ref, Style.LINK_REF);
            }
        }
        placer.place(pending);
        placer.finish();
    }

    private static boolean isLastOfLink(List<Span> spans, int idx) {
        return idx == spans.size() - 1 || spans.get(idx + 1).link() != spans.get(idx).link();
    }

    /** The paragraph direction of spans: right-to-left when the first strong character is (UAX #9 P2-P3). */
    static boolean rightToLeft(List<Span> spans) {
        for (Span span : spans) {
            String t = span.text();
            for (int i = 0; i < t.length(); ) {
                int cp = t.codePointAt(i);
                i += Character.charCount(cp);
                byte d = Character.getDirectionality(cp);
                if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                    return false;
                }
                if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Places units on lines of at most {@code limit} columns, line by line. */
    private static final class Placer {
        final List<Line> out;
        final boolean rtl;
        final String first;
        final String rest;
        final Style prefixStyle;
        final int limit;
        final List<StringBuilder> runs = new ArrayList<>();
        final List<Style> runStyles = new ArrayList<>();
        int used;
        boolean empty = true;
        boolean started;

        Placer(List<Line> out, int limit, boolean rtl, String first, String rest, Style prefixStyle) {
            this.out = out;
            this.limit = limit;
            this.rtl = rtl;
            this.first = first;
            this.rest = rest;
            this.prefixStyle = prefixStyle;
        }

        void start(String prefix, Style textStyle) {
            runs.clear();
            runStyles.clear();
            used = 0;
            empty = true;
            if (!prefix.isEmpty()) {
                append(prefix, 0, prefix.length(), prefixStyle != null ? prefixStyle : textStyle);
                used = Width.of(prefix);
            }
        }

        void append(CharSequence t, int from, int to, Style style) {
            if (from >= to) {
                return;
            }
            int last = runs.size() - 1;
            if (last >= 0 && runStyles.get(last) == style) {
                runs.get(last).append(t, from, to);
            } else {
                runs.add(new StringBuilder(Math.max(16, to - from)).append(t, from, to));
                runStyles.add(style);
            }
        }

        /** The line so far, trailing spaces dropped. */
        void flush() {
            List<Segment> segs = new ArrayList<>(runs.size());
            for (int k = 0; k < runs.size(); k++) {
                StringBuilder r = runs.get(k);
                int end = r.length();
                if (k == runs.size() - 1) {
                    while (end > 0 && r.charAt(end - 1) <= ' ') {
                        end--;
                    }
                }
                segs.add(new Segment(r.substring(0, end), runStyles.get(k)));
            }
            out.add(new Line(segs, rtl));
        }

        void newLine(Style textStyle) {
            flush();
            start(rest, textStyle);
        }

        void place(Unit u) {
            if (u == null) {
                return;
            }
            if (!started) {
                start(first, u.firstStyle());
                started = true;
            }
            if (u.hardBreakBefore && !empty) {
                newLine(u.firstStyle());
            }
            int space = !empty && u.spaceBefore ? 1 : 0;
            if (!empty && used + space + u.width > limit) {
                if (u.hyphenBefore && used + 1 <= limit) {
                    append("-", 0, 1, runStyles.get(runStyles.size() - 1));
                }
                newLine(u.firstStyle());
                space = 0;
            }
            if (space == 1) {
                append(" ", 0, 1, u.firstStyle() == Style.LINK_REF ? Style.BODY : u.firstStyle());
                used++;
            }
            if (used + u.width <= limit) {
                for (int k = 0; k < u.texts.size(); k++) {
                    StringBuilder t = u.texts.get(k);
                    append(t, 0, t.length(), u.styles.get(k));
                }
                used += u.width;
                empty = false;
                return;
            }
            // a unit wider than a whole line: split it between clusters, in one pass
            for (int k = 0; k < u.texts.size(); k++) {
                StringBuilder text = u.texts.get(k);
                Style style = u.styles.get(k);
                int from = 0;
                int i = 0;
                int n = text.length();
                while (i < n) {
                    int end = Graphemes.next(text, i);
                    int w = Graphemes.width(text, i, end);
                    if (used + w > limit && !(empty && from == i)) {
                        append(text, from, i, style);
                        newLine(style);
                        from = i;
                        if (used + w > limit) { // cannot fit even on a fresh line: force it
                            used += w;
                            empty = false;
                            i = end;
                        }
                        continue;
                    }
                    used += w;
                    empty = false;
                    i = end;
                }
                append(text, from, n, style);
            }
        }

        void finish() {
            if (started && (!empty || !runs.isEmpty())) {
                flush();
            }
        }
    }

    static void wrap(List<Span> spans, int width, String first, String rest, Style prefixStyle, List<Line> out) {
        wrap(spans, width, first, rest, prefixStyle, rightToLeft(spans), out);
    }

    /**
     * Wraps spans into lines of at most {@code width} columns (no limit when width is 0).
     * {@code first} starts the first line, {@code rest} the others (both in {@code prefixStyle},
     * or in the text's first style when null).
     */
    static void wrap(List<Span> spans, int width, String first, String rest, Style prefixStyle, boolean rtl,
                     List<Line> out) {
        int limit = width <= 0 ? Integer.MAX_VALUE : Math.max(width, Width.of(first) + 1);
        units(spans, new Placer(out, limit, rtl, first, rest, prefixStyle));
    }

    private static Style lastStyle(List<Segment> line, Style otherwise) {
        return line.isEmpty() ? otherwise : line.get(line.size() - 1).style();
    }

    /** Text that is not wrapped at spaces but cut into width-sized pieces (code, URLs); linear. */
    static void hardSplit(String text, int width, Style style, List<Line> out) {
        if (width <= 0 || Width.of(text) <= width) {
            out.add(Line.of(text, style));
            return;
        }
        int from = 0;
        int used = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int end = Graphemes.next(text, i);
            int w = Graphemes.width(text, i, end);
            if (used + w > width && from < i) {
                out.add(Line.of(text.substring(from, i), style));
                from = i;
                used = 0;
            }
            used += w;
            i = end;
        }
        if (from < n) {
            out.add(Line.of(text.substring(from, n), style));
        }
    }
}
