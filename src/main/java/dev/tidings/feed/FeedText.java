package dev.tidings.feed;

import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.net.URI;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** Text as feeds send it turned into what the model holds: plain one-line fields and HTML bodies. */
final class FeedText {
    private static final Pattern RELATIVE_URL = Pattern.compile(
            "(?i)\\b(?:href|src)\\s*=\\s*[\"']?(?![a-z][a-z0-9+.-]*:|#|[\"'])");

    private FeedText() {
    }

    /** Plain text turned into HTML: escaped, blank lines become paragraphs, newlines line breaks. */
    static String plainToHtml(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(t.length() + 32);
        for (String para : t.split("\\r?\\n\\s*\\r?\\n")) {
            sb.append("<p>");
            XhtmlWriter.escapeText(sb, para.strip());
            sb.append("</p>");
        }
        return sb.toString().replace("\n", "<br>");
    }

    /** RSS descriptions are usually HTML but sometimes plain text: decide by looking. */
    static String htmlOrPlain(String s) {
        for (int i = 0; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '<') {
                char n = s.charAt(i + 1);
                if (Character.isLetter(n) || n == '/' || n == '!') {
                    return s;
                }
            } else if (c == '&') {
                char n = s.charAt(i + 1);
                if (Character.isLetter(n) || n == '#') {
                    return s;
                }
            }
        }
        return plainToHtml(s);
    }

    /** A one-line field that may carry markup or escaped entities: reduced to plain text. */
    static String plainTitle(String s) {
        String t = s;
        if (t.indexOf('<') >= 0 && t.indexOf('>') > 0) {
            t = Jsoup.parseBodyFragment(t).text();
        } else if (t.indexOf('&') >= 0) {
            t = Parser.unescapeEntities(t, false);
        }
        return Sanitize.line(t);
    }

    /**
     * Relative href/src in a body made absolute against the xml:base in scope (else the feed's
     * URL), as feedparser does. Only bodies that have a relative URL pay for the HTML parse.
     */
    static String absolutize(String html, URI base) {
        if (base == null || html.isEmpty() || !RELATIVE_URL.matcher(html).find()) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        for (Element e : doc.select("[href], [src]")) {
            for (String attr : new String[] {"href", "src"}) {
                if (e.hasAttr(attr)) {
                    String v = e.attr(attr);
                    if (!v.isBlank() && !v.startsWith("#")) {
                        e.attr(attr, Urls.resolve(base, v));
                    }
                }
            }
        }
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }
}
