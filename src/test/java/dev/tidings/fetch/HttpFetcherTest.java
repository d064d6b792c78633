package dev.tidings.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpFetcherTest {
    private static final int MIB = 1024 * 1024;
    private static final FetchLimits LIMITS =
            new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), MIB, 5, FetchLimits.USER_AGENT);

    private LocalServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        fetcher = new HttpFetcher(LIMITS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // ---- plain answers ----

    @Test
    void okReturnsBodyContentTypeAndValidators() throws Exception {
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.getResponseHeaders().add("Last-Modified", "Tue, 03 Jun 2025 10:00:00 GMT");
            LocalServer.send(ex, 200, "application/rss+xml; charset=utf-8", "<rss>héllo</rss>");
        });

        HttpResult r = fetcher.fetch(server.uri("/feed.xml"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<rss>héllo</rss>");
        assertThat(r.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(r.finalUri()).isEqualTo(server.uri("/feed.xml"));
        assertThat(r.etag()).isEqualTo("\"v1\"");
        assertThat(r.lastModified()).isEqualTo("Tue, 03 Jun 2025 10:00:00 GMT");
        assertThat(r.permanentRedirect()).isFalse();
    }

    @Test
    void notModifiedWhenIfNoneMatchMatchesTheEtag() throws Exception {
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                LocalServer.send(ex, 200, "application/rss+xml", "<rss/>");
            }
        });

        HttpResult first = fetcher.fetch(server.uri("/feed.xml"));
        HttpResult second = fetcher.fetch(server.uri("/feed.xml"), first.etag(), null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        assertThat(second.etag()).isEqualTo("\"v1\"");
        assertThat(second.finalUri()).isEqualTo(server.uri("/feed.xml"));
    }

    @Test
    void notModifiedWhenIfModifiedSinceIsSentKeepsTheGivenValidator() throws Exception {
        String date = "Tue, 03 Jun 2025 10:00:00 GMT";
        server.on("/feed.xml", ex -> {
            boolean same = date.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"));
            LocalServer.send(ex, same ? 304 : 200, null, same ? "" : "<rss/>");
        });

        HttpResult r = fetcher.fetch(server.uri("/feed.xml"), null, date);

        assertThat(r.status()).isEqualTo(304);
        assertThat(r.lastModified()).isEqualTo(date);
        assertThat(r.etag()).isNull();
    }

    @Test
    void notFoundNamesTheUrlAndTheStatus() {
        URI u = server.uri("/missing.xml");

        assertThatThrownBy(() -> fetcher.fetch(u))
                .isInstanceOf(SourceException.class)
                .hasMessage(u + ": HTTP 404 Not Found");
    }

    @Test
    void serverErrorFails() {
        server.on("/feed.xml", ex -> LocalServer.send(ex, 500, "text/html", "<h1>oops</h1>"));
        URI u = server.uri("/feed.xml");

        assertThatThrownBy(() -> fetcher.fetch(u)).hasMessage(u + ": HTTP 500 Internal Server Error");
    }

    @Test
    void goneFails() {
        server.on("/feed.xml", ex -> LocalServer.send(ex, 410, null, ""));
        URI u = server.uri("/feed.xml");

        assertThatThrownBy(() -> fetcher.fetch(u)).hasMessage(u + ": HTTP 410 Gone");
    }

    @Test
    void tooManyRequestsShowsRetryAfter() {
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("Retry-After", "120");
            LocalServer.send(ex, 429, null, "slow down");
        });
        URI u = server.uri("/feed.xml");

        assertThatThrownBy(() -> fetcher.fetch(u)).hasMessage(u + ": HTTP 429 Too Many Requests (Retry-After: 120)");
    }

    // ---- redirects ----

    @Test
    void threeHopRedirectChainEndsAtTheLastUrl() throws Exception {
        server.redirect("/r1", 301, "/r2")                                  // absolute path
                .redirect("/r2", 302, "r3")                                  // relative path
                .redirect("/r3", 307, server.uri("/final.xml").toString())   // absolute URL
                .on("/final.xml", ex -> LocalServer.send(ex, 200, "application/atom+xml", "<feed/>"));

        HttpResult r = fetcher.fetch(server.uri("/r1"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.finalUri()).isEqualTo(server.uri("/final.xml"));
        assertThat(r.permanentRedirect()).isTrue();
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<feed/>");
    }

    @Test
    void temporaryRedirectsAreNotPermanent() throws Exception {
        server.redirect("/old", 302, "/new").redirect("/new", 303, "/final.xml")
                .on("/final.xml", ex -> LocalServer.send(ex, 200, "text/xml", "<rss/>"));

        HttpResult r = fetcher.fetch(server.uri("/old"));

        assertThat(r.finalUri()).isEqualTo(server.uri("/final.xml"));
        assertThat(r.permanentRedirect()).isFalse();
    }

    @Test
    void fiveRedirectsAreFollowed() throws Exception {
        chain(5);

        assertThat(fetcher.fetch(server.uri("/c0")).finalUri()).isEqualTo(server.uri("/final.xml"));
    }

    @Test
    void sixRedirectsAreTooMany() {
        chain(6);
        URI u = server.uri("/c0");

        assertThatThrownBy(() -> fetcher.fetch(u)).hasMessage(u + ": too many redirects (more than 5)");
    }

    /** /c0 -> /c1 -> ... -> /c(n-1) -> /final.xml: n redirects. */
    private void chain(int n) {
        for (int i = 0; i < n; i++) {
            server.redirect("/c" + i, 302, i == n - 1 ? "/final.xml" : "/c" + (i + 1));
        }
        server.on("/final.xml", ex -> LocalServer.send(ex, 200, "text/xml", "<rss/>"));
    }

    @Test
    void redirectLoopFails() {
        server.redirect("/a", 302, "/b").redirect("/b", 302, "/a");
        URI u = server.uri("/a");

        assertThatThrownBy(() -> fetcher.fetch(u))
                .hasMessageStartingWith(u + ": redirect loop")
                .hasMessageNotContaining("too many");
    }

    @Test
    void redirectWithoutLocationFails() {
        server.on("/feed.xml", ex -> ex.sendResponseHeaders(302, -1));
        URI u = server.uri("/feed.xml");

        assertThatThrownBy(() -> fetcher.fetch(u)).hasMessage(u + ": HTTP 302 Found without a Location header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://127.0.0.1/feed.xml", "javascript:alert(1)",
        "data:text/xml,<rss/>"})
    void redirectToANonHttpSchemeIsRefused(String target) {
        server.redirect("/feed.xml", 301, target);
        URI u = server.uri("/feed.xml");

        assertThatThrownBy(() -> fetcher.fetch(u))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith(u + ": redirect to ")
                .hasMessageContaining("refused: only http and https URLs can be fetched");
        assertThat(server.hits()).isEqualTo(1);
    }

    @Test
    void redirectsNeverGoInwardFromAPublicHost() throws UnknownHostException {
        InetAddress[] publicHost = addresses("93.184.216.34");
        InetAddress[] lanHost = addresses("192.168.1.10");
        InetAddress[] loopback = addresses("127.0.0.1");

        assertThat(RedirectGuard.redirectAllowed(publicHost, addresses("151.101.1.69"))).isTrue();
        for (String inward : List.of("127.0.0.1", "::1", "0.0.0.0", "10.0.0.1", "172.16.5.4", "192.168.0.1",
                "169.254.169.254", "fe80::1", "fd00::1", "100.64.0.1")) {
            assertThat(RedirectGuard.redirectAllowed(publicHost, addresses(inward))).as(inward).isFalse();
        }
        assertThat(RedirectGuard.redirectAllowed(publicHost, addresses("93.184.216.34", "127.0.0.1"))).isFalse();
        assertThat(RedirectGuard.redirectAllowed(lanHost, addresses("192.168.1.11"))).isTrue();
        assertThat(RedirectGuard.redirectAllowed(lanHost, loopback)).isFalse();
        assertThat(RedirectGuard.redirectAllowed(loopback, loopback)).isTrue();
        assertThat(RedirectGuard.redirectAllowed(loopback, lanHost)).isTrue();
    }

    /** Issue #16: NAT64, 6to4, IPv4-mapped and Teredo addresses are judged by the IPv4 they carry. */
    @Test
    void redirectsNeverGoInwardThroughAnIpv4EmbeddedInIpv6() throws UnknownHostException {
        InetAddress[] publicHost = addresses("93.184.216.34");
        for (String inward : List.of("64:ff9b::7f00:1", "64:ff9b::10.0.0.1", "64:ff9b::192.168.1.1",
                "64:ff9b::169.254.169.254", "2002:7f00:1::", "2002:c0a8:101::1", "2002:a00:1::",
                "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::127.0.0.1", "64:ff9b:1::a00:1",
                // Teredo: client 127.0.0.1 and 192.168.1.1, stored inverted
                "2001:0:5ef5:79fd:0:0:80ff:fffe", "2001:0:5ef5:79fd::3f57:fefe")) {
            assertThat(RedirectGuard.redirectAllowed(publicHost, addresses(inward))).as(inward).isFalse();
        }
        for (String outward : List.of("64:ff9b::93.184.216.34", "2002:5db8:d822::1", "2001:4860:4860::8888",
                "2606:4700::1111")) {
            assertThat(RedirectGuard.redirectAllowed(publicHost, addresses(outward))).as(outward).isTrue();
        }
    }

    private static InetAddress[] addresses(String... literals) throws UnknownHostException {
        InetAddress[] out = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            out[i] = InetAddress.getByName(literals[i]);  // IP literals: no DNS
        }
        return out;
    }

    @Test
    void relativeLocationsResolveAgainstTheCurrentUrl() {
        URI base = URI.create("http://example.org/a/b/feed.xml?x=1");

        assertThat(RedirectGuard.resolve(base, "other.xml")).hasToString("http://example.org/a/b/other.xml");
        assertThat(RedirectGuard.resolve(base, "/top.xml")).hasToString("http://example.org/top.xml");
        assertThat(RedirectGuard.resolve(base, "//cdn.example.net/f.xml")).hasToString("http://cdn.example.net/f.xml");
        assertThat(RedirectGuard.resolve(base, "?x=2")).hasToString("http://example.org/a/b/feed.xml?x=2");
        assertThat(RedirectGuard.resolve(URI.create("http://example.org"), "f.xml")).hasToString("http://example.org/f.xml");
        assertThat(RedirectGuard.resolve(base, "/my feed.xml")).hasToString("http://example.org/my%20feed.xml");
    }

    // ---- bodies ----

    @Test
    void gzipBodyIsDecoded() throws Exception {
        byte[] zipped = gzip("<rss>compressed</rss>".getBytes(StandardCharsets.UTF_8));
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            LocalServer.send(ex, 200, "application/rss+xml", zipped);
        });

        HttpResult r = fetcher.fetch(server.uri("/feed.xml"));

        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<rss>compressed</rss>");
        assertThat(server.lastRequestHeaders().getFirst("Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void gzipBombFailsOnTheDecodedSizeWithoutUsingMuchMemory() throws Exception {
        byte[] bomb = gzippedZeros(64);
        assertThat(bomb.length).isLessThan(MIB / 4);
        server.on("/feed.xml", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            LocalServer.send(ex, 200, "application/rss+xml", bomb);
        });
        URI u = server.uri("/feed.xml");
        com.sun.management.ThreadMXBean threads = threadBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> fetcher.fetch(u)).hasMessage(u + ": response larger than 1 MiB");

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).isLessThan(16L * MIB);
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        Object bean = ManagementFactory.getThreadMXBean();
        assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()).isTrue();
        return threads;
    }

    @Test
    void announcedOversizedBodyFailsFast() {
        server.on("/feed.xml", ex -> {
            ex.sendResponseHeaders(200, 2L * MIB);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(new byte[2 * MIB]);
            }
        });
        URI u = server.uri("/feed.xml");

        assertThatThrownBy(() -> fetcher.fetch(u)).hasMessage(u + ": response larger than 1 MiB");
    }

    @Test
    void chunkedOversizedBodyFails() {
        server.on("/feed.xml", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 64; i++) {
                    out.write(new byte[64 * 1024]);  // 4 MiB in all, no length announced
                }
            }
        });
        URI u = server.uri("/feed.xml");

        assertThatThrownBy(() -> fetcher.fetch(u)).hasMessage(u + ": response larger than 1 MiB");
    }

    @Test
    void bodyOfExactlyTheCapIsAccepted() throws Exception {
        server.on("/feed.xml", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(new byte[MIB]);
            }
        });

        assertThat(fetcher.fetch(server.uri("/feed.xml")).body()).hasSize(MIB);
    }

    // ---- time ----

    @Test
    void slowDripBodyFailsAtTheDeadline() {
        server.on("/feed.xml", HttpFetcherTest::drip);
        URI u = server.uri("/feed.xml");
        long start = System.nanoTime();

        assertThatThrownBy(() -> fetcher.fetch(u)).hasMessage(u + ": timed out after 2 s");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void slowHeadersFailAtTheDeadline() {
        server.on("/feed.xml", ex -> {
            sleep(10_000);
            LocalServer.send(ex, 200, "text/xml", "<rss/>");
        });
        URI u = server.uri("/feed.xml");
        long start = System.nanoTime();

        assertThatThrownBy(() -> fetcher.fetch(u)).hasMessage(u + ": timed out after 2 s");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void interruptedFetchFailsAndKeepsTheInterruptFlag() throws Exception {
        server.on("/feed.xml", HttpFetcherTest::drip);
        URI u = server.uri("/feed.xml");
        AtomicReference<String> message = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                fetcher.fetch(u);
                message.set("no failure");
            } catch (SourceException e) {
                message.set(e.getMessage());
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        t.start();
        Thread.sleep(700);
        t.interrupt();
        t.join(3000);

        assertThat(message.get()).isEqualTo(u + ": interrupted");
        assertThat(flag.get()).isTrue();
    }

    /** Sends one byte every 500 ms, for at most 20 s or until the client leaves. */
    private static void drip(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        for (int i = 0; i < 40 && !Thread.currentThread().isInterrupted(); i++) {
            out.write('<');
            out.flush();
            sleep(500);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- connections and requests ----

    @Test
    void connectionRefusedFails() throws IOException {
        HttpServer gone = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int port = gone.getAddress().getPort();
        gone.start();
        gone.stop(0);  // closes the listening socket only once started
        URI u = URI.create("http://127.0.0.1:" + port + "/feed.xml");

        assertThatThrownBy(() -> fetcher.fetch(u)).hasMessage(u + ": connection refused");
    }

    @Test
    void sendsUserAgentAndAcceptHeaders() throws Exception {
        server.on("/feed.xml", ex -> LocalServer.send(ex, 200, "text/xml", "<rss/>"));

        fetcher.fetch(server.uri("/feed.xml"));

        assertThat(server.lastRequestHeaders().getFirst("User-Agent")).contains("Tidings");
        assertThat(server.lastRequestHeaders().getFirst("Accept")).startsWith("application/rss+xml");
        assertThat(server.lastRequestHeaders().getFirst("If-None-Match")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1:PORT/feed.xml", "file:///etc/passwd", "http:feed.xml", "/feed.xml",
        "http:///feed.xml", "gopher://127.0.0.1:PORT/"})
    void nonHttpUrlsAreRefusedWithoutConnecting(String raw) {
        URI u = URI.create(raw.replace("PORT", Integer.toString(server.port())));

        assertThatThrownBy(() -> fetcher.fetch(u)).hasMessage(u + ": only http and https URLs can be fetched");
        assertThat(server.hits()).isZero();
    }

    @Test
    void oneFetcherServesSeveralThreads() throws Exception {
        server.on("/feed.xml", ex -> LocalServer.send(ex, 200, "text/xml", ex.getRequestURI().getQuery()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> jobs = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                URI u = server.uri("/feed.xml?n=" + i);
                jobs.add(() -> new String(fetcher.fetch(u).body(), StandardCharsets.UTF_8));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(jobs)) {
                bodies.add(f.get());
            }
            assertThat(bodies).hasSize(32).doesNotHaveDuplicates().allMatch(b -> b.startsWith("n="));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- messages ----

    @Test
    void messagesAreOneCleanLine() {
        assertThat(HttpFailures.clean("http://x/\u001b[31mred\r\n\u202e\u0085")).isEqualTo("http://x/[31mred");
        assertThat(HttpFailures.clean("http://user:secret@x/feed")).isEqualTo("http://user:***@x/feed");
        assertThat(HttpFailures.clean("http://x/" + "a".repeat(500))).hasSize(203).endsWith("...");
    }

    /** {@code mib} MiB of zeros, gzipped (about 1000:1), without holding them in memory. */
    private static byte[] gzippedZeros(int mib) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] zeros = new byte[MIB];
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 64 * 1024)) {
            for (int i = 0; i < mib; i++) {
                out.write(zeros);
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 64 * 1024)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
