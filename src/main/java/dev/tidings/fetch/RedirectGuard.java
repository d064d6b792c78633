package dev.tidings.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The redirects of one fetch, followed by Tidings rather than the JDK (which returns the last 3xx
 * of a loop as if it were the answer, and follows redirects to loopback): at most
 * {@link FetchLimits#maxRedirects()}, never to a non-http(s) scheme, never the same URL twice,
 * never from a public host into a private network or this machine. Used by one thread.
 */
final class RedirectGuard {
    /** Time left before the fetch's deadline; throws once it has passed. */
    interface TimeLeft {
        Duration remaining() throws SourceException;
    }

    /** Resolves redirect targets for the private-network check, so DNS obeys the deadline too. */
    private static final ExecutorService RESOLVER = Executors.newCachedThreadPool(daemon("tidings-http-resolver"));

    private final FetchLimits limits;
    private final HttpFailures failures;
    private final TimeLeft time;
    private final Set<URI> seen = new HashSet<>();
    private int redirects;
    private boolean permanent;

    RedirectGuard(URI origin, FetchLimits limits, HttpFailures failures, TimeLeft time) {
        this.limits = limits;
        this.failures = failures;
        this.time = time;
        seen.add(normalize(origin));
    }

    /** True when every redirect so far was permanent (301, 308): the caller may store the new URL. */
    boolean permanent() {
        return permanent;
    }

    /** Where the redirect answer {@code status} from {@code current} leads, once every check passed. */
    URI follow(URI current, int status, HttpHeaders headers) throws SourceException {
        String location = headers.firstValue("Location").orElse(null);
        String what = "HTTP " + status + " " + HttpFailures.reason(status);
        if (location == null || location.isBlank()) {
            throw failures.fail(what + " without a Location header" + failures.where());
        }
        URI next = resolve(current, location);
        if (next == null) {
            throw failures.fail(what + " with an invalid Location: " + HttpFailures.clean(location));
        }
        if (!isFetchable(next)) {
            throw failures.fail("redirect to " + HttpFailures.clean(next.toString())
                    + " refused: only http and https URLs can be fetched");
        }
        if (!seen.add(normalize(next))) {
            throw failures.fail("redirect loop at " + HttpFailures.clean(next.toString()));
        }
        if (++redirects > limits.maxRedirects()) {
            throw failures.fail("too many redirects (more than " + limits.maxRedirects() + ")");
        }
        checkReach(current, next);
        permanent |= status == 301 || status == 308;
        return next;
    }

    /** Refuses a redirect from a public host into a private network or this machine (SSRF). */
    private void checkReach(URI current, URI next) throws SourceException {
        InetAddress[] from = lookUp(current.getHost());
        if (Reach.leastPrivate(from) == Reach.LOCAL) {
            return;
        }
        if (!redirectAllowed(from, lookUp(next.getHost()))) {
            throw failures.fail("redirect to " + HttpFailures.clean(next.toString())
                    + " refused: it points into a private network or this machine");
        }
    }

    private InetAddress[] lookUp(String host) throws SourceException {
        Future<InetAddress[]> answer = RESOLVER.submit(() -> InetAddress.getAllByName(host));
        try {
            return answer.get(time.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw failures.timedOut();
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw failures.fail("interrupted");
        } catch (ExecutionException e) {
            throw failures.fail("cannot resolve host " + HttpFailures.clean(host));
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

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
