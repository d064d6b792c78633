package dev.tidings.tui;

import static dev.tidings.tui.Samples.keys;
import static dev.tidings.tui.Samples.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.render.Line;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReaderStateTest {

    @Test
    void movesWithKeysAndCounts() {
        ReaderState s = Samples.state(100, 30);
        keys(s, "j", "j");
        assertThat(s.selected()).isEqualTo(2);
        keys(s, "k");
        assertThat(s.selected()).isEqualTo(1);
        keys(s, "5", "j");
        assertThat(s.selected()).isEqualTo(6);
        keys(s, "G");
        assertThat(s.selected()).isEqualTo(8);
        keys(s, "g");
        assertThat(s.selected()).isZero();
        keys(s, "3", "g");
        assertThat(s.selected()).isEqualTo(2);
        keys(s, "Down", "End", "Up", "Home");
        assertThat(s.selected()).isZero();
        keys(s, "9", "9", "j");
        assertThat(s.selected()).isEqualTo(8);
    }

    @Test
    void opensAnArticleAndGoesBack() {
        ReaderState s = Samples.state(100, 30);
        keys(s, "j", "Enter");
        assertThat(s.screen()).isEqualTo(Action.Screen.ARTICLE);
        assertThat(s.current().item().id()).isEqualTo("tidings-sample-002");
        assertThat(s.lines().get(0).text()).startsWith("Harbourton buses and trams halt");
        assertThat(s.isRead(s.current())).isTrue();
        keys(s, "q");
        assertThat(s.screen()).isEqualTo(Action.Screen.LIST);
        assertThat(s.quitRequested()).isFalse();
        keys(s, "l");
        assertThat(s.screen()).isEqualTo(Action.Screen.ARTICLE);
        keys(s, "Left");
        assertThat(s.screen()).isEqualTo(Action.Screen.LIST);
        keys(s, "q");
        assertThat(s.quitRequested()).isTrue();
    }

    @Test
    void articleShowsCaptionBlocksFootnotesAndReadMore() {
        ReaderState s = Samples.state(100, 30);
        keys(s, "Enter");
        List<String> text = s.lines().stream().map(Line::text).toList();
        assertThat(text).anyMatch(l -> l.startsWith("[Image: "));
        assertThat(text).anyMatch(l -> l.equals("Source: AFP"));
        assertThat(text).anyMatch(l -> l.startsWith("[1] https://"));
        assertThat(text.get(text.size() - 1)).startsWith("Read more: https://news.example.org/2026/11/");
    }

    @Test
    void scrollsTheArticleByLinesAndPages() {
        ReaderState s = Samples.state(80, 20);
        keys(s, "Enter");
        keys(s, "j", "j", "j");
        assertThat(s.articleTop()).isEqualTo(3);
        keys(s, "Space");
        assertThat(s.articleTop()).isEqualTo(3 + s.rows() - 1);
        keys(s, "b");
        assertThat(s.articleTop()).isEqualTo(3);
        keys(s, "G");
        assertThat(s.articleTop()).isEqualTo(s.lines().size() - s.rows());
        keys(s, "C-u");
        assertThat(s.articleTop()).isEqualTo(s.lines().size() - s.rows() - (s.rows() - 1) / 2);
    }

    @Test
    void nextAndPreviousArticle() {
        ReaderState s = Samples.state(100, 30);
        keys(s, "Enter", "n", "n");
        assertThat(s.current().number()).isEqualTo(3);
        assertThat(s.selected()).isEqualTo(2);
        keys(s, "p");
        assertThat(s.current().number()).isEqualTo(2);
        keys(s, "p", "p");
        assertThat(s.current().number()).isEqualTo(1);
        assertThat(s.statusText()).contains("first article");
    }

    @Test
    void filtersTheListIncrementallyAndEscClears() {
        ReaderState s = Samples.state(100, 30);
        keys(s, "/");
        assertThat(s.prompt()).isEqualTo(Prompt.FILTER);
        type(s, "har");
        assertThat(s.visible()).hasSize(1);
        assertThat(s.visible().get(0).item().title()).startsWith("Harbourton");
        keys(s, "Backspace", "Backspace", "Backspace");
        assertThat(s.visible()).hasSize(9);
        type(s, "Morgenthal"); // an author
        assertThat(s.visible()).hasSize(1);
        keys(s, "Enter");
        assertThat(s.prompt()).isEqualTo(Prompt.NONE);
        assertThat(s.filter()).isEqualTo("Morgenthal");
        keys(s, "Enter");
        assertThat(s.current().item().id()).isEqualTo("tidings-sample-001");
        keys(s, "q", "Esc");
        assertThat(s.filter()).isEmpty();
        assertThat(s.visible()).hasSize(9);
        assertThat(s.quitRequested()).isFalse();
    }

    @Test
    void findsTextInTheArticleAndJumpsBetweenMatches() {
        ReaderState s = Samples.state(80, 16);
        keys(s, "j", "Enter", "/");
        type(s, "union");
        keys(s, "Enter");
        assertThat(s.find()).isEqualTo("union");
        assertThat(s.statusText()).startsWith("Match 1 of ");
        int first = s.articleTop();
        keys(s, "n");
        assertThat(s.statusText()).startsWith("Match 2 of ");
        keys(s, "N");
        assertThat(s.statusText()).startsWith("Match 1 of ");
        assertThat(s.articleTop()).isLessThanOrEqualTo(Math.max(first, s.articleTop())); // the match stays in view
        assertThat(s.current().number()).isEqualTo(2); // n moved between matches, not articles
        keys(s, "/");
        type(s, "zebra crossing");
        keys(s, "Enter");
        assertThat(s.statusIsError()).isTrue();
        assertThat(s.statusText()).isEqualTo("Not found: zebra crossing");
        keys(s, "n");
        assertThat(s.current().number()).isEqualTo(3); // no search: n is the next article again
    }

    @Test
    void followsLinksByNumberOrPrompt() {
        ReaderState s = Samples.state(100, 30);
        keys(s, "Enter", "2", "Enter");
        assertThat(effects(s)).containsExactly(
                new Effect.Open("https://news.example.org/2026/07/varenta-landowners-appeal"));
        keys(s, "f");
        assertThat(s.prompt()).isEqualTo(Prompt.FOLLOW);
        type(s, "1x");
        keys(s, "Enter");
        assertThat(effects(s)).containsExactly(
                new Effect.Open("https://water-institute.example.org/reports/varenta-hydrology-2026"));
        keys(s, "7", "Enter");
        assertThat(effects(s)).isEmpty();
        assertThat(s.statusText()).isEqualTo("No link 7: this article has 2 links");
    }

    @Test
    void opensCopiesAndShowsTheArticleLink() {
        ReaderState s = Samples.state(100, 30);
        String link = "https://news.example.org/2026/11/varenta-valley-flood-walls";
        keys(s, "o");
        assertThat(effects(s)).extracting(e -> ((Effect.Open) e).url()).containsExactly(link);
        keys(s, "y");
        assertThat(effects(s)).containsExactly(new Effect.Copy(link));
        keys(s, "Y");
        assertThat(s.urlOverlay()).isEqualTo(link);
        keys(s, "j");
        assertThat(s.urlOverlay()).isNull();
        assertThat(s.selected()).isZero(); // the key only closed the overlay
        keys(s, "Enter", "2", "y");
        assertThat(effects(s)).containsExactly(
                new Effect.Copy("https://news.example.org/2026/07/varenta-landowners-appeal"));
    }

    @Test
    void resizeRelaysTheArticleAndKeepsThePlace() {
        ReaderState s = Samples.state(100, 30);
        keys(s, "Enter");
        keys(s, "4", "0", "j");
        String before = s.lines().get(s.articleTop()).text();
        s.setSize(50, 20);
        assertThat(s.lines()).allSatisfy(l -> assertThat(l.width()).isLessThanOrEqualTo(48));
        String after = s.lines().get(s.articleTop()).text();
        // the same paragraph is at the top: its first words match
        String[] firstWords = before.split(" ");
        String joined = String.join(" ", s.lines().subList(s.articleTop(), Math.min(s.lines().size(),
                s.articleTop() + 6)).stream().map(Line::text).toList());
        assertThat(joined).as("before: %s / after: %s", before, after).contains(firstWords[firstWords.length - 1]);
        s.setSize(100, 30);
        assertThat(s.lines().get(s.articleTop()).text()).isEqualTo(before);
    }

    @Test
    void tinyWindowsOnlyQuit() {
        ReaderState s = Samples.state(30, 8);
        assertThat(s.tooSmall()).isTrue();
        keys(s, "j", "Enter");
        assertThat(s.screen()).isEqualTo(Action.Screen.LIST);
        keys(s, "Q");
        assertThat(s.quitRequested()).isTrue();
    }

    @Test
    void helpComesFromTheKeyTableIncludingRebindings(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys");
        Files.writeString(file, "# mine\nbind x quit\nunbind Q\nbind Z jump\nfrobnicate\n");
        KeyMap.Loaded loaded = KeyMap.load(file);
        assertThat(loaded.errors()).containsExactly(file + ":4: unknown action 'jump'",
                file + ":5: expected 'bind KEY ACTION' or 'unbind KEY'");
        ReaderState s = new ReaderState(loaded.keys(), java.time.ZoneOffset.UTC);
        s.setSize(100, 30);
        s.setEntries(Samples.entries());
        keys(s, "?");
        assertThat(s.screen()).isEqualTo(Action.Screen.HELP);
        assertThat(s.help().rows()).anySatisfy(r -> assertThat(r).containsExactly("C-c x", "quit Tidings"));
        keys(s, "Q");
        assertThat(s.quitRequested()).isFalse();
        keys(s, "q");
        assertThat(s.screen()).isEqualTo(Action.Screen.LIST);
        keys(s, "x");
        assertThat(s.quitRequested()).isTrue();
    }

    @Test
    void everyKeyTheHelpListsDoesSomethingOnItsScreen() {
        KeyMap keys = KeyMap.defaults();
        // how to reach each screen from the headline list of the sample (FEEDS needs subscriptions)
        java.util.Map<Action.Screen, String[]> reach = java.util.Map.of(
                Action.Screen.LIST, new String[] {},
                Action.Screen.ARTICLE, new String[] {"Enter"},
                Action.Screen.HELP, new String[] {"?"},
                Action.Screen.COLLECTIONS, new String[] {"c"},
                Action.Screen.DIALOG, new String[] {"a"});
        int checked = 0;
        for (Action a : Action.values()) {
            for (Action.Screen screen : Action.Screen.values()) {
                if (!a.appliesTo(screen) || !reach.containsKey(screen)) {
                    continue;
                }
                for (String key : keys.keysFor(a)) {
                    if (keys.lookup(key, screen) != a) {
                        continue; // the same key does something else here (n: next article / new collection)
                    }
                    ReaderState s = Samples.state(100, 30);
                    s.setLibrary(CollectionsStateTest.library(s, "Later", "Work"), false);
                    keys(s, "j", "j"); // not at the top, so moving up has somewhere to go
                    keys(s, reach.get(screen));
                    assertThat(s.screen()).as("reaching %s", screen).isEqualTo(screen);
                    s.key(key);
                    assertThat(s.statusText()).as("%s (%s) on %s", key, a, screen).doesNotContain("does nothing here");
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void keepsTheSelectionWhenMoreFeedsArrive() {
        ReaderState s = Samples.state(100, 30);
        keys(s, "j", "j", "j");
        String id = s.selectedEntry().item().id();
        s.setEntries(Samples.entries());
        assertThat(s.selectedEntry().item().id()).isEqualTo(id);
    }

    /** The effects of the keys so far, without read-state writes (opening an article marks it read). */
    static java.util.List<Effect> effects(ReaderState s) {
        return s.drainEffects().stream().filter(e -> !(e instanceof Effect.PersistRead)).toList();
    }
}
