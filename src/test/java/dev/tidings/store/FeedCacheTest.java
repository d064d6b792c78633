package dev.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedCacheTest {
    private static final String URL = "https://example.org/feed.xml";
    private static final Instant T0 = Instant.parse("2025-06-03T10:00:00Z");
    private static final byte[] RSS = "<rss version=\"2.0\"><channel><title>A</title></channel></rss>"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> names(FeedCache cache) throws Exception {
        try (Stream<Path> s = Files.list(cache.dir())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void putThenGetRoundTripsEveryField() throws Exception {
        FeedCache cache = new FeedCache(tmp);
        cache.putBody(URL, RSS, "application/rss+xml", "https://example.org/final.xml", "\"v1\"",
                "Tue, 03 Jun 2025 10:00:00 GMT", T0);

        CachedFeed c = new FeedCache(tmp).get(URL).orElseThrow();
        CacheMeta e = c.meta(); // a fresh instance: read from disk
        assertThat(e.url()).isEqualTo(URL);
        assertThat(c.body()).isEqualTo(RSS);
        assertThat(e.contentType()).isEqualTo("application/rss+xml");
        assertThat(e.finalUrl()).isEqualTo("https://example.org/final.xml");
        assertThat(e.etag()).isEqualTo("\"v1\"");
        assertThat(e.lastModified()).isEqualTo("Tue, 03 Jun 2025 10:00:00 GMT");
        assertThat(e.fetchedAt()).isEqualTo(T0);
        assertThat(e.status()).isEqualTo(CacheStatus.OK);
        assertThat(e.error()).isNull();
        assertThat(e.retryAfterUntil()).isNull();
    }

    @Test
    void filesAreNamedByTheUrlHashAndNoTempFileIsLeft() throws Exception {
        FeedCache cache = new FeedCache(tmp);
        String key = FeedCache.key(URL);
        assertThat(key).hasSize(32).matches("[0-9a-f]{32}");
        cache.putBody(URL, RSS, null, URL, null, null, T0);
        assertThat(names(cache)).containsExactly(key + ".meta.json", key + ".xml");

        cache.putBody(URL, bytes(" {\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}"),
                "application/feed+json", URL, null, null, T0);
        assertThat(names(cache)).containsExactly(key + ".json", key + ".meta.json"); // the old .xml is gone
        assertThat(Files.readString(cache.metaFile(URL))).contains("\"url\" : \"" + URL + "\"");
    }

    @Test
    void bodyHashNamesTheCachedBodyWithoutReadingIt() throws Exception {
        FeedCache cache = new FeedCache(tmp);
        assertThat(cache.bodyHash(URL)).isEmpty();
        cache.markError(URL, "no body yet", null);
        assertThat(cache.bodyHash(URL)).isEmpty();
        cache.putBody(URL, RSS, "text/xml", URL, null, null, T0);
        assertThat(cache.bodyHash(URL)).contains(java.util.HexFormat.of().formatHex(FeedCache.sha256(RSS)));
    }

    @Test
    void missingEntryIsEmpty() {
        assertThat(new FeedCache(tmp).get(URL)).isEmpty();
    }

    @Test
    void touchKeepsTheBodyAndUpdatesValidators() throws Exception {
        FeedCache cache = new FeedCache(tmp);
        cache.putBody(URL, RSS, "text/xml", URL, "\"v1\"", "LM1", T0);
        cache.markError(URL, "boom", null);
        cache.touch(URL, T0.plusSeconds(60));
        CachedFeed c = cache.get(URL).orElseThrow();
        CacheMeta e = c.meta();
        assertThat(c.body()).isEqualTo(RSS);
        assertThat(e.fetchedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(e.status()).isEqualTo(CacheStatus.OK);
        assertThat(e.error()).isNull();
        assertThat(e.etag()).isEqualTo("\"v1\"");

        cache.touch(URL, "\"v2\"", null, T0.plusSeconds(120));
        assertThat(cache.get(URL).orElseThrow().meta().etag()).isEqualTo("\"v2\"");
        assertThat(cache.get(URL).orElseThrow().meta().lastModified()).isEqualTo("LM1");
    }

    @Test
    void touchWithoutAnEntryDoesNothing() throws Exception {
        FeedCache cache = new FeedCache(tmp);
        cache.touch(URL, T0);
        assertThat(cache.get(URL)).isEmpty();
    }

    @Test
    void markErrorKeepsTheOldBodyAndStoresRetryAfter() throws Exception {
        FeedCache cache = new FeedCache(tmp);
        cache.putBody(URL, RSS, "text/xml", URL, "\"v1\"", null, T0);
        Instant until = T0.plusSeconds(3600);
        cache.markError(URL, URL + ": HTTP 429 Too Many Requests", until);
        CachedFeed c = cache.get(URL).orElseThrow();
        CacheMeta e = c.meta();
        assertThat(c.body()).isEqualTo(RSS);
        assertThat(e.etag()).isEqualTo("\"v1\"");
        assertThat(e.fetchedAt()).isEqualTo(T0);
        assertThat(e.status()).isEqualTo(CacheStatus.ERROR);
        assertThat(e.error()).isEqualTo(URL + ": HTTP 429 Too Many Requests");
        assertThat(e.retryAfterUntil()).isEqualTo(until);
    }

    @Test
    void markErrorWithoutABodyStillRemembersTheRetryTime() throws Exception {
        FeedCache cache = new FeedCache(tmp);
        cache.markError(URL, "deferred", T0.plusSeconds(10));
        assertThat(cache.get(URL)).as("no body: nothing to read").isEmpty();
        CacheMeta e = cache.meta(URL).orElseThrow();
        assertThat(e.hasBody()).isFalse();
        assertThat(e.retryAfterUntil()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void markGoneKeepsTheBody() throws Exception {
        FeedCache cache = new FeedCache(tmp);
        cache.putBody(URL, RSS, "text/xml", URL, null, null, T0);
        cache.markGone(URL, T0.plusSeconds(5));
        CachedFeed c = cache.get(URL).orElseThrow();
        CacheMeta e = c.meta();
        assertThat(e.status()).isEqualTo(CacheStatus.GONE);
        assertThat(c.body()).isEqualTo(RSS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\u0000\u0000\u0000", "{\"url\": \"https://example.org/feed.xml\", \"sta",
            "[1,2]", "null", "{\"url\":\"https://other.example/\",\"status\":\"ok\"}",
            "{\"url\":\"https://example.org/feed.xml\",\"status\":\"weird\"}",
            "{\"url\":\"https://example.org/feed.xml\",\"status\":\"ok\",\"fetchedAt\":\"yesterday\"}",
            "{\"url\":\"https://example.org/feed.xml\",\"status\":\"ok\",\"bodyFile\":\"../../etc/passwd\"}"})
    void aCorruptMetaIsAMiss(String meta) throws Exception {
        FeedCache cache = new FeedCache(tmp);
        cache.putBody(URL, RSS, "text/xml", URL, "\"v1\"", null, T0);
        Files.writeString(cache.metaFile(URL), meta);
        assertThat(cache.get(URL)).isEmpty();
        // and the next successful fetch repairs it
        cache.putBody(URL, RSS, "text/xml", URL, "\"v2\"", null, T0);
        assertThat(cache.get(URL).orElseThrow().meta().etag()).isEqualTo("\"v2\"");
    }

    @Test
    void aBodyThatDoesNotMatchItsMetaIsAMiss() throws Exception {
        // as left by a writer killed between renaming its body and writing its meta
        FeedCache cache = new FeedCache(tmp);
        cache.putBody(URL, RSS, "text/xml", URL, "\"v1\"", null, T0);
        Path body = cache.dir().resolve(FeedCache.key(URL) + ".xml");
        Files.writeString(body, "<rss version=\"2.0\"><channel><title>B</title></channel></rss>");
        assertThat(cache.get(URL)).isEmpty();
        Files.delete(body);
        assertThat(cache.get(URL)).isEmpty();
    }

    @Test
    void staleTempFilesAreSweptButFreshOnesLeftAlone() throws Exception {
        FeedCache cache = new FeedCache(tmp);
        Files.createDirectories(cache.dir());
        Path stale = Files.writeString(cache.dir().resolve(".abc.xml.123.tmp"), "half a bo");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(7200)));
        Path fresh = Files.writeString(cache.dir().resolve(".def.xml.456.tmp"), "being written");
        // not ours: no leading dot, or a directory that happens to match the pattern
        Path foreign = Files.writeString(cache.dir().resolve("notes.tmp"), "mine");
        Path foreignDir = Files.createDirectory(cache.dir().resolve(".old.tmp"));
        for (Path p : List.of(foreign, foreignDir)) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(7200)));
        }
        cache.putBody(URL, RSS, null, URL, null, null, T0);
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(foreign).hasContent("mine");
        assertThat(foreignDir).isDirectory();
    }

    @Test
    void twoProcessesWritingAtOnceNeverShowAMismatchedBody() throws Exception {
        // two instances share no locks, like two Tidings processes
        FeedCache a = new FeedCache(tmp);
        FeedCache b = new FeedCache(tmp);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean stop = new AtomicBoolean();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (FeedCache c : List.of(a, b)) {
                String who = c == a ? "a" : "b";
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        String title = who + i;
                        byte[] body = bytes("<rss version=\"2.0\"><channel><title>" + title
                                + "</title></channel></rss>" + "x".repeat(i * 50));
                        c.putBody(URL, body, "text/xml", URL, "\"" + title + "\"", null, T0);
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                int hits = 0;
                while (!stop.get()) {
                    Optional<CachedFeed> e = new FeedCache(tmp).get(URL);
                    if (e.isPresent()) {
                        hits++;
                        String body = new String(e.get().body(), StandardCharsets.UTF_8);
                        String tag = e.get().meta().etag().replace("\"", "");
                        if (!body.contains("<title>" + tag + "</title>")) {
                            problems.add("etag " + tag + " with body " + body.substring(0, 60));
                        }
                    }
                }
                return hits;
            });
            for (Future<?> w : writers) {
                w.get(30, TimeUnit.SECONDS);
            }
            stop.set(true);
            assertThat((Integer) reader.get(5, TimeUnit.SECONDS)).isPositive();
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        assertThat(problems).isEmpty();
        assertThat(a.get(URL)).isPresent(); // the last writer's body and meta agree
        try (Stream<Path> s = Files.list(a.dir())) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList()).isEmpty();
        }
    }
}
