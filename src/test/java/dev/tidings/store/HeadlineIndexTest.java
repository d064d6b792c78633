package dev.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlineIndexTest {
    private static final String URL = "https://example.org/feed.xml";
    private static final Instant T0 = Instant.parse("2025-06-03T10:00:00Z");

    @TempDir
    Path tmp;

    private static Item item(String id, String title, String link, Instant published, Instant updated,
                             List<String> authors, List<String> categories) {
        return new Item(id, title, link, published, updated, authors, categories, "", "", List.of(), List.of());
    }

    private static Feed feed() {
        List<Item> items = new ArrayList<>();
        items.add(item("a-1", "Harbour reopens", "https://example.org/a-1", T0, null, List.of("Desk"), List.of("City")));
        items.add(item("a-2", "Ночные трамваи 夜间电车 🚋", "", null, Instant.parse("2025-06-03T09:00:00.123456789Z"),
                List.of(), List.of()));
        items.add(item("a-3", "", "https://example.org/a-3", Instant.ofEpochSecond(-86_400L * 365 * 100), null,
                List.of("A", "B"), List.of("x", "y", "z")));
        items.add(item("a-1", "Duplicate id", "https://example.org/dup", T0, T0, List.of(), List.of()));
        return new Feed(FeedFormat.ATOM_10, "Example News", "https://example.org/", "Local news", "https://example.org/i.png",
                items);
    }

    private static byte[] sha(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    @Test
    void roundTripsEveryHeadlineField() throws Exception {
        byte[] body = "<feed/>".getBytes(StandardCharsets.UTF_8);
        Feed f = feed();
        Feed back = HeadlineIndex.read(HeadlineIndex.write(f, body.length, sha(body)), body.length, sha(body));
        assertThat(back).isEqualTo(f); // bodies, enclosures and images are empty on both sides
    }

    @Test
    void anIndexOfAnotherBodyIsStale() throws Exception {
        byte[] body = "<feed/>".getBytes(StandardCharsets.UTF_8);
        byte[] idx = HeadlineIndex.write(feed(), body.length, sha(body));
        byte[] other = "<feed></feed>".getBytes(StandardCharsets.UTF_8);
        assertThat(HeadlineIndex.read(idx, other.length, sha(other))).isNull();
        assertThat(HeadlineIndex.read(idx, body.length + 1, sha(body))).isNull();
        byte[] otherSha = sha(body);
        otherSha[31] ^= 1;
        assertThat(HeadlineIndex.read(idx, body.length, otherSha)).isNull();
    }

    @Test
    void truncatedOrDamagedIndexesAreNullNeverAnException() throws Exception {
        byte[] body = "<feed/>".getBytes(StandardCharsets.UTF_8);
        byte[] idx = HeadlineIndex.write(feed(), body.length, sha(body));
        for (int n = 0; n < idx.length; n++) {
            assertThat(HeadlineIndex.read(Arrays.copyOf(idx, n), body.length, sha(body))).as("cut at %d", n).isNull();
        }
        for (int i = 0; i < idx.length; i++) {
            byte[] bad = idx.clone();
            bad[i] ^= 0x5a;
            assertThat(HeadlineIndex.read(bad, body.length, sha(body))).as("byte %d flipped", i).isNull();
        }
        Random r = new Random(42);
        for (int k = 0; k < 200; k++) {
            byte[] junk = new byte[r.nextInt(300)];
            r.nextBytes(junk);
            if (junk.length > 4) {
                System.arraycopy("TIDX".getBytes(StandardCharsets.US_ASCII), 0, junk, 0, 4);
            }
            assertThat(HeadlineIndex.read(junk, body.length, sha(body))).isNull();
        }
        byte[] padded = Arrays.copyOf(idx, idx.length + 16); // NUL padding after a crash
        assertThat(HeadlineIndex.read(padded, body.length, sha(body))).isNull();
        assertThat(HeadlineIndex.read(null, body.length, sha(body))).isNull();
    }

    @Test
    void hostileTextInAnIndexIsSanitizedWhenRead() throws Exception {
        // someone wrote the index file by hand: escape sequences, bidi overrides, a bare CR, C1 controls
        Item evil = item("id\u001b]52;c;ZXZpbA==\u0007", "\u001b[2J\rBreaking:\u202egnp.exe\u009b31m  now ",
                "https://example.org/\u0000x", null, null, List.of("\u001b]8;;http://evil/\u001b\\Desk"), List.of());
        Feed f = new Feed(FeedFormat.RSS_20, "Feed\u001b[31m red", "", "", "", List.of(evil));
        byte[] body = "<rss/>".getBytes(StandardCharsets.UTF_8);
        Feed back = HeadlineIndex.read(HeadlineIndex.write(f, body.length, sha(body)), body.length, sha(body));
        assertThat(back).isNotNull();
        Item i = back.items().get(0);
        for (String s : List.of(back.title(), i.id(), i.title(), i.link(), i.authors().get(0))) {
            assertThat(s.chars()).as(s).noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e));
        }
        assertThat(i.title()).isEqualTo("Breaking:gnp.exe now");
    }

    @Test
    void theCacheWritesTheIndexWithTheBodyAndDropsItWhenTheBodyChanges() throws Exception {
        FeedCache cache = new FeedCache(tmp);
        byte[] body = "<rss version=\"2.0\"><channel><title>A</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
        cache.putBody(URL, body, "application/rss+xml", null, "\"v1\"", null, T0, feed());
        FeedCache.Headlines h = new FeedCache(tmp).headlines(URL).orElseThrow();
        assertThat(h.headlines()).isEqualTo(feed());
        assertThat(h.meta().fetchedAt()).isEqualTo(T0);
        assertThat(h.meta().hasBody()).isTrue();

        // a 304 rewrites the meta only: the index stays current, the body is not re-read
        cache.touch(URL, "\"v2\"", null, T0.plusSeconds(60));
        h = cache.headlines(URL).orElseThrow();
        assertThat(h.headlines()).isEqualTo(feed());
        assertThat(h.meta().etag()).isEqualTo("\"v2\"");
        assertThat(cache.get(URL).orElseThrow().body()).isEqualTo(body);

        // an error keeps body and index
        cache.markError(URL, "boom", null);
        assertThat(cache.headlines(URL).orElseThrow().headlines()).isEqualTo(feed());
        assertThat(cache.get(URL).orElseThrow().body()).isEqualTo(body);

        // a new body without headlines (an older writer): the old index must not be used
        byte[] body2 = "<rss version=\"2.0\"><channel><title>B</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
        cache.putBody(URL, body2, null, null, null, null, T0);
        h = cache.headlines(URL).orElseThrow();
        assertThat(h.headlines()).isNull();
        assertThat(h.meta().hasBody()).isTrue();

        // putIndex for the current body is used; for an old body it is refused
        cache.putIndex(URL, body, feed());
        assertThat(cache.headlines(URL).orElseThrow().headlines()).isNull();
        cache.putIndex(URL, body2, feed());
        assertThat(cache.headlines(URL).orElseThrow().headlines()).isEqualTo(feed());

        // a body swapped under the meta (another process) makes the index stale via the meta's hash
        Files.write(cache.indexFile(URL), new byte[] {'T', 'I', 'D', 'X', 1, 0});
        assertThat(cache.headlines(URL).orElseThrow().headlines()).isNull();
        assertThat(cache.headlines("https://example.org/other.xml")).isEmpty();
    }

    @Test
    void readsInstantsInToStringFormWithoutTheFormatter() {
        for (String s : List.of("2025-06-03T10:00:00Z", "2025-06-03T10:00:00.5Z", "2025-06-03T10:00:00.123456789Z",
                "1969-12-31T23:59:59.999Z", "2024-02-29T00:00:00Z")) {
            assertThat(MetaFile.isoInstant(s)).as(s).isEqualTo(Instant.parse(s));
        }
        for (String s : List.of("2025-02-30T10:00:00Z", "2025-06-03T10:00:00", "2025-06-03 10:00:00Z", "x",
                "+12025-06-03T10:00:00Z", "2025-06-03T10:00:00.Z", "2025-06-03T24:00:00Z")) {
            assertThat(MetaFile.isoInstant(s)).as(s).isNull();
        }
    }
}
