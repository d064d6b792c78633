package dev.tidings.fetch;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

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
 */
public final class HttpFetcher {
    /** The Accept header: feed types first, then generic XML/JSON, then anything. */
    static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";

    private static final int CHUNK = 16 * 1024;
    private static final int MAX_SHOWN = 200;
    private static final Pattern PASSWORD = Pattern.compile("(//[^/@?#:]*):[^/@?#]*@");

    /** Resolves redirect targets for the private-network check, so DNS obeys the deadline too. */
    private static final ExecutorService RESOLVER = Executors.newCachedThreadPool(daemon("tidings-http-resolver"));

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(305, "Use Proxy"),
            Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(407, "Proxy Authentication Required"),
            Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
            Map.entry(411, "Length Required"), Map.entry(412, "Precondition Failed"),
            Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(416, "Range Not Satisfiable"),
            Map.entry(417, "Expectation Failed"), Map.entry(418, "I'm a teapot"), Map.entry(421, "Misdirected Request"),
            Map.entry(422, "Unprocessable Content"), Map.entry(423, "Locked"), Map.entry(425, "Too Early"),
            Map.entry(426, "Upgrade Required"), Map.entry(428, "Precondition Required"),
            Map.entry(429, "Too Many Requests"), Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(451, "Unavailable For Legal Reasons"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"), Map.entry(505, "HTTP Version Not Supported"),
            Map.entry(507, "Insufficient Storage"), Map.entry(508, "Loop Detected"),
            Map.entry(511, "Network Authentication Required"));

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
        return redacted(new Exchange(uri, headerValue(etag), headerValue(lastModified), null));
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
        return redacted(new Exchange(uri, headerValue(etag), headerValue(lastModified), sink));
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
        private final Set<URI> seen = new HashSet<>();
        private URI current;
        private int redirects;
        private boolean permanent;

        Exchange(URI origin, String etag, String lastModified, OutputStream sink) {
            this.origin = origin;
            this.etag = etag;
            this.lastModified = lastModified;
            this.sink = sink;
            this.deadlineNanos = System.nanoTime() + limits.deadline().toNanos();
            this.current = origin;
        }

        HttpResult run() throws SourceException {
            if (!isFetchable(origin)) {
                throw fail("only http and https URLs can be fetched");
            }
            seen.add(normalize(origin));
            while (true) {
                HttpResponse<BodyStream> response = send(current);
                int status = response.statusCode();
                if (isRedirect(status)) {
                    closeQuietly(response.body());
                    follow(status, response.headers());
                } else if (status == 304) {
                    closeQuietly(response.body());
                    return notModified(response.headers());
                } else if (status >= 200 && status < 300) {
                    return success(status, response);
                } else {
                    byte[] body = errorBody(response);
                    throw statusError(status, response.headers(), body);
                }
            }
        }

        private HttpResult notModified(HttpHeaders headers) {
            return new HttpResult(304, new byte[0], header(headers, "Content-Type"), storable(current),
                    headers.firstValue("ETag").orElse(etag),
                    headers.firstValue("Last-Modified").orElse(lastModified), permanent, rateLimitWait(headers));
        }

        private HttpResult success(int status, HttpResponse<BodyStream> response) throws SourceException {
            HttpHeaders headers = response.headers();
            byte[] body = readBody(response.body(), headers);
            return new HttpResult(status, body, header(headers, "Content-Type"), storable(current),
                    header(headers, "ETag"), header(headers, "Last-Modified"), permanent, rateLimitWait(headers));
        }

        /** The URL as it may be stored and shown: without a key a redirect may have put in its query. */
        private URI storable(URI uri) {
            dev.tidings.text.UrlKeys.Stripped s = dev.tidings.text.UrlKeys.strip(uri.toString());
            return s.hadKey() ? URI.create(s.url()) : uri;
        }

        /**
         * The start of an error answer's body when it is JSON (an API's error document names the
         * problem: a bad key, a quota); null otherwise or when it cannot be read quickly.
         */
        private byte[] errorBody(HttpResponse<BodyStream> response) {
            String type = header(response.headers(), "Content-Type");
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
                closeQuietly(response.body());
                return null;
            }
            try (BodyStream raw = response.body()) {
                String encoding = header(response.headers(), "Content-Encoding");
                InputStream in = encoding != null && isGzip(encoding) ? new GZIPInputStream(raw, CHUNK) : raw;
                return in.readNBytes(ERROR_BODY_BYTES);
            } catch (IOException e) {
                return null;
            }
        }

        // ---- sending ----

        private HttpResponse<BodyStream> send(URI uri) throws SourceException {
            Duration left = remaining();
            CompletableFuture<HttpResponse<BodyStream>> future =
                    client.sendAsync(request(uri, left), info -> new BodyStream(deadlineNanos));
            try {
                return future.get(left.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                abandon(future);
                throw timedOut();
            } catch (InterruptedException e) {
                abandon(future);
                Thread.currentThread().interrupt();
                throw fail("interrupted");
            } catch (ExecutionException | CancellationException e) {
                throw networkError(e.getCause() != null ? e.getCause() : e, uri);
            }
        }

        private HttpRequest request(URI uri, Duration timeout) throws SourceException {
            HttpRequest.Builder b;
            ApiKey key = uri.getHost() != null && uri.getHost().equalsIgnoreCase(origin.getHost())
                    ? credentials.forUri(uri).orElse(null) : null; // never to a host a redirect chose
            try {
                b = HttpRequest.newBuilder(key == null ? uri : Credentials.withQueryKey(uri, key));
            } catch (IllegalArgumentException e) {
                throw fail("cannot be fetched (" + describe(e) + ")");
            }
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

        /** Time left before the deadline; throws once it has passed. */
        private Duration remaining() throws SourceException {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw timedOut();
            }
            return Duration.ofNanos(Math.max(left, TimeUnit.MILLISECONDS.toNanos(1)));
        }

        // ---- redirects ----

        private void follow(int status, HttpHeaders headers) throws SourceException {
            String location = header(headers, "Location");
            if (location == null || location.isBlank()) {
                throw fail("HTTP " + status + " " + reason(status) + " without a Location header" + where());
            }
            URI next = resolve(current, location);
            if (next == null) {
                throw fail("HTTP " + status + " " + reason(status) + " with an invalid Location: " + clean(location));
            }
            if (!isFetchable(next)) {
                throw fail("redirect to " + clean(next.toString())
                        + " refused: only http and https URLs can be fetched");
            }
            if (!seen.add(normalize(next))) {
                throw fail("redirect loop at " + clean(next.toString()));
            }
            if (++redirects > limits.maxRedirects()) {
                throw fail("too many redirects (more than " + limits.maxRedirects() + ")");
            }
            checkReach(next);
            permanent |= status == 301 || status == 308;
            current = next;
        }

        /** Refuses a redirect from a public host into a private network or this machine (SSRF). */
        private void checkReach(URI next) throws SourceException {
            InetAddress[] from = lookUp(current.getHost());
            if (Reach.leastPrivate(from) == Reach.LOCAL) {
                return;
            }
            if (!redirectAllowed(from, lookUp(next.getHost()))) {
                throw fail("redirect to " + clean(next.toString())
                        + " refused: it points into a private network or this machine");
            }
        }

        private InetAddress[] lookUp(String host) throws SourceException {
            Future<InetAddress[]> answer = RESOLVER.submit(() -> InetAddress.getAllByName(host));
            try {
                return answer.get(remaining().toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                answer.cancel(true);
                throw timedOut();
            } catch (InterruptedException e) {
                answer.cancel(true);
                Thread.currentThread().interrupt();
                throw fail("interrupted");
            } catch (ExecutionException e) {
                throw fail("cannot resolve host " + clean(host));
            }
        }

        // ---- body ----

        /**
         * Reads and decodes the body. The stream itself enforces the deadline and honours
         * interrupts; failures are sticky there, so one swallowed inside GZIPInputStream still counts.
         */
        private byte[] readBody(BodyStream raw, HttpHeaders headers) throws SourceException {
            try (raw) {
                ByteArrayOutputStream memory = sink == null ? new ByteArrayOutputStream(CHUNK) : null;
                decodeCapped(raw, headers, memory != null ? memory : new SinkStream(sink));
                raw.rethrowFailure();
                return memory != null ? memory.toByteArray() : new byte[0];
            } catch (IOException e) {
                throw bodyError(e);
            }
        }

        private void decodeCapped(InputStream raw, HttpHeaders headers, OutputStream out)
                throws IOException, SourceException {
            String encoding = header(headers, "Content-Encoding");
            boolean gzip = encoding != null && isGzip(encoding);
            if (encoding != null && !gzip && !encoding.trim().equalsIgnoreCase("identity")) {
                throw fail("unsupported Content-Encoding " + clean(encoding));
            }
            long max = limits.maxBytes();
            long rawCap = gzip ? max + (max >> 6) + 1024 : max;
            long announced = headers.firstValueAsLong("Content-Length").orElse(-1L);
            if (announced > rawCap) {
                throw tooLarge();
            }
            CappedInputStream capped = new CappedInputStream(raw, rawCap);
            copyAtMost(gzip ? new GZIPInputStream(capped, CHUNK) : capped, out, max);
            capped.rethrowFailure();
        }

        private SourceException bodyError(IOException e) {
            if (e instanceof SinkException) {
                return fail("cannot store the body (" + describe(e.getCause()) + ")");
            }
            if (e instanceof DeadlineException) {
                return timedOut();
            }
            if (e instanceof TooLargeException) {
                return tooLarge();
            }
            if (e instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
                Thread.currentThread().interrupt();
                return fail("interrupted");
            }
            if (e instanceof ZipException || e instanceof EOFException) {
                return fail("corrupt or truncated gzip body (" + describe(e) + ")");
            }
            return fail("reading the body failed (" + describe(rootCause(e)) + ")");
        }

        // ---- errors ----

        private SourceException statusError(int status, HttpHeaders headers, byte[] body) {
            StringBuilder m = new StringBuilder("HTTP ").append(status);
            String reason = reason(status);
            if (!reason.isEmpty()) {
                m.append(' ').append(reason);
            }
            String retry = header(headers, "Retry-After");
            if (retry == null && status == 429) {
                retry = header(headers, "x-ratelimit-reset"); // Reddit: seconds until the window resets
                if (retry != null && !retry.trim().matches("\\d{1,9}(\\.\\d+)?")) {
                    retry = null;
                } else if (retry != null) {
                    retry = String.valueOf((long) Math.ceil(Double.parseDouble(retry.trim())));
                }
            }
            if ((status == 429 || status == 503) && retry != null) {
                m.append(" (Retry-After: ").append(clean(retry)).append(')');
            }
            return new SourceException(clean(origin.toString()) + ": " + m + where(), status,
                    retry == null ? null : clean(retry), body);
        }

        private SourceException networkError(Throwable t, URI at) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof HttpConnectTimeoutException) {
                    return fail("connection timed out after " + seconds(limits.connectTimeout()) + " s");
                }
                if (c instanceof HttpTimeoutException) {
                    return timedOut();
                }
                if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                    return fail("cannot resolve host " + clean(at.getHost()));
                }
                if (c instanceof SSLException) {
                    return fail("TLS failed (" + describe(c) + ")" + where());
                }
            }
            ConnectException refused = deepest(t, ConnectException.class);
            if (refused != null) {
                String msg = deepestMessage(t);
                boolean plain = msg == null || msg.toLowerCase(Locale.ROOT).contains("refused");
                return fail(plain ? "connection refused" + where() : "cannot connect (" + clean(msg) + ")" + where());
            }
            return fail("network error (" + describe(rootCause(t)) + ")" + where());
        }

        private SourceException timedOut() {
            return fail("timed out after " + seconds(limits.deadline()) + " s");
        }

        private SourceException tooLarge() {
            return fail("response larger than " + size(limits.maxBytes()));
        }

        /** " (at <url>)" once redirects have moved away from the URL asked for, else "". */
        private String where() {
            return current.equals(origin) ? "" : " (at " + clean(current.toString()) + ")";
        }

        private SourceException fail(String problem) {
            return new SourceException(clean(origin.toString()) + ": " + problem);
        }
    }

    // ---- helpers (package-private ones are tested directly) ----

    /** How much of a JSON error answer is read for the service's message. */
    static final int ERROR_BODY_BYTES = 16 * 1024;

    /**
     * Seconds to wait before asking again when a successful answer says the rate-limit window is
     * used up (Reddit's {@code x-ratelimit-remaining} below 1 with {@code x-ratelimit-reset}), as a
     * Retry-After value; else null.
     */
    static String rateLimitWait(HttpHeaders headers) {
        String remaining = header(headers, "x-ratelimit-remaining");
        String reset = header(headers, "x-ratelimit-reset");
        if (remaining == null || reset == null) {
            return null;
        }
        try {
            double left = Double.parseDouble(remaining.trim());
            double seconds = Double.parseDouble(reset.trim());
            if (left >= 1 || !(seconds > 0) || seconds > 86_400) {
                return null;
            }
            return String.valueOf((long) Math.ceil(seconds));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** True for an absolute http or https URI with a host. */
    static boolean isFetchable(URI uri) {
        String scheme = uri.getScheme();
        String host = uri.getHost();
        return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                && host != null && !host.isEmpty();
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * Resolves a Location header against the current URI, leniently: spaces and non-ASCII are
     * percent-encoded first. Returns null when it still is not a URI.
     */
    static URI resolve(URI base, String location) {
        URI ref;
        try {
            ref = new URI(encodeLoosely(location.trim()));
        } catch (URISyntaxException e) {
            return null;
        }
        if (ref.isAbsolute()) {
            return ref;
        }
        try {
            String path = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
            URI b = new URI(base.getScheme(), base.getRawAuthority(), path, base.getRawQuery(), null);
            if (ref.getRawAuthority() == null && ref.getRawPath().isEmpty() && ref.getRawQuery() != null) {
                // "?q" keeps the base path (RFC 3986); java.net.URI follows RFC 2396 here.
                return new URI(b.getScheme() + "://" + b.getRawAuthority() + path + "?" + ref.getRawQuery());
            }
            return b.resolve(ref);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String encodeLoosely(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^'
                    || c == '`' || c == '{' || c == '|' || c == '}') {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** The URI as compared for loop detection: lower-case scheme and host, no default port, no fragment. */
    static URI normalize(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if ((port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"))) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return URI.create(scheme + "://" + host + (port < 0 ? "" : ":" + port) + path + query);
    }

    /**
     * Whether a redirect from a host with the {@code from} addresses may go to one with the {@code to}
     * addresses: never deeper inward (public, then private network, then this machine). A loopback
     * source may redirect anywhere; a private one within private networks.
     */
    static boolean redirectAllowed(InetAddress[] from, InetAddress[] to) {
        return Reach.mostPrivate(to).compareTo(Reach.leastPrivate(from)) <= 0;
    }

    private static boolean isGzip(String encoding) {
        String e = encoding.trim().toLowerCase(Locale.ROOT);
        return e.equals("gzip") || e.equals("x-gzip");
    }

    /** Copies everything, failing with {@link TooLargeException} past {@code max} bytes. */
    private static void copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buf = new byte[CHUNK];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            total += n;
            if (total > max) {
                throw new TooLargeException();
            }
            out.write(buf, 0, n);
        }
    }

    static String reason(int status) {
        return REASONS.getOrDefault(status, "");
    }

    private static String header(HttpHeaders headers, String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** A validator fit to send back, or null when absent or holding control characters. */
    private static String headerValue(String v) {
        if (v == null || v.isBlank() || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        return v.trim();
    }

    /** One safe line: no control, format or separator characters, no password, at most 200 chars. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_SHOWN + 1));
        s.codePoints().filter(HttpFetcher::isShowable).forEach(out::appendCodePoint);
        String text = PASSWORD.matcher(out).replaceFirst("$1:***@");
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }

    private static boolean isShowable(int cp) {
        int type = Character.getType(cp);
        return !Character.isISOControl(cp) && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.UNASSIGNED;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return clean(m == null || m.isBlank() ? t.getClass().getSimpleName() : m);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r;
    }

    private static <T extends Throwable> T deepest(Throwable t, Class<T> type) {
        T found = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                found = type.cast(c);
            }
        }
        return found;
    }

    private static String deepestMessage(Throwable t) {
        String msg = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                msg = c.getMessage();
            }
        }
        return msg;
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }

    static String size(long bytes) {
        long kib = 1024;
        long mib = kib * kib;
        if (bytes % mib == 0) {
            return bytes / mib + " MiB";
        }
        return bytes % kib == 0 ? bytes / kib + " KiB" : bytes + " bytes";
    }

    /** Gives up on a request: cancels it, or closes the body if the answer won the race. */
    private static void abandon(CompletableFuture<HttpResponse<BodyStream>> future) {
        if (!future.cancel(true)) {
            try {
                HttpResponse<BodyStream> late = future.getNow(null);
                if (late != null) {
                    closeQuietly(late.body());
                }
            } catch (RuntimeException ignored) {
                // it failed anyway
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing left to do with it
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The whole-request deadline passed while the body was being read. */
    private static final class DeadlineException extends IOException {
        private static final long serialVersionUID = 1L;

        DeadlineException() {
            super("deadline passed");
        }
    }

    /** The sink refused a write (full disk): not the server's fault, and said so. */
    private static final class SinkException extends IOException {
        private static final long serialVersionUID = 1L;

        SinkException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The caller's sink, its failures marked as its own. */
    private static final class SinkStream extends OutputStream {
        private final OutputStream out;

        SinkStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new SinkException(e);
            }
        }
    }

    /** The body passed the cap, raw or decoded. */
    private static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super("too large");
        }
    }

    /** Counts the bytes that come off the wire and fails past a cap (bounds gzip input too). */
    private static final class CappedInputStream extends FilterInputStream {
        private final long cap;
        private long count;

        CappedInputStream(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws IOException {
            count += n;
            rethrowFailure();
        }

        /** Throws again if the cap was passed, even when a reader above swallowed the first throw. */
        void rethrowFailure() throws TooLargeException {
            if (count > cap) {
                throw new TooLargeException();
            }
        }
    }

    /**
     * The response body as an InputStream fed by the client's threads. Unlike
     * {@code BodyHandlers.ofInputStream()}, whose read() swallows interrupts and ignores the request
     * timeout (JDK-8258397), every read here waits at most until the request's deadline and an
     * interrupt ends it with an {@link InterruptedIOException}, the flag kept. Demand is one buffer
     * list at a time, so an endless body never piles up in memory. Read by one thread.
     */
    static final class BodyStream extends InputStream implements HttpResponse.BodySubscriber<BodyStream> {
        private static final Signal END = new Signal(List.of(), null);

        private final long deadlineNanos;
        private final BlockingQueue<Signal> queue = new LinkedBlockingQueue<>();
        private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        private volatile boolean closed;
        private Iterator<ByteBuffer> pending = Collections.emptyIterator();
        private ByteBuffer current;
        private boolean ended;
        private IOException failure;

        /** One signal from the client: a list of buffers, an error, or {@link #END}. */
        private record Signal(List<ByteBuffer> buffers, Throwable error) {
        }

        BodyStream(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public CompletionStage<BodyStream> getBody() {
            return CompletableFuture.completedStage(this);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            if (!subscription.compareAndSet(null, s) || closed) {
                s.cancel();
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            queue.add(new Signal(buffers, null));
        }

        @Override
        public void onError(Throwable error) {
            queue.add(new Signal(List.of(), error));
        }

        @Override
        public void onComplete() {
            queue.add(END);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            ByteBuffer buf = current();
            if (buf == null) {
                return -1;
            }
            int n = Math.min(len, buf.remaining());
            buf.get(b, off, n);
            return n;
        }

        @Override
        public int available() {
            return current == null ? 0 : current.remaining();
        }

        /** The buffer to read from, waiting for the next one if needed; null at the end. */
        private ByteBuffer current() throws IOException {
            while (current == null || !current.hasRemaining()) {
                rethrowFailure();
                if (closed) {
                    throw new IOException("closed");
                }
                if (pending.hasNext()) {
                    current = pending.next();
                } else if (ended) {
                    return null;
                } else {
                    take();
                }
            }
            return current;
        }

        private void take() throws IOException {
            Signal signal = poll();
            if (signal == END) {
                ended = true;
            } else if (signal.error() != null) {
                throw failed(new IOException(describe(signal.error()), signal.error()));
            } else {
                pending = signal.buffers().iterator();
                Flow.Subscription s = subscription.get();
                if (s != null) {
                    s.request(1);
                }
            }
        }

        private Signal poll() throws IOException {
            long left = deadlineNanos - System.nanoTime();
            try {
                Signal signal = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                if (signal == null) {
                    throw failed(new DeadlineException());
                }
                return signal;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed(new InterruptedIOException("interrupted"));
            }
        }

        private IOException failed(IOException e) {
            failure = e;
            cancel();
            return e;
        }

        /** Throws the first failure again, even when a reader above swallowed it. */
        void rethrowFailure() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void close() {
            closed = true;
            cancel();
            queue.clear();
        }

        private void cancel() {
            Flow.Subscription s = subscription.get();
            if (s != null) {
                s.cancel();
            }
        }
    }
}
