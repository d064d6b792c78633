package dev.tidings.app;

import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import dev.tidings.feed.Feeds;
import dev.tidings.fetch.HttpFetcher;
import dev.tidings.store.CachedFeed;
import dev.tidings.store.FeedCache;
import dev.tidings.text.Sanitize;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Refreshes many feeds like a good citizen, keeping the last good copy of each in a
 * {@link FeedCache}:
 *
 * <ul>
 *   <li>at most {@value #MAX_PARALLEL} fetches at a time, at most {@value #MAX_PER_HOST} per host. A
 *       "host" is the URL's lower-cased host name plus its effective port, so {@code 127.0.0.1:8080},
 *       {@code 127.0.0.1:8081} and {@code localhost:8080} are three hosts (no DNS lookups are made
 *       to merge names). Feeds are started in list order, skipping past those whose host is busy;</li>
 *   <li>conditional GET with the cached ETag / Last-Modified; 304 is served from the cache;</li>
 *   <li>a 200 body is parsed (headlines only) before it is cached: an invalid feed is a failure and
 *       the previous good copy stays;</li>
 *   <li>a permanent redirect (301/308 anywhere on the way) is {@link Status#MOVED}: the body is
 *       cached under both URLs and {@link Result#newUrl()} says where the feed lives now; the caller
 *       updates the subscription and tells the user. A 302/307 is just followed;</li>
 *   <li>410 Gone is {@link Status#GONE} (the old copy is kept for reading);</li>
 *   <li>429/503 with a Retry-After of at most {@link #maxRetryWait()} (10 s by default): wait and
 *       retry once. A longer wait is {@link Status#DEFERRED}: the time is stored and the feed is not
 *       fetched again before it, in this process or any other sharing the cache;</li>
 *   <li>anything else is {@link Status#FAILED} with the fetcher's one-line message. Each fetch is
 *       bounded by the fetcher's deadline, so a slow or hanging server delays only its own feed and
 *       a failure never stops the others.</li>
 * </ul>
 *
 * One instance may be used by several threads, but each {@link #refresh} call has its own limits.
 * {@link RefreshRun} schedules a call's fetches, {@link FeedRefresh} runs each feed's exchange with
 * the server and the cache, {@link RetryAfter} reads the waits servers ask for.
 */
public final class Refresher {
    /** Fetches in flight at once, over all hosts. */
    public static final int MAX_PARALLEL = 6;
    /** Fetches in flight at once to one host (host name and port). */
    public static final int MAX_PER_HOST = 2;
    /** The longest Retry-After waited for before retrying, by default. */
    public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(10);
    /** The longest a Retry-After can defer a feed: a longer delay or a later date counts as this. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofDays(7);

    /** How one feed's refresh ended. */
    public enum Status {
        /** A new copy was fetched, validated and cached. */
        UPDATED,
        /** The server said 304 (or nothing changed): the cached copy is current. */
        NOT_MODIFIED,
        /** Permanently redirected: the feed lives at {@link Result#newUrl()} now (cached there too). */
        MOVED,
        /** The server answered 410 Gone: unsubscribe. */
        GONE,
        /** The server asked to wait (429/503 with a long Retry-After): not fetched until then. */
        DEFERRED,
        /** Anything else went wrong; the message says what. The cached copy, if any, is kept. */
        FAILED
    }

    /**
     * The outcome for one feed.
     *
     * @param url     the URL as given
     * @param status  what happened
     * @param message one line for the user (names the URL for failures), never null
     * @param newUrl  where the feed moved to ({@link Status#MOVED}), else null
     * @param items   items in the fetched copy (UPDATED, MOVED), else 0 (NOT_MODIFIED does not parse)
     */
    public record Result(String url, Status status, String message, String newUrl, int items) {
        public Result {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(status, "status");
            message = message == null ? "" : message;
        }
    }

    private final FeedCache cache;
    private final HttpFetcher fetcher;
    private final Duration maxRetryWait;
    private final FeedRefresh feedRefresh;

    /** A refresher that waits at most {@link #DEFAULT_MAX_RETRY_WAIT} for a Retry-After. */
    public Refresher(FeedCache cache, HttpFetcher fetcher, Clock clock) {
        this(cache, fetcher, clock, DEFAULT_MAX_RETRY_WAIT);
    }

    /**
     * @param maxRetryWait the longest Retry-After (429/503) waited for before retrying once; longer
     *                     ones defer the feed
     */
    public Refresher(FeedCache cache, HttpFetcher fetcher, Clock clock, Duration maxRetryWait) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        Objects.requireNonNull(clock, "clock");
        if (maxRetryWait == null || maxRetryWait.isNegative()) {
            throw new IllegalArgumentException("maxRetryWait must be >= 0, was " + maxRetryWait);
        }
        this.maxRetryWait = maxRetryWait;
        this.feedRefresh = new FeedRefresh(cache, clock, maxRetryWait);
    }

    public Duration maxRetryWait() {
        return maxRetryWait;
    }

    /**
     * Refreshes every feed and returns one result per distinct URL, in the order given (a URL listed
     * twice is fetched once). Blocks until all are done.
     *
     * <p>{@code progress} is called exactly once per feed, as soon as that feed is finished, <b>from
     * the worker thread that fetched it</b> (or the calling thread for feeds skipped without
     * fetching), possibly from several threads at once: it must be thread-safe and quick (hand the
     * result to the UI thread; do not block). An exception it throws is ignored.
     *
     * <p>If the calling thread is interrupted, fetches in flight are abandoned, feeds not finished
     * are {@link Status#FAILED} "interrupted", and the interrupt flag is kept.
     */
    public List<Result> refresh(List<String> urls, Consumer<Result> progress) {
        return refresh(urls, progress, url -> null);
    }

    /**
     * {@link #refresh(List, Consumer)} with a fetcher of its own for some feeds (a feed's own
     * User-Agent): {@code fetcherFor} returns it, or null for the refresher's fetcher.
     */
    public List<Result> refresh(List<String> urls, Consumer<Result> progress,
                                Function<String, HttpFetcher> fetcherFor) {
        Consumer<Result> report = progress == null ? r -> { } : progress;
        Map<String, Result> results = new LinkedHashMap<>();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(urls));
        for (String u : distinct) {
            results.put(u, null);
        }
        new RefreshRun(report, feedRefresh::skipIfDeferred, (url, fetched) -> {
            HttpFetcher own = fetcherFor.apply(url);
            return feedRefresh.refresh(url, fetched, own != null ? own : fetcher);
        }).execute(distinct, results);
        List<Result> out = new ArrayList<>(distinct.size());
        for (String u : distinct) {
            out.add(results.get(u));
        }
        return out;
    }

    /**
     * The cached copy of a feed, parsed in full, for reading offline; its links resolve against the
     * URL the body was last fetched from.
     *
     * @throws FeedException when nothing is cached for the URL or the cached body is not a feed
     */
    public LoadedFeed loadCached(String url) throws FeedException {
        CachedFeed e = cache.get(url)
                .orElseThrow(() -> new FeedException("no cached copy of " + Sanitize.line(url)));
        URI base = FeedRefresh.base(e.finalUrl(), null);
        return new LoadedFeed(url, Feeds.parse(e.body(), e.contentType(), base, Detail.FULL), base);
    }

    /** What the cache holds for a URL (body, validators, last status and error), or empty. */
    public Optional<CachedFeed> cached(String url) {
        return cache.get(url);
    }
}
