package dev.tidings.app;

import dev.tidings.extract.ExtractException;
import dev.tidings.extract.Extracted;
import dev.tidings.extract.Extractor;
import dev.tidings.fetch.FetchLimits;
import dev.tidings.fetch.HttpFetcher;
import dev.tidings.fetch.HttpResult;
import dev.tidings.fetch.SourceException;
import dev.tidings.model.Item;
import dev.tidings.store.PageCache;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reader mode as a use case: fetch an article's web page (http and https only, with the feed
 * fetcher's limits: redirects, deadline, size cap; nothing fetched for images or frames, no script
 * run), extract the article, and cache the result in $XDG_CACHE_HOME/tidings/pages for a week.
 */
public final class ReaderMode {
    /** Pages larger than this (decoded) are refused. */
    public static final long MAX_PAGE_BYTES = 5L * 1024 * 1024;
    /** How long a reader-mode page stays in the page cache. */
    public static final Duration CACHE_TTL = Duration.ofDays(7);
    static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)");

    private final HttpFetcher fetcher;
    private final PageCache cache;

    /**
     * @param fetcher  the HTTP client, or null for the default page limits
     * @param cacheDir where extracted pages are cached, or null for no cache
     */
    public ReaderMode(HttpFetcher fetcher, Path cacheDir) {
        this.fetcher = fetcher != null ? fetcher : new HttpFetcher(new FetchLimits(Duration.ofSeconds(10),
                Duration.ofSeconds(20), MAX_PAGE_BYTES, 5, FetchLimits.USER_AGENT));
        this.cache = cacheDir == null ? null : new PageCache(cacheDir, CACHE_TTL);
    }

    /** The article at {@code url}, from the cache when it is fresh. */
    public Extracted fetch(String url) throws SourceException, ExtractException {
        if (!Urls.isWeb(url)) {
            throw new SourceException(Sanitize.line(url) + ": only http and https pages can be read");
        }
        Extracted cached = cached(url);
        if (cached != null) {
            return cached;
        }
        HttpResult r = fetcher.fetch(URI.create(url));
        if (r.status() == 304) {
            throw new SourceException(Sanitize.line(url) + ": server answered 304 with nothing cached");
        }
        Extracted e = fromBytes(r.body(), r.contentType(), r.finalUri().toString());
        store(url, e);
        return e;
    }

    /**
     * Reader mode as the reader uses it: {@code item} with the article of its link's web page as
     * its body (see {@link #asItem}), or why that page could not be read.
     */
    public Item article(Item item) throws Unreadable {
        try {
            return asItem(fetch(item.link()), item);
        } catch (SourceException | ExtractException e) {
            throw new Unreadable(e.getMessage());
        }
    }

    /** The page could not be fetched or held no article: the message says which and why. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** What {@link #fromBytes} says of a feed: reader mode reads web pages, {@code dump} reads feeds. */
    public static final String A_FEED = "a feed, not a web page: try `tidings dump`";
    static final Pattern FEED_TYPE = Pattern.compile("(?i)^\\s*application/(rss|atom|rdf|feed)\\+(xml|json)");
    /** After the prolog (BOM, white space, XML declaration, processing instructions, comments, DOCTYPE). */
    private static final Pattern PROLOG = Pattern.compile("^(?:\\s|<\\?[^>]*\\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*",
            Pattern.DOTALL);
    private static final Pattern FEED_ROOT = Pattern.compile("^<(?:[A-Za-z_][\\w.-]*:)?(?:rss|feed|RDF)[\\s>/]");

    /**
     * Extracts from page bytes: the charset comes from the header, else the page, else UTF-8. A feed
     * (by its content type, or by its first bytes: an rss, feed or rdf:RDF root, a JSON Feed) is refused
     * with {@link #A_FEED}; any other type that is not HTML or plain text is refused too.
     */
    public static Extracted fromBytes(byte[] bytes, String contentType, String url) throws ExtractException {
        if ((contentType != null && FEED_TYPE.matcher(contentType).find()) || looksLikeFeed(bytes)) {
            throw new ExtractException(A_FEED);
        }
        if (contentType != null) {
            String ct = contentType.toLowerCase(Locale.ROOT);
            if (!ct.contains("html") && !ct.startsWith("text/plain") && !ct.isBlank()) {
                throw new ExtractException("not an HTML page (" + Sanitize.line(contentType) + ")");
            }
        }
        if (bytes.length > MAX_PAGE_BYTES) {
            throw new ExtractException("page too large (" + bytes.length / (1024 * 1024) + " MB)");
        }
        String charset = null;
        if (contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            if (m.find()) {
                charset = m.group(1);
            }
        }
        return Extractor.extract(bytes, charset, url);
    }

    /** Whether the bytes start like RSS, Atom, RDF or JSON Feed (looks at the first 4 KB only). */
    static boolean looksLikeFeed(byte[] bytes) {
        int n = Math.min(bytes.length, 4096);
        int from = n >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        String head = new String(bytes, from, n - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (head.stripLeading().startsWith("{")) {
            return head.contains("jsonfeed.org/version");
        }
        Matcher prolog = PROLOG.matcher(head);
        String rest = prolog.lookingAt() ? head.substring(prolog.end()) : head;
        return FEED_ROOT.matcher(rest).lookingAt();
    }

    /** The extracted article as an item the renderer shows: the page's text under the feed's header. */
    public static Item asItem(Extracted e, Item original) {
        String title = !e.title().isEmpty() ? e.title() : original == null ? "" : original.title();
        List<String> authors = !e.byline().isEmpty() ? List.of(e.byline())
                : original == null ? List.of() : original.authors();
        Instant published = e.published() != null ? e.published() : original == null ? null : original.published();
        String id = original == null ? "" : original.id();
        String link = original == null ? "" : original.link();
        return new Item(id.isEmpty() ? "page" : id, title, link, published, original == null ? null : original.updated(),
                authors, original == null ? List.of() : original.categories(), "", Sanitize.body(e.contentHtml()),
                List.of(), List.of(), original == null ? null : original.social());
    }

    /** The article of the item's page from the page cache only (offline), or null when it is not there. */
    public Item cachedArticle(Item item) {
        Extracted x = cached(item.link());
        return x == null ? null : asItem(x, item);
    }

    // ---------------------------------------------------------------- cache

    private Extracted cached(String url) {
        if (cache == null) {
            return null;
        }
        PageCache.Page p = cache.get(url);
        return p == null ? null : new Extracted(p.title(), p.byline(), p.siteName(), p.published(), p.html(),
                p.textLength());
    }

    private void store(String url, Extracted e) {
        if (cache != null) {
            cache.put(url, new PageCache.Page(e.title(), e.byline(), e.siteName(), e.published(), e.contentHtml(),
                    e.textLength()));
        }
    }

    /** $XDG_CACHE_HOME/tidings, else ~/.cache/tidings. */
    public static Path defaultCacheDir(java.util.Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "tidings");
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home", ".")), ".cache", "tidings");
    }
}
