package dev.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.app.Headline;
import dev.tidings.app.FeedLoader;
import dev.tidings.app.LoadedFeed;
import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import dev.tidings.model.Feed;
import dev.tidings.model.Item;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feed list as a pane above the headline list (subscriptions, windows of 20 rows and more). */
class SplitPaneTest {
    static final String HARBOUR = "https://harbour.example/feed.xml";
    static final String VALLEY = "https://valley.example/feed.xml";

    /** The sample's articles shared out between two feeds: odd ones to the first, even ones to the second. */
    static List<Headline> twoFeeds() {
        LoadedFeed sample;
        try {
            sample = FeedLoader.loadSample(Detail.FULL);
        } catch (FeedException e) {
            throw new AssertionError(e);
        }
        List<Item> a = new ArrayList<>();
        List<Item> b = new ArrayList<>();
        List<Item> items = sample.feed().items();
        for (int i = 0; i < items.size(); i++) {
            (i % 2 == 0 ? a : b).add(items.get(i));
        }
        Feed f = sample.feed();
        LoadedFeed harbour = new LoadedFeed(HARBOUR, new Feed(f.format(), "Harbour Daily", f.link(), "", null, a),
                URI.create(HARBOUR));
        LoadedFeed valley = new LoadedFeed(VALLEY, new Feed(f.format(), "Valley Courier", f.link(), "", null, b),
                URI.create(VALLEY));
        return FeedLoader.headlines(List.of(harbour, valley));
    }

    static List<FeedRow> rows() {
        return List.of(new FeedRow(HARBOUR, "Harbour Daily", List.of(), null, ""),
                new FeedRow(VALLEY, "Valley Courier", List.of("local"), null, ""));
    }

    static ReaderState state(int w, int h) {
        ReaderState s = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
        s.setSize(w, h);
        s.setFeedRows(rows());
        s.setEntries(twoFeeds());
        return s;
    }

    @Test
    void aTallWindowSplitsAShortOneTakesTurns() {
        ReaderState tall = state(80, 24);
        assertThat(tall.screen()).isEqualTo(Action.Screen.FEEDS);
        assertThat(tall.split()).isTrue();
        // All feeds, Harbour Daily, the "local" group and Valley Courier in it: 4 rows of the 22
        assertThat(tall.feedList().rows()).hasSize(4);
        assertThat(tall.feedPaneRows()).isEqualTo(4);
        assertThat(tall.headlineRows()).isEqualTo(22 - 4 - 1);
        assertThat(tall.headlineOrigin()).isEqualTo(1 + 4 + 1);

        ReaderState small = state(80, ReaderState.SPLIT_MIN_HEIGHT - 1);
        assertThat(small.split()).isFalse();
        assertThat(small.feedPaneRows()).isEqualTo(small.rows());
        Samples.keys(small, "Tab");
        assertThat(small.screen()).isEqualTo(Action.Screen.LIST);
        assertThat(small.split()).isFalse();
        assertThat(small.headlineOrigin()).isEqualTo(1);
    }

    @Test
    void theLowerPaneFollowsTheFeedListSelection() {
        ReaderState s = state(80, 24);
        assertThat(s.feedList().preview()).hasSize(s.totalEntries()); // "All feeds"
        Samples.keys(s, "j");
        assertThat(s.feedList().preview()).isNotEmpty().allMatch(e -> e.feed().source().equals(HARBOUR));
        Samples.keys(s, "j"); // the "local" tag
        assertThat(s.feedList().preview()).isNotEmpty().allMatch(e -> e.feed().source().equals(VALLEY));
        Samples.keys(s, "j");
        assertThat(s.feedList().preview()).isNotEmpty().allMatch(e -> e.feed().source().equals(VALLEY));
        assertThat(s.screen()).isEqualTo(Action.Screen.FEEDS);
    }

    @Test
    void tabMovesTheFocusBetweenThePanesAndBack() {
        ReaderState s = state(80, 24);
        Samples.keys(s, "j", "Tab");
        assertThat(s.screen()).isEqualTo(Action.Screen.LIST);
        assertThat(s.split()).isTrue();
        assertThat(s.visible()).isNotEmpty().allMatch(e -> e.feed().source().equals(HARBOUR));
        Samples.keys(s, "j");
        assertThat(s.selected()).isEqualTo(1);
        Samples.keys(s, "Tab");
        assertThat(s.screen()).isEqualTo(Action.Screen.FEEDS);
        assertThat(s.feedList().selected()).isEqualTo(1); // the feed list kept its place
        Samples.keys(s, "Enter");
        assertThat(s.screen()).isEqualTo(Action.Screen.LIST);
        Samples.keys(s, "q");
        assertThat(s.screen()).isEqualTo(Action.Screen.FEEDS);
        assertThat(s.quitRequested()).isFalse();
    }

    @Test
    void anArticleUsesTheWholeWindowAndBackRestoresTheSplit() {
        ReaderState s = state(80, 24);
        Samples.keys(s, "Tab", "Enter");
        assertThat(s.screen()).isEqualTo(Action.Screen.ARTICLE);
        assertThat(s.split()).isFalse();
        assertThat(s.rows()).isEqualTo(22);
        Samples.keys(s, "q");
        assertThat(s.screen()).isEqualTo(Action.Screen.LIST);
        assertThat(s.split()).isTrue();
    }

    @Test
    void theSelectedHeadlineStaysInsideTheLowerPane() {
        ReaderState s = state(80, 20);
        Samples.keys(s, "Tab", "G");
        int rows = s.headlineRows();
        assertThat(s.selected()).isEqualTo(s.visible().size() - 1);
        assertThat(s.selected() - s.listTop()).isBetween(0, rows - 1);
        Samples.keys(s, "g");
        assertThat(s.listTop()).isZero();
    }

    @Test
    void withoutSubscriptionsTabSaysWhatItIsFor() {
        ReaderState s = Samples.state(80, 24);
        Samples.keys(s, "Tab");
        assertThat(s.screen()).isEqualTo(Action.Screen.LIST);
        assertThat(s.split()).isFalse();
        assertThat(s.statusText()).contains("Tab switches");
    }

    @Test
    void unreadOnlyAppliesToThePreview() {
        ReaderState s = state(80, 24);
        int all = s.feedList().preview().size();
        Samples.keys(s, "Tab", "Enter", "q", "Tab"); // read the first article, back to the feed list
        Samples.keys(s, "u");
        assertThat(s.feedList().preview()).hasSize(all - 1);
    }
}
