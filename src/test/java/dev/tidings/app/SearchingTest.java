package dev.tidings.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.search.Hit;
import dev.tidings.search.SearchIndex;
import dev.tidings.store.FeedCache;
import dev.tidings.subs.Subscription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index follows the feed cache: refreshed feeds, renamed and unsubscribed ones (issue #13). */
class SearchingTest {
    static final String URL = "https://harbour.example/feed.xml";

    @TempDir
    Path tmp;

    private static byte[] rss(String... titles) {
        StringBuilder sb = new StringBuilder("<rss version='2.0'><channel><title>Harbour</title>");
        for (String t : titles) {
            sb.append("<item><guid isPermaLink='false'>").append(t).append("</guid><title>").append(t)
                    .append("</title></item>");
        }
        return sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> ids(SearchIndex.Results r) {
        return r.hits().stream().map(Hit::id).toList();
    }

    @Test
    void aRefreshedFeedIsReindexedAndItsVanishedArticlesLeave() throws IOException {
        FeedCache cache = new FeedCache(tmp);
        Searching searching = new Searching(cache, new SearchIndex(tmp.resolve("search")));
        List<Subscription> subs = List.of(new Subscription(URL));
        cache.putBody(URL, rss("Ferry news", "Pier opens"), "application/rss+xml", URL, null, null, Instant.now());
        assertThat(searching.catchUp(subs)).isEqualTo(1);
        assertThat(searching.catchUp(subs)).isZero(); // current: nothing rewritten
        assertThat(ids(searching.search("ferry", subs, 10))).containsExactly("Ferry news");

        cache.putBody(URL, rss("Pier opens", "Storm warning"), "application/rss+xml", URL, null, null, Instant.now());
        searching.afterRefresh(List.of(new Refresher.Result(URL, Refresher.Status.UPDATED, "", null, 2)), subs);
        assertThat(searching.search("ferry", subs, 10).total()).isZero();
        assertThat(ids(searching.search("storm", subs, 10))).containsExactly("Storm warning");
        assertThat(searching.catchUp(subs)).isZero();
    }

    @Test
    void aRenameReindexesAndAnUnsubscribedFeedLeaves() throws IOException {
        FeedCache cache = new FeedCache(tmp);
        Searching searching = new Searching(cache, new SearchIndex(tmp.resolve("search")));
        cache.putBody(URL, rss("Ferry news"), "application/rss+xml", URL, null, null, Instant.now());
        List<Subscription> subs = List.of(new Subscription(URL));
        searching.catchUp(subs);
        assertThat(searching.search("feed:harbour", subs, 10).total()).isEqualTo(1);
        List<Subscription> renamed = List.of(new Subscription(URL).withName("Morning Boat"));
        assertThat(searching.catchUp(renamed)).isEqualTo(1);
        assertThat(searching.search("feed:morning", renamed, 10).total()).isEqualTo(1);
        searching.catchUp(List.of());
        assertThat(Files.exists(searching.index().file(URL))).isFalse();
    }
}
