package dev.tidings.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/**
 * What went wrong in one fetch, as a {@link SourceException} with a one-line message that names
 * the URL asked for and, once redirects moved away from it, where the problem was:
 * {@code "https://example.org/feed.xml: HTTP 404 Not Found (at https://example.org/new.xml)"}.
 * Also the text helpers every message goes through ({@link #clean}: no controls, no password).
 */
final class HttpFailures {
    private static final int MAX_SHOWN = 200;
    private static final Pattern PASSWORD = Pattern.compile("(//[^/@?#:]*):[^/@?#]*@");

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

    private final URI origin;
    private final FetchLimits limits;
    private URI current;

    HttpFailures(URI origin, FetchLimits limits) {
        this.origin = origin;
        this.limits = limits;
        this.current = origin;
    }

    /** A redirect moved the fetch to {@code uri}: later messages say so. */
    void at(URI uri) {
        current = uri;
    }

    SourceException fail(String problem) {
        return new SourceException(clean(origin.toString()) + ": " + problem);
    }

    /** " (at <url>)" once redirects have moved away from the URL asked for, else "". */
    String where() {
        return current.equals(origin) ? "" : " (at " + clean(current.toString()) + ")";
    }

    SourceException timedOut() {
        return fail("timed out after " + seconds(limits.deadline()) + " s");
    }

    SourceException tooLarge() {
        return fail("response larger than " + size(limits.maxBytes()));
    }

    /** An answer that is neither 2xx, 304 nor a redirect; {@code body} is the start of a JSON one. */
    SourceException status(int status, HttpHeaders headers, byte[] body) {
        StringBuilder m = new StringBuilder("HTTP ").append(status);
        String reason = reason(status);
        if (!reason.isEmpty()) {
            m.append(' ').append(reason);
        }
        String retry = RateLimits.retryAfter(status, headers);
        if ((status == 429 || status == 503) && retry != null) {
            m.append(" (Retry-After: ").append(clean(retry)).append(')');
        }
        return new SourceException(clean(origin.toString()) + ": " + m + where(), status,
                retry == null ? null : clean(retry), body);
    }

    /** The request failed before an answer: timeouts, DNS, TLS, refused connections. */
    SourceException network(Throwable t, URI at) {
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

    /** Reading or storing the body failed. */
    SourceException body(IOException e) {
        if (e instanceof HttpBodies.SinkException) {
            return fail("cannot store the body (" + describe(e.getCause()) + ")");
        }
        if (e instanceof BodyStream.DeadlineException) {
            return timedOut();
        }
        if (e instanceof CappedInput.TooLarge) {
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

    // ---- text ----

    static String reason(int status) {
        return REASONS.getOrDefault(status, "");
    }

    /** One safe line: no control, format or separator characters, no password, at most 200 chars. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_SHOWN + 1));
        s.codePoints().filter(HttpFailures::isShowable).forEach(out::appendCodePoint);
        String text = PASSWORD.matcher(out).replaceFirst("$1:***@");
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }

    private static boolean isShowable(int cp) {
        int type = Character.getType(cp);
        return !Character.isISOControl(cp) && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.UNASSIGNED;
    }

    /** A throwable's message made safe, or its class name when it has none. */
    static String describe(Throwable t) {
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

    /** "50 MiB", "64 KiB", "100 bytes". */
    static String size(long bytes) {
        long kib = 1024;
        long mib = kib * kib;
        if (bytes % mib == 0) {
            return bytes / mib + " MiB";
        }
        return bytes % kib == 0 ? bytes / kib + " KiB" : bytes + " bytes";
    }
}
