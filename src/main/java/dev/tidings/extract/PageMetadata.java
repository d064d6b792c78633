package dev.tidings.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What a page says about its article, in Readability's order of trust: the schema.org JSON-LD
 * article first, then Dublin Core, Open Graph, Twitter and Parse.ly {@code <meta>} tags, then the
 * {@code <title>} with the site's name cut off ("Headline | Site" gives "Headline").
 *
 * @param title       the headline, or ""
 * @param byline      the author(s) as the page names them, or ""
 * @param siteName    the publication's name (og:site_name, the JSON-LD publisher), or ""
 * @param published   the publication time, or null when missing or unreadable
 * @param articleBody the JSON-LD articleBody text, or "" (a hint when the page's markup hides the text)
 */
record PageMetadata(String title, String byline, String siteName, Instant published, String articleBody) {
    private static final Pattern PROPERTY = Pattern.compile(
            "\\s*(article|dc|dcterm|og|twitter)\\s*:\\s*(author|creator|description|published_time|title|site_name)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("^\\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))"
            + "\\s*[-.:]\\s*)?(author|creator|pub-date|description|title|site_name)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final String SEPARATORS = "|\\-–—\\\\/>»";
    private static final Pattern SEPARATOR = Pattern.compile("\\s[" + SEPARATORS + "]\\s");
    private static final Pattern HIERARCHICAL = Pattern.compile("\\s[\\\\/>»]\\s");
    private static final Pattern FIRST_PART = Pattern.compile("^[^" + SEPARATORS + "]*[" + SEPARATORS + "]");

    /** Reads the metadata; call before scripts are removed (JSON-LD lives in one). */
    static PageMetadata read(Document doc) {
        Map<String, Object> ld = JsonLd.article(doc);
        Map<String, String> values = new HashMap<>();
        for (Element meta : doc.getElementsByTag("meta")) {
            String content = meta.attr("content");
            if (content.isEmpty()) {
                continue;
            }
            Matcher m = PROPERTY.matcher(meta.attr("property"));
            if (!meta.attr("property").isEmpty() && m.find()) {
                values.put(m.group().toLowerCase(Locale.ROOT).replaceAll("\\s", ""), content.strip());
            } else if (!meta.attr("name").isEmpty() && NAME.matcher(meta.attr("name")).find()) {
                values.put(meta.attr("name").toLowerCase(Locale.ROOT).replaceAll("\\s", "").replace('.', ':'),
                        content.strip());
            }
        }
        String title = ldTitle(doc, ld);
        if (title.isEmpty()) {
            title = first(values, "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title",
                    "title", "twitter:title", "parsely-title");
        }
        if (title.isEmpty()) {
            title = documentTitle(doc);
        }
        String byline = JsonLd.names(ld.get("author"));
        if (byline.isEmpty()) {
            String articleAuthor = values.getOrDefault("article:author", "");
            byline = first(values, "dc:creator", "dcterm:creator", "author", "parsely-author");
            if (byline.isEmpty() && !articleAuthor.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
                byline = articleAuthor;
            }
        }
        String site = ld.get("publisher") instanceof Map ? JsonLd.string((Map<?, ?>) ld.get("publisher"), "name") : "";
        if (site.isEmpty()) {
            site = values.getOrDefault("og:site_name", "");
        }
        String date = JsonLd.string(ld, "datePublished");
        if (date.isEmpty()) {
            date = first(values, "article:published_time", "parsely-pub-date");
        }
        return new PageMetadata(unescape(title), unescape(byline), unescape(site), instant(unescape(date)),
                JsonLd.string(ld, "articleBody"));
    }

    private static String ldTitle(Document doc, Map<String, Object> ld) {
        String name = JsonLd.string(ld, "name");
        String headline = JsonLd.string(ld, "headline");
        if (!name.isEmpty() && !headline.isEmpty() && !name.equals(headline)) {
            String title = documentTitle(doc);
            boolean nameMatches = Dom.similarity(name, title) > 0.75;
            boolean headlineMatches = Dom.similarity(headline, title) > 0.75;
            return headlineMatches && !nameMatches ? headline : name;
        }
        return !name.isEmpty() ? name : headline;
    }

    private static String first(Map<String, String> values, String... keys) {
        for (String k : keys) {
            String v = values.get(k);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    private static String unescape(String s) {
        return s.indexOf('&') < 0 ? s : Parser.unescapeEntities(s, false);
    }

    /** The {@code <title>} without the site's name (Readability's rules for separators and colons). */
    static String documentTitle(Document doc) {
        String orig = doc.title().strip();
        String cur = orig;
        boolean hierarchical = false;
        Matcher sep = SEPARATOR.matcher(cur);
        if (sep.find()) {
            hierarchical = HIERARCHICAL.matcher(cur).find();
            int last = sep.start();
            while (sep.find()) {
                last = sep.start();
            }
            cur = orig.substring(0, last);
            if (wordCount(cur) < 3) {
                cur = FIRST_PART.matcher(orig).replaceFirst("");
            }
        } else if (cur.contains(": ")) {
            boolean heading = false;
            for (Element h : doc.select("h1, h2")) {
                if (h.wholeText().strip().equals(cur)) {
                    heading = true;
                    break;
                }
            }
            if (!heading) {
                cur = orig.substring(orig.lastIndexOf(':') + 1);
                if (wordCount(cur) < 3) {
                    cur = orig.substring(orig.indexOf(':') + 1);
                } else if (wordCount(orig.substring(0, orig.indexOf(':'))) > 5) {
                    cur = orig;
                }
            }
        } else if (cur.length() > 150 || cur.length() < 15) {
            var h1s = doc.getElementsByTag("h1");
            if (h1s.size() == 1) {
                cur = h1s.get(0).text();
            }
        }
        cur = cur.strip().replaceAll("\\s{2,}", " ");
        int words = wordCount(cur);
        if (words <= 4 && (!hierarchical || words != wordCount(SEPARATOR.matcher(orig).replaceAll("")) - 1)) {
            cur = orig;
        }
        return cur;
    }

    private static int wordCount(String s) {
        return s.split("\\s+", -1).length;
    }

    /** ISO 8601 in its common spellings (offset with or without a colon, a space for the T, no zone as UTC), RFC 1123. */
    static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip().replaceFirst("^(\\d{4}-\\d\\d-\\d\\d) (\\d)", "$1T$2")
                .replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2");
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // try the next spelling
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next spelling
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            // try the next spelling
        }
        try {
            return ZonedDateTime.parse(s.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
