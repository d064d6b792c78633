package dev.tidings.sync;

import dev.tidings.fetch.FetchLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * HTTP for the sync client, under the same caps as feeds ({@link FetchLimits}: connect timeout, a
 * deadline that also covers reading the body, a byte cap) and stricter on redirects: none is followed
 * (an API call that redirects would send the token to wherever it points), so any 3xx is an error.
 * No gzip is asked for, so none has to be decoded. Messages name the server and the status, never a
 * header or form value. Built on {@link HttpURLConnection}, which starts in a fraction of the JDK
 * HttpClient's time and loads TLS only for https.
 */
final class Transport {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tidings-sync-deadline");
        t.setDaemon(true);
        return t;
    });

    record Response(int status, byte[] body) {
    }

    private final FetchLimits limits;

    /**
     * An http account never loads TLS classes or the trust store; the JDK's HttpClient, used before,
     * cost a cold {@code tidings sync} about 170 ms of CPU just to build.
     */
    Transport(FetchLimits limits) {
        this.limits = limits;
    }

    FetchLimits limits() {
        return limits;
    }

    Response get(URI uri, Map<String, String> headers) throws SyncException {
        return send(uri, headers, null);
    }

    Response post(URI uri, Map<String, String> headers, String form) throws SyncException {
        return send(uri, headers, form.getBytes(StandardCharsets.UTF_8));
    }

    private Response send(URI uri, Map<String, String> headers, byte[] form) throws SyncException {
        String where = where(uri);
        HttpURLConnection c;
        try {
            c = (HttpURLConnection) uri.toURL().openConnection();
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new SyncException(SyncException.Kind.NETWORK, where + ": cannot connect (" + e.getClass().getSimpleName() + ")");
        }
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, limits.connectTimeout().toMillis()));
        c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, limits.deadline().toMillis()));
        c.setRequestProperty("User-Agent", limits.userAgent());
        headers.forEach(c::setRequestProperty);
        AtomicBoolean late = new AtomicBoolean();
        // the read timeout is per read: this deadline covers connecting, the headers and the whole body
        ScheduledFuture<?> deadline = WATCHDOG.schedule(() -> {
            late.set(true);
            c.disconnect();
        }, limits.deadline().toMillis(), TimeUnit.MILLISECONDS);
        try {
            int status;
            try {
                if (form != null) {
                    c.setRequestMethod("POST");
                    c.setDoOutput(true);
                    c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
                    c.setFixedLengthStreamingMode(form.length);
                    try (OutputStream out = c.getOutputStream()) {
                        out.write(form);
                    }
                }
                status = c.getResponseCode();
            } catch (SocketTimeoutException e) {
                throw new SyncException(SyncException.Kind.SERVER, where + ": no answer within "
                        + limits.deadline().toSeconds() + " s");
            } catch (IOException e) {
                if (late.get()) {
                    throw new SyncException(SyncException.Kind.SERVER, where + ": no answer within "
                            + limits.deadline().toSeconds() + " s");
                }
                throw new SyncException(SyncException.Kind.NETWORK, where + ": cannot connect ("
                        + e.getClass().getSimpleName() + ")");
            }
            if (status < 100) {
                throw new SyncException(SyncException.Kind.PROTOCOL, where + ": not an HTTP answer");
            }
            if (status >= 300 && status < 400) {
                c.disconnect();
                throw new SyncException(SyncException.Kind.PROTOCOL, where + ": HTTP " + status
                        + " redirect (not followed: check the account's URL)");
            }
            byte[] body = read(c, status, where, late);
            if (late.get()) {
                throw new SyncException(SyncException.Kind.SERVER, where + ": answer not complete within "
                        + limits.deadline().toSeconds() + " s");
            }
            return new Response(status, body);
        } finally {
            deadline.cancel(false);
        }
    }

    private byte[] read(HttpURLConnection c, int status, String where, AtomicBoolean late) throws SyncException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream stream;
        try {
            stream = status >= 400 ? c.getErrorStream() : c.getInputStream();
        } catch (IOException e) {
            stream = c.getErrorStream();
        }
        if (stream == null) {
            return new byte[0];
        }
        try (InputStream in = stream) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + (long) n > limits.maxBytes()) {
                    c.disconnect();
                    throw new SyncException(SyncException.Kind.SERVER, where + ": answer larger than "
                            + limits.maxBytes() / (1024 * 1024) + " MB");
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.SERVER, where + (late.get() || e instanceof SocketTimeoutException
                    ? ": answer not complete within " + limits.deadline().toSeconds() + " s"
                    : ": connection broken while reading (" + e.getClass().getSimpleName() + ")"));
        }
        return out.toByteArray();
    }

    /** Scheme, host, port and path: never the query (it may carry an item id list) or a header. */
    static String where(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }
}
