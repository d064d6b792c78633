package dev.tidings.extract;

import dev.tidings.text.Sanitize;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the main article of a web page, the way Mozilla's Readability.js does, ported to jsoup:
 * read the metadata ({@link PageMetadata}: JSON-LD, meta tags, title), ready the page
 * ({@link PagePrep}: noscript images, no scripts, {@code <br><br>} as paragraphs), find and clean
 * the article ({@link ArticleFinder}, {@link ArticleCleaner}), and make it safe, absolute HTML
 * ({@link ArticleOutput}). When the page's markup holds much less text than its JSON-LD
 * {@code articleBody}, that text is the article.
 *
 * <p>Every walk is iterative (jsoup's parser also caps nesting at 512), so a 100,000-deep page
 * cannot overflow the stack. Pages over {@value #MAX_CHARS} characters are refused.
 *
 * <pre>
 * Extracted a = Extractor.extract(html, "https://news.example.org/story");
 * a.title() = "Valley holds out"; a.siteName() = "Example News"; a.contentHtml() = "&lt;p&gt;The valley …&lt;/p&gt;…"
 * </pre>
 */
public final class Extractor {
    private Extractor() {
    }

    /** Larger pages are refused: no news article needs 8 MB of markup. */
    public static final int MAX_CHARS = 8 * 1024 * 1024;
    /** More elements than any article page needs: scoring them would take seconds. */
    static final int MAX_ELEMENTS = 100_000;
    /** An "article" whose text is more than this share of link text is a page of links (an index, a menu). */
    static final double MAX_LINK_DENSITY = 0.6;
    /** Less text than this, on a page that has much more, is a teaser, a paywall stub or a link list. */
    static final int MIN_TEXT = 250;

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
        String base = baseUri == null ? "" : baseUri;
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(bytes), charset, base);
        } catch (IOException | IllegalArgumentException e) {
            try {
                doc = Jsoup.parse(new ByteArrayInputStream(bytes), "UTF-8", base);
            } catch (IOException e2) {
                throw new ExtractException("cannot read the page: " + Sanitize.line(e2.getMessage()));
            }
        }
        return extract(doc);
    }

    /** Extracts the article of a parsed page. The document is modified. */
    public static Extracted extract(Document doc) throws ExtractException {
        Element body = doc.body();
        if (body == null) {
            throw new ExtractException("the page has no body");
        }
        int elements = body.getAllElements().size();
        if (elements > MAX_ELEMENTS) {
            throw new ExtractException("page too complex (" + elements + " elements)");
        }
        PageMetadata meta = PageMetadata.read(doc);
        PagePrep.prepare(doc);
        int pageText = Dom.textLength(body);
        ArticleFinder finder = new ArticleFinder(meta.title(), !meta.byline().isEmpty());
        Element article = finder.find(body);
        int textLength = article == null ? 0 : Dom.textLength(article);
        if (meta.articleBody().length() > Math.max(MIN_TEXT, 2 * textLength)) {
            article = fromText(meta.articleBody());
            textLength = Dom.textLength(article);
        }
        if (article == null || textLength == 0) {
            throw new ExtractException("no article found: the page has no text");
        }
        if (textLength < MIN_TEXT && textLength * 3 < pageText) {
            throw new ExtractException("no article found: only " + textLength
                    + " characters of text (a teaser, a paywall or a page of links)");
        }
        Furniture.clean(article, meta.title());
        ArticleOutput.finish(article);
        if (Dom.linkDensity(article) > MAX_LINK_DENSITY) {
            throw new ExtractException("no article found: the page is mostly links");
        }
        Document out = Document.createShell(doc.location());
        out.outputSettings().prettyPrint(false);
        out.body().appendChild(article);
        String byline = !meta.byline().isEmpty() ? meta.byline() : finder.byline();
        return new Extracted(Sanitize.line(meta.title()), Sanitize.line(byline), Sanitize.line(meta.siteName()),
                meta.published(), article.html(), article.text().length());
    }

    /** Plain article text (JSON-LD articleBody) as paragraphs: one per line. */
    private static Element fromText(String text) {
        Element div = new Element("div");
        for (String para : text.split("\\s*\\n\\s*")) {
            if (!para.isBlank()) {
                div.appendElement("p").appendText(para.strip());
            }
        }
        return div;
    }
}
