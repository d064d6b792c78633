package dev.tidings.sync;

import dev.tidings.fetch.FetchLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
 * header or form value.
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
    private final HttpClient client;

    /** @param tls false for an http (loopback) server: the JDK's trust store is then never loaded */
    Transport(FetchLimits limits, boolean tls) {
        this.limits = limits;
        HttpClient.Builder b = HttpClient.newBuilder();
        if (!tls) {
            // loading the default trust store (cacerts) took 1-10 s of CPU on a busy 2-core machine, for
            // a server that is plain http on this machine; this context trusts nothing, so https fails
            b.sslContext(refuseAll());
        }
        this.client = b
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance: PHP's and Python's test servers stall on it
                .build();
    }

    private static javax.net.ssl.SSLContext refuseAll() {
        try {
            javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
            javax.net.ssl.X509TrustManager none = new javax.net.ssl.X509TrustManager() {
                @Override
                public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType)
                        throws java.security.cert.CertificateException {
                    throw new java.security.cert.CertificateException("plain http account: no TLS");
                }

                @Override
                public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType)
                        throws java.security.cert.CertificateException {
                    throw new java.security.cert.CertificateException("plain http account: no TLS");
                }

                @Override
                public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                    return new java.security.cert.X509Certificate[0];
                }
            };
            ctx.init(new javax.net.ssl.KeyManager[0], new javax.net.ssl.TrustManager[] {none}, null);
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JDK", e);
        }
    }

    FetchLimits limits() {
        return limits;
    }

    Response get(URI uri, Map<String, String> headers) throws SyncException {
        return send(builder(uri, headers).GET().build(), uri);
    }

    Response post(URI uri, Map<String, String> headers, String form) throws SyncException {
        return send(builder(uri, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), uri);
    }

    private HttpRequest.Builder builder(URI uri, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(limits.deadline())
                .header("User-Agent", limits.userAgent());
        headers.forEach(b::header);
        return b;
    }

    private Response send(HttpRequest request, URI uri) throws SyncException {
        String where = where(uri);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new SyncException(SyncException.Kind.SERVER, where + ": no answer within "
                    + limits.deadline().toSeconds() + " s");
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.NETWORK, where + ": cannot connect ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(SyncException.Kind.NETWORK, where + ": interrupted");
        }
        AtomicBoolean late = new AtomicBoolean();
        InputStream in = response.body();
        // HttpRequest.timeout ends at the headers (JDK-8258397): our own deadline closes a slow body
        ScheduledFuture<?> deadline = WATCHDOG.schedule(() -> {
            late.set(true);
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }, limits.deadline().toMillis(), TimeUnit.MILLISECONDS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (in) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + (long) n > limits.maxBytes()) {
                    throw new SyncException(SyncException.Kind.SERVER, where + ": answer larger than "
                            + limits.maxBytes() / (1024 * 1024) + " MB");
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.SERVER, where + (late.get()
                    ? ": answer not complete within " + limits.deadline().toSeconds() + " s"
                    : ": connection broken while reading (" + e.getClass().getSimpleName() + ")"));
        } finally {
            deadline.cancel(false);
        }
        if (late.get()) {
            throw new SyncException(SyncException.Kind.SERVER, where + ": answer not complete within "
                    + limits.deadline().toSeconds() + " s");
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            throw new SyncException(SyncException.Kind.PROTOCOL, where + ": HTTP " + status
                    + " redirect (not followed: check the account's URL)");
        }
        return new Response(status, out.toByteArray());
    }

    /** Scheme, host, port and path: never the query (it may carry an item id list) or a header. */
    static String where(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }
}
