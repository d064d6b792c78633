package dev.tidings.fetch;

import java.time.Duration;

/**
 * Limits for one HTTP fetch.
 *
 * @param connectTimeout deadline to open the connection
 * @param deadline       deadline for the whole request, body included (enforced by Tidings, not the JDK)
 * @param maxBytes       cap on the decoded (gunzipped) body
 * @param maxRedirects   redirects followed before giving up
 * @param userAgent      the User-Agent header
 */
public record FetchLimits(Duration connectTimeout, Duration deadline, long maxBytes, int maxRedirects, String userAgent) {
    public static final String USER_AGENT = "Tidings/0.1 (terminal news reader; +https://github.com/tidings-reader/tidings)";

    public FetchLimits {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be >= 0, was " + maxRedirects);
        }
    }

    /** 10 s to connect, 30 s in all, 50 MiB decoded, 5 redirects. */
    public static FetchLimits defaults() {
        return new FetchLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 50L * 1024 * 1024, 5, USER_AGENT);
    }
}
