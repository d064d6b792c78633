package dev.tidings.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.tidings.app.Refresher.Result;
import dev.tidings.app.Refresher.Status;
import dev.tidings.feed.FeedException;
import dev.tidings.fetch.FetchLimits;
import dev.tidings.fetch.HttpFetcher;
import dev.tidings.store.CacheMeta;
import dev.tidings.store.CacheStatus;
import dev.tidings.store.FeedCache;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefresherTest {
    /** Deadlines long enough for a loaded 2-core machine; tests of the deadline itself compare orders, not times. */
    private static final FetchLimits LIMITS =
            new FetchLimits(Duration.ofSeconds(5), Duration.ofSeconds(5), 1024 * 1024, 5, FetchLimits.USER_AGENT);

    @TempDir
    Path tmp;

    private final List<Server> servers = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1); // frees hanging handlers at the end
    private FeedCache cache;
    private Refresher refresher;

    @BeforeEach
    void setUp() {
        cache = new FeedCache(tmp);
        refresher = new Refresher(cache, new HttpFetcher(LIMITS), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        servers.forEach(Server::close);
    }

    // ---------------------------------------------------------------- fixtures

    static String rss(String title, int items) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>")
                .append(title).append("</title><link>https://example.org/</link>");
        for (int i = 1; i <= items; i++) {
            sb.append("<item><title>").append(title).append(" item ").append(i).append("</title><link>/a/")
                    .append(i).append("</link><description>body ").append(i).append("</description></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    /** A local server on 127.0.0.1, a free port, exact-path routes, counting hits and concurrency. */
    final class Server implements AutoCloseable {
        final HttpServer http;
        final ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "refresher-test-server");
            t.setDaemon(true);
            return t;
        });
        final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
        final AtomicInteger hits = new AtomicInteger();
        final AtomicInteger inFlight;
        final AtomicInteger maxInFlight;

        Server(AtomicInteger inFlight, AtomicInteger maxInFlight) throws IOException {
            this.inFlight = inFlight;
            this.maxInFlight = maxInFlight;
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.setExecutor(pool);
            http.createContext("/", this::dispatch);
            http.start();
            servers.add(this);
        }

        Server on(String path, HttpHandler h) {
            routes.put(path, h);
            return this;
        }

        String url(String path) {
            return "http://127.0.0.1:" + http.getAddress().getPort() + path;
        }

        private void dispatch(HttpExchange ex) throws IOException {
            hits.incrementAndGet();
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                HttpHandler h = routes.get(ex.getRequestURI().getRawPath());
                if (h == null) {
                    send(ex, 404, "text/plain", "no such path");
                } else {
                    h.handle(ex);
                }
            } catch (IOException e) {
                // the client went away
            } finally {
                inFlight.decrementAndGet();
                ex.close();
            }
        }

        @Override
        public void close() {
            http.stop(0);
            pool.shutdownNow();
        }
    }

    Server server() throws IOException {
        return new Server(new AtomicInteger(), new AtomicInteger());
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            ex.getResponseHeaders().add("Content-Type", type);
        }
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    static HttpHandler feed(String title, int items) {
        return ex -> send(ex, 200, "application/rss+xml", rss(title, items));
    }

    static HttpHandler redirect(int status, String location) {
        return ex -> {
            ex.getResponseHeaders().add("Location", location);
            ex.sendResponseHeaders(status, -1);
        };
    }

    private Result one(String url) {
        List<Result> r = refresher.refresh(List.of(url), x -> { });
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    // ---------------------------------------------------------------- conditional GET

    @Test
    void etagMakesTheSecondRefreshNotModified() throws Exception {
        Server s = server();
        List<String> seen = new ArrayList<>();
        s.on("/feed.xml", ex -> {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            seen.add(String.valueOf(inm));
            if ("\"v1\"".equals(inm)) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            send(ex, 200, "application/rss+xml", rss("Etag", 3));
        });
        String url = s.url("/feed.xml");

        Result first = one(url);
        assertThat(first.status()).isEqualTo(Status.UPDATED);
        assertThat(first.items()).isEqualTo(3);
        Result second = one(url);
        assertThat(second.status()).isEqualTo(Status.NOT_MODIFIED);
        assertThat(second.items()).isZero(); // not modified: the cached copy is not parsed again
        assertThat(seen).containsExactly("null", "\"v1\"");

        LoadedFeed loaded = refresher.loadCached(url);
        assertThat(loaded.feed().items()).hasSize(3);
        assertThat(loaded.feed().items().get(0).link()).isEqualTo(s.url("/a/1")); // resolved against the cached base
        assertThat(loaded.base().toString()).isEqualTo(url);
        assertThat(cache.meta(url).orElseThrow().status()).isEqualTo(CacheStatus.OK);
    }

    @Test
    void lastModifiedMakesTheSecondRefreshNotModified() throws Exception {
        Server s = server();
        String lm = "Tue, 03 Jun 2025 10:00:00 GMT";
        s.on("/feed.xml", ex -> {
            if (lm.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().add("Last-Modified", lm);
            send(ex, 200, "application/rss+xml", rss("LM", 2));
        });
        String url = s.url("/feed.xml");
        assertThat(one(url).status()).isEqualTo(Status.UPDATED);
        Result second = one(url);
        assertThat(second.status()).isEqualTo(Status.NOT_MODIFIED);
        assertThat(refresher.loadCached(url).feed().items()).hasSize(2);
        assertThat(s.hits.get()).isEqualTo(2);
    }

    @Test
    void loadCachedWithoutACopyThrows() {
        assertThatThrownBy(() -> refresher.loadCached("https://example.org/none.xml"))
                .isInstanceOf(FeedException.class).hasMessageContaining("no cached copy");
    }

    // ---------------------------------------------------------------- redirects and gone

    @ParameterizedTest
    @ValueSource(ints = {301, 308})
    void permanentRedirectIsMovedAndCachedUnderTheNewUrl(int status) throws Exception {
        Server s = server();
        s.on("/new.xml", feed("New", 2));
        String newUrl = s.url("/new.xml");
        s.on("/old.xml", redirect(status, newUrl));
        String oldUrl = s.url("/old.xml");

        Result r = one(oldUrl);
        assertThat(r.status()).isEqualTo(Status.MOVED);
        assertThat(r.newUrl()).isEqualTo(newUrl);
        assertThat(r.items()).isEqualTo(2);
        assertThat(r.message()).contains("moved permanently to " + newUrl);
        assertThat(refresher.loadCached(newUrl).feed().items()).hasSize(2);
        assertThat(refresher.loadCached(oldUrl).feed().items()).hasSize(2);
    }

    @Test
    void temporaryRedirectIsJustUpdated() throws Exception {
        Server s = server();
        s.on("/real.xml", feed("Real", 1));
        s.on("/tmp.xml", redirect(302, s.url("/real.xml")));
        Result r = one(s.url("/tmp.xml"));
        assertThat(r.status()).as(r.message()).isEqualTo(Status.UPDATED);
        assertThat(r.newUrl()).isNull();
        assertThat(refresher.loadCached(s.url("/tmp.xml")).base().toString()).isEqualTo(s.url("/real.xml"));
    }

    @Test
    void goneIsGone() throws Exception {
        Server s = server();
        s.on("/gone.xml", ex -> send(ex, 410, "text/plain", "bye"));
        Result r = one(s.url("/gone.xml"));
        assertThat(r.status()).isEqualTo(Status.GONE);
        assertThat(r.message()).contains("410");
        assertThat(cache.meta(s.url("/gone.xml")).orElseThrow().status()).isEqualTo(CacheStatus.GONE);
    }

    // ---------------------------------------------------------------- Retry-After

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void shortRetryAfterIsWaitedForAndRetriedOnce(int status) throws Exception {
        Server s = server();
        AtomicInteger calls = new AtomicInteger();
        s.on("/busy.xml", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().add("Retry-After", "1");
                send(ex, status, "text/plain", "slow down");
            } else {
                send(ex, 200, "application/rss+xml", rss("Busy", 1));
            }
        });
        long t0 = System.nanoTime();
        Result r = one(s.url("/busy.xml"));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(r.status()).isEqualTo(Status.UPDATED);
        assertThat(calls.get()).isEqualTo(2);
        assertThat(ms).isGreaterThanOrEqualTo(900);
    }

    @Test
    void longRetryAfterDefersAndTheNextRefreshDoesNotFetch() throws Exception {
        Server s = server();
        s.on("/busy.xml", ex -> {
            ex.getResponseHeaders().add("Retry-After", "3600");
            send(ex, 429, "text/plain", "come back in an hour");
        });
        String url = s.url("/busy.xml");
        Instant before = Instant.now();
        Result r = one(url);
        assertThat(r.status()).isEqualTo(Status.DEFERRED);
        assertThat(r.message()).contains("429");
        assertThat(cache.meta(url).orElseThrow().retryAfterUntil())
                .isBetween(before.plusSeconds(3590), before.plusSeconds(3610));

        Result again = one(url);
        assertThat(again.status()).isEqualTo(Status.DEFERRED);
        assertThat(s.hits.get()).isEqualTo(1);

        // an hour later it is fetched again
        Refresher later = new Refresher(cache, new HttpFetcher(LIMITS),
                Clock.fixed(before.plusSeconds(3700), java.time.ZoneOffset.UTC));
        later.refresh(List.of(url), x -> { });
        assertThat(s.hits.get()).isEqualTo(2);
    }

    @Test
    void retryAfterParsesSecondsAndDates() {
        Instant now = Instant.parse("2025-06-03T10:00:00Z");
        assertThat(RetryAfter.delay("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.delay("Tue, 03 Jun 2025 10:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.delay("Tue, 03 Jun 2025 09:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.delay("soon", now)).isNull();
        assertThat(RetryAfter.delay(null, now)).isNull();
    }

    /**
     * Issue #16: endless and gzip-bomb bodies in parallel each stop at the cap ("larger than") and
     * leave no temp file behind; bodies stream to disk, so none is held in memory.
     */
    @Test
    void endlessAndGzipBombFeedsInParallelEachStopAtTheCap() throws Exception {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write("<rss version=\"2.0\"><channel><title>".getBytes(StandardCharsets.UTF_8));
            gz.write(new byte[4 * 1024 * 1024]);
        }
        byte[] bomb = zipped.toByteArray();
        Server s = server();
        s.on("/endless.xml", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = "aaaaaaaaaaaaaaaa".repeat(4096).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("<rss version=\"2.0\"><channel><title>".getBytes(StandardCharsets.UTF_8));
                while (true) {
                    out.write(chunk);
                }
            }
        });
        s.on("/bomb.xml", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, bomb.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bomb);
            }
        });
        Refresher patient = new Refresher(cache, new HttpFetcher(new FetchLimits(Duration.ofSeconds(20),
                Duration.ofSeconds(60), 1024 * 1024, 5, FetchLimits.USER_AGENT)), Clock.systemUTC());
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            urls.add(s.url("/endless.xml") + "?" + i);
            urls.add(s.url("/bomb.xml") + "?" + i);
        }
        List<Result> results = patient.refresh(urls, x -> { });
        assertThat(results).hasSize(8).allSatisfy(r -> {
            assertThat(r.status()).as(r.message()).isEqualTo(Status.FAILED);
            assertThat(r.message()).as(r.message()).endsWith(": response larger than 1 MiB");
        });
        try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(cache.dir())) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aStreamedBodyIsCachedByteForByte() throws Exception {
        Server s = server();
        String body = rss("Streamed", 3);
        s.on("/f.xml", ex -> send(ex, 200, "application/rss+xml", body));
        assertThat(one(s.url("/f.xml")).status()).isEqualTo(Status.UPDATED);
        assertThat(new String(cache.get(s.url("/f.xml")).orElseThrow().body(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(cache.headlines(s.url("/f.xml")).orElseThrow().headlines().items()).hasSize(3);
    }

    /** Issue #16: 999999999 seconds deferred a feed to 2058 while ten digits were capped at a year. */
    @Test
    void retryAfterIsCappedAtAWeekHoweverItIsWritten() {
        Instant now = Instant.parse("2025-06-03T10:00:00Z");
        Duration week = Refresher.MAX_RETRY_AFTER;
        assertThat(week).isEqualTo(Duration.ofDays(7));
        assertThat(RetryAfter.delay("604800", now)).isEqualTo(week);
        assertThat(RetryAfter.delay("604801", now)).isEqualTo(week);
        assertThat(RetryAfter.delay("999999999", now)).isEqualTo(week);
        assertThat(RetryAfter.delay("9999999999", now)).isEqualTo(week);
        assertThat(RetryAfter.delay("99999999999999999999999999", now)).isEqualTo(week);
        assertThat(RetryAfter.delay("000000000000000000000000120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.delay("Fri, 01 Jan 2100 00:00:00 GMT", now)).isEqualTo(week);
        assertThat(RetryAfter.delay("\u0661\u0662", now)).isNull(); // Arabic-Indic digits are no number
    }

    // ---------------------------------------------------------------- failures

    @Test
    void slowFeedFailsWithoutDelayingTheOthers() throws Exception {
        refresher = new Refresher(cache, new HttpFetcher(new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(2),
                1024 * 1024, 5, FetchLimits.USER_AGENT)), Clock.systemUTC());
        Server slow = server();
        slow.on("/slow.xml", ex -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                return;
            }
            send(ex, 200, "application/rss+xml", rss("Slow", 1));
        });
        Server fast = server();
        List<String> urls = new ArrayList<>();
        urls.add(slow.url("/slow.xml"));
        for (int i = 0; i < 5; i++) {
            fast.on("/f" + i + ".xml", feed("Fast" + i, 1));
            urls.add(fast.url("/f" + i + ".xml"));
        }
        Map<String, Long> doneAt = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        List<Result> results = refresher.refresh(urls, r -> doneAt.put(r.url(), System.nanoTime() - t0));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        assertThat(results.get(0).status()).isEqualTo(Status.FAILED);
        assertThat(results.get(0).message()).contains("timed out");
        assertThat(results.subList(1, 6)).extracting(Result::status).containsOnly(Status.UPDATED);
        assertThat(ms).as("the 2 s deadline ends the 20 s answer").isLessThan(15_000);
        for (String u : urls.subList(1, 6)) {
            assertThat(doneAt.get(u)).as("%s is not kept waiting behind the slow feed", u).isLessThan(doneAt.get(urls.get(0)));
        }
    }

    @Test
    void hangingFeedsNeverBlockTheOthers() throws Exception {
        // two hanging feeds fill their host's two slots; feeds on other hosts go on regardless
        Server hang = server();
        hang.on("/hang.xml", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("<rss version=\"2.0\"><channel><title>Ha".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<String> urls = new ArrayList<>(List.of(hang.url("/hang.xml?1"), hang.url("/hang.xml?2")));
        for (int i = 0; i < 4; i++) {
            Server other = server();
            other.on("/ok.xml", feed("Ok" + i, 1));
            urls.add(other.url("/ok.xml"));
        }
        Map<String, Long> doneAt = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        List<Result> results = refresher.refresh(urls, r -> doneAt.put(r.url(), System.nanoTime() - t0));

        assertThat(results.subList(0, 2)).extracting(Result::status).containsOnly(Status.FAILED);
        assertThat(results.subList(2, 6)).extracting(Result::status).containsOnly(Status.UPDATED);
        assertThat(doneAt).hasSize(6);
        long firstHangDone = Math.min(doneAt.get(urls.get(0)), doneAt.get(urls.get(1)));
        for (String u : urls.subList(2, 6)) {
            // not waiting behind the hanging feeds: done before their deadline ends them
            assertThat(doneAt.get(u)).as(u).isLessThan(firstHangDone);
        }
    }

    @Test
    void gzipBodyIsDecoded() throws Exception {
        Server s = server();
        s.on("/gz.xml", ex -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
                gz.write(rss("Zipped", 4).getBytes(StandardCharsets.UTF_8));
            }
            byte[] b = buf.toByteArray();
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        Result r = one(s.url("/gz.xml"));
        assertThat(r.status()).isEqualTo(Status.UPDATED);
        assertThat(r.items()).isEqualTo(4);
        assertThat(refresher.loadCached(s.url("/gz.xml")).feed().title()).isEqualTo("Zipped");
    }

    @Test
    void invalidFeedFailsAndKeepsThePreviousCopy() throws Exception {
        Server s = server();
        AtomicInteger calls = new AtomicInteger();
        s.on("/feed.xml", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().add("ETag", "\"good\"");
                send(ex, 200, "application/rss+xml", rss("Good", 2));
            } else {
                ex.getResponseHeaders().add("ETag", "\"bad\"");
                send(ex, 200, "text/html", "<!DOCTYPE html><html><body>Maintenance</body></html>");
            }
        });
        String url = s.url("/feed.xml");
        assertThat(one(url).status()).isEqualTo(Status.UPDATED);
        Result r = one(url);
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.message()).contains("not a feed");
        CacheMeta e = cache.meta(url).orElseThrow();
        assertThat(e.etag()).isEqualTo("\"good\"");
        assertThat(e.status()).isEqualTo(CacheStatus.ERROR);
        assertThat(refresher.loadCached(url).feed().title()).isEqualTo("Good");
    }

    @Test
    void otherErrorsFailWithOneLineAndDoNotStopTheRest() throws Exception {
        Server s = server();
        s.on("/ok.xml", feed("Ok", 1));
        List<Result> results = refresher.refresh(List.of(s.url("/missing.xml"), "ftp://example.org/f.xml",
                s.url("/ok.xml")), x -> { });
        assertThat(results).extracting(Result::status).containsExactly(Status.FAILED, Status.FAILED, Status.UPDATED);
        assertThat(results.get(0).message()).isEqualTo(s.url("/missing.xml") + ": HTTP 404 Not Found");
        assertThat(results.get(1).message()).contains("not an http or https URL");
    }

    // ---------------------------------------------------------------- bounded parallelism

    static HttpHandler slowFeed(int ms) {
        return ex -> {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            send(ex, 200, "application/rss+xml", rss("P", 1));
        };
    }

    @Test
    void atMostTwoFetchesPerHost() throws Exception {
        Server s = server();
        s.on("/f.xml", slowFeed(100));
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            urls.add(s.url("/f.xml?n=" + i));
        }
        Map<String, AtomicInteger> reported = new ConcurrentHashMap<>();
        List<Result> results = refresher.refresh(urls,
                r -> reported.computeIfAbsent(r.url(), u -> new AtomicInteger()).incrementAndGet());
        assertThat(results).extracting(Result::status).containsOnly(Status.UPDATED);
        assertThat(results).extracting(Result::url).containsExactlyElementsOf(urls);
        assertThat(s.maxInFlight.get()).isEqualTo(Refresher.MAX_PER_HOST);
        assertThat(reported).hasSize(20);
        assertThat(reported.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    @Test
    void atMostSixFetchesOverall() throws Exception {
        // ten servers on 127.0.0.1, each its own port: a host is host name plus port, so ten hosts
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        List<String> urls = new ArrayList<>();
        for (int h = 0; h < 10; h++) {
            Server s = new Server(inFlight, max);
            s.on("/f.xml", slowFeed(200));
            urls.add(s.url("/f.xml?a"));
            urls.add(s.url("/f.xml?b"));
        }
        List<Result> results = refresher.refresh(urls, x -> { });
        assertThat(results).extracting(Result::status).containsOnly(Status.UPDATED);
        assertThat(max.get()).isLessThanOrEqualTo(Refresher.MAX_PARALLEL).isGreaterThanOrEqualTo(4);
    }

    @Test
    void hostKeyIsHostNameAndPort() {
        assertThat(RefreshRun.hostKey("http://Example.org/feed")).isEqualTo("example.org:80");
        assertThat(RefreshRun.hostKey("https://example.org/feed")).isEqualTo("example.org:443");
        assertThat(RefreshRun.hostKey("http://127.0.0.1:8080/a")).isNotEqualTo(RefreshRun.hostKey("http://localhost:8080/a"));
        assertThat(RefreshRun.hostKey("http://127.0.0.1:8080/a")).isNotEqualTo(RefreshRun.hostKey("http://127.0.0.1:8081/a"));
        assertThat(RefreshRun.hostKey("file:///etc/passwd")).isNull();
    }
}
