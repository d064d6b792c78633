package dev.tidings.render;

import dev.tidings.model.Image;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Article HTML to width-independent {@link Block}s, walked once by a head/tail filter with one
 * small method per kind of tag. Images become caption blocks; links become numbered footnotes
 * (http and https only: {@code javascript:}, {@code file:}, {@code data:} links keep their text and
 * lose the link); scripts, styles, forms and frames are dropped unread.
 *
 * <pre>
 * convert("&lt;p&gt;See &lt;a href=https://a.org&gt;this&lt;/a&gt;&lt;/p&gt;", null, List.of())
 *   = blocks [Paragraph("See ", "this"(link 1))], links ["https://a.org"]
 * convert("", null, List.of()) = no blocks, no links
 * </pre>
 */
public final class HtmlConverter {
    private HtmlConverter() {
    }

    /**
     * Converts a body.
     *
     * @param html       the article HTML (may be a fragment, may be empty)
     * @param base       base URI for relative links and images, or null
     * @param leadImages images the feed announced (media:content...); any not already in the body
     *                   are shown first, and their captions fill figures that lack one
     */
    public static ArticleBody convert(String html, URI base, List<Image> leadImages) {
        Document doc = Jsoup.parseBodyFragment(html == null ? "" : html, base == null ? "" : base.toString());
        Walker w = new Walker(base);
        NodeTraversor.filter(w, doc.body());
        w.flush();
        List<Block> blocks = CaptionLines.merge(w.blocks);
        blocks = CaptionLines.addLeadImages(blocks, leadImages);
        return new ArticleBody(blocks, new ArrayList<>(w.links.keySet()));
    }

    // ---------------------------------------------------------------- walking

    private static final class ListContext {
        final boolean ordered;
        int counter;

        ListContext(boolean ordered, int start) {
            this.ordered = ordered;
            this.counter = start - 1;
        }
    }

    private record Directed(Element element, Direction direction) {
    }

    private static final class Walker implements NodeFilter {
        final URI base;
        final List<Block> blocks = new ArrayList<>();
        final Map<String, Integer> links = new LinkedHashMap<>();
        final InlineText inline = new InlineText();
        int quote;
        int heading;
        final Deque<ListContext> lists = new ArrayDeque<>();
        String pendingMarker;
        /** Elements with a {@code dir} or {@code lang} that decides a direction, innermost first. */
        final Deque<Directed> directions = new ArrayDeque<>();
        /** The outermost figure container walked as text (no picture, or too long), or null. */
        Element imagelessFigure;

        Walker(URI base) {
            this.base = base;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode) {
                inline.text(((TextNode) node).getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element)) {
                return FilterResult.CONTINUE;
            }
            Element e = (Element) node;
            FilterResult result = open(e);
            if (result == FilterResult.CONTINUE && (e.hasAttr("dir") || e.hasAttr("lang"))) {
                Direction d = Direction.of(e.attr("dir"), e.attr("lang"));
                if (d != null) { // after open() flushed the text before this element
                    directions.push(new Directed(e, d));
                }
            }
            return result;
        }

        /** The markup's direction for the text being collected: the nearest {@code dir}/{@code lang}. */
        private Direction direction() {
            Directed top = directions.peek();
            return top == null ? Direction.AUTO : top.direction;
        }

        private FilterResult open(Element e) {
            String tag = e.normalName();
            switch (tag) {
                case "script": case "style": case "noscript": case "iframe": case "object": case "embed":
                case "form": case "button": case "input": case "select": case "textarea": case "svg":
                case "canvas": case "template": case "head": case "video": case "audio": case "map":
                case "frame": case "frameset": case "applet": case "link": case "meta": case "title":
                    return FilterResult.SKIP_ENTIRELY;
                case "div":
                    if (FigureReader.isContainer(e) && figure(e)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    flush();
                    return FilterResult.CONTINUE;
                case "p": case "section": case "article": case "header": case "footer":
                case "main": case "aside": case "nav": case "address": case "dl": case "dt": case "dd":
                case "center": case "details": case "summary": case "figcaption": case "caption":
                    flush();
                    return FilterResult.CONTINUE;
                case "h1": case "h2": case "h3": case "h4": case "h5": case "h6":
                    flush();
                    heading = tag.charAt(1) - '0';
                    return FilterResult.CONTINUE;
                case "ul": case "ol": case "menu": {
                    flush();
                    int start = 1;
                    try {
                        start = e.hasAttr("start") ? Integer.parseInt(e.attr("start").trim()) : 1;
                    } catch (NumberFormatException ex) {
                        start = 1;
                    }
                    lists.push(new ListContext(tag.equals("ol"), start));
                    return FilterResult.CONTINUE;
                }
                case "li": {
                    flush();
                    ListContext ctx = lists.peek();
                    if (ctx == null) {
                        pendingMarker = "•";
                    } else if (ctx.ordered) {
                        ctx.counter++;
                        pendingMarker = ctx.counter + ".";
                    } else {
                        pendingMarker = lists.size() % 2 == 1 ? "•" : "◦";
                    }
                    return FilterResult.CONTINUE;
                }
                case "blockquote":
                    flush();
                    quote++;
                    return FilterResult.CONTINUE;
                case "pre":
                    flush();
                    String pre = trimPre(Sanitize.body(e.wholeText()));
                    if (!pre.isEmpty()) {
                        blocks.add(new Block.Code(pre)); // Layout puts tabs at tab stops
                    }
                    return FilterResult.SKIP_ENTIRELY;
                case "hr":
                    flush();
                    blocks.add(new Block.Rule());
                    return FilterResult.SKIP_ENTIRELY;
                case "br":
                    inline.lineBreak();
                    return FilterResult.SKIP_ENTIRELY;
                case "table":
                    if (FigureReader.isContainer(e) && figure(e)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (imagelessFigure == e) {
                        imagelessFigure = null; // skipped entirely: its tail is never called
                    }
                    flush();
                    Block.Table t = TableReader.read(e);
                    if (t != null) {
                        blocks.add(t);
                    }
                    return FilterResult.SKIP_ENTIRELY;
                case "figure":
                    return figure(e) ? FilterResult.SKIP_ENTIRELY : FilterResult.CONTINUE;
                case "img": {
                    Block.Figure f = FigureReader.image(e, base);
                    if (f != null) { // a pixel leaves the sentence around it whole
                        flush();
                        blocks.add(f);
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                case "strong": case "b":
                    inline.enter(Style.STRONG);
                    return FilterResult.CONTINUE;
                case "em": case "i": case "cite": case "dfn":
                    inline.enter(Style.EMPHASIS);
                    return FilterResult.CONTINUE;
                case "code": case "kbd": case "samp": case "tt":
                    inline.enter(Style.CODE);
                    return FilterResult.CONTINUE;
                case "a": {
                    String href = Urls.resolve(base, e.attr("href"));
                    int number = 0;
                    if (Urls.isWeb(href)) {
                        number = links.computeIfAbsent(href, k -> links.size() + 1);
                    }
                    inline.openLink(number);
                    return FilterResult.CONTINUE;
                }
                default:
                    return FilterResult.CONTINUE;
            }
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element)) {
                return FilterResult.CONTINUE;
            }
            Element e = (Element) node;
            if (e == imagelessFigure) {
                imagelessFigure = null;
            }
            close(e);
            Directed top = directions.peek();
            if (top != null && top.element == e) { // after close() flushed this element's text
                directions.pop();
            }
            return FilterResult.CONTINUE;
        }

        private void close(Element e) {
            switch (e.normalName()) {
                case "figure":
                    flush();
                    break;
                case "p": case "div": case "section": case "article": case "header": case "footer":
                case "main": case "aside": case "nav": case "address": case "dl": case "dt": case "dd":
                case "center": case "details": case "summary": case "figcaption": case "caption":
                    flush();
                    break;
                case "h1": case "h2": case "h3": case "h4": case "h5": case "h6":
                    flush();
                    heading = 0;
                    break;
                case "ul": case "ol": case "menu":
                    flush();
                    lists.poll();
                    break;
                case "li":
                    flush();
                    pendingMarker = null;
                    break;
                case "blockquote":
                    flush();
                    quote = Math.max(0, quote - 1);
                    break;
                case "strong": case "b":
                    inline.leave(Style.STRONG);
                    break;
                case "em": case "i": case "cite": case "dfn":
                    inline.leave(Style.EMPHASIS);
                    break;
                case "code": case "kbd": case "samp": case "tt":
                    inline.leave(Style.CODE);
                    break;
                case "a":
                    inline.closeLink();
                    break;
                default:
                    break;
            }
        }

        /** Ends the current run of inline text as a block of the kind the context says. */
        void flush() {
            List<Span> spans = inline.take();
            if (spans.isEmpty()) {
                return;
            }
            Direction dir = direction();
            if (heading > 0) {
                blocks.add(new Block.Heading(heading, spans, dir));
            } else if (pendingMarker != null || !lists.isEmpty()) {
                int d = Math.max(0, lists.size() - 1);
                blocks.add(new Block.ListItem(d, pendingMarker == null ? "" : pendingMarker, spans, dir));
                pendingMarker = null;
            } else if (quote > 0) {
                blocks.add(new Block.Quote(spans, dir));
            } else {
                blocks.add(new Block.Paragraph(spans, dir));
            }
        }

        /**
         * A figure container with a picture becomes one caption block (true: its content is
         * consumed); without one it is walked as text (false). Containers inside a picture-less
         * figure are not searched again, so nested figures cost linear time.
         */
        private boolean figure(Element container) {
            if (imagelessFigure != null) {
                flush();
                return false;
            }
            Element img = FigureReader.picture(container);
            flush();
            if (img == null || !FigureReader.isShortEnough(container)) {
                imagelessFigure = container;
                return false; // a figure of quotes or code, or a page wrapper: walk it normally
            }
            Block.Figure f = FigureReader.read(container, img, base);
            if (f != null) {
                blocks.add(f);
            }
            return true;
        }
    }

    /** Preformatted text without its leading blank lines and trailing white space (hand-scanned). */
    static String trimPre(String pre) {
        int start = 0;
        while (start < pre.length() && pre.charAt(start) == '\n') {
            start++;
        }
        int end = pre.length();
        while (end > start && isRegexSpace(pre.charAt(end - 1))) {
            end--;
        }
        return pre.substring(start, end);
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    static String plain(List<Span> spans) {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            sb.append(s.text());
        }
        return sb.toString();
    }
}
