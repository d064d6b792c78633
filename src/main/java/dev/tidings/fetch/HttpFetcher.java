package dev.tidings.fetch;

import dev.tidings.text.UrlKeys;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one feed over HTTP(S) with every limit enforced by Tidings rather than trusted to the JDK:
 * redirects are followed here (at most {@link FetchLimits#maxRedirects()}, never to a non-http(s)
 * scheme, never from a public host into a private network), the body is capped after gzip decoding,
 * and {@link FetchLimits#deadline()} covers connect, headers and body (JDK-8258397).
 *
 * <pre>
 * HttpFetcher fetcher = new HttpFetcher(FetchLimits.defaults());
 * HttpResult r = fetcher.fetch(URI.create("https://example.org/feed.xml"), savedEtag, savedLastModified);
 * if (r.status() == 304) {
 *     // unchanged since last time
 * } else {
 *     Feed feed = Feeds.parse(new ByteArrayInputStream(r.body()), r.contentType(), r.finalUri(), Detail.FULL);
 * }
 * </pre>
 *
 * Every failure is a {@link SourceException} whose message is one line naming the URL and the
 * problem, e.g. {@code "https://example.org/feed.xml: HTTP 404 Not Found"}. One instance is
 * thread-safe and meant to be shared: it holds one {@link HttpClient} and no per-fetch state.
 *
 * <p>This class runs the exchange; the request is built by {@link HttpRequests}, redirects are
 * checked by {@link RedirectGuard}, the body is read by {@link HttpBodies} from a
 * {@link BodyStream}, failures are worded by {@link HttpFailures} and waits by {@link RateLimits}.
 */
public final class HttpFetcher {
    private final FetchLimits limits;
    private final HttpClient client;
    private final Credentials credentials;

    /**
     * Creates a fetcher; build one and share it.
     *
     * <pre>
     * HttpFetcher fetcher = new HttpFetcher(FetchLimits.defaults());
     * </pre>
     *
     * @param limits connect timeout, whole-request deadline, body cap, redirect limit and User-Agent
     */
    public HttpFetcher(FetchLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.credentials = Credentials.none();
    }

    private HttpFetcher(HttpFetcher other, Credentials credentials) {
        this.limits = other.limits;
        this.client = other.client;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * This fetcher (same client and limits) sending API keys: each key goes, as its service wants it
     * (header or query parameter), only to its own host, never to a host a redirect leads to. No
     * message of this fetcher contains a key.
     */
    public HttpFetcher withCredentials(Credentials credentials) {
        return new HttpFetcher(this, credentials);
    }

    /**
     * Fetches a URL without conditional headers.
     *
     * <pre>
     * HttpResult r = fetcher.fetch(URI.create("https://example.org/feed.xml"));  // r.status() is 2xx
     * </pre>
     *
     * @param uri an absolute http or https URL
     * @return the decoded body with its headers and the URL after redirects
     * @throws SourceException on any failure, with a one-line message naming the URL
     */
    public HttpResult fetch(URI uri) throws SourceException {
        return fetch(uri, null, null);
    }

    /**
     * Fetches a URL, conditionally when validators from an earlier fetch are given.
     *
     * <pre>
     * HttpResult r = fetcher.fetch(uri, "\"abc123\"", "Tue, 03 Jun 2025 10:00:00 GMT");
     * if (r.status() == 304) { ... nothing new ... }
     * </pre>
     *
     * A 304 answer has an empty body and keeps the given validators when the server sends none.
     *
     * @param uri          an absolute http or https URL
     * @param etag         sent as If-None-Match, or null
     * @param lastModified sent as If-Modified-Since, or null
     * @return status 2xx with the decoded body, or 304 with an empty one
     * @throws SourceException on any failure, with a one-line message naming the URL
     */
    public HttpResult fetch(URI uri, String etag, String lastModified) throws SourceException {
        Objects.requireNonNull(uri, "uri");
        return redacted(new Exchange(uri, HttpRequests.headerValue(etag), HttpRequests.headerValue(lastModified), null));
    }

    /**
     * Fetches a URL like {@link #fetch(URI, String, String)}, but streams a 2xx body into
     * {@code sink} (decoded, under the same cap) instead of holding it in memory: what a refresh of
     * many feeds in parallel uses, so memory stays bounded whatever the servers send. The result's
     * {@code body} is then empty. On failure the sink may hold part of a body: discard it.
     *
     * <pre>
     * try (OutputStream file = Files.newOutputStream(tmp)) {
     *     HttpResult r = fetcher.fetch(uri, etag, lastModified, file);
     * }
     * </pre>
     *
     * @throws SourceException on any failure, including the sink refusing to write
     *                         ("cannot store the body (No space left on device)")
     */
    public HttpResult fetch(URI uri, String etag, String lastModified, OutputStream sink) throws SourceException {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(sink, "sink");
        return redacted(new Exchange(uri, HttpRequests.headerValue(etag), HttpRequests.headerValue(lastModified), sink));
    }

    /** Runs an exchange; no message of a fetcher with credentials contains a key. */
    private HttpResult redacted(Exchange exchange) throws SourceException {
        try {
            return exchange.run();
        } catch (SourceException e) {
            if (credentials.isEmpty()) {
                throw e;
            }
            SourceException clean = new SourceException(credentials.redact(e.getMessage()), e.status(),
                    e.retryAfter(), e.errorBody());
            clean.setStackTrace(e.getStackTrace());
            throw clean;
        }
    }

    /** The state of one fetch across its redirects; used by one thread only. */
    private final class Exchange {
        private final URI origin;
        private final String etag;
        private final String lastModified;
        /** Where a 2xx body goes; null keeps it in memory. */
        private final OutputStream sink;
        private final long deadlineNanos;
        private final HttpFailures failures;
        private URI current;

        Exchange(URI origin, String etag, String lastModified, OutputStream sink) {
            this.origin = origin;
            this.etag = etag;
            this.lastModified = lastModified;
            this.sink = sink;
            this.deadlineNanos = System.nanoTime() + limits.deadline().toNanos();
            this.failures = new HttpFailures(origin, limits);
            this.current = origin;
        }

        HttpResult run() throws SourceException {
            if (!RedirectGuard.isFetchable(origin)) {
                throw failures.fail("only http and https URLs can be fetched");
            }
            RedirectGuard redirects = new RedirectGuard(origin, limits, failures, this::remaining);
            while (true) {
                HttpResponse<BodyStream> response = send(current);
                int status = response.statusCode();
                HttpHeaders headers = response.headers();
                if (RedirectGuard.isRedirect(status)) {
                    HttpBodies.closeQuietly(response.body());
                    current = redirects.follow(current, status, headers);
                    failures.at(current);
                } else if (status == 304) {
                    HttpBodies.closeQuietly(response.body());
                    return new HttpResult(304, new byte[0], header(headers, "Content-Type"), storable(current),
                            headers.firstValue("ETag").orElse(etag),
                            headers.firstValue("Last-Modified").orElse(lastModified), redirects.permanent(),
                            RateLimits.waitAfterSuccess(headers));
                } else if (status >= 200 && status < 300) {
                    byte[] body = HttpBodies.read(response.body(), headers, sink, limits, failures);
                    return new HttpResult(status, body, header(headers, "Content-Type"), storable(current),
                            header(headers, "ETag"), header(headers, "Last-Modified"), redirects.permanent(),
                            RateLimits.waitAfterSuccess(headers));
                } else {
                    throw failures.status(status, headers, HttpBodies.errorBody(response.body(), headers));
                }
            }
        }

        /** The URL as it may be stored and shown: without a key a redirect may have put in its query. */
        private URI storable(URI uri) {
            UrlKeys.Stripped s = UrlKeys.strip(uri.toString());
            return s.hadKey() ? URI.create(s.url()) : uri;
        }

        private HttpResponse<BodyStream> send(URI uri) throws SourceException {
            Duration left = remaining();
            CompletableFuture<HttpResponse<BodyStream>> future =
                    client.sendAsync(request(uri, left), info -> new BodyStream(deadlineNanos));
            try {
                return future.get(left.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                abandon(future);
                throw failures.timedOut();
            } catch (InterruptedException e) {
                abandon(future);
                Thread.currentThread().interrupt();
                throw failures.fail("interrupted");
            } catch (ExecutionException | CancellationException e) {
                throw failures.network(e.getCause() != null ? e.getCause() : e, uri);
            }
        }

        private HttpRequest request(URI uri, Duration timeout) throws SourceException {
            ApiKey key = HttpRequests.keyFor(uri, origin, credentials);
            HttpRequest.Builder b;
            try {
                b = HttpRequests.builder(uri, key);
            } catch (IllegalArgumentException e) {
                throw failures.fail("cannot be fetched (" + HttpFailures.describe(e) + ")");
            }
            return HttpRequests.get(b, key, limits, timeout, etag, lastModified);
        }

        /** Time left before the deadline; throws once it has passed. */
        private Duration remaining() throws SourceException {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw failures.timedOut();
            }
            return Duration.ofNanos(Math.max(left, TimeUnit.MILLISECONDS.toNanos(1)));
        }
    }

    private static String header(HttpHeaders headers, String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** Gives up on a request: cancels it, or closes the body if the answer won the race. */
    private static void abandon(CompletableFuture<HttpResponse<BodyStream>> future) {
        if (!future.cancel(true)) {
            try {
                HttpResponse<BodyStream> late = future.getNow(null);
                if (late != null) {
                    HttpBodies.closeQuietly(late.body());
                }
            } catch (RuntimeException ignored) {
                // it failed anyway
            }
        }
    }
}
