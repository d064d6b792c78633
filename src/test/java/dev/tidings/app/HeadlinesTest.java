package dev.tidings.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.feed.Detail;
import dev.tidings.feed.Feeds;
import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import dev.tidings.store.FeedCache;
import dev.tidings.subs.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge of many feeds' headlines, and subscriptions started from the cache's headline index. */
class HeadlinesTest {
    @TempDir
    Path tmp;

    private static final String URL = "https://example.org/feed.xml";
    private static final byte[] RSS = ("<rss version=\"2.0\"><channel><title>Harbour News</title>"
            + "<item><title>First</title><link>https://example.org/1</link><guid>g1</guid>"
            + "<pubDate>Tue, 03 Jun 2025 10:00:00 GMT</pubDate><description>&lt;p&gt;Body one&lt;/p&gt;</description></item>"
            + "<item><title>Second</title><link>https://example.org/2</link><guid>g2</guid>"
            + "<description>Body two</description></item></channel></rss>").getBytes(StandardCharsets.UTF_8);

    /** What headlines() did before the primitive-key merge: a stable sort, newest first, undated last. */
    private static List<Headline> bySort(List<LoadedFeed> feeds) {
        List<Headline> raw = new ArrayList<>();
        for (LoadedFeed f : feeds) {
            for (Item i : f.feed().items()) {
                raw.add(new Headline(0, f, i));
            }
        }
        raw.sort(Comparator.comparing((Headline e) -> e.item().date(), Comparator.nullsLast(Comparator.reverseOrder())));
        List<Headline> out = new ArrayList<>();
        for (Headline e : raw) {
            out.add(new Headline(out.size() + 1, e.feed(), e.item()));
        }
        return out;
    }

    private static List<LoadedFeed> randomFeeds(Random r, boolean subMillis) {
        List<LoadedFeed> feeds = new ArrayList<>();
        Instant base = Instant.parse("2025-06-03T10:00:00Z");
        for (int f = 0; f < 7; f++) {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Instant d = r.nextInt(5) == 0 ? null : base.plusSeconds(r.nextInt(20) * 60L);
                if (d != null && r.nextBoolean()) {
                    d = d.plusMillis(r.nextInt(3));
                }
                if (d != null && subMillis && r.nextInt(10) == 0) {
                    d = d.plusNanos(r.nextInt(999_999) + 1);
                }
                Instant published = r.nextBoolean() ? d : null;
                Instant updated = published == null ? d : null;
                items.add(new Item("f" + f + "-" + i, "t", "", published, updated, List.of(), List.of(), "", "",
                        List.of(), List.of()));
            }
            feeds.add(new LoadedFeed("feed-" + f, new Feed(FeedFormat.RSS_20, "F" + f, "", "", "", items), null));
        }
        return feeds;
    }

    @Test
    void theMergeKeepsTheComparatorsOrderWithTiesAndUndatedItems() {
        Random r = new Random(7);
        for (int round = 0; round < 50; round++) {
            List<LoadedFeed> feeds = randomFeeds(r, round % 2 == 1);
            assertThat(FeedLoader.headlines(feeds)).isEqualTo(bySort(feeds));
        }
        assertThat(FeedLoader.headlines(List.of())).isEmpty();
    }

    @Test
    void aSubscriptionStartsFromItsIndexAndFallsBackToParsingItsBody() throws Exception {
        Subscribed sub = new Subscribed(tmp.resolve("urls"), tmp.resolve("cache"), () -> null);
        Subscription s = new Subscription(URL, "", List.of("news"));
        FeedCache cache = sub.cache();
        Feed headlines = Feeds.parse(RSS, null, java.net.URI.create(URL), Detail.HEADLINES);

        // cached by an older Tidings: no index; quick gives none, a full start parses and writes it
        cache.putBody(URL, RSS, "application/rss+xml", null, null, null, Instant.now());
        Subscribed.Headlines quick = sub.headlines(s, true);
        assertThat(quick.meta()).isNotNull();
        assertThat(quick.feed()).isNull();
        Subscribed.Headlines parsed = sub.headlines(s, false);
        assertThat(parsed.feed().headlinesOnly()).isTrue();
        assertThat(parsed.feed().feed().items()).extracting(Item::id).containsExactly("g1", "g2");
        assertThat(parsed.feed().feed().items().get(0).bodyHtml()).isEmpty();
        Subscribed.Headlines indexed = sub.headlines(s, true); // the index was written
        assertThat(indexed.feed().feed()).isEqualTo(parsed.feed().feed());
        assertThat(indexed.feed().feed().title()).isEqualTo("Harbour News");

        // the refresher's write: body and index together; the full copy has the bodies
        cache.putBody(URL, RSS, "application/rss+xml", null, null, null, Instant.now(), headlines);
        assertThat(sub.headlines(s, true).feed().feed().items()).isEqualTo(headlines.items());
        LoadedFeed full = sub.cached(s);
        assertThat(full.headlinesOnly()).isFalse();
        assertThat(full.feed().items().get(0).bodyHtml()).contains("Body one");

        // a damaged index: quick gives none, the full start parses the body again and never throws
        Path idx;
        try (var files = Files.list(cache.dir())) {
            idx = files.filter(p -> p.toString().endsWith(".idx")).findFirst().orElseThrow();
        }
        Files.write(idx, new byte[] {'T', 'I', 'D', 'X', 1, 2, 3});
        assertThat(sub.headlines(s, true).feed()).isNull();
        assertThat(sub.headlines(s, false).feed().feed().items()).hasSize(2);

        // a name given by the user wins over the feed's title, from the index too
        Subscription named = new Subscription(URL, "My harbour", List.of());
        assertThat(sub.headlines(named, true).feed().feed().title()).isEqualTo("My harbour");
        assertThat(sub.headlines(new Subscription("https://example.org/none.xml"), false).meta()).isNull();
    }
}
