package dev.tidings.extract;

import dev.tidings.text.Sanitize;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the main article of a web page, the way Mozilla's Readability does, written on jsoup:
 * strip what is never content (scripts, frames, forms, navigation), drop elements whose class or
 * id say "comments", "share", "related", "login"..., score paragraphs by length and commas, give
 * each paragraph's score to its parent and half to its grandparent, damp by link density, take the
 * best container and its closely scored siblings, then clean that of leftovers (vote widgets,
 * "back to top", link lists).
 *
 * <p>Every walk is iterative (jsoup's parser also caps nesting), so a 100,000-deep page cannot
 * overflow the stack. Pages over {@value #MAX_CHARS} characters are refused.
 *
 * <pre>
 * Extracted a = Extractor.extract(html, "https://news.example.org/story");
 * a.title() = "Valley holds out"; a.contentHtml() = "&lt;p&gt;The valley …&lt;/p&gt;…"
 * </pre>
 */
public final class Extractor {
    private Extractor() {
    }

    /** Larger pages are refused: no news article needs 8 MB of markup. */
    public static final int MAX_CHARS = 8 * 1024 * 1024;
    /** More elements than any article page needs: scoring them would take seconds. */
    static final int MAX_ELEMENTS = 60_000;
    /** Less text than this is a teaser, a paywall stub or a link list, not an article. */
    static final int MIN_TEXT = 250;

    private static final Pattern UNLIKELY = Pattern.compile(
            "(?i)comment|disqus|share|sharing|social|related|vote|voting|rating|login|log-in|signin|sign-in|register|"
            + "password|subscribe|newsletter|cookie|consent|gdpr|banner|\\bad\\b|\\bads\\b|ad-|-ad\\b|adslot|ad_slot|"
            + "advert|promo|sponsor|sidebar|widget|menu|breadcrumb|footer|masthead|popup|modal|pagination|pager|"
            + "print|tag-?cloud|\\btags\\b|author-bio|most-?read|popular|recommend|outbrain|taboola|collection|"
            + "back-?to-?top|pull-?quote|toolbar|skip|hidden|offscreen|navbar|\\bnav\\b|top-?bar|paywall|teaser-list");
    /** Never content, whatever else the class says ("ad-slot--in-content" is still an ad). */
    private static final Pattern ALWAYS_OUT = Pattern.compile(
            "(?i)(^|[\\s_-])(ads?|advert\\w*|adslot|sponsor\\w*|promo\\w*|comments?|disqus|share|sharing|social|"
            + "login|signin|sign-in|register|password|cookie\\w*|consent|gdpr|newsletter\\w*|subscribe|related|vote|"
            + "voting|rating|outbrain|taboola|paywall|back-?to-?top|collections?|pull-?quote|most-?read)([\\s_-]|$)");
    private static final Pattern MAYBE = Pattern.compile("(?i)article|\\bbody\\b|content|main|story|entry|post-?body|"
            + "text|column|shadow");
    private static final Pattern POSITIVE = Pattern.compile("(?i)article|body|content|entry|hentry|h-entry|main|page|"
            + "pagination|post|text|blog|story");
    private static final Pattern NEGATIVE = Pattern.compile("(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|"
            + "com-|contact|foot|footer|footnote|gdpr|masthead|media-list|meta|outbrain|promo|related|scroll|share|"
            + "shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|vote|login|collection");
    /** Lines that are page furniture wherever they appear. */
    private static final Pattern FURNITURE_TEXT = Pattern.compile("(?iu)^\\s*(?:»\\s*)?(?:read more|leave your vote|"
            + "related articles?|back to top(?: button)?|log ?in|sign ?in|sign ?up|register|forgot (?:your )?password\\??|"
            + "add to collection|no collections|privacy policy|share(?: this(?: article)?)?|print|advertisement|"
            + "subscribe|most read|comments?|[·|•\\s]*\\d+\\s*min(?:ute)?s?\\s+read)\\s*[.!»]?\\s*$");

    private static final String[] NEVER_CONTENT = {"script", "style", "noscript", "iframe", "frame", "frameset",
        "object", "embed", "applet", "form", "button", "input", "select", "textarea", "svg", "canvas", "template",
        "dialog", "nav", "link", "meta", "base", "map", "audio", "video", "source", "track"};

    /** Extracts the article of a page given as text. */
    public static Extracted extract(String html, String baseUri) throws ExtractException {
        if (html.length() > MAX_CHARS) {
            throw new ExtractException("page too large (" + html.length() / (1024 * 1024) + " MB of markup)");
        }
        return extract(Jsoup.parse(html, baseUri == null ? "" : baseUri));
    }

    /**
     * Extracts the article of a page given as bytes: the charset is {@code charset} when given,
     * else the page's own declaration, else UTF-8; malformed bytes become U+FFFD.
     */
    public static Extracted extract(byte[] bytes, String charset, String baseUri) throws ExtractException {
        if (bytes.length > MAX_CHARS) {
            throw new ExtractException("page too large (" + bytes.length / (1024 * 1024) + " MB of markup)");
        }
        Document doc;
        try {
            doc = Jsoup.parse(new java.io.ByteArrayInputStream(bytes), charset, baseUri == null ? "" : baseUri);
        } catch (java.io.IOException | IllegalArgumentException e) {
            try {
                doc = Jsoup.parse(new java.io.ByteArrayInputStream(bytes), "UTF-8", baseUri == null ? "" : baseUri);
            } catch (java.io.IOException e2) {
                throw new ExtractException("cannot read the page: " + Sanitize.line(e2.getMessage()));
            }
        }
        return extract(doc);
    }

    /** Extracts the article of a parsed page. The document is modified. */
    public static Extracted extract(Document doc) throws ExtractException {
        String title = title(doc);
        String byline = byline(doc);
        Instant published = published(doc);
        Element body = doc.body();
        if (body == null) {
            throw new ExtractException("the page has no body");
        }
        int elements = body.getAllElements().size();
        if (elements > MAX_ELEMENTS) {
            throw new ExtractException("page too complex (" + elements + " elements)");
        }
        removeNeverContent(body);
        removeUnlikely(body);
        Map<Element, double[]> scores = new IdentityHashMap<>();
        Element best = bestCandidate(body, scores);
        if (best == null) {
            throw new ExtractException("no article found: the page has no paragraphs of text");
        }
        Element article = withSiblings(best, scores);
        clean(article, title);
        int textLength = article.text().length();
        if (textLength < MIN_TEXT) {
            throw new ExtractException("no article found: only " + textLength
                    + " characters of text (a teaser, a paywall or a page of links)");
        }
        if (article.ownerDocument() != null) {
            article.ownerDocument().outputSettings().prettyPrint(false);
        }
        return new Extracted(Sanitize.line(title), Sanitize.line(byline), published, article.html(), textLength);
    }

    // ---------------------------------------------------------------- metadata

    private static String title(Document doc) {
        String og = meta(doc, "meta[property=og:title]", "meta[name=twitter:title]");
        if (!og.isEmpty()) {
            return og;
        }
        Element h1 = doc.selectFirst("article h1, main h1, h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text();
        }
        String t = doc.title();
        // "Headline - Site Name" / "Headline | Site"
        String[] parts = t.split("\\s+[|\\-–—]\\s+");
        return parts.length > 1 && parts[0].length() > 15 ? parts[0] : t;
    }

    private static String byline(Document doc) {
        String m = meta(doc, "meta[name=author]", "meta[property=article:author]");
        if (!m.isEmpty() && !m.startsWith("http")) {
            return m;
        }
        Element e = doc.selectFirst("[rel=author], [itemprop=author], .byline, .author, [class*=byline]");
        if (e != null) {
            String t = e.text().strip();
            if (!t.isEmpty() && t.length() < 120) {
                return t;
            }
        }
        return "";
    }

    private static Instant published(Document doc) {
        String m = meta(doc, "meta[property=article:published_time]", "meta[name=date]", "meta[itemprop=datePublished]");
        if (m.isEmpty()) {
            Element time = doc.selectFirst("time[datetime]");
            m = time == null ? "" : time.attr("datetime");
        }
        if (m.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(m.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(m.strip());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String meta(Document doc, String... selectors) {
        for (String sel : selectors) {
            Element e = doc.selectFirst(sel);
            if (e != null && !e.attr("content").isBlank()) {
                return e.attr("content").strip();
            }
        }
        return "";
    }

    // ---------------------------------------------------------------- cleaning

    private static void removeNeverContent(Element root) {
        for (String tag : NEVER_CONTENT) {
            root.getElementsByTag(tag).remove();
        }
        for (Element e : root.select("[hidden], [aria-hidden=true], [style~=(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden]")) {
            e.remove();
        }
        // comments and the like, wherever they are
        for (Element e : root.select("header:not(article header), footer:not(article footer), aside")) {
            if (!isMaybeContent(e)) {
                e.remove();
            }
        }
    }

    private static boolean isMaybeContent(Element e) {
        String id = e.className() + " " + e.id();
        return MAYBE.matcher(id).find() && !UNLIKELY.matcher(id).find();
    }

    private static void removeUnlikely(Element root) {
        List<Element> doomed = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e == root || e.normalName().equals("body") || e.normalName().equals("article")
                    || e.normalName().equals("main")) {
                continue;
            }
            String id = e.className() + " " + e.id() + " " + e.attr("role");
            if (id.isBlank()) {
                continue;
            }
            if (ALWAYS_OUT.matcher(id).find() || (UNLIKELY.matcher(id).find() && !MAYBE.matcher(id).find())) {
                doomed.add(e);
            }
        }
        for (Element e : doomed) {
            e.remove();
        }
    }

    // ---------------------------------------------------------------- scoring

    private static Element bestCandidate(Element root, Map<Element, double[]> scores) {
        for (Element e : root.select("p, pre, td, blockquote, li, div, section, h2, h3")) {
            String tag = e.normalName();
            if ((tag.equals("div") || tag.equals("section") || tag.equals("li") || tag.equals("td"))
                    && hasBlockChildren(e)) {
                continue;
            }
            String text = e.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + commas(text) + Math.min(3, text.length() / 100);
            Element parent = e.parent();
            Element grand = parent == null ? null : parent.parent();
            if (parent != null) {
                initialize(parent, scores)[0] += score;
            }
            if (grand != null) {
                initialize(grand, scores)[0] += score / 2;
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, double[]> en : scores.entrySet()) {
            double s = en.getValue()[0] * (1 - linkDensity(en.getKey()));
            en.getValue()[0] = s;
            if (s > bestScore) {
                bestScore = s;
                best = en.getKey();
            }
        }
        if (best == null) {
            return null;
        }
        // a parent that holds most of the text is the better container (Readability's "alternative ancestors")
        Element parent = best.parent();
        while (parent != null && !parent.normalName().equals("body")) {
            double[] ps = scores.get(parent);
            if (ps != null && ps[0] >= bestScore * 0.9) {
                best = parent;
                bestScore = ps[0];
            }
            parent = parent.parent();
        }
        best.attr("data-tidings-score", String.valueOf(bestScore));
        return best;
    }

    private static double[] initialize(Element e, Map<Element, double[]> scores) {
        return scores.computeIfAbsent(e, x -> new double[] {tagScore(x) + classWeight(x)});
    }

    private static double tagScore(Element e) {
        switch (e.normalName()) {
            case "div": case "article": case "main": case "section": return 5;
            case "pre": case "td": case "blockquote": return 3;
            case "address": case "ol": case "ul": case "dl": case "dd": case "dt": case "li": case "form": return -3;
            case "h1": case "h2": case "h3": case "h4": case "h5": case "h6": case "th": return -5;
            default: return 0;
        }
    }

    private static double classWeight(Element e) {
        double w = 0;
        String c = e.className();
        String id = e.id();
        if (!c.isEmpty()) {
            if (NEGATIVE.matcher(c).find()) {
                w -= 25;
            }
            if (POSITIVE.matcher(c).find()) {
                w += 25;
            }
        }
        if (!id.isEmpty()) {
            if (NEGATIVE.matcher(id).find()) {
                w -= 25;
            }
            if (POSITIVE.matcher(id).find()) {
                w += 25;
            }
        }
        if (e.normalName().equals("article") || e.normalName().equals("main")) {
            w += 20;
        }
        return w;
    }

    private static boolean hasBlockChildren(Element e) {
        for (Element c : e.children()) {
            switch (c.normalName()) {
                case "p": case "div": case "section": case "article": case "table": case "ul": case "ol":
                case "blockquote": case "pre": case "figure": case "h1": case "h2": case "h3": case "h4":
                    return true;
                default:
                    break;
            }
        }
        return false;
    }


    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '،' || c == '，' || c == '、') {
                n++;
            }
        }
        return n;
    }

    static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            String href = a.attr("href");
            double weight = href.startsWith("#") ? 0.3 : 1;
            links += (int) (a.text().length() * weight);
        }
        return Math.min(1, links / (double) total);
    }

    /** The best container plus siblings that look like more of the same article. */
    private static Element withSiblings(Element best, Map<Element, double[]> scoreMap) {
        Element parent = best.parent();
        double bestScore = Double.parseDouble(best.attr("data-tidings-score"));
        best.removeAttr("data-tidings-score");
        Document out = Document.createShell("");
        Element container = out.body().appendElement("div");
        if (parent == null || best.normalName().equals("body")) {
            container.appendChild(best.clone());
            return container;
        }
        double threshold = Math.max(10, bestScore * 0.2);
        for (Element sibling : parent.children()) {
            boolean keep = sibling == best;
            if (!keep) {
                double[] s = scoreMap == null ? null : scoreMap.get(sibling);
                if (s != null && s[0] >= threshold) {
                    keep = true;
                } else if (sibling.normalName().equals("p")) {
                    String text = sibling.text();
                    double ld = linkDensity(sibling);
                    keep = (text.length() > 80 && ld < 0.25) || (text.length() > 0 && text.length() <= 80 && ld == 0
                            && text.matches("(?s).*[.!?。؟]\\s*$"));
                } else if (sibling.normalName().equals("figure")) {
                    keep = true;
                }
            }
            if (keep) {
                container.appendChild(sibling.clone());
            }
        }
        return container;
    }

    /** Leftovers inside the article: furniture lines, link lists, empty blocks, the headline again. */
    private static void clean(Element article, String title) {
        for (Element e : article.select("[data-tidings-score]")) {
            e.removeAttr("data-tidings-score");
        }
        List<Element> doomed = new ArrayList<>();
        for (Element e : article.select("p, div, ul, ol, section, span, a, h1, h2, h3, h4, li")) {
            String text = e.text().strip();
            if (FURNITURE_TEXT.matcher(text).matches() && e.select("img").isEmpty()) {
                doomed.add(e);
                continue;
            }
            if (!text.isEmpty() && text.codePoints().noneMatch(Character::isLetterOrDigit)
                    && e.select("img, figure, pre, table").isEmpty()) {
                doomed.add(e); // separators left from a byline: "· ·"
                continue;
            }
            String tag = e.normalName();
            if ((tag.equals("ul") || tag.equals("ol") || tag.equals("div") || tag.equals("section"))
                    && e.select("img, figure, pre").isEmpty() && linkDensity(e) > 0.5 && text.length() < 2000) {
                doomed.add(e); // a list of links: "related", "more from", tag clouds
                continue;
            }
            if (tag.equals("h1") && !title.isEmpty() && text.equalsIgnoreCase(title.strip())) {
                doomed.add(e); // the headline is shown in the header already
            }
        }
        for (Element e : doomed) {
            if (e.parent() != null) {
                e.remove();
            }
        }
        // the byline and dateline: shown in the article's header already
        for (Element e : article.select("[class*=byline], [class*=author], [rel=author], [itemprop=author], time, "
                + "[class*=dateline], [class*=timestamp], [class*=publish-date], [class*=pubdate]")) {
            if (e.parent() != null && e.text().length() < 150 && e.select("img, figure").isEmpty()) {
                Element p = e.parent();
                e.remove();
                if (p != article && p.text().isBlank() && p.select("img, figure").isEmpty() && p.parent() != null) {
                    p.remove();
                }
            }
        }
        // empty paragraphs and divs left behind
        Elements empties = article.select("p, div");
        for (int i = empties.size() - 1; i >= 0; i--) {
            Element e = empties.get(i);
            if (e != article && e.text().codePoints().noneMatch(Character::isLetterOrDigit)
                    && e.select("img, figure, pre, table").isEmpty() && e.parent() != null) {
                e.remove();
            }
        }
        // inline event handlers and javascript: links never survive
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element) {
                    Element el = (Element) node;
                    List<String> attrs = new ArrayList<>();
                    el.attributes().forEach(a -> attrs.add(a.getKey()));
                    for (String a : attrs) {
                        String v = el.attr(a).strip().toLowerCase(Locale.ROOT);
                        if (a.startsWith("on") || a.equals("style") || ((a.equals("href") || a.equals("src"))
                                && (v.startsWith("javascript:") || v.startsWith("data:text") || v.startsWith("vbscript:")))) {
                            el.removeAttr(a);
                        }
                    }
                } else if (node instanceof TextNode) {
                    return FilterResult.CONTINUE;
                }
                return FilterResult.CONTINUE;
            }
        }, article);
    }
}
