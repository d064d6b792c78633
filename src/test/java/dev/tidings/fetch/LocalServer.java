package dev.tidings.fetch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throw-away HTTP server on 127.0.0.1, a free port, daemon handler threads, exact-path routes.
 *
 * <pre>
 * try (LocalServer s = new LocalServer()) {
 *     s.on("/feed.xml", ex -&gt; LocalServer.send(ex, 200, "text/xml", "&lt;rss/&gt;"));
 *     URI u = s.uri("/feed.xml");
 * }
 * </pre>
 */
final class LocalServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private volatile Headers lastRequestHeaders;

    LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** Routes one exact path to a handler; unknown paths answer 404. */
    LocalServer on(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Routes a path to a redirect. */
    LocalServer redirect(String path, int status, String location) {
        return on(path, ex -> {
            ex.getResponseHeaders().add("Location", location);
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Requests received so far, on any path. */
    int hits() {
        return hits.get();
    }

    /** The headers of the most recent request. */
    Headers lastRequestHeaders() {
        return lastRequestHeaders;
    }

    private void dispatch(HttpExchange ex) throws IOException {
        hits.incrementAndGet();
        lastRequestHeaders = ex.getRequestHeaders();
        HttpHandler h = routes.get(ex.getRequestURI().getRawPath());
        try {
            if (h == null) {
                send(ex, 404, "text/plain", "no such path");
            } else {
                h.handle(ex);
            }
        } catch (IOException e) {
            // the client went away: normal in the limit tests
        } finally {
            ex.close();
        }
    }

    /** Sends a complete text answer with a Content-Length. */
    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a complete answer with a Content-Length. */
    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().add("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
