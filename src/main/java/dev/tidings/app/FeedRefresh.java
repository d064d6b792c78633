package dev.tidings.app;

import dev.tidings.app.Refresher.Result;
import dev.tidings.app.Refresher.Status;
import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import dev.tidings.feed.Feeds;
import dev.tidings.fetch.HttpFetcher;
import dev.tidings.fetch.HttpResult;
import dev.tidings.fetch.SourceException;
import dev.tidings.model.Feed;
import dev.tidings.store.CacheMeta;
import dev.tidings.store.CachedFeed;
import dev.tidings.store.Download;
import dev.tidings.store.FeedCache;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One feed's refresh, start to end: the conditional GET with the cached validators, the body
 * streamed into a {@link Download} and parsed (headlines) before it is cached, 304, permanent
 * redirects, 410, Retry-After (wait and retry once, or defer), and the cache's bookkeeping of each
 * outcome. Never throws for a feed's problem: every one is a {@link Result}.
 */
final class FeedRefresh {
    private final FeedCache cache;
    private final Clock clock;
    private final Duration maxRetryWait;

    FeedRefresh(FeedCache cache, Clock clock, Duration maxRetryWait) {
        this.cache = cache;
        this.clock = clock;
        this.maxRetryWait = maxRetryWait;
    }

    /** DEFERRED without fetching when an earlier Retry-After has not passed yet; else null. */
    Result skipIfDeferred(String url) {
        Optional<CacheMeta> e = cache.meta(url); // not get(): that reads and hashes every body
        Instant until = e.map(CacheMeta::retryAfterUntil).orElse(null);
        if (until != null && clock.instant().isBefore(until)) {
            return new Result(url, Status.DEFERRED, Sanitize.line(url) + ": not fetched before " + until
                    + " (the server asked Tidings to wait)", null, 0);
        }
        return null;
    }

    /**
     * One feed, start to end; never throws for a per-feed problem. {@code fetched} is run once the
     * server has answered (before a 200 body is parsed and cached).
     */
    Result refresh(String url, Runnable fetched, HttpFetcher fetcher) {
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
            Duration wait = (status == 429 || status == 503) ? RetryAfter.delay(e.retryAfter(), clock.instant()) : null;
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
        Duration wait = r.retryAfter() == null ? null : RetryAfter.delay(r.retryAfter(), clock.instant());
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

    /** The URI a cached body's links resolve against: the URL it was fetched from, else {@code fallback}. */
    static URI base(String finalUrl, URI fallback) {
        if (finalUrl == null) {
            return fallback;
        }
        try {
            return new URI(finalUrl);
        } catch (URISyntaxException e) {
            return fallback;
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
}
