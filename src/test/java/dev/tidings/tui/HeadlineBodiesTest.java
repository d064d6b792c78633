package dev.tidings.tui;

import static dev.tidings.tui.Samples.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.app.Headline;
import dev.tidings.app.FeedLoader;
import dev.tidings.app.LoadedFeed;
import dev.tidings.feed.Detail;
import dev.tidings.model.Feed;
import dev.tidings.model.Item;
import dev.tidings.render.Line;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Subscriptions started from the headline index: items without bodies until their feed is parsed. */
class HeadlineBodiesTest {
    private final LoadedFeed full = load();
    private final LoadedFeed headlines = new LoadedFeed(full.source(), new Feed(full.feed().format(), full.feed().title(),
            "", "", "", full.feed().items().stream().map(i -> new Item(i.id(), i.title(), i.link(), i.published(),
                    i.updated(), i.authors(), i.categories(), "", "", List.of(), List.of())).collect(Collectors.toList())),
            full.base(), true);
    private final Map<String, Item> parsed = new HashMap<>();

    private static LoadedFeed load() {
        try {
            return FeedLoader.loadSample(Detail.FULL);
        } catch (dev.tidings.feed.FeedException e) {
            throw new AssertionError(e);
        }
    }

    private ReaderState state() {
        ReaderState s = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
        s.setSize(100, 30);
        s.setEntries(FeedLoader.headlines(List.of(headlines)));
        s.settings().setBodies(e -> parsed.get(e.item().id()));
        return s;
    }

    private static String text(ReaderState s) {
        return s.lines().stream().map(Line::text).collect(Collectors.joining("\n"));
    }

    @Test
    void anArticleWaitsForItsBodyThenShowsIt() {
        ReaderState s = state();
        keys(s, "j");
        Headline selected = s.selectedEntry();
        keys(s, "Enter");
        assertThat(s.screen()).isEqualTo(Action.Screen.ARTICLE);
        assertThat(text(s)).contains("Loading the article");
        List<Effect> effects = s.drainEffects();
        assertThat(effects).filteredOn(e -> e instanceof Effect.LoadBody).hasSize(1);
        assertThat(s.isRead(s.current())).isTrue(); // read-state matching needs no body

        // another feed's bodies change nothing; this feed's show the article where the reader is
        s.bodyLoaded("elsewhere", null);
        assertThat(text(s)).contains("Loading the article");
        for (Item i : full.feed().items()) {
            parsed.put(i.id(), i);
        }
        s.bodyLoaded(full.source(), null);
        Item body = parsed.get(selected.item().id());
        assertThat(text(s)).doesNotContain("Loading the article");
        assertThat(s.lines().size()).isGreaterThan(3);
        assertThat(body.bodyHtml()).isNotEmpty();

        // back in the list, nothing moved; the next article opens at once
        keys(s, "q");
        assertThat(s.selectedEntry()).isSameAs(selected);
        keys(s, "j", "Enter");
        assertThat(text(s)).doesNotContain("Loading the article");
        assertThat(s.drainEffects()).noneMatch(e -> e instanceof Effect.LoadBody);
    }

    @Test
    void aBodyThatCannotBeReadSaysSoInsteadOfWaitingForever() {
        ReaderState s = state();
        keys(s, "Enter");
        s.bodyLoaded(full.source(), "no cached copy of <feed>");
        assertThat(text(s)).contains("could not be read from the cache").contains("no cached copy of <feed>");
    }

    @Test
    void filterAndMarkAllWorkOnHeadlinesAlone() {
        ReaderState s = state();
        String word = headlines.feed().items().get(2).title().split(" ")[0];
        keys(s, "/");
        Samples.type(s, word);
        keys(s, "Enter");
        assertThat(s.visible()).isNotEmpty().allMatch(e -> (e.item().title() + e.feed().name()).toLowerCase()
                .contains(word.toLowerCase()));
        keys(s, "Esc", "A", "y"); // A asks first
        List<Headline> all = new ArrayList<>(s.visible());
        assertThat(all).allMatch(s::isRead);
    }
}
