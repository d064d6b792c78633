package dev.tidings.tui;

import static dev.tidings.tui.Samples.keys;
import static dev.tidings.tui.Samples.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.app.Headline;
import dev.tidings.app.FeedLoader;
import dev.tidings.app.Searching;
import dev.tidings.app.Subscribed;
import dev.tidings.feed.Detail;
import dev.tidings.feed.Feeds;
import dev.tidings.store.FeedCache;
import dev.tidings.subs.Subscription;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "/" on the feed list searches every cached article; "/" on a headline list still filters it (issue #13). */
class ReaderSearchTest {
    static final String HARBOUR = "https://harbour.example/feed.xml";
    static final String VALLEY = "https://valley.example/feed.xml";

    @TempDir
    Path tmp;
    Subscribed subscribed;
    List<Subscription> subs;
    List<Headline> headlines;
    ReaderState state;

    private static String rss(String title, String... items) {
        StringBuilder sb = new StringBuilder("<rss version='2.0'><channel><title>" + title + "</title>");
        for (String i : items) {
            sb.append(i);
        }
        return sb.append("</channel></rss>").toString();
    }

    private static String item(String id, String title, String body, int day) {
        return "<item><guid isPermaLink='false'>" + id + "</guid><title>" + title + "</title><pubDate>" + day
                + " Nov 2026 08:00:00 GMT</pubDate><description><![CDATA[" + body + "]]></description></item>";
    }

    @BeforeEach
    void setUp() throws Exception {
        Path cacheDir = tmp.resolve("cache/tidings");
        subscribed = new Subscribed(tmp.resolve("urls"), cacheDir, () -> null);
        FeedCache cache = subscribed.cache();
        String[][] feeds = {
            {HARBOUR, rss("Harbour Daily",
                    item("h1", "Ferry timetable", "<p>The Ciresa sails at nine.</p>", 2),
                    item("h2", "Market day", "<p>Fish and bread.</p>", 3))},
            {VALLEY, rss("Valley Courier",
                    item("v1", "Ciresa comes to the valley", "<p>Crowds.</p>", 1),
                    item("v2", "Snow", "<p>Roads closed.</p>", 4))}};
        subs = new ArrayList<>();
        List<FeedRow> rows = new ArrayList<>();
        for (String[] f : feeds) {
            byte[] body = f[1].getBytes(StandardCharsets.UTF_8);
            cache.putBody(f[0], body, "application/rss+xml", f[0], null, null, Instant.now(),
                    Feeds.parse(body, "application/rss+xml", URI.create(f[0]), Detail.HEADLINES));
            Subscription s = new Subscription(f[0]);
            subs.add(s);
            rows.add(new FeedRow(f[0], f[0], List.of(), null, ""));
        }
        List<dev.tidings.app.LoadedFeed> loaded = new ArrayList<>();
        for (Subscription s : subs) {
            loaded.add(subscribed.headlines(s, false).feed());
        }
        headlines = FeedLoader.headlines(loaded);
        state = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
        state.setSize(100, 30);
        state.setFeedRows(rows);
        state.setEntries(headlines);
    }

    /** Runs the effect the way the reader does: on the search thread, the result back as an event. */
    private void runSearchEffect() throws InterruptedException {
        List<Effect> effects = state.drainEffects();
        assertThat(effects).hasSize(1).first().isInstanceOf(Effect.Search.class);
        Effect.Search e = (Effect.Search) effects.get(0);
        BlockingQueue<ReaderEvent> queue = new LinkedBlockingQueue<>();
        new ReaderSearch(queue, subscribed.searching(), subs, tmp.resolve("collections.json"))
                .search(e.query(), e.headlines(), e.library());
        ReaderEvent done = queue.poll(30, TimeUnit.SECONDS);
        assertThat(done).isInstanceOf(ReaderEvent.Searched.class);
        ReaderEvent.Searched r = (ReaderEvent.Searched) done;
        state.searchDone(r.query(), r.found(), r.error());
    }

    @Test
    void slashOnTheFeedListSearchesBodiesOfEveryFeedAndListsTheResults() throws Exception {
        assertThat(state.screen()).isEqualTo(Action.Screen.FEEDS);
        keys(state, "/");
        assertThat(state.prompt()).isEqualTo(Prompt.SEARCH);
        type(state, "ciresa");
        keys(state, "Enter");
        assertThat(state.statusText()).isEqualTo("Searching…");
        runSearchEffect();
        assertThat(state.screen()).isEqualTo(Action.Screen.LIST);
        assertThat(state.searchShown()).isEqualTo("ciresa");
        // the title match first, then the body match
        assertThat(state.visible()).extracting(e -> e.item().id()).containsExactly("v1", "h1");
        assertThat(state.totalEntries()).isEqualTo(2);
        keys(state, "j", "Enter");
        assertThat(state.screen()).isEqualTo(Action.Screen.ARTICLE);
        assertThat(state.current().item().id()).isEqualTo("h1");
        keys(state, "q");
        assertThat(state.searchShown()).isEqualTo("ciresa");
        keys(state, "q");
        assertThat(state.screen()).isEqualTo(Action.Screen.FEEDS);
        assertThat(state.searchShown()).isNull();
    }

    @Test
    void slashInTheResultsFiltersThemAsInAnyHeadlineList() throws Exception {
        keys(state, "/");
        type(state, "ciresa");
        keys(state, "Enter");
        runSearchEffect();
        keys(state, "/");
        assertThat(state.prompt()).isEqualTo(Prompt.FILTER);
        type(state, "valley");
        assertThat(state.visible()).extracting(e -> e.item().id()).containsExactly("v1");
    }

    @Test
    void nothingFoundShowsAnEmptyListThatSaysSo() throws Exception {
        keys(state, "/");
        type(state, "zeppelin");
        keys(state, "Enter");
        runSearchEffect();
        assertThat(state.searchShown()).isEqualTo("zeppelin");
        assertThat(state.visible()).isEmpty();
        assertThat(state.statusText()).isEqualTo("Nothing matches zeppelin");
    }

    @Test
    void aQueryWithoutWordsIsRefusedWithoutSearching() {
        keys(state, "/");
        type(state, "!!");
        keys(state, "Enter");
        assertThat(state.drainEffects()).isEmpty();
        assertThat(state.statusText()).startsWith("Search: nothing to search for");
    }

    @Test
    void theIndexIsBuiltOnFirstUseNotBefore() throws Exception {
        Searching searching = subscribed.searching();
        assertThat(searching.index().dir()).doesNotExist();
        keys(state, "/");
        type(state, "snow");
        keys(state, "Enter");
        runSearchEffect();
        assertThat(state.visible()).extracting(e -> e.item().id()).containsExactly("v2");
        assertThat(searching.index().dir()).isDirectory();
    }
}
