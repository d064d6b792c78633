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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern CREDIT_LINE = Pattern.compile(
            "(?iu)^\\s*(?:image|photo|picture|photograph)\\s*(?:source|credit|copyright)\\s*[:：]?\\s*(.*)$");
    private static final Pattern CAPTION_LINE = Pattern.compile(
            "(?iu)^\\s*(?:image|photo|picture)\\s*caption\\s*[:：]?\\s*(.*)$");
    private static final Pattern CREDIT_PREFIX = Pattern.compile(
            "(?iu)^\\s*(?:(?:image|photograph|photo|picture)\\s*(?:source|credit|copyright)?|source|credit|credits|copyright|©)\\s*[:：]?\\s*");
    /** A label with nothing after it: "image source", "image caption", "Photo:". */
    private static final Pattern LABEL = Pattern.compile(
            "(?iu)^\\s*(?:image|photo|picture)?\\s*(?:source|caption|credit|copyright)?\\s*[:：]?\\s*$");
    private static final Pattern CREDIT_CLASS = Pattern.compile("(?i)credit|source|copyright|attribution|byline|photographer");

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
        List<Block> blocks = mergeCaptionLines(w.blocks);
        blocks = addLeadImages(blocks, leadImages);
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

    private static final class Walker implements NodeFilter {
        final URI base;
        final List<Block> blocks = new ArrayList<>();
        final Map<String, Integer> links = new LinkedHashMap<>();
        List<Span> inline = new ArrayList<>();
        int strong;
        int emphasis;
        int code;
        int quote;
        int heading;
        final Deque<ListContext> lists = new ArrayDeque<>();
        String pendingMarker;
        final Deque<Integer> linkStack = new ArrayDeque<>();
        final Deque<Integer> linkInlineStart = new ArrayDeque<>();

        Walker(URI base) {
            this.base = base;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode) {
                text(((TextNode) node).getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element)) {
                return FilterResult.CONTINUE;
            }
            Element e = (Element) node;
            String tag = e.normalName();
            switch (tag) {
                case "script": case "style": case "noscript": case "iframe": case "object": case "embed":
                case "form": case "button": case "input": case "select": case "textarea": case "svg":
                case "canvas": case "template": case "head": case "video": case "audio": case "map":
                case "frame": case "frameset": case "applet": case "link": case "meta": case "title":
                    return FilterResult.SKIP_ENTIRELY;
                case "p": case "div": case "section": case "article": case "header": case "footer":
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
                    String pre = Sanitize.body(e.wholeText());
                    pre = pre.replaceAll("^\\n+|\\s+$", "");
                    if (!pre.isEmpty()) {
                        blocks.add(new Block.Code(pre.replace("\t", "    ")));
                    }
                    return FilterResult.SKIP_ENTIRELY;
                case "hr":
                    flush();
                    blocks.add(new Block.Rule());
                    return FilterResult.SKIP_ENTIRELY;
                case "br":
                    if (!inline.isEmpty()) {
                        inline.add(new Span("\n", Style.BODY));
                    }
                    return FilterResult.SKIP_ENTIRELY;
                case "table":
                    flush();
                    table(e);
                    return FilterResult.SKIP_ENTIRELY;
                case "figure":
                    return figure(e);
                case "img":
                    image(e, null, null);
                    return FilterResult.SKIP_ENTIRELY;
                case "strong": case "b":
                    strong++;
                    return FilterResult.CONTINUE;
                case "em": case "i": case "cite": case "dfn":
                    emphasis++;
                    return FilterResult.CONTINUE;
                case "code": case "kbd": case "samp": case "tt":
                    code++;
                    return FilterResult.CONTINUE;
                case "a": {
                    String href = Urls.resolve(base, e.attr("href"));
                    int number = 0;
                    if (Urls.isWeb(href)) {
                        number = links.computeIfAbsent(href, k -> links.size() + 1);
                    }
                    linkStack.push(number);
                    linkInlineStart.push(inline.size());
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
            switch (e.normalName()) {
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
                    strong = Math.max(0, strong - 1);
                    break;
                case "em": case "i": case "cite": case "dfn":
                    emphasis = Math.max(0, emphasis - 1);
                    break;
                case "code": case "kbd": case "samp": case "tt":
                    code = Math.max(0, code - 1);
                    break;
                case "a": {
                    Integer number = linkStack.poll();
                    Integer start = linkInlineStart.poll();
                    if (number != null && number > 0 && start != null) {
                        boolean hasText = false;
                        for (int i = Math.min(start, inline.size()); i < inline.size(); i++) {
                            if (!inline.get(i).text().isBlank()) {
                                hasText = true;
                                break;
                            }
                        }
                        if (hasText) {
                            for (int i = start; i < inline.size(); i++) {
                                Span s = inline.get(i);
                                inline.set(i, new Span(s.text(), Style.LINK_TEXT, number));
                            }
                        }
                    }
                    break;
                }
                default:
                    break;
            }
            return FilterResult.CONTINUE;
        }

        private Style inlineStyle() {
            if (code > 0) {
                return Style.CODE;
            }
            if (strong > 0) {
                return Style.STRONG;
            }
            if (emphasis > 0) {
                return Style.EMPHASIS;
            }
            return Style.BODY;
        }

        /** Text with HTML whitespace rules: runs of whitespace become one space. */
        private void text(String raw) {
            String t = Sanitize.body(raw);
            if (t.isEmpty()) {
                return;
            }
            StringBuilder sb = new StringBuilder(t.length());
            boolean space = false;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                    space = true;
                } else {
                    if (space) {
                        sb.append(' ');
                        space = false;
                    }
                    sb.append(c);
                }
            }
            if (space) {
                sb.append(' ');
            }
            if (sb.length() == 0) {
                return;
            }
            inline.add(new Span(sb.toString(), inlineStyle()));
        }

        /** Ends the current run of inline text as a block of the kind the context says. */
        void flush() {
            List<Span> spans = normalize(inline);
            inline = new ArrayList<>();
            // a flush inside a link moves the link's start: later spans start at 0
            if (!linkInlineStart.isEmpty()) {
                int n = linkInlineStart.size();
                linkInlineStart.clear();
                for (int i = 0; i < n; i++) {
                    linkInlineStart.push(0);
                }
            }
            if (spans.isEmpty()) {
                return;
            }
            if (heading > 0) {
                blocks.add(new Block.Heading(heading, spans));
            } else if (pendingMarker != null || !lists.isEmpty()) {
                int d = Math.max(0, lists.size() - 1);
                blocks.add(new Block.ListItem(d, pendingMarker == null ? "" : pendingMarker, spans));
                pendingMarker = null;
            } else if (quote > 0) {
                blocks.add(new Block.Quote(spans));
            } else {
                blocks.add(new Block.Paragraph(spans));
            }
        }

        private FilterResult figure(Element fig) {
            Element img = fig.selectFirst("img");
            if (img == null) {
                flush();
                return FilterResult.CONTINUE; // a figure of quotes or code: walk it normally
            }
            flush();
            Element creditEl = null;
            String credit = "";
            List<Element> labels = new ArrayList<>();
            for (Element el : fig.getAllElements()) {
                if (el == fig || el.normalName().equals("img") || el.normalName().equals("figcaption")) {
                    continue;
                }
                if (CREDIT_CLASS.matcher(el.className()).find() || el.normalName().equals("cite")
                        || el.normalName().equals("small")) {
                    String c = cleanCredit(el.text());
                    if (c.isEmpty() || LABEL.matcher(el.text()).matches()) {
                        labels.add(el); // a bare "image source" label: the credit is in the next element
                        continue;
                    }
                    creditEl = el;
                    credit = c;
                    break;
                }
            }
            String caption = "";
            Element figcaption = fig.selectFirst("figcaption");
            if (figcaption != null) {
                Element copy = figcaption.clone();
                if (creditEl != null) {
                    for (Element el : copy.getAllElements()) {
                        if (el != copy && el.text().equals(creditEl.text())
                                && (CREDIT_CLASS.matcher(el.className()).find()
                                || el.normalName().equals("cite") || el.normalName().equals("small"))) {
                            el.remove();
                            break;
                        }
                    }
                }
                for (Element el : copy.getAllElements()) {
                    if (el != copy && LABEL.matcher(el.text()).matches()) {
                        el.remove(); // "image caption" labels
                    }
                }
                caption = Sanitize.line(copy.text());
                Matcher label = CAPTION_LINE.matcher(caption);
                if (label.matches()) {
                    caption = Sanitize.line(label.group(1));
                }
                if (credit.isEmpty()) {
                    Matcher m = CREDIT_LINE.matcher(caption);
                    if (m.matches()) {
                        credit = cleanCredit(m.group(1));
                        caption = "";
                    }
                }
            }
            image(img, caption, credit);
            // other content of the figure (rare) is dropped: it is the caption we already show
            return FilterResult.SKIP_ENTIRELY;
        }

        /** An img: dropped when it is a tracking pixel or decorative, else a caption block. */
        private void image(Element img, String figCaption, String figCredit) {
            String src = img.attr("src");
            if (src.isBlank() || src.startsWith("data:")) {
                String lazy = img.attr("data-src");
                if (!lazy.isBlank()) {
                    src = lazy;
                }
            }
            String url = Urls.resolve(base, src);
            if (isPixel(img)) {
                return;
            }
            String alt = Sanitize.line(img.attr("alt"));
            String title = Sanitize.line(img.attr("title"));
            String caption = figCaption != null && !figCaption.isEmpty() ? figCaption : !alt.isEmpty() ? alt : title;
            String credit = figCredit == null ? "" : figCredit;
            if (figCaption == null && img.hasAttr("alt") && alt.isEmpty() && title.isEmpty()) {
                // alt="" marks a decorative image, unless image caption/source lines follow it
                flush();
                blocks.add(new Block.Figure("", "", "decorative:" + url));
                return;
            }
            flush();
            blocks.add(new Block.Figure(caption, credit, Urls.isWeb(url) ? url : ""));
        }

        private static boolean isPixel(Element img) {
            int w = dimension(img.attr("width"));
            int h = dimension(img.attr("height"));
            if ((w >= 0 && w <= 2) || (h >= 0 && h <= 2)) {
                return true;
            }
            String style = img.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
            return style.contains("display:none") || style.contains("width:1px") || style.contains("height:1px")
                    || style.contains("visibility:hidden");
        }

        private static int dimension(String v) {
            String t = v.trim().toLowerCase(Locale.ROOT).replace("px", "");
            if (t.isEmpty()) {
                return -1;
            }
            try {
                return (int) Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private void table(Element table) {
            String caption = "";
            Element cap = table.selectFirst("caption");
            if (cap != null) {
                caption = Sanitize.line(cap.text());
            }
            List<List<String>> rows = new ArrayList<>();
            for (Element tr : table.select("tr")) {
                if (tr.closest("table") != table) {
                    continue; // nested tables: their text shows in the outer cell
                }
                List<String> cells = new ArrayList<>();
                for (Element cell : tr.children()) {
                    if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                        cells.add(Sanitize.line(cell.text()));
                    }
                }
                if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                    rows.add(cells);
                }
            }
            if (!rows.isEmpty() || !caption.isEmpty()) {
                blocks.add(new Block.Table(caption, rows));
            }
        }
    }

    /** Merges adjacent same-style spans, trims the ends, drops empty text. */
    static List<Span> normalize(List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            if (s.text().isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                Span last = out.get(out.size() - 1);
                if (last.style() == s.style() && last.link() == s.link()) {
                    String joined = last.text() + s.text();
                    out.set(out.size() - 1, new Span(joined.replace("  ", " "), s.style(), s.link()));
                    continue;
                }
                if (last.text().endsWith(" ") && s.text().startsWith(" ")) {
                    s = new Span(s.text().substring(1), s.style(), s.link());
                }
            }
            out.add(s);
        }
        // trim leading whitespace
        while (!out.isEmpty()) {
            Span first = out.get(0);
            String t = first.text().stripLeading();
            if (t.isEmpty()) {
                out.remove(0);
            } else {
                out.set(0, new Span(t, first.style(), first.link()));
                break;
            }
        }
        while (!out.isEmpty()) {
            int i = out.size() - 1;
            Span last = out.get(i);
            String t = last.text().stripTrailing();
            if (t.isEmpty()) {
                out.remove(i);
            } else {
                out.set(i, new Span(t, last.style(), last.link()));
                break;
            }
        }
        return out;
    }

    static String plain(List<Span> spans) {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            sb.append(s.text());
        }
        return sb.toString();
    }

    /** "Image source: AFP" -> "AFP"; "© Reuters" -> "Reuters"; "منبع تصویر: AFP" -> "AFP". */
    static String cleanCredit(String raw) {
        String t = Sanitize.line(raw);
        String stripped = CREDIT_PREFIX.matcher(t).replaceFirst("");
        if (!stripped.equals(t)) {
            return stripped.strip();
        }
        // a short label in any language before a colon: "图片来源：AFP"
        int colon = -1;
        for (int i = 0; i < Math.min(t.length(), 24); i++) {
            char c = t.charAt(i);
            if (c == ':' || c == '：') {
                colon = i;
                break;
            }
        }
        if (colon > 0 && colon < t.length() - 1 && t.substring(0, colon).split("\\s+").length <= 3) {
            return t.substring(colon + 1).strip();
        }
        return t;
    }

    /**
     * The seed's shape: an image followed by "image source AFP" and "image caption ..." lines (in
     * either order), or those lines with no image at all. Folded into one caption block.
     */
    static List<Block> mergeCaptionLines(List<Block> in) {
        List<Block> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            Block b = in.get(i);
            String caption = null;
            String credit = null;
            int j = i;
            Block.Figure figure = null;
            if (b instanceof Block.Figure) {
                figure = (Block.Figure) b;
                j = i + 1;
            }
            while (j < in.size() && j < i + 3 && in.get(j) instanceof Block.Paragraph) {
                String text = plain(((Block.Paragraph) in.get(j)).spans());
                Matcher cr = CREDIT_LINE.matcher(text);
                Matcher ca = CAPTION_LINE.matcher(text);
                if (credit == null && cr.matches()) {
                    credit = cleanCredit(cr.group(1));
                } else if (caption == null && ca.matches()) {
                    caption = Sanitize.line(ca.group(1));
                } else {
                    break;
                }
                j++;
            }
            if (caption == null && credit == null) {
                if (figure != null && figure.url().startsWith("decorative:")) {
                    continue; // decorative image with nothing said about it: dropped
                }
                out.add(b);
                continue;
            }
            String url = figure == null ? "" : figure.url().replaceFirst("^decorative:", "");
            String baseCaption = figure == null ? "" : figure.caption();
            String baseCredit = figure == null ? "" : figure.credit();
            out.add(new Block.Figure(caption != null && !caption.isEmpty() ? caption : baseCaption,
                    credit != null && !credit.isEmpty() ? credit : baseCredit,
                    Urls.isWeb(url) ? url : ""));
            i = j - 1;
        }
        return out;
    }

    /** Feed-announced images: fill captions of matching figures, show the others first. */
    static List<Block> addLeadImages(List<Block> blocks, List<Image> images) {
        if (images == null || images.isEmpty()) {
            return blocks;
        }
        List<Block> out = new ArrayList<>(blocks.size() + images.size());
        List<Block> lead = new ArrayList<>();
        List<Block> body = new ArrayList<>(blocks);
        for (Image img : images) {
            boolean found = false;
            for (int i = 0; i < body.size(); i++) {
                if (body.get(i) instanceof Block.Figure) {
                    Block.Figure f = (Block.Figure) body.get(i);
                    if (!f.url().isEmpty() && sameImage(f.url(), img.url())) {
                        found = true;
                        body.set(i, new Block.Figure(f.caption().isEmpty() ? img.caption() : f.caption(),
                                f.credit().isEmpty() ? img.credit() : f.credit(), f.url()));
                        break;
                    }
                }
            }
            if (!found && lead.isEmpty() && Urls.isWeb(img.url())) {
                lead.add(new Block.Figure(img.caption(), img.credit(), img.url())); // the lead image only
            }
        }
        out.addAll(lead);
        out.addAll(body);
        return out;
    }

    private static boolean sameImage(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String url) {
        int q = url.indexOf('?');
        String u = q >= 0 ? url.substring(0, q) : url;
        return u.replaceFirst("^https?://", "");
    }
}
