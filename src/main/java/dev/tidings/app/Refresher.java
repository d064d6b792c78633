package dev.tidings.app;

import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import dev.tidings.feed.Feeds;
import dev.tidings.fetch.HttpFetcher;
import dev.tidings.fetch.HttpResult;
import dev.tidings.fetch.SourceException;
import dev.tidings.model.Feed;
import dev.tidings.store.Download;
import dev.tidings.store.CacheMeta;
import dev.tidings.store.CachedFeed;
import dev.tidings.store.FeedCache;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

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
 */
public final class Refresher {
    /** Fetches in flight at once, over all hosts. */
    public static final int MAX_PARALLEL = 6;
    /** Fetches in flight at once to one host (host name and port). */
    public static final int MAX_PER_HOST = 2;
    /** The longest Retry-After waited for before retrying, by default. */
    public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(10);

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
    private final Clock clock;
    private final Duration maxRetryWait;

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
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxRetryWait == null || maxRetryWait.isNegative()) {
            throw new IllegalArgumentException("maxRetryWait must be >= 0, was " + maxRetryWait);
        }
        this.maxRetryWait = maxRetryWait;
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
                                java.util.function.Function<String, HttpFetcher> fetcherFor) {
        Consumer<Result> report = progress == null ? r -> { } : progress;
        Map<String, Result> results = new LinkedHashMap<>();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(urls));
        for (String u : distinct) {
            results.put(u, null);
        }
        Run run = new Run(report, fetcherFor);
        run.execute(distinct, results);
        List<Result> out = new ArrayList<>(distinct.size());
        for (String u : distinct) {
            out.add(results.get(u));
        }
        return out;
    }

    /** The scheduler of one refresh call: the calling thread starts fetches as limits allow. */
    private final class Run {
        private final Consumer<Result> report;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final Semaphore global = new Semaphore(MAX_PARALLEL);
        private final Map<String, Semaphore> perHost = new HashMap<>();
        private final AtomicInteger threads = new AtomicInteger();
        private final Semaphore cpu = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

        private final java.util.function.Function<String, HttpFetcher> fetcherFor;

        Run(Consumer<Result> report, java.util.function.Function<String, HttpFetcher> fetcherFor) {
            this.report = report;
            this.fetcherFor = fetcherFor;
        }

        void execute(List<String> urls, Map<String, Result> results) {
            List<String[]> pending = new ArrayList<>(); // {url, hostKey}
            for (String u : urls) {
                String host = hostKey(u);
                Result early = host == null ? invalid(u) : skipIfDeferred(u);
                if (early != null) {
                    finish(results, early);
                } else {
                    pending.add(new String[] {u, host});
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            List<Result> abandoned = new ArrayList<>();
            ExecutorService pool = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "tidings-refresh-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            lock.lock();
            try {
                while (!pending.isEmpty() || running()) {
                    boolean started = false;
                    for (Iterator<String[]> it = pending.iterator(); it.hasNext() && global.availablePermits() > 0; ) {
                        String[] p = it.next();
                        Semaphore host = perHost.computeIfAbsent(p[1], h -> new Semaphore(MAX_PER_HOST));
                        if (host.tryAcquire()) {
                            global.acquireUninterruptibly(); // a permit is available: we hold the lock
                            it.remove();
                            started = true;
                            pool.execute(() -> work(p[0], host, results));
                        }
                    }
                    if (!started) {
                        changed.await();
                    }
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                for (Map.Entry<String, Result> slot : results.entrySet()) {
                    if (slot.getValue() == null) {
                        slot.setValue(new Result(slot.getKey(), Status.FAILED,
                                Sanitize.line(slot.getKey()) + ": interrupted", null, 0));
                        abandoned.add(slot.getValue());
                    }
                }
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
                pool.shutdown();
            }
            abandoned.forEach(this::call);
        }

        /** True while some started feed has no result yet; called with the lock held. */
        private boolean running() {
            return global.availablePermits() < MAX_PARALLEL;
        }

        private void work(String url, Semaphore host, Map<String, Result> results) {
            Result r;
            boolean[] hostFreed = {false};
            boolean[] parsing = {false};
            Runnable fetched = () -> { // the host's slot frees as soon as its answer is in: parsing and
                if (!hostFreed[0]) {   // writing the cache need no connection to it
                    hostFreed[0] = true;
                    release(host, null);
                    // at most one parse per core: more would starve the JIT compiler threads while
                    // the parser is still interpreted, and a cold refresh then burns 50% more CPU
                    cpu.acquireUninterruptibly();
                    parsing[0] = true;
                }
            };
            try {
                HttpFetcher own = fetcherFor.apply(url);
                r = refreshOne(url, fetched, own != null ? own : fetcher);
            } catch (RuntimeException | Error e) {
                r = new Result(url, Status.FAILED, Sanitize.line(url) + ": internal error ("
                        + Sanitize.line(String.valueOf(e)) + ")", null, 0);
            }
            boolean recorded;
            lock.lock();
            try {
                recorded = results.get(url) == null; // else the run was interrupted and has answered already
                if (recorded) {
                    results.put(url, r);
                }
            } finally {
                lock.unlock();
            }
            try {
                if (recorded) {
                    call(r); // before the permits go back: refresh() returns only after every report
                }
            } finally {
                if (parsing[0]) {
                    cpu.release();
                }
                release(hostFreed[0] ? null : host, global);
            }
        }

        private void release(Semaphore host, Semaphore all) {
            lock.lock();
            try {
                if (host != null) {
                    host.release();
                }
                if (all != null) {
                    all.release();
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        private void finish(Map<String, Result> results, Result r) {
            results.put(r.url(), r);
            call(r);
        }

        private void call(Result r) {
            try {
                report.accept(r);
            } catch (RuntimeException e) {
                // a broken progress display must not stop the refresh
            }
        }
    }

    private static Result invalid(String url) {
        return new Result(url, Status.FAILED, Sanitize.line(url) + ": not an http or https URL", null, 0);
    }

    /** DEFERRED without fetching when an earlier Retry-After has not passed yet; else null. */
    private Result skipIfDeferred(String url) {
        Optional<CacheMeta> e = cache.meta(url); // not get(): that reads and hashes every body
        Instant until = e.map(CacheMeta::retryAfterUntil).orElse(null);
        if (until != null && clock.instant().isBefore(until)) {
            return new Result(url, Status.DEFERRED, Sanitize.line(url) + ": not fetched before " + until
                    + " (the server asked Tidings to wait)", null, 0);
        }
        return null;
    }

    /** "host:port", lower-case, with the scheme's default port filled in; null when not http(s). */
    static String hostKey(String url) {
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((!scheme.equals("http") && !scheme.equals("https")) || u.getHost() == null || u.getHost().isEmpty()) {
                return null;
            }
            int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
            return u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * One feed, start to end; never throws for a per-feed problem. {@code fetched} is run once the
     * server has answered (before a 200 body is parsed and cached).
     */
    private Result refreshOne(String url, Runnable fetched, HttpFetcher fetcher) {
        URI uri = URI.create(url.trim());
        // validators only: reading and hashing every cached body to send two headers made a
        // refresh of 200 unchanged feeds as slow as fetching them all
        CacheMeta cached = cache.meta(url).filter(CacheMeta::hasBody).orElse(null);
        boolean retried = false;
        boolean conditional = cached != null;
        while (true) {
            // the body streams to a temp file in the cache, never into memory: several endless or
            // gzip-bomb feeds in parallel each stop at the cap instead of exhausting the heap
            try (Download d = cache.download()) {
                Result done = attempt(fetcher, url, uri, cached, conditional, retried, d, fetched);
                if (done != RETRY && done != REFETCH) {
                    return done;
                }
                if (done == RETRY) {
                    retried = true;
                } else {
                    cached = null;
                    conditional = false;
                }
            } catch (IOException e) {
                return failed(url, Sanitize.line(url) + ": cannot write the feed cache ("
                        + Sanitize.line(String.valueOf(e.getMessage())) + ")");
            }
        }
    }

    /** {@link #attempt}'s answer for "fetch again after the Retry-After wait". */
    private static final Result RETRY = new Result("", Status.FAILED, "retry", null, 0);
    /** {@link #attempt}'s answer for "the cached copy went bad: fetch it whole". */
    private static final Result REFETCH = new Result("", Status.FAILED, "refetch", null, 0);

    /** One request for a feed, its body streamed into {@code d}; a result, {@link #RETRY} or {@link #REFETCH}. */
    private Result attempt(HttpFetcher fetcher, String url, URI uri, CacheMeta cached, boolean conditional, boolean retried,
                           Download d, Runnable fetched) throws IOException {
        HttpResult r;
        try {
            r = conditional ? fetcher.fetch(uri, cached.etag(), cached.lastModified(), d.stream())
                    : fetcher.fetch(uri, null, null, d.stream());
        } catch (SourceException raw) {
            SourceException e = SourceErrors.explained(raw);
            int status = e.status();
            if (status == 410) {
                return record(url, () -> cache.markGone(url, clock.instant()),
                        new Result(url, Status.GONE, e.getMessage(), null, 0));
            }
            Duration wait = (status == 429 || status == 503) ? retryAfter(e.retryAfter(), clock.instant()) : null;
            if (wait != null) {
                if (!retried && wait.compareTo(maxRetryWait) <= 0) {
                    if (!sleep(wait)) {
                        return failed(url, Sanitize.line(url) + ": interrupted");
                    }
                    return RETRY;
                }
                Instant until = clock.instant().plus(wait);
                String msg = e.getMessage() + "; not fetched again before " + until;
                return record(url, () -> cache.markError(url, e.getMessage(), until),
                        new Result(url, Status.DEFERRED, msg, null, 0));
            }
            return failed(url, e.getMessage());
        }
        fetched.run();
        String newUrl = r.permanentRedirect() && !r.finalUri().toString().equals(url)
                ? r.finalUri().toString() : null;
        if (r.status() == 304) {
            if (cached == null) {
                return failed(url, Sanitize.line(url) + ": server answered 304 Not Modified to a plain GET");
            }
            Instant now = clock.instant();
            if (newUrl != null) {
                CachedFeed c = cache.get(url).orElse(null);
                Feed feed;
                try {
                    feed = c == null ? null : parse(c.body(), c.contentType(), base(c.finalUrl(), uri));
                } catch (FeedException ex) {
                    feed = null;
                }
                if (feed == null) { // the cached copy went bad: fetch it whole
                    return REFETCH;
                }
                Feed movedFeed = feed;
                return record(url, () -> {
                    cache.touch(url, r.etag(), r.lastModified(), now);
                    // no index: its links were resolved against the old URL; the reader parses this body
                    cache.putBody(newUrl, c.body(), c.contentType(), newUrl, r.etag(), r.lastModified(), now);
                }, moved(url, newUrl, movedFeed));
            }
            // not modified: the cached copy stands; it is parsed when someone reads it, not here
            return record(url, () -> {
                cache.touch(url, r.etag(), r.lastModified(), now);
                holdOff(url, r);
            }, new Result(url, Status.NOT_MODIFIED, Sanitize.line(url) + ": not modified", null, 0));
        }
        Feed feed;
        try (InputStream body = d.open()) {
            feed = Feeds.parse(body, r.contentType(), r.finalUri(), Detail.HEADLINES);
        } catch (FeedException ex) {
            String msg = Sanitize.line(url) + ": " + Sanitize.line(ex.getMessage());
            return failed(url, msg);
        }
        Instant now = clock.instant();
        String finalUrl = r.finalUri().toString();
        if (newUrl != null) {
            return record(url, () -> {
                try (Download copy = cache.copyOf(d)) {
                    cache.putBody(newUrl, copy, r.contentType(), finalUrl, r.etag(), r.lastModified(), now, feed);
                }
                cache.putBody(url, d, r.contentType(), finalUrl, r.etag(), r.lastModified(), now, feed);
            }, moved(url, newUrl, feed));
        }
        // the headlines just parsed to validate the body become its index: no second parse
        return record(url, () -> {
            cache.putBody(url, d, r.contentType(), finalUrl, r.etag(), r.lastModified(), now, feed);
            holdOff(url, r);
        }, new Result(url, Status.UPDATED, Sanitize.line(url) + ": "
                + feed.items().size() + " items", null, feed.items().size()));
    }

    private static Result moved(String url, String newUrl, Feed feed) {
        return new Result(url, Status.MOVED, Sanitize.line(url) + ": moved permanently to " + Sanitize.line(newUrl),
                newUrl, feed.items().size());
    }

    /** FAILED, recorded in the cache (the old body stays). */
    private Result failed(String url, String message) {
        return record(url, () -> cache.markError(url, message, null),
                new Result(url, Status.FAILED, message, null, 0));
    }

    /** A rate-limit window used up (Reddit's x-ratelimit-*): the next refresh waits for its reset. */
    private void holdOff(String url, HttpResult r) throws IOException {
        Duration wait = r.retryAfter() == null ? null : retryAfter(r.retryAfter(), clock.instant());
        if (wait != null) {
            cache.holdOff(url, clock.instant().plus(wait));
        }
    }

    private interface CacheWrite {
        void run() throws IOException;
    }

    /** Applies a cache write; when the disk refuses, the feed FAILED with that reason. */
    private static Result record(String url, CacheWrite write, Result result) {
        try {
            write.run();
            return result;
        } catch (IOException | RuntimeException e) {
            if (result.status() == Status.FAILED || result.status() == Status.GONE
                    || result.status() == Status.DEFERRED) {
                return result; // the outcome stands; only the bookkeeping was lost
            }
            return new Result(url, Status.FAILED, Sanitize.line(url) + ": cannot write the feed cache ("
                    + Sanitize.line(String.valueOf(e.getMessage())) + ")", null, 0);
        }
    }

    private static Feed parse(byte[] body, String contentType, URI base) throws FeedException {
        return Feeds.parse(body, contentType, base, Detail.HEADLINES);
    }

    private static URI base(String finalUrl, URI fallback) {
        if (finalUrl == null) {
            return fallback;
        }
        try {
            return new URI(finalUrl);
        } catch (URISyntaxException e) {
            return fallback;
        }
    }

    /** The longest a Retry-After can defer a feed: a longer delay or a later date counts as this. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofDays(7);

    /**
     * How long a Retry-After asks to wait from {@code now}: delta-seconds or an HTTP date (a past
     * date is zero), at most {@link #MAX_RETRY_AFTER} however it is written. Null when absent or
     * unreadable.
     */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // any number of digits: compare without overflowing
            String digits = v.replaceFirst("^0+(?=.)", "");
            long max = MAX_RETRY_AFTER.toSeconds();
            return digits.length() > 18 || Long.parseLong(digits) > max ? MAX_RETRY_AFTER
                    : Duration.ofSeconds(Long.parseLong(digits));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
        URI base = base(e.finalUrl(), null);
        return new LoadedFeed(url, Feeds.parse(e.body(), e.contentType(), base, Detail.FULL), base);
    }

    /** What the cache holds for a URL (body, validators, last status and error), or empty. */
    public Optional<CachedFeed> cached(String url) {
        return cache.get(url);
    }
}
