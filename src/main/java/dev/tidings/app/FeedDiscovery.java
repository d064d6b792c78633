package dev.tidings.app;

import dev.tidings.extract.FeedLinks;
import dev.tidings.fetch.HttpFetcher;
import dev.tidings.fetch.HttpResult;
import dev.tidings.fetch.SourceException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * What {@code feeds add URL} subscribes to: the URL itself when it answers with a feed (or with
 * anything that is not a web page), else the feeds the web page names in its
 * {@code <link rel="alternate">} elements.
 */
public final class FeedDiscovery {
    private FeedDiscovery() {
    }

    /** The answer: {@code page} false means "subscribe to the URL as given"; else the page's feed links. */
    public record Found(boolean page, List<FeedLinks.Link> links, URI pageUri) {
        public Found {
            links = List.copyOf(links);
        }
    }

    /**
     * Fetches {@code url} once and looks.
     *
     * @throws SourceException when it cannot be fetched (the caller decides whether that matters)
     */
    public static Found discover(HttpFetcher fetcher, String url) throws SourceException {
        HttpResult r = fetcher.fetch(URI.create(url));
        URI at = r.finalUri() != null ? r.finalUri() : URI.create(url);
        if (r.status() != 200 || !isWebPage(r.body(), r.contentType())) {
            return new Found(false, List.of(), at);
        }
        String charset = null;
        if (r.contentType() != null) {
            Matcher m = ReaderMode.CHARSET.matcher(r.contentType());
            if (m.find()) {
                charset = m.group(1);
            }
        }
        return new Found(true, FeedLinks.find(r.body(), charset, at.toString()), at);
    }

    /**
     * An HTML page, not a feed: said so by its type (text/html, application/xhtml+xml) and not
     * contradicted by its first bytes, or shaped like one ({@code <!DOCTYPE html>}, {@code <html>}).
     */
    static boolean isWebPage(byte[] body, String contentType) {
        if (ReaderMode.looksLikeFeed(body)) {
            return false;
        }
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ReaderMode.FEED_TYPE.matcher(ct).find()) {
            return false;
        }
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "").stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<?xml") || head.startsWith("{") || head.startsWith("[")) {
            return ct.contains("html") && head.contains("<html");
        }
        return ct.contains("html") || head.startsWith("<!doctype html") || head.startsWith("<html")
                || head.startsWith("<!--") && head.contains("<html");
    }
}
