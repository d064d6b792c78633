package dev.tidings.render;

import dev.tidings.text.Width;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays blocks out for a width: greedy word wrap measured in terminal columns (CJK and emoji take
 * two), breaks between CJK characters, words longer than a line split, hanging indents for list
 * items, a bar before quotes. Width 0 means "do not wrap" (for JSON text). No line is ever wider
 * than the width asked for.
 */
public final class Layout {
    private Layout() {
    }

    /** Lines never get narrower than this, however small the window. */
    public static final int MIN_WIDTH = 10;

    public static List<Line> lay(List<Block> blocks, int width) {
        return lay(blocks, width, null);
    }

    /**
     * Lays out blocks and, when {@code blockOfLine} is not null, appends to it the index of the
     * block each output line belongs to (blank separators belong to the block after them), so a
     * reader can keep its place across widths.
     */
    public static List<Line> lay(List<Block> blocks, int width, List<Integer> blockOfLine) {
        List<Line> out = new ArrayList<>();
        Block previous = null;
        int index = -1;
        for (Block b : blocks) {
            index++;
            boolean listContinues = b instanceof Block.ListItem && previous instanceof Block.ListItem;
            boolean quoteContinues = b instanceof Block.Quote && previous instanceof Block.Quote;
            if (quoteContinues) {
                out.add(Line.of("│", Style.QUOTE));
            } else if (!out.isEmpty() && !listContinues) {
                out.add(Line.BLANK);
            }
            lay(b, width, out);
            previous = b;
            if (blockOfLine != null) {
                while (blockOfLine.size() < out.size()) {
                    blockOfLine.add(index);
                }
            }
        }
        return out;
    }

    static void lay(Block block, int width, List<Line> out) {
        if (block instanceof Block.Paragraph) {
            wrap(((Block.Paragraph) block).spans(), width, "", "", null, out);
        } else if (block instanceof Block.Heading) {
            List<Span> spans = restyle(((Block.Heading) block).spans(), Style.HEADING);
            wrap(spans, width, "", "", null, out);
        } else if (block instanceof Block.ListItem) {
            Block.ListItem li = (Block.ListItem) block;
            String indent = "  ".repeat(li.depth());
            String marker = li.marker().isEmpty() ? "" : li.marker() + " ";
            String hang = indent + " ".repeat(Width.of(marker.isEmpty() ? "• " : marker));
            wrap(li.spans(), width, indent + (marker.isEmpty() ? hang.substring(indent.length()) : marker), hang,
                    Style.LIST_MARKER, out);
        } else if (block instanceof Block.Quote) {
            List<Span> spans = restyle(((Block.Quote) block).spans(), Style.QUOTE);
            wrap(spans, width, "│ ", "│ ", Style.QUOTE, out);
        } else if (block instanceof Block.Code) {
            for (String l : ((Block.Code) block).text().split("\n", -1)) {
                hardSplit("  " + l, width, Style.CODE, out);
            }
        } else if (block instanceof Block.Figure) {
            Block.Figure f = (Block.Figure) block;
            String caption = f.caption().isEmpty() ? "[Image]" : "[Image: " + f.caption() + "]";
            wrap(List.of(new Span(caption, Style.CAPTION)), width, "", " ", null, out);
            if (!f.credit().isEmpty()) {
                wrap(List.of(new Span("Source: " + f.credit(), Style.CREDIT)), width, "", " ", null, out);
            }
        } else if (block instanceof Block.Rule) {
            int w = width <= 0 ? 40 : Math.min(width, 72);
            out.add(Line.of("─".repeat(w), Style.RULE));
        } else if (block instanceof Block.Table) {
            Block.Table t = (Block.Table) block;
            if (!t.caption().isEmpty()) {
                wrap(List.of(new Span(t.caption(), Style.HEADING)), width, "", "", null, out);
            }
            table(t, width, out);
        }
    }

    /** Columns padded to their widest cell when they fit, else one "a | b | c" line per row. */
    private static void table(Block.Table t, int width, List<Line> out) {
        int cols = 0;
        for (List<String> row : t.rows()) {
            cols = Math.max(cols, row.size());
        }
        int[] w = new int[cols];
        for (List<String> row : t.rows()) {
            for (int c = 0; c < row.size(); c++) {
                w[c] = Math.max(w[c], Width.of(row.get(c)));
            }
        }
        int total = 0;
        for (int c = 0; c < cols; c++) {
            total += w[c] + (c > 0 ? 3 : 0);
        }
        boolean aligned = width <= 0 || total <= width;
        for (List<String> row : t.rows()) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    sb.append(" │ ");
                }
                sb.append(aligned && c < row.size() - 1 ? Width.pad(row.get(c), w[c]) : row.get(c));
            }
            String text = sb.toString().stripTrailing();
            if (width <= 0 || Width.of(text) <= width) {
                out.add(Line.of(text, Style.TABLE)); // padding kept: wrapping would fold it
            } else {
                wrap(List.of(new Span(text, Style.TABLE)), width, "", "    ", null, out);
            }
        }
    }

    private static List<Span> restyle(List<Span> spans, Style style) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            out.add(new Span(s.text(), s.style() == Style.LINK_TEXT ? Style.LINK_TEXT : style, s.link()));
        }
        return out;
    }

    // ---------------------------------------------------------------- wrapping

    /** A piece that is never split across lines unless it alone is wider than a line. */
    private static final class Unit {
        final List<Segment> parts = new ArrayList<>(2);
        int width;
        boolean spaceBefore;
        boolean hardBreakBefore;

        void add(String text, Style style) {
            if (!parts.isEmpty() && parts.get(parts.size() - 1).style() == style) {
                Segment last = parts.remove(parts.size() - 1);
                parts.add(new Segment(last.text() + text, style));
            } else {
                parts.add(new Segment(text, style));
            }
            width += Width.of(text);
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

    private static List<Unit> units(List<Span> spans) {
        List<Unit> units = new ArrayList<>();
        Unit cur = null;
        boolean pendingSpace = false;
        boolean pendingBreak = false;
        for (Span span : spans) {
            String t = span.text();
            Style style = span.style();
            int i = 0;
            while (i < t.length()) {
                int cp = t.codePointAt(i);
                int n = Character.charCount(cp);
                if (cp == '\n') {
                    cur = null;
                    pendingBreak = true;
                    pendingSpace = false;
                } else if (cp == ' ' || cp == '\t') {
                    cur = null;
                    pendingSpace = true;
                } else if (Width.isWide(cp) && Width.of(cp) == 2 && cp < 0x1f000) {
                    // CJK: a line may break before each character, except closing punctuation
                    if (noBreakBefore(cp) && !units.isEmpty() && !pendingSpace && !pendingBreak) {
                        units.get(units.size() - 1).add(t.substring(i, i + n), style);
                        cur = null;
                    } else {
                        Unit u = new Unit();
                        u.spaceBefore = pendingSpace;
                        u.hardBreakBefore = pendingBreak;
                        u.add(t.substring(i, i + n), style);
                        units.add(u);
                        cur = null;
                    }
                    pendingSpace = false;
                    pendingBreak = false;
                } else {
                    if (cur == null && !pendingSpace && !pendingBreak && !units.isEmpty() && endsWide(units.get(units.size() - 1))) {
                        cur = units.get(units.size() - 1); // "码头。]": no break between CJK and what touches it
                    }
                    if (cur == null) {
                        cur = new Unit();
                        cur.spaceBefore = pendingSpace;
                        cur.hardBreakBefore = pendingBreak;
                        units.add(cur);
                        pendingSpace = false;
                        pendingBreak = false;
                    }
                    cur.add(t.substring(i, i + n), style);
                }
                i += n;
            }
            if (span.link() > 0 && span.style() == Style.LINK_TEXT && isLastOfLink(spans, span)) {
                String ref = "[" + span.link() + "]";
                if (cur == null) {
                    cur = new Unit();
                    cur.spaceBefore = false;
                    units.add(cur);
                }
                cur.add(ref, Style.LINK_REF);
            }
        }
        return units;
    }

    private static boolean endsWide(Unit u) {
        Segment last = u.parts.get(u.parts.size() - 1);
        String t = last.text();
        if (t.isEmpty()) {
            return false;
        }
        int cp = t.codePointBefore(t.length());
        return Width.isWide(cp) && cp < 0x1f000;
    }

    private static boolean isLastOfLink(List<Span> spans, Span span) {
        int idx = -1;
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i) == span) {
                idx = i;
            }
        }
        return idx == spans.size() - 1 || spans.get(idx + 1).link() != span.link();
    }

    /**
     * Wraps spans into lines of at most {@code width} columns (no limit when width is 0).
     * {@code first} starts the first line, {@code rest} the others (both in {@code prefixStyle},
     * or in the text's first style when null).
     */
    static void wrap(List<Span> spans, int width, String first, String rest, Style prefixStyle, List<Line> out) {
        List<Unit> units = units(spans);
        if (units.isEmpty()) {
            return;
        }
        int limit = width <= 0 ? Integer.MAX_VALUE : Math.max(width, Width.of(first) + 1);
        List<Segment> line = new ArrayList<>();
        int used = 0;
        boolean empty = true;
        String prefix = first;
        for (Unit u : units) {
            if (u.hardBreakBefore && !empty) {
                out.add(merge(line));
                line = new ArrayList<>();
                empty = true;
                prefix = rest;
            }
            if (empty) {
                line.clear();
                used = 0;
                if (!prefix.isEmpty()) {
                    line.add(new Segment(prefix, prefixStyle != null ? prefixStyle : u.parts.get(0).style()));
                    used = Width.of(prefix);
                }
            }
            int space = !empty && u.spaceBefore ? 1 : 0;
            if (!empty && used + space + u.width > limit) {
                out.add(merge(line));
                line = new ArrayList<>();
                prefix = rest;
                if (!prefix.isEmpty()) {
                    line.add(new Segment(prefix, prefixStyle != null ? prefixStyle : u.parts.get(0).style()));
                }
                used = Width.of(prefix);
                empty = true;
                space = 0;
            }
            if (space == 1) {
                line.add(new Segment(" ", u.parts.get(0).style() == Style.LINK_REF ? Style.BODY : u.parts.get(0).style()));
                used++;
            }
            if (used + u.width <= limit) {
                line.addAll(u.parts);
                used += u.width;
                empty = false;
                continue;
            }
            // a unit wider than a whole line: split it by columns
            for (Segment part : u.parts) {
                String text = part.text();
                while (!text.isEmpty()) {
                    int room = limit - used;
                    String head = Width.truncate(text, room);
                    if (head.isEmpty()) {
                        if (empty && room <= 0) {
                            head = text.substring(0, Character.charCount(text.codePointAt(0))); // can't fit: force
                        } else {
                            out.add(merge(line));
                            line = new ArrayList<>();
                            prefix = rest;
                            if (!prefix.isEmpty()) {
                                line.add(new Segment(prefix, prefixStyle != null ? prefixStyle : part.style()));
                            }
                            used = Width.of(prefix);
                            empty = true;
                            continue;
                        }
                    }
                    line.add(new Segment(head, part.style()));
                    used += Width.of(head);
                    empty = false;
                    text = text.substring(head.length());
                }
            }
        }
        if (!empty || !line.isEmpty()) {
            out.add(merge(line));
        }
    }

    /** Text that is not wrapped at spaces but cut into width-sized pieces (code, URLs). */
    static void hardSplit(String text, int width, Style style, List<Line> out) {
        if (width <= 0 || Width.of(text) <= width) {
            out.add(Line.of(text, style));
            return;
        }
        String rest = text;
        while (!rest.isEmpty()) {
            String head = Width.truncate(rest, width);
            if (head.isEmpty()) {
                head = rest.substring(0, Character.charCount(rest.codePointAt(0)));
            }
            out.add(Line.of(head, style));
            rest = rest.substring(head.length());
        }
    }

    private static Line merge(List<Segment> segs) {
        List<Segment> out = new ArrayList<>(segs.size());
        for (Segment s : segs) {
            if (s.text().isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1).style() == s.style()) {
                Segment last = out.remove(out.size() - 1);
                out.add(new Segment(last.text() + s.text(), s.style()));
            } else {
                out.add(s);
            }
        }
        // no trailing spaces
        if (!out.isEmpty()) {
            Segment last = out.get(out.size() - 1);
            String t = last.text().stripTrailing();
            out.set(out.size() - 1, new Segment(t, last.style()));
        }
        return new Line(out);
    }
}
