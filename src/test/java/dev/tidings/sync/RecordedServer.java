package dev.tidings.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Replays a real server's answers recorded by {@code bench/greader-record.py} (files
 * {@code NNN.request} / {@code NNN.response} under a test resource folder) from 127.0.0.1. A request
 * gets the first unused recorded answer whose method, path, query and form body match, ignoring the
 * values that differ from run to run (the password, the edit token, {@code ot}); when all are used
 * the last one repeats. Calls without the recorded session token get 401, as the server would.
 */
public final class RecordedServer implements AutoCloseable {
    record Exchange(String key, int status, String body) {
    }

    private final List<Exchange> exchanges = new ArrayList<>();
    private final boolean[] used;
    private final HttpServer server;
    public final String base;
    private final String token;
    public final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    public RecordedServer(String resourceDir, int count) throws IOException {
        String login = null;
        for (int i = 1; i <= count; i++) {
            String req = resource(resourceDir + String.format("/%03d.request", i));
            String resp = resource(resourceDir + String.format("/%03d.response", i));
            int nl = resp.indexOf('\n');
            Exchange e = new Exchange(normalize(req), Integer.parseInt(resp.substring(0, nl).strip()), resp.substring(nl + 1));
            exchanges.add(e);
            if (req.contains("/accounts/ClientLogin") && e.status() == 200) {
                login = e.body();
            }
        }
        used = new boolean[exchanges.size()];
        String t = null;
        for (String line : login == null ? new String[0] : login.split("\n")) {
            if (line.startsWith("Auth=")) {
                t = line.substring(5).strip();
            }
        }
        token = t;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = RecordedServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing recorded exchange " + path + " (see docs/sync-recording.md)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** "METHOD path?query\nbody" with run-dependent values blanked. */
    static String normalize(String request) {
        return request.strip().replaceAll("([?&])ot=\\d+", "$1ot=*").replaceAll("(^|&|\\n)Passwd=[^&\\n]*", "$1Passwd=*")
                .replaceAll("(^|&|\\n)T=[^&\\n]*", "$1T=*");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String request = ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()) + "\n" + body;
            requests.add(request);
            String key = normalize(request);
            if (!key.contains("/accounts/ClientLogin")
                    && !("GoogleLogin auth=" + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "Unauthorized!");
                return;
            }
            Exchange found = null;
            synchronized (used) {
                int last = -1;
                for (int i = 0; i < exchanges.size(); i++) {
                    if (exchanges.get(i).key().equals(key)) {
                        last = i;
                        if (!used[i]) {
                            used[i] = true;
                            found = exchanges.get(i);
                            break;
                        }
                    }
                }
                if (found == null && last >= 0) {
                    found = exchanges.get(last);
                }
            }
            if (found == null) {
                send(ex, 404, "not recorded: " + key);
                return;
            }
            send(ex, found.status(), found.body());
        }
    }

    private static void send(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", text.startsWith("{") ? "application/json" : "text/plain");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
