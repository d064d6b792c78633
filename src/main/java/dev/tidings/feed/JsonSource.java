package dev.tidings.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.tidings.model.Feed;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;

/**
 * The shared walk of the JSON news sources (Hacker News, Reddit, Mastodon, NewsAPI/GNews, the
 * Guardian): one Jackson streaming pass under the same limits as JSON Feed (nesting at most 64,
 * strings at most 16 MiB, numbers at most 64 digits), members of any type tolerated: a value of
 * the wrong type is skipped, never an error.
 */
abstract class JsonSource {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(JsonFeedParser.MAX_NESTING)
                    .maxStringLength(16 * 1024 * 1024)
                    .maxNumberLength(64)
                    .maxNameLength(4096)
                    .maxDocumentLength(-1)
                    .build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** What to do with one member of an object; must consume the value (or call {@code p.skipChildren()}). */
    interface Member {
        void on(String name, JsonToken value) throws IOException, FeedException;
    }

    /** What to do with one element of an array; must consume it. */
    interface Element {
        void on(JsonToken value) throws IOException, FeedException;
    }

    final JsonParser p;
    final boolean full;
    final URI base;

    JsonSource(JsonParser p, Detail detail, URI base) {
        this.p = p;
        this.full = detail == Detail.FULL;
        this.base = base;
    }

    /** Reads the document; the parser stands before its first token. */
    abstract Feed document() throws IOException, FeedException;

    /** Reads one document of a known shape, turning Jackson's errors into one-line {@link FeedException}s. */
    static Feed read(Reader in, JsonShape shape, Detail detail, URI base) throws FeedException {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonSource source = switch (shape) {
                case HACKER_NEWS -> new HackerNewsParser(p, detail, base);
                case REDDIT -> new RedditParser(p, detail, base);
                case MASTODON -> new MastodonParser(p, detail, base);
                case ARTICLES -> new NewsApiParser(p, detail, base);
                case GUARDIAN -> new GuardianParser(p, detail, base);
                case ERROR -> new ServiceErrors(p, detail, base);
                default -> throw new IllegalArgumentException("no JSON source reader for " + shape);
            };
            return source.document();
        } catch (StreamConstraintsException e) {
            throw new FeedException("not a valid feed: JSON exceeds a safety limit: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new FeedException("not a valid feed: JSON error" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new FeedException("not a valid feed: " + firstLine(e.getMessage()));
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return Sanitize.line(nl >= 0 ? s.substring(0, nl) : s);
    }

    /** Calls {@code m} for each member when {@code t} starts an object; skips any other value. */
    final void members(JsonToken t, Member m) throws IOException, FeedException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            m.on(name, p.nextToken());
        }
    }

    /** Calls {@code e} for each element when {@code t} starts an array; skips any other value. */
    final void elements(JsonToken t, Element e) throws IOException, FeedException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken v;
        while ((v = p.nextToken()) != JsonToken.END_ARRAY && v != null) {
            e.on(v);
        }
    }

    /** The value as text: strings as they are, numbers and booleans as text, anything else (skipped) "". */
    final String string(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return p.getText();
        }
        p.skipChildren();
        return "";
    }

    /** A string value only when the body is wanted; skipped unread for headlines. */
    final String body(JsonToken t) throws IOException {
        if (!full) {
            p.skipChildren();
            return "";
        }
        return string(t);
    }

    /** A whole, non-negative number (also when sent as a string of digits or a float); -1 for anything else. */
    final long count(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? -1 : Math.max(-1, p.getLongValue());
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            return d >= 0 && d < 9e18 ? (long) d : -1;
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText().trim();
            if (!s.isEmpty() && s.length() < 19 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Long.parseLong(s);
            }
            return -1;
        }
        p.skipChildren();
        return -1;
    }

    /** True only for JSON true. */
    final boolean bool(JsonToken t) throws IOException {
        p.skipChildren();
        return t == JsonToken.VALUE_TRUE;
    }

    /** An http(s) URL as given, else "" (javascript:, data: and relative junk dropped). */
    static String web(String url) {
        String u = url.strip();
        return u.regionMatches(true, 0, "https://", 0, 8) || u.regionMatches(true, 0, "http://", 0, 7) ? u : "";
    }

    /** Text escaped for HTML element content or a double-quoted attribute. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A text field that is usually plain but sometimes HTML (news API descriptions): HTML as it
     * is, plain text escaped into paragraphs. One line of text takes a fast path.
     */
    static String textOrHtml(String s) {
        if (s.isBlank()) {
            return "";
        }
        for (int i = 0; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            char n = s.charAt(i + 1);
            if ((c == '<' && (Character.isLetter(n) || n == '/' || n == '!'))
                    || (c == '&' && (Character.isLetter(n) || n == '#'))) {
                return s;
            }
        }
        boolean lines = s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return lines ? FeedText.plainToHtml(s) : "<p>" + escape(s.strip()) + "</p>";
    }

    /** A caption block for the renderer: {@code <figure><img><figcaption>}. */
    static void figure(StringBuilder html, String url, String caption, String credit) {
        String u = web(url);
        if (u.isEmpty()) {
            return;
        }
        html.append("<figure><img src=\"").append(escape(u)).append("\" alt=\"").append(escape(caption)).append("\">");
        if (!caption.isBlank() || !credit.isBlank()) {
            html.append("<figcaption>").append(escape(caption));
            if (!credit.isBlank()) {
                html.append(" <cite>").append(escape(credit)).append("</cite>");
            }
            html.append("</figcaption>");
        }
        html.append("</figure>");
    }

    /** Longest one-line field handed to an HTML parser: a longer title is junk, and parsing it costs time. */
    static final int MAX_LINE_MARKUP = 16 * 1024;

    /** {@code s} cut to {@link #MAX_LINE_MARKUP} characters (never inside a surrogate pair). */
    static String clip(String s) {
        if (s.length() <= MAX_LINE_MARKUP) {
            return s;
        }
        int cut = Character.isHighSurrogate(s.charAt(MAX_LINE_MARKUP - 1)) ? MAX_LINE_MARKUP - 1 : MAX_LINE_MARKUP;
        return s.substring(0, cut);
    }

    /** Seconds since the epoch as an Instant, or null when out of range. */
    static java.time.Instant epochSeconds(long s) {
        return s <= 0 || s > 32503680000L ? null : java.time.Instant.ofEpochSecond(s);
    }
}
