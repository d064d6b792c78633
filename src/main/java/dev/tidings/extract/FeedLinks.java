package dev.tidings.extract;

import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Feed discovery: the feeds a web page names in its {@code <link rel="alternate">} elements (RSS,
 * Atom, JSON Feed), their hrefs resolved against the page's {@code <base>} or URL. Anchors are not
 * guessed at: only what the page declares.
 */
public final class FeedLinks {
    /** At most this many links are kept (a hostile page could declare thousands). */
    static final int MAX = 50;

    private static final Set<String> TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/feed+json", "application/json", "application/rdf+xml");

    private FeedLinks() {
    }

    /**
     * One feed a page declares.
     *
     * @param url   absolute http(s) URL
     * @param type  the declared MIME type, lower case: "application/rss+xml"…
     * @param title the link's title, one sanitized line, "" when absent
     */
    public record Link(String url, String type, String title) {
        /** "RSS", "Atom", "JSON Feed", "RDF": the format by its declared type. */
        public String format() {
            return switch (type) {
                case "application/rss+xml" -> "RSS";
                case "application/atom+xml" -> "Atom";
                case "application/rdf+xml" -> "RDF";
                default -> "JSON Feed";
            };
        }
    }

    /**
     * The feed links of a page, in document order, each URL once.
     *
     * @param bytes   the page
     * @param charset from the Content-Type header, or null (then the page's meta, else UTF-8)
     * @param pageUrl the page's URL after redirects
     */
    public static List<Link> find(byte[] bytes, String charset, String pageUrl) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(bytes), charset, pageUrl);
        } catch (IOException | IllegalArgumentException e) {
            try {
                doc = Jsoup.parse(new ByteArrayInputStream(bytes), "UTF-8", pageUrl);
            } catch (IOException e2) {
                return List.of();
            }
        }
        return find(doc);
    }

    /** The feed links of a parsed page (its base URI set). */
    public static List<Link> find(Document doc) {
        List<Link> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Element e : doc.select("link[rel][href][type]")) {
            if (!isAlternate(e.attr("rel"))) {
                continue;
            }
            String type = e.attr("type").strip().toLowerCase(Locale.ROOT);
            int semi = type.indexOf(';');
            if (semi >= 0) {
                type = type.substring(0, semi).strip();
            }
            if (!TYPES.contains(type)) {
                continue;
            }
            String url = Sanitize.line(e.absUrl("href"));
            if (!Urls.isWeb(url) || type.equals("application/json") && notAFeed(url) || !seen.add(url)) {
                continue;
            }
            out.add(new Link(url, type, Sanitize.line(e.attr("title"))));
            if (out.size() == MAX) {
                break;
            }
        }
        return out;
    }

    /** Plain application/json alternates that are APIs, not JSON Feeds (WordPress's REST routes, oEmbed). */
    private static boolean notAFeed(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return u.contains("/wp-json/") || u.contains("oembed") || u.contains("rest_route=");
    }

    private static boolean isAlternate(String rel) {
        for (String token : rel.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (token.equals("alternate")) {
                return true;
            }
        }
        return false;
    }
}
