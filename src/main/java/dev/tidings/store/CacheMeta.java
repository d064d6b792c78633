package dev.tidings.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What the cache knows about a feed without reading its body: validators, status, times.
 *
 * @param url             the feed URL it is cached under
 * @param contentType     the Content-Type the body came with, or null
 * @param finalUrl        the URL after redirects: the base for relative links (never null when
 *                        there is a body; else may be null)
 * @param etag            the ETag to send back as If-None-Match, or null
 * @param lastModified    the Last-Modified to send back as If-Modified-Since, or null
 * @param fetchedAt       when the body was last fetched or confirmed (304), or null
 * @param status          how the last fetch went
 * @param error           the one-line message of the last failure, or null
 * @param retryAfterUntil do not fetch before this instant (server's Retry-After), or null
 * @param hasBody         whether the meta names a cached body ({@link FeedCache#get} reads and
 *                        checks it); false for an entry holding only an error or a Retry-After
 */
public record CacheMeta(String url, String contentType, String finalUrl, String etag, String lastModified,
                        Instant fetchedAt, CacheStatus status, String error, Instant retryAfterUntil,
                        boolean hasBody) {
    public CacheMeta {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(status, "status");
    }

    /** This meta with another status, error and Retry-After; everything else kept. */
    CacheMeta withStatus(CacheStatus newStatus, String newError, Instant newRetryAfterUntil) {
        return new CacheMeta(url, contentType, finalUrl, etag, lastModified, fetchedAt, newStatus, newError,
                newRetryAfterUntil, hasBody);
    }
}
