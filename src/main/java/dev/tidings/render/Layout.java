package dev.tidings.render;

import dev.tidings.text.Width;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays blocks out for a width: greedy word wrap measured in terminal columns, grapheme cluster by
 * grapheme cluster ({@link Width}: CJK and emoji take two, marks none), breaks between CJK
 * characters and at soft hyphens (drawn as "-" only when a word breaks there), words longer than
 * a line split between clusters, hanging indents for list items, a bar before quotes, tabs in
 * preformatted text to tab stops. Each line knows its paragraph's direction (the markup's
 * {@code dir}/{@code lang}, else the first strong character) for the bidi step that draws it.
 * Width 0 means "do not wrap" (for JSON text). No line is ever wider than the width asked for;
 * time is linear in the text at any width.
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
            Block.Paragraph p = (Block.Paragraph) block;
            wrap(p.spans(), width, "", "", null, rtl(p.dir(), p.spans()), out);
        } else if (block instanceof Block.Heading) {
            Block.Heading h = (Block.Heading) block;
            List<Span> spans = restyle(h.spans(), Style.HEADING);
            wrap(spans, width, "", "", null, rtl(h.dir(), spans), out);
        } else if (block instanceof Block.ListItem) {
            Block.ListItem li = (Block.ListItem) block;
            // deep nesting indents at most half the width: the text always keeps room on the line
            int depth = width > 0 ? Math.min(li.depth(), Math.max(0, width / 4 - 1)) : li.depth();
            String indent = "  ".repeat(depth);
            String marker = li.marker().isEmpty() ? "" : li.marker() + " ";
            String hang = indent + " ".repeat(Width.of(marker.isEmpty() ? "• " : marker));
            wrap(li.spans(), width, indent + (marker.isEmpty() ? hang.substring(indent.length()) : marker), hang,
                    Style.LIST_MARKER, rtl(li.dir(), li.spans()), out);
        } else if (block instanceof Block.Quote) {
            Block.Quote q = (Block.Quote) block;
            List<Span> spans = restyle(q.spans(), Style.QUOTE);
            wrap(spans, width, "│ ", "│ ", Style.QUOTE, rtl(q.dir(), spans), out);
        } else if (block instanceof Block.Code) {
            for (String l : ((Block.Code) block).text().split("\n", -1)) {
                hardSplit("  " + Tabs.expand(l), width, Style.CODE, out);
            }
        } else if (block instanceof Block.Figure) {
            Block.Figure f = (Block.Figure) block;
            String caption = f.caption().isEmpty() ? "[Image]" : "[Image: " + f.caption() + "]";
            boolean rtl = rightToLeft(List.of(new Span(f.caption(), Style.CAPTION))); // the caption's, not "[Image: "'s
            wrap(List.of(new Span(caption, Style.CAPTION)), width, "", " ", null, rtl, out);
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

    // ---------------------------------------------------------------- wrapping (see Wrap)

    /** The markup's direction, else the first strong character's. */
    private static boolean rtl(Direction dir, List<Span> spans) {
        return dir == Direction.AUTO ? rightToLeft(spans) : dir == Direction.RTL;
    }

    /** The paragraph direction of spans: right-to-left when the first strong character is (UAX #9 P2-P3). */
    static boolean rightToLeft(List<Span> spans) {
        return Wrap.rightToLeft(spans);
    }

    static void wrap(List<Span> spans, int width, String first, String rest, Style prefixStyle, List<Line> out) {
        Wrap.wrap(spans, width, first, rest, prefixStyle, out);
    }

    static void wrap(List<Span> spans, int width, String first, String rest, Style prefixStyle, boolean rtl,
                     List<Line> out) {
        Wrap.wrap(spans, width, first, rest, prefixStyle, rtl, out);
    }

    /** Text that is not wrapped at spaces but cut into width-sized pieces (code, URLs); linear. */
    static void hardSplit(String text, int width, Style style, List<Line> out) {
        Wrap.hardSplit(text, width, style, out);
    }
}
