package dev.tidings.store;

import java.util.Objects;

/**
 * A cached feed body with its meta: the bytes as fetched (decoded, not gzipped), checked against
 * the length and SHA-256 the meta recorded.
 */
public record CachedFeed(CacheMeta meta, byte[] body) {
    public CachedFeed {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(body, "body");
    }

    /** The Content-Type the body came with, or null. */
    public String contentType() {
        return meta.contentType();
    }

    /** The URL after redirects: the base for relative links. */
    public String finalUrl() {
        return meta.finalUrl();
    }
}
