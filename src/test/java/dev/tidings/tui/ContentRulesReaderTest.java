package dev.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.app.FeedLoader;
import dev.tidings.app.Headline;
import dev.tidings.app.IgnoreRules;
import dev.tidings.app.LoadedFeed;
import dev.tidings.feed.Detail;
import dev.tidings.model.Feed;
import dev.tidings.model.Item;
import dev.tidings.rules.Rule;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An ignore rule on {@code content} in the subscriptions reader, whose entries start without
 * bodies: each feed's bodies are checked once they are parsed, and what they hide stays hidden.
 */
class ContentRulesReaderTest {
    private static final String SOURCE = "https://news.example.org/feed.xml";

    /** The sample's items, the second one sponsored, as full items and as headline-only entries. */
    private final Map<String, Item> full = new HashMap<>();
    private String sponsoredTitle;

    private List<Headline> headlineOnly() throws Exception {
        LoadedFeed sample = FeedLoader.loadSample(Detail.FULL);
        List<Item> items = sample.feed().items();
        List<Item> bare = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            String body = (i == 1 ? "<p>Sponsored content from our partners.</p>" : "") + it.bodyHtml();
            full.put(it.id(), new Item(it.id(), it.title(), it.link(), it.published(), it.updated(), it.authors(),
                    it.categories(), "", body, it.enclosures(), it.images()));
            bare.add(new Item(it.id(), it.title(), it.link(), it.published(), it.updated(), it.authors(),
                    it.categories(), "", "", List.of(), List.of()));
            if (i == 1) {
                sponsoredTitle = it.title();
            }
        }
        Feed f = sample.feed();
        Feed headlines = new Feed(f.format(), f.title(), f.link(), f.description(), f.image(), bare);
        return FeedLoader.headlines(List.of(new LoadedFeed(SOURCE, headlines, null, true)));
    }

    private static List<String> titles(ReaderState s) {
        return s.visible().stream().map(e -> e.item().title()).toList();
    }

    private ReaderState state(String rule, Map<String, Item> bodies) throws Exception {
        ReaderState s = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
        s.setSize(100, 30);
        s.settings().setRules(IgnoreRules.of(List.of(new IgnoreRules.Ignore("*", Rule.parse(rule)))), List.of(),
                SortOrder.DATE_DESC);
        s.settings().setBodies(e -> bodies.get(e.item().id()));
        return s;
    }

    @Test
    void aContentRuleHidesAnArticleOnceItsFeedsBodiesAreReadAndKeepsItHidden() throws Exception {
        Map<String, Item> loaded = new HashMap<>(); // the body cache: empty at start
        ReaderState s = state("content =~ \"sponsored\"", loaded);
        s.setEntries(headlineOnly());
        assertThat(titles(s)).contains(sponsoredTitle); // no bodies yet: nothing to decide on
        assertThat(s.nextBodiesToCheck()).isEqualTo(SOURCE);

        loaded.putAll(full); // the feed was parsed in the background
        s.bodyLoaded(SOURCE, null);
        assertThat(titles(s)).doesNotContain(sponsoredTitle).hasSize(full.size() - 1);
        assertThat(s.nextBodiesToCheck()).isNull();

        loaded.clear(); // the parsed feed left the body cache; the next merge still hides it
        s.setEntries(headlineOnly());
        assertThat(titles(s)).doesNotContain(sponsoredTitle).hasSize(full.size() - 1);

        s.feedReloaded(SOURCE); // a refresh: its new articles are checked again
        assertThat(s.nextBodiesToCheck()).isEqualTo(SOURCE);
        s.bodyLoaded(SOURCE, "cannot read the cached copy"); // unreadable: checked, nothing more hidden
        assertThat(s.nextBodiesToCheck()).isNull();
        assertThat(titles(s)).doesNotContain(sponsoredTitle);
    }

    @Test
    void rulesThatDoNotReadContentNeedNoBodies() throws Exception {
        ReaderState s = state("title =~ \"telescope\"", new HashMap<>());
        s.setEntries(headlineOnly());
        assertThat(s.nextBodiesToCheck()).isNull();
        assertThat(titles(s)).noneMatch(t -> t.contains("telescope"));
    }
}
