package dev.tidings.render;

import dev.tidings.model.Enclosure;
import dev.tidings.text.Sanitize;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * An article as Markdown: headings, quotes, lists, fenced code, images as {@code ![alt](url)} with
 * one italic line for the caption and its credit, links as reference-style {@code [text][n]} with the definitions at the end.
 * Text is sanitized and Markdown punctuation in it escaped.
 */
public final class MarkdownWriter {
    private MarkdownWriter() {
    }

    public static String write(Article a, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(escape(a.title().isEmpty() ? "(untitled)" : a.title())).append("\n\n");
        List<String> meta = new ArrayList<>();
        if (!a.feedTitle().isEmpty()) {
            meta.add(escape(a.feedTitle()));
        }
        if (!a.authors().isEmpty()) {
            meta.add(escape(String.join(", ", a.authors())));
        }
        meta.add(ArticleRenderer.formatDate(a.date(), zone));
        sb.append('*').append(String.join(" · ", meta)).append("*\n\n");
        for (Enclosure e : a.enclosures()) {
            sb.append("- ").append(escape(EnclosureText.describe(e))).append(" [").append(a.footnote(e)).append("]\n");
        }
        if (!a.enclosures().isEmpty()) {
            sb.append('\n');
        }
        for (Block b : a.body().blocks()) {
            block(b, sb);
        }
        List<String> links = a.links();
        if (!links.isEmpty()) {
            for (int i = 0; i < links.size(); i++) {
                sb.append('[').append(i + 1).append("]: <").append(url(links.get(i))).append(">\n");
            }
            sb.append('\n');
        }
        if (!a.link().isEmpty()) {
            sb.append("Read more: <").append(url(a.link())).append(">\n");
        }
        return sb.toString();
    }

    private static void block(Block b, StringBuilder sb) {
        if (b instanceof Block.Paragraph) {
            sb.append(spans(((Block.Paragraph) b).spans())).append("\n\n");
        } else if (b instanceof Block.Heading) {
            Block.Heading h = (Block.Heading) b;
            sb.append("#".repeat(Math.min(6, h.level() + 1))).append(' ').append(spans(h.spans())).append("\n\n");
        } else if (b instanceof Block.ListItem) {
            Block.ListItem li = (Block.ListItem) b;
            String marker = li.marker().isEmpty() ? "  " : li.marker().endsWith(".") ? li.marker() : "-";
            sb.append("  ".repeat(li.depth())).append(marker).append(' ').append(spans(li.spans())).append('\n');
        } else if (b instanceof Block.Quote) {
            sb.append("> ").append(spans(((Block.Quote) b).spans())).append("\n\n");
        } else if (b instanceof Block.Code) {
            // tabs go to their stops, as on screen: no control character reaches the output
            String code = String.join("\n", java.util.Arrays.stream(Sanitize.body(((Block.Code) b).text()).split("\n", -1))
                    .map(Tabs::expand).toList());
            String fence = code.contains("```") ? "~~~~" : "```";
            sb.append(fence).append('\n').append(code).append('\n').append(fence).append("\n\n");
        } else if (b instanceof Block.Figure) {
            figure((Block.Figure) b, sb);
        } else if (b instanceof Block.Rule) {
            sb.append("---\n\n");
        } else if (b instanceof Block.Table) {
            Block.Table t = (Block.Table) b;
            if (!t.caption().isEmpty()) {
                sb.append("**").append(escape(t.caption())).append("**\n\n");
            }
            int cols = t.rows().stream().mapToInt(List::size).max().orElse(0);
            boolean first = true;
            for (List<String> row : t.rows()) {
                sb.append('|');
                for (int c = 0; c < cols; c++) {
                    String cell = c < row.size() ? escape(row.get(c)).replace("|", "\\|") : "";
                    sb.append(' ').append(cell).append(" |");
                }
                sb.append('\n');
                if (first) {
                    sb.append('|');
                    for (int c = 0; c < cols; c++) {
                        sb.append(" --- |");
                    }
                    sb.append('\n');
                    first = false;
                }
            }
            sb.append('\n');
        }
    }

    /**
     * One image line {@code ![alt](<url>)}, then one italic line with the caption and the credit:
     * {@code *Fighters train in the valley — Source: AFP*}. Without a URL the caption line says
     * "Image: …"; an image with nothing said about it is the image line alone.
     */
    private static void figure(Block.Figure f, StringBuilder sb) {
        boolean hasUrl = !f.url().isEmpty();
        if (hasUrl) {
            sb.append("![").append(escape(f.alt().isEmpty() ? "Image" : f.alt())).append("](<")
                    .append(url(f.url())).append(">)\n");
        }
        StringBuilder line = new StringBuilder();
        if (!f.caption().isEmpty()) {
            line.append(escape(f.caption()));
        }
        if (!f.credit().isEmpty()) {
            line.append(line.length() == 0 ? "" : " — ").append("Source: ").append(escape(f.credit()));
        }
        if (!hasUrl) {
            line.insert(0, line.length() == 0 ? "Image" : "Image: ");
        }
        if (line.length() > 0) {
            sb.append('*').append(line).append("*\n");
        }
        sb.append('\n');
    }

    private static String spans(List<Span> spans) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            String t = s.text().equals("\n") ? "  \n" : escape(s.text());
            switch (s.style()) {
                case STRONG:
                    sb.append(wrapKeepingSpace(t, "**"));
                    break;
                case EMPHASIS:
                    sb.append(wrapKeepingSpace(t, "*"));
                    break;
                case CODE:
                    sb.append(wrapKeepingSpace(s.text().replace("`", "'"), "`"));
                    break;
                case LINK_TEXT:
                    boolean last = i == spans.size() - 1 || spans.get(i + 1).link() != s.link();
                    boolean firstOfLink = i == 0 || spans.get(i - 1).link() != s.link();
                    sb.append(firstOfLink ? "[" : "").append(t).append(last ? "][" + s.link() + "]" : "");
                    break;
                default:
                    sb.append(t);
            }
        }
        return sb.toString();
    }

    private static String wrapKeepingSpace(String t, String mark) {
        String core = t.strip();
        if (core.isEmpty()) {
            return t;
        }
        String lead = t.substring(0, t.indexOf(core));
        String trail = t.substring(t.indexOf(core) + core.length());
        return lead + mark + core + mark + trail;
    }

    /** Markdown-significant characters escaped; controls removed. */
    public static String escape(String s) {
        String t = Sanitize.body(s).replace('\t', ' ');
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ("\\`*_[]<>#|".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String url(String u) {
        return Sanitize.line(u).replace("<", "%3C").replace(">", "%3E").replace(" ", "%20");
    }
}
