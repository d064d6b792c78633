package dev.tidings.fetch;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The GET request Tidings sends: its headers (User-Agent, Accept for feeds, gzip, the validators
 * of a conditional request) and the API key of {@link Credentials}, which goes only to the host
 * the fetch started at, never to a host a redirect chose.
 */
final class HttpRequests {
    private HttpRequests() {
    }

    /** The Accept header: feed types first, then generic XML/JSON, then anything. */
    static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";

    /** The API key to send to {@code uri}: only to the host the fetch started at, else null. */
    static ApiKey keyFor(URI uri, URI origin, Credentials credentials) {
        return uri.getHost() != null && uri.getHost().equalsIgnoreCase(origin.getHost())
                ? credentials.forUri(uri).orElse(null) : null; // never to a host a redirect chose
    }

    /**
     * A builder for {@code uri} with the key's query parameter when it goes there.
     *
     * @throws IllegalArgumentException when the JDK refuses the URI
     */
    static HttpRequest.Builder builder(URI uri, ApiKey key) {
        return HttpRequest.newBuilder(key == null ? uri : Credentials.withQueryKey(uri, key));
    }

    /** The GET with Tidings' headers, the key's header when it goes there, and the validators. */
    static HttpRequest get(HttpRequest.Builder b, ApiKey key, FetchLimits limits, Duration timeout, String etag,
            String lastModified) {
        if (key != null && key.inHeader()) {
            b.header(key.parameter(), key.value());
        }
        b.GET().timeout(timeout)
                .header("User-Agent", limits.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip");
        if (etag != null) {
            b.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            b.header("If-Modified-Since", lastModified);
        }
        return b.build();
    }

    /** A validator fit to send back, or null when absent or holding control characters. */
    static String headerValue(String v) {
        if (v == null || v.isBlank() || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        return v.trim();
    }
}
