package dev.tidings.app;

import dev.tidings.feed.FeedException;
import dev.tidings.fetch.FetchLimits;
import dev.tidings.fetch.HttpFetcher;
import dev.tidings.store.FeedCache;
import dev.tidings.subs.Subscription;
import dev.tidings.subs.Subscriptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The user's subscriptions as a use case: the urls file in the config directory, the feed cache
 * in the cache directory, refreshing, and starting offline from the cache.
 *
 * <ul>
 *   <li>urls file: {@code $XDG_CONFIG_HOME/tidings/urls} (newsboat's format)</li>
 *   <li>cache: {@code $XDG_CACHE_HOME/tidings/feeds/}</li>
 * </ul>
 */
public final class Subscribed {
    private final Path urlsFile;
    private final FeedCache cache;
    private final java.util.function.Supplier<HttpFetcher> fetcher;
    private Refresher refresher;
    private Searching searching;
    private volatile Retention retention = Retention.NONE;
    /** A fetcher sending a given User-Agent (a feed's own setting); null: such feeds use the default. */
    private volatile java.util.function.Function<String, HttpFetcher> userAgentFetcher;
    private volatile Clock clock = Clock.systemUTC();

    /** The HTTP client is built only when something is fetched: an offline start never pays for it. */
    public Subscribed(Path urlsFile, Path cacheDir, java.util.function.Supplier<HttpFetcher> fetcher) {
        this.urlsFile = urlsFile;
        this.cache = new FeedCache(cacheDir);
        this.fetcher = fetcher;
    }

    public Subscribed(Path urlsFile, Path cacheDir, HttpFetcher fetcher) {
        this(urlsFile, cacheDir, () -> fetcher);
    }

    /** The urls file for an environment: $XDG_CONFIG_HOME/tidings/urls, else ~/.config/tidings/urls. */
    public static Path urlsFile(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "tidings", "urls");
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home", ".")), ".config", "tidings", "urls");
    }

    /** The global max-items and keep-days (a feed's own settings override them); none by default. */
    public void retention(Retention defaults) {
        this.retention = java.util.Objects.requireNonNull(defaults, "defaults");
    }

    /** How to get a fetcher that sends a feed's own User-Agent (one per distinct value, cached by the caller). */
    public void userAgentFetcher(java.util.function.Function<String, HttpFetcher> byUserAgent) {
        this.userAgentFetcher = byUserAgent;
    }

    /** The retention that applies to one feed. */
    public Retention retention(Subscription s) {
        return retention.forFeed(s.settings());
    }

    /** The clock retention's keep-days counts from (tests). */
    void clock(Clock c) {
        this.clock = c;
    }

    public Path file() {
        return urlsFile;
    }

    public FeedCache cache() {
        return cache;
    }

    /** Search over this cache (its index is opened on first use, never at start-up). */
    public synchronized Searching searching() {
        if (searching == null) {
            searching = new Searching(cache, new dev.tidings.search.SearchIndex(
                    dev.tidings.search.SearchIndex.defaultDir(cache.dir().getParent())));
        }
        return searching;
    }

    public synchronized Refresher refresher() {
        if (refresher == null) {
            HttpFetcher f = fetcher == null ? null : fetcher.get();
            refresher = new Refresher(cache, f != null ? f : new HttpFetcher(FetchLimits.defaults()), Clock.systemUTC());
        }
        return refresher;
    }

    /** The subscriptions, and what was wrong with lines of the file. A missing file is none. */
    public Subscriptions.Parsed load() throws IOException {
        return Subscriptions.load(urlsFile);
    }

    public void save(List<Subscription> subs) throws IOException {
        Subscriptions.save(urlsFile, subs);
    }

    /**
     * Refreshes feeds; permanent redirects are written back to the urls file (and reported by the
     * caller). The search index is not touched: each refreshed feed's segment is stale from now on
     * (its stamp names the old body) and is rebuilt by {@link Searching#afterRefresh} (the reader,
     * in the background) or before the next search ({@link Searching#catchUp}).
     */
    public List<Refresher.Result> refresh(List<Subscription> subs, Consumer<Refresher.Result> progress)
            throws IOException {
        List<String> urls = new ArrayList<>();
        Map<String, String> agents = new java.util.HashMap<>();
        for (Subscription s : subs) {
            urls.add(s.url());
            if (s.settings().userAgent() != null) {
                agents.put(s.url(), s.settings().userAgent());
            }
        }
        java.util.function.Function<String, HttpFetcher> byAgent = userAgentFetcher;
        List<Refresher.Result> results = refresher().refresh(urls, progress, url -> {
            String agent = agents.get(url);
            return agent == null || byAgent == null ? null : byAgent.apply(agent);
        });
        List<Subscription> updated = subs;
        boolean moved = false;
        for (Refresher.Result r : results) {
            if (r.status() == Refresher.Status.MOVED && r.newUrl() != null) {
                try {
                    updated = Subscriptions.replaceUrl(updated, r.url(), r.newUrl());
                    moved = true;
                } catch (IllegalArgumentException e) {
                    // already subscribed to the new URL, or the old one was removed meanwhile
                }
            }
        }
        if (moved) {
            List<Subscription> current = new ArrayList<>(load().subscriptions());
            for (Refresher.Result r : results) {
                if (r.status() == Refresher.Status.MOVED && r.newUrl() != null) {
                    try {
                        current = Subscriptions.replaceUrl(current, r.url(), r.newUrl());
                    } catch (IllegalArgumentException e) {
                        // see above
                    }
                }
            }
            save(current);
        }
        return results;
    }

    /** A feed from the cache, parsed in full, with the subscription's name when the user gave one. */
    public LoadedFeed cached(Subscription s) throws FeedException {
        return parseCached(s, dev.tidings.feed.Detail.FULL);
    }

    private LoadedFeed parseCached(Subscription s, dev.tidings.feed.Detail detail) throws FeedException {
        dev.tidings.store.CachedFeed e = cache.get(s.url())
                .orElseThrow(() -> new FeedException("no cached copy of " + s.url()));
        java.net.URI base = base(e.meta(), s);
        dev.tidings.model.Feed feed = dev.tidings.feed.Feeds.parse(e.body(), e.contentType(), base, detail);
        if (detail == dev.tidings.feed.Detail.HEADLINES) {
            try {
                cache.putIndex(s.url(), e.body(), feed); // the next start reads the index instead
            } catch (IOException | RuntimeException ignored) {
                // the index is an optimization: without it the body is parsed again next time
            }
        }
        return named(s, feed, base, detail == dev.tidings.feed.Detail.HEADLINES);
    }

    private static java.net.URI base(dev.tidings.store.CacheMeta e, Subscription s) {
        return dev.tidings.text.Urls.base(e.finalUrl() != null ? e.finalUrl() : s.url());
    }

    private LoadedFeed named(Subscription s, dev.tidings.model.Feed feed, java.net.URI base, boolean headlines) {
        feed = retention(s).apply(feed, clock.instant()); // the index and a full parse keep the same items
        if (!s.name().isEmpty()) { // the name the user gave wins over the feed's own title
            feed = new dev.tidings.model.Feed(feed.format(), s.name(), feed.link(), feed.description(), feed.image(),
                    feed.items());
        }
        return new LoadedFeed(s.url(), feed, base, headlines);
    }

    /**
     * One subscription as the cache has it, for the feed list and the headline list.
     *
     * @param meta the cache meta (last update, status, error), or null when nothing is cached
     * @param feed the feed's headlines ({@link LoadedFeed#headlinesOnly()}), or null when there is no
     *             usable headline index ({@code quick}) or no readable cached body
     */
    public record Headlines(Subscription subscription, dev.tidings.store.CacheMeta meta, LoadedFeed feed) {
    }

    /**
     * The cached headlines of a subscription from its headline index: no body is read. With
     * {@code quick} false, a missing, stale or damaged index is replaced by parsing the body (headlines
     * only), and the index is written again for the next start. Never throws.
     */
    public Headlines headlines(Subscription s, boolean quick) {
        FeedCache.Headlines h = cache.headlines(s.url()).orElse(null);
        if (h == null) {
            return new Headlines(s, null, null);
        }
        if (h.headlines() != null) {
            return new Headlines(s, h.meta(), named(s, h.headlines(), base(h.meta(), s), true));
        }
        if (quick || !h.meta().hasBody()) {
            return new Headlines(s, h.meta(), null);
        }
        try {
            return new Headlines(s, h.meta(), parseCached(s, dev.tidings.feed.Detail.HEADLINES));
        } catch (FeedException | RuntimeException e) {
            return new Headlines(s, h.meta(), null);
        }
    }
}
