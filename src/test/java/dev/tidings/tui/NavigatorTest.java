package dev.tidings.tui;

import static dev.tidings.tui.Samples.keys;
import static dev.tidings.tui.Samples.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.app.Saved;
import dev.tidings.model.SavedCollection;
import dev.tidings.model.Library;
import dev.tidings.model.SavedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The screen stack: "back" is a pop, and the cursor stays where the reader is (issue #12). */
class NavigatorTest {
    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    /** Collections named as given, created one second apart, each holding the first {@code articles} samples. */
    static Library library(int articles, String... names) {
        var entries = Samples.entries();
        Map<String, SavedArticle> saved = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            SavedArticle a = Saved.snapshot(entries.get(i), T0);
            saved.put(a.key(), a);
            keys.add(a.key());
        }
        List<SavedCollection> cols = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            cols.add(new SavedCollection(names[i], T0.plusSeconds(i), keys));
        }
        return new Library(cols, saved);
    }

    @Test
    void aCollectionCreatedInTheBrowserGetsTheCursorSoDeleteOffersIt() {
        ReaderState s = Samples.state(100, 30);
        s.setLibrary(library(1, "Afghanistan", "Work"), false);
        keys(s, "c", "j"); // newest first: Work, Afghanistan
        assertThat(s.collections().browserCollection().name()).isEqualTo("Afghanistan");
        keys(s, "n");
        type(s, "Later");
        keys(s, "Enter");
        assertThat(s.drainEffects()).containsExactly(new Effect.Create("Later", null));
        s.setLibrary(library(1, "Afghanistan", "Work", "Later"), false); // the store wrote it: the newest
        assertThat(s.collections().browserCollection().name()).isEqualTo("Later");
        keys(s, "D");
        assertThat(s.confirmQuestion()).startsWith("Delete collection 'Later'");
    }

    @Test
    void theBrowserCursorStaysOnItsCollectionWhenAnotherIsCreatedElsewhere() {
        ReaderState s = Samples.state(100, 30);
        s.setLibrary(library(1, "Afghanistan", "Work"), false);
        keys(s, "c", "j", "q", "a", "n");
        type(s, "Later");
        keys(s, "Enter", "Esc");
        s.setLibrary(library(1, "Afghanistan", "Work", "Later"), false);
        keys(s, "c");
        assertThat(s.collections().browserCollection().name()).isEqualTo("Afghanistan");
    }

    @Test
    void removingAnArticleFromACollectionLeavesTheCursorOnItsNeighbour() {
        ReaderState s = Samples.state(100, 30);
        s.setLibrary(library(4, "Later"), false);
        keys(s, "c", "Enter", "j", "j");
        String third = s.selectedEntry().item().id();
        String fourth = s.visible().get(3).item().id();
        keys(s, "d", "y");
        assertThat(CollectionsStateTest.effects(s)).containsExactly(new Effect.Remove("Later", third));
        Library after = library(4, "Later");
        SavedCollection later = after.collections().get(0);
        List<String> left = new ArrayList<>(later.articles());
        left.remove(third);
        s.setLibrary(new Library(List.of(new SavedCollection("Later", later.created(), left)), after.articles()), false);
        assertThat(s.visible()).hasSize(3);
        assertThat(s.selected()).isEqualTo(2);
        assertThat(s.selectedEntry().item().id()).isEqualTo(fourth);
    }

    @Test
    void clearingTheFilterKeepsTheCursorOnTheItem() {
        ReaderState s = Samples.state(100, 30);
        String title = s.visible().get(5).item().title();
        keys(s, "/");
        type(s, title.substring(0, 12));
        keys(s, "Enter");
        assertThat(s.selectedEntry().item().title()).isEqualTo(title);
        keys(s, "Esc");
        assertThat(s.filter()).isEmpty();
        assertThat(s.selected()).isEqualTo(5);
        keys(s, "/");
        type(s, title.substring(0, 12));
        keys(s, "Esc"); // cancelling the prompt clears the filter too
        assertThat(s.selected()).isEqualTo(5);
    }

    @Test
    void collectionsOpenedFromAnArticleGoBackToTheArticle() {
        ReaderState s = Samples.state(100, 30);
        s.setLibrary(library(1, "Later"), false);
        keys(s, "j", "Enter", "c");
        assertThat(s.screen()).isEqualTo(Action.Screen.COLLECTIONS);
        keys(s, "q");
        assertThat(s.screen()).isEqualTo(Action.Screen.ARTICLE);
        assertThat(s.current().number()).isEqualTo(2);
        keys(s, "q");
        assertThat(s.screen()).isEqualTo(Action.Screen.LIST);
        assertThat(s.selected()).isEqualTo(1);
    }

    @Test
    void spaceAtTheEndOfAnArticleOpensTheNextOne() {
        ReaderState s = Samples.state(100, 30);
        keys(s, "Enter", "G");
        assertThat(s.current().number()).isEqualTo(1);
        keys(s, "Space");
        assertThat(s.screen()).isEqualTo(Action.Screen.ARTICLE);
        assertThat(s.current().number()).isEqualTo(2);
        assertThat(s.articleTop()).isZero();
        assertThat(s.selected()).isEqualTo(1);
        keys(s, "Space"); // not at the end: pages
        assertThat(s.current().number()).isEqualTo(2);
    }

    @Test
    void nextUnreadSkipsWhatWasRead() {
        ReaderState s = Samples.state(100, 30);
        keys(s, "j", "Enter", "q", "j", "Enter", "q", "g"); // articles 2 and 3 read
        keys(s, "U");
        assertThat(s.selected()).isEqualTo(3);
        keys(s, "g", "Enter", "U");
        assertThat(s.screen()).isEqualTo(Action.Screen.ARTICLE);
        assertThat(s.current().number()).isEqualTo(4);
        keys(s, "q", "G", "U");
        assertThat(s.statusText()).isEqualTo("No unread article below this one");
    }

    @Test
    void markAllReadAsksFirst() {
        ReaderState s = Samples.state(100, 30);
        keys(s, "A");
        assertThat(s.prompt()).isEqualTo(Prompt.CONFIRM);
        assertThat(s.confirmQuestion()).matches("Mark 9 articles of '.+' read\\? \\(y/n\\)");
        keys(s, "n");
        assertThat(s.visible()).noneMatch(s::isRead);
        assertThat(s.statusText()).isEqualTo("Cancelled");
        keys(s, "A", "y");
        assertThat(s.visible()).allMatch(s::isRead);
        assertThat(s.statusText()).isEqualTo("Marked 9 articles read");
    }

    @Test
    void aQuestionCutToTheWindowKeepsItsAnswerKeys() {
        ReaderState s = Samples.state(40, 12);
        s.setLibrary(library(1, "A collection with a rather long name indeed"), false);
        keys(s, "c", "D");
        String q = s.confirmQuestion();
        assertThat(q).startsWith("Delete collection 'A coll").endsWith(" (y/n)");
        assertThat(dev.tidings.text.Width.of(" " + q)).isLessThanOrEqualTo(40);
        s.setSize(60, 12); // wide enough for all but the name: only the name is shortened
        assertThat(s.confirmQuestion()).startsWith("Delete collection 'A coll").contains("…' with 1 article? (y/n)");
        assertThat(dev.tidings.text.Width.of(" " + s.confirmQuestion())).isLessThanOrEqualTo(60);
        keys(s, "y");
        assertThat(s.drainEffects()).containsExactly(
                new Effect.Delete("A collection with a rather long name indeed"));
    }

    @Test
    void helpIsTitledForItsScreenAndListsEachKeyOnce() {
        ReaderState feeds = SplitPaneTest.state(80, 24);
        keys(feeds, "?");
        assertThat(feeds.help().about()).isEqualTo(Action.Screen.FEEDS);
        assertThat(KeyHelp.title(feeds.help().about())).isEqualTo("feed list");
        ReaderState article = Samples.state(100, 30);
        keys(article, "Enter", "?");
        assertThat(article.help().rows()).filteredOn(r -> r[0].equals("n")).hasSize(1);
    }
}
