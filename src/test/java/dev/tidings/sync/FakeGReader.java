package dev.tidings.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A Google Reader API server on 127.0.0.1 for tests and bench/sync-bench.sh: feeds and items in
 * memory, read and starred state changed by edit-tag, and switches for the failures a client must
 * survive (an error status, an expired session, a slow body, an endless answer).
 */
public final class FakeGReader implements AutoCloseable {
    public record Item(long id, String stream, String title, long published, long crawled, String html) {
        public String hex() {
            return String.format("%016x", id);
        }
    }

    public record Feed(String stream, String title, List<String> categories) {
    }

    private final HttpServer server;
    public final String base;
    public final String password;
    private volatile String token = "fake/session-1";
    private final String editToken = "edit-token-1";
    public final Map<String, Feed> feeds = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Newest first per the id order: ids grow with time. */
    public final List<Item> items = Collections.synchronizedList(new ArrayList<>());
    public final Set<Long> read = ConcurrentHashMap.newKeySet();
    public final Set<Long> starred = ConcurrentHashMap.newKeySet();
    public final List<String> log = Collections.synchronizedList(new ArrayList<>());
    /** Non-zero: every API call except the login answers this status. */
    public volatile int failStatus;
    /** Non-zero: answers trickle one byte every this many milliseconds. */
    public volatile long trickleMillis;
    /** True: answers never end (until the client gives up). */
    public volatile boolean endless;
    public volatile int logins;
    private long nextId = 1_000_000;

    public FakeGReader(String password) throws IOException {
        this.password = password;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code feeds} feeds of {@code perFeed} items each, crawled at {@code crawled} (seconds). */
    public FakeGReader populate(int feedCount, int perFeed, long crawled, int htmlBytes) {
        String body = "<p>" + "Lorem ipsum dolor sit amet. ".repeat(Math.max(1, htmlBytes / 28)) + "</p>";
        for (int f = 1; f <= feedCount; f++) {
            String stream = "feed/" + f;
            feeds.put(stream, new Feed(stream, "Feed " + f, List.of(f % 2 == 0 ? "Even" : "Odd")));
            for (int i = 0; i < perFeed; i++) {
                add(stream, "Feed " + f + " item " + i, crawled - (perFeed - i) * 60L, crawled, body);
            }
        }
        return this;
    }

    public synchronized Item add(String stream, String title, long published, long crawled, String html) {
        Item it = new Item(nextId++, stream, title, published, crawled, html);
        items.add(it);
        return it;
    }

    /** The session token stops working (the server restarted, or it expired). */
    public void expireSession() {
        token = "fake/session-" + (logins + 2);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    // ---------------------------------------------------------------- the API

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> q = params(ex.getRequestURI().getRawQuery());
            params(body).forEach((k, v) -> q.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            log.add(ex.getRequestMethod() + " " + path + (body.isEmpty() ? "" : " " + body.replaceAll("Passwd=[^&]*", "Passwd=*")));
            if (path.equals("/accounts/ClientLogin")) {
                if (!password.equals(first(q, "Passwd"))) {
                    send(ex, 401, "Error=BadAuthentication\n");
                    return;
                }
                logins++;
                token = "fake/session-" + (logins + 1);
                send(ex, 200, "SID=" + token + "\nLSID=null\nAuth=" + token + "\n");
                return;
            }
            if (!("GoogleLogin auth=" + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "Unauthorized!");
                return;
            }
            if (failStatus != 0) {
                send(ex, failStatus, "failing on purpose");
                return;
            }
            switch (path) {
                case "/reader/api/0/token" -> send(ex, 200, editToken + "\n");
                case "/reader/api/0/subscription/list" -> send(ex, 200, subscriptions());
                case "/reader/api/0/stream/items/ids" -> send(ex, 200, ids(q));
                case "/reader/api/0/stream/items/contents" -> send(ex, 200, contents(q.getOrDefault("i", List.of())));
                case "/reader/api/0/edit-tag" -> {
                    if (!editToken.equals(first(q, "T"))) {
                        send(ex, 401, "Unauthorized!");
                        return;
                    }
                    editTag(q);
                    send(ex, 200, "OK");
                }
                case "/reader/api/0/subscription/edit" -> {
                    subscriptionEdit(q);
                    send(ex, 200, "OK");
                }
                default -> send(ex, 404, "no such call");
            }
        }
    }

    private String subscriptions() {
        StringBuilder sb = new StringBuilder("{\"subscriptions\":[");
        synchronized (feeds) {
            boolean firstFeed = true;
            for (Feed f : feeds.values()) {
                sb.append(firstFeed ? "" : ",").append("{\"id\":").append(json(f.stream())).append(",\"title\":")
                        .append(json(f.title())).append(",\"categories\":[");
                for (int i = 0; i < f.categories().size(); i++) {
                    sb.append(i == 0 ? "" : ",").append("{\"id\":\"user/-/label/").append(f.categories().get(i))
                            .append("\",\"label\":").append(json(f.categories().get(i))).append("}");
                }
                sb.append("],\"url\":\"http://example.invalid/").append(f.stream()).append("\",\"htmlUrl\":\"\"}");
                firstFeed = false;
            }
        }
        return sb.append("]}").toString();
    }

    private String ids(Map<String, List<String>> q) {
        String s = first(q, "s");
        String xt = first(q, "xt");
        long ot = Long.parseLong(firstOr(q, "ot", "0"));
        int n = Integer.parseInt(firstOr(q, "n", "20"));
        int offset = Integer.parseInt(firstOr(q, "c", "0"));
        List<Item> match = new ArrayList<>();
        synchronized (items) {
            for (int i = items.size() - 1; i >= 0; i--) { // newest first
                Item it = items.get(i);
                boolean in = s.endsWith("/state/com.google/reading-list") || it.stream().equals(s)
                        || (s.endsWith("/state/com.google/starred") && starred.contains(it.id()));
                if (!in || it.crawled() < ot || (xt != null && xt.endsWith("/state/com.google/read") && read.contains(it.id()))) {
                    continue;
                }
                match.add(it);
            }
        }
        StringBuilder sb = new StringBuilder("{\"itemRefs\":[");
        int end = Math.min(match.size(), offset + n);
        for (int i = offset; i < end; i++) {
            sb.append(i == offset ? "" : ",").append("{\"id\":\"").append(match.get(i).id()).append("\"}");
        }
        sb.append("]");
        if (end < match.size()) {
            sb.append(",\"continuation\":\"").append(end).append("\"");
        }
        return sb.append("}").toString();
    }

    private String contents(List<String> ids) {
        Map<Long, Item> byId = new HashMap<>();
        synchronized (items) {
            for (Item it : items) {
                byId.put(it.id(), it);
            }
        }
        StringBuilder sb = new StringBuilder("{\"items\":[");
        boolean firstItem = true;
        for (String i : ids) {
            Item it = byId.get(Long.parseUnsignedLong(ItemIds.hex(i), 16));
            if (it == null) {
                continue;
            }
            sb.append(firstItem ? "" : ",").append("{\"id\":\"tag:google.com,2005:reader/item/").append(it.hex())
                    .append("\",\"title\":").append(json(it.title())).append(",\"published\":").append(it.published())
                    .append(",\"crawlTimeMsec\":\"").append(it.crawled() * 1000).append("\",\"alternate\":[{\"href\":\"http://example.invalid/")
                    .append(it.hex()).append("\"}],\"categories\":[\"user/-/state/com.google/reading-list\"")
                    .append(read.contains(it.id()) ? ",\"user/-/state/com.google/read\"" : "")
                    .append(starred.contains(it.id()) ? ",\"user/-/state/com.google/starred\"" : "")
                    .append("],\"origin\":{\"streamId\":").append(json(it.stream())).append("},\"summary\":{\"content\":")
                    .append(json(it.html())).append("}}");
            firstItem = false;
        }
        return sb.append("]}").toString();
    }

    private void editTag(Map<String, List<String>> q) {
        for (String i : q.getOrDefault("i", List.of())) {
            long id = Long.parseUnsignedLong(ItemIds.hex(i), 16);
            for (String a : q.getOrDefault("a", List.of())) {
                (a.endsWith("/read") ? read : starred).add(id);
            }
            for (String r : q.getOrDefault("r", List.of())) {
                (r.endsWith("/read") ? read : starred).remove(id);
            }
        }
    }

    private void subscriptionEdit(Map<String, List<String>> q) {
        String ac = first(q, "ac");
        String s = first(q, "s");
        switch (ac) {
            case "subscribe" -> feeds.put(s, new Feed(s, firstOr(q, "t", s), q.containsKey("a")
                    ? List.of(first(q, "a").substring(first(q, "a").lastIndexOf('/') + 1)) : List.of()));
            case "unsubscribe" -> feeds.remove(s);
            case "edit" -> {
                Feed f = feeds.get(s);
                feeds.put(s, new Feed(s, first(q, "t"), f.categories()));
            }
            default -> {
            }
        }
    }

    private void send(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", text.startsWith("{") ? "application/json" : "text/plain");
        if (endless) {
            ex.sendResponseHeaders(status, 0);
            OutputStream out = ex.getResponseBody();
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try {
                while (true) {
                    out.write(chunk);
                }
            } catch (IOException closed) {
                return;
            }
        }
        if (trickleMillis > 0) {
            ex.sendResponseHeaders(status, b.length);
            OutputStream out = ex.getResponseBody();
            try {
                for (byte x : b) {
                    out.write(x);
                    out.flush();
                    Thread.sleep(trickleMillis);
                }
            } catch (InterruptedException | IOException e) {
                return;
            }
            return;
        }
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        ex.getResponseBody().write(b);
    }

    private static Map<String, List<String>> params(String raw) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String kv : raw.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            int eq = kv.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return m;
    }

    private static String first(Map<String, List<String>> q, String k) {
        List<String> v = q.get(k);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String firstOr(Map<String, List<String>> q, String k, String d) {
        String v = first(q, k);
        return v == null ? d : v;
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** For bench/sync-bench.sh: serves FEEDS x ITEMS until killed, printing its URL. */
    public static void main(String[] args) throws Exception {
        int feeds = Integer.parseInt(args[0]);
        int perFeed = Integer.parseInt(args[1]);
        FakeGReader g = new FakeGReader(args.length > 2 ? args[2] : "bench-password");
        g.populate(feeds, perFeed, System.currentTimeMillis() / 1000 - 86_400, 600);
        System.out.println(g.base);
        System.out.flush();
        Thread.currentThread().join();
    }
}
