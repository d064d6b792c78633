package dev.tidings.feed;

import dev.tidings.model.Feed;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way into the feed parsers: bytes in, a sanitized {@link Feed} out.
 *
 * <pre>
 * Feed f = Feeds.parse(in, "application/rss+xml; charset=utf-8", URI.create("https://a.org/feed"), Detail.FULL);
 * </pre>
 *
 * The format is detected from the content (XML whose root is rss, rdf:RDF or feed; JSON by its
 * members, see {@link JsonShape}: JSON Feed, Hacker News, Reddit, Mastodon, NewsAPI/GNews, the
 * Guardian), never from a name. A news service's error document is a {@link ServiceErrorException}. The character set comes from a byte-order mark, else the XML
 * declaration, else the HTTP content type, else UTF-8; malformed bytes become U+FFFD.
 */
public final class Feeds {
    private Feeds() {
    }

    private static final int SNIFF = 65536;
    private static final Pattern XML_ENCODING = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern CT_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)");

    /**
     * Parses a feed from a stream (not closed here).
     *
     * @param in          the bytes
     * @param contentType the HTTP Content-Type when known, else null
     * @param base        the URI relative links resolve against (the feed's URL), or null
     * @param detail      {@link Detail#HEADLINES} skips bodies unread
     * @throws FeedException when the bytes are not a feed or break a safety limit
     * @throws IOException   when reading fails
     */
    public static Feed parse(InputStream in, String contentType, URI base, Detail detail)
            throws FeedException, IOException {
        BufferedInputStream buffered = in instanceof BufferedInputStream
                ? (BufferedInputStream) in : new BufferedInputStream(in, SNIFF + 1024);
        buffered.mark(SNIFF + 16);
        byte[] head = buffered.readNBytes(SNIFF);
        buffered.reset();
        if (head.length == 0) {
            throw new FeedException("not a feed: it is empty");
        }
        Charset bomCharset = null;
        int bomLength = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            bomCharset = StandardCharsets.UTF_8;
            bomLength = 3;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
            bomCharset = StandardCharsets.UTF_16BE;
            bomLength = 2;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
            bomCharset = StandardCharsets.UTF_16LE;
            bomLength = 2;
        }
        Charset sniffCharset = bomCharset != null ? bomCharset : StandardCharsets.ISO_8859_1;
        String start = new String(head, bomLength, head.length - bomLength, sniffCharset).stripLeading();
        if (start.isEmpty()) {
            throw new FeedException("not a feed: it holds only whitespace");
        }
        buffered.skipNBytes(bomLength);
        if (bomCharset == null || bomCharset == StandardCharsets.UTF_8) {
            // blank lines before <?xml ...?> (a common CMS fault) are not allowed by XML: skip them
            int skip = bomLength;
            while (skip < head.length && (head[skip] == ' ' || head[skip] == '\n' || head[skip] == '\r'
                    || head[skip] == '\t')) {
                skip++;
            }
            buffered.skipNBytes(skip - bomLength);
        }
        char first = start.charAt(0);
        if (first == '{' || first == '[') {
            Charset cs = bomCharset != null ? bomCharset : charsetOf(contentType, StandardCharsets.UTF_8);
            return json(buffered, start, head.length < SNIFF, sniffCharset, cs, detail, base);
        }
        if (first == '<') {
            Charset cs = bomCharset;
            if (cs == null) {
                Matcher m = XML_ENCODING.matcher(start);
                if (m.find()) {
                    cs = charset(m.group(1), null);
                }
            }
            if (cs == null) {
                cs = charsetOf(contentType, StandardCharsets.UTF_8);
            }
            if (looksLikeHtml(start)) {
                throw new FeedException("not a feed: this is an HTML page, not RSS, Atom or JSON Feed");
            }
            XmlFeedParser.checkProlog(start, head.length < SNIFF);
            return XmlFeedParser.parse(reader(buffered, cs, true), detail, base);
        }
        throw new FeedException("not a feed: it starts with neither '<' (RSS/Atom) nor '{' (JSON Feed)");
    }

    /** Largest JSON document read whole to find its shape when its first 64 KiB do not tell. */
    private static final int MAX_SHAPE_SEARCH = 64 * 1024 * 1024;

    /** JSON Feed or one of the JSON news sources ({@link JsonShape}), chosen by the members present. */
    private static Feed json(InputStream in, String start, boolean complete, Charset sniffCharset, Charset cs,
                             Detail detail, URI base) throws FeedException, IOException {
        JsonShape.Sniffed shape = JsonShape.sniff(start, complete);
        InputStream body = in;
        if (shape.shape() == JsonShape.UNDECIDED) {
            byte[] all = in.readNBytes(MAX_SHAPE_SEARCH + 1);
            if (all.length > MAX_SHAPE_SEARCH) {
                throw new FeedException("not a feed: no member of a known JSON shape in the first 64 MiB;"
                        + " see \"Sources\" in README.md");
            }
            shape = JsonShape.sniff(new String(all, sniffCharset), true);
            body = new ByteArrayInputStream(all);
        }
        switch (shape.shape()) {
            case UNKNOWN:
                throw new FeedException(JsonShape.unknownMessage(shape));
            case JSON_FEED:
                return JsonFeedParser.parse(reader(body, cs, false), detail, base);
            case MALFORMED: // the reader of the closest shape says where the JSON breaks
                return shape.array() ? JsonSource.read(reader(body, cs, false), JsonShape.MASTODON, detail, base)
                        : JsonFeedParser.parse(reader(body, cs, false), detail, base);
            default:
                return JsonSource.read(reader(body, cs, false), shape.shape(), detail, base);
        }
    }

    /**
     * The service's own message when an HTTP error answer's body is a JSON error document
     * ({"status":"error","message":…}, {"error":…}, {"errors":[…]}, the Guardian's response): one
     * line naming the service, else empty.
     */
    public static java.util.Optional<String> serviceError(byte[] body) {
        if (body == null || body.length == 0) {
            return java.util.Optional.empty();
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (!text.startsWith("{")) {
            return java.util.Optional.empty();
        }
        return ServiceErrors.of(text).map(FeedException::getMessage);
    }

    /** Parses a feed held in memory. */
    public static Feed parse(byte[] bytes, String contentType, URI base, Detail detail) throws FeedException {
        try {
            return parse(new ByteArrayInputStream(bytes), contentType, base, detail);
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array failed", e);
        }
    }

    private static boolean looksLikeHtml(String start) {
        String s = start.length() > 512 ? start.substring(0, 512) : start;
        s = s.toLowerCase(Locale.ROOT);
        return s.startsWith("<!doctype html") || s.startsWith("<html") || (s.startsWith("<!--") && s.contains("<html"));
    }

    private static Reader reader(InputStream in, Charset cs, boolean xml) {
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        Reader r = new InputStreamReader(in, decoder);
        return xml ? new XmlControlFilter(r) : r;
    }

    private static Charset charsetOf(String contentType, Charset fallback) {
        if (contentType == null) {
            return fallback;
        }
        Matcher m = CT_CHARSET.matcher(contentType);
        return m.find() ? charset(m.group(1), fallback) : fallback;
    }

    private static Charset charset(String name, Charset fallback) {
        try {
            String n = name.trim();
            if (n.equalsIgnoreCase("iso-8859-1") || n.equalsIgnoreCase("latin1") || n.equalsIgnoreCase("us-ascii")) {
                return Charset.forName("windows-1252"); // what browsers and feedparser do
            }
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
