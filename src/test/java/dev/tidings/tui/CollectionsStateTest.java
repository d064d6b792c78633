package dev.tidings.tui;

import static dev.tidings.tui.Samples.keys;
import static dev.tidings.tui.Samples.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.app.Saved;
import dev.tidings.model.SavedCollection;
import dev.tidings.model.Library;
import dev.tidings.model.SavedArticle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The collections screens driven as a person would, with the library set directly (no file). */
class CollectionsStateTest {
    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    static Library library(ReaderState s, String... namesWithFirstArticle) {
        var entries = Samples.entries();
        SavedArticle first = Saved.snapshot(entries.get(0), T0);
        List<SavedCollection> cols = new java.util.ArrayList<>();
        int i = 0;
        for (String n : namesWithFirstArticle) {
            cols.add(new SavedCollection(n, T0.plusSeconds(i++), List.of(first.key())));
        }
        return new Library(cols, Map.of(first.key(), first));
    }

    @Test
    void addToCollectionWithNoCollectionsShowsTheEmptyStateAndCreates() {
        ReaderState s = Samples.state(100, 30);
        s.setLibrary(Library.EMPTY, false);
        keys(s, "a");
        assertThat(s.screen()).isEqualTo(Action.Screen.DIALOG);
        keys(s, "Space"); // nothing to tick
        assertThat(effects(s)).isEmpty();
        keys(s, "n");
        assertThat(s.prompt()).isEqualTo(Prompt.NEW_COLLECTION);
        type(s, "Afghanistan");
        keys(s, "Enter");
        List<Effect> effects = effects(s);
        assertThat(effects).hasSize(1);
        Effect.Create create = (Effect.Create) effects.get(0);
        assertThat(create.name()).isEqualTo("Afghanistan");
        assertThat(create.entry().item().id()).isEqualTo("tidings-sample-001");
        keys(s, "Esc");
        assertThat(s.screen()).isEqualTo(Action.Screen.LIST);
    }

    @Test
    void dialogTogglesMembershipWithSpace() {
        ReaderState s = Samples.state(100, 30);
        s.setLibrary(library(s, "Afghanistan", "Later"), false);
        keys(s, "a");
        keys(s, "Space");
        assertThat(effects(s)).singleElement().isInstanceOfSatisfying(Effect.Toggle.class, t -> {
            assertThat(t.collection()).isEqualTo("Afghanistan");
            assertThat(t.add()).isFalse(); // it is in there: Space takes it out
        });
        keys(s, "j", "j", "Space");
        assertThat(effects(s)).singleElement().isInstanceOfSatisfying(Effect.Toggle.class,
                t -> assertThat(t.collection()).isEqualTo("Later"));
        keys(s, "Enter");
        assertThat(s.screen()).isEqualTo(Action.Screen.LIST);
    }

    @Test
    void newCollectionNamesAreChecked() {
        ReaderState s = Samples.state(100, 30);
        s.setLibrary(library(s, "Afghanistan"), false);
        keys(s, "a", "n");
        type(s, "afghanistan");
        keys(s, "Enter");
        assertThat(effects(s)).isEmpty();
        assertThat(s.statusText()).isEqualTo("A collection named 'Afghanistan' exists already");
        keys(s, "n", "Enter");
        assertThat(s.statusText()).startsWith("The name is empty");
        keys(s, "n");
        type(s, "x".repeat(101));
        keys(s, "Enter");
        assertThat(s.statusText()).startsWith("The name is longer than 100 characters");
    }

    @Test
    void savedArticlesShowAMarker() {
        ReaderState s = Samples.state(100, 30);
        assertThat(s.isSaved(s.visible().get(0))).isFalse();
        s.setLibrary(library(s, "Afghanistan"), false);
        assertThat(s.isSaved(s.visible().get(0))).isTrue();
        assertThat(s.isSaved(s.visible().get(1))).isFalse();
    }

    @Test
    void browserOpensACollectionAsAHeadlineListAndRemovesWithConfirmation() {
        ReaderState s = Samples.state(100, 30);
        s.setLibrary(library(s, "Afghanistan", "Later"), false);
        keys(s, "j", "j", "c");
        assertThat(s.screen()).isEqualTo(Action.Screen.COLLECTIONS);
        assertThat(s.collections().browserCollection().name()).isEqualTo("Later"); // newest first
        keys(s, "j", "Enter");
        assertThat(s.viewing()).isEqualTo("Afghanistan");
        assertThat(s.visible()).hasSize(1);
        keys(s, "Enter");
        assertThat(s.screen()).isEqualTo(Action.Screen.ARTICLE);
        assertThat(s.lines().get(0).text()).startsWith("Alpine valley");
        keys(s, "q", "d");
        assertThat(s.prompt()).isEqualTo(Prompt.CONFIRM);
        keys(s, "n"); // anything but y cancels
        assertThat(effects(s)).isEmpty();
        keys(s, "d", "y");
        assertThat(effects(s)).containsExactly(new Effect.Remove("Afghanistan", "tidings-sample-001"));
        keys(s, "q");
        assertThat(s.screen()).isEqualTo(Action.Screen.COLLECTIONS);
        keys(s, "q");
        assertThat(s.screen()).isEqualTo(Action.Screen.LIST);
        assertThat(s.viewing()).isNull();
        assertThat(s.visible()).hasSize(9);
        assertThat(s.selected()).isEqualTo(2); // back where the reader was
    }

    @Test
    void browserRenamesAndDeletesWithConfirmation() {
        ReaderState s = Samples.state(100, 30);
        s.setLibrary(library(s, "Afghanistan"), false);
        keys(s, "c", "r");
        assertThat(s.input()).isEqualTo("Afghanistan");
        for (int i = 0; i < "Afghanistan".length(); i++) {
            keys(s, "Backspace");
        }
        type(s, "Panjshir");
        keys(s, "Enter");
        assertThat(effects(s)).containsExactly(new Effect.Rename("Afghanistan", "Panjshir"));
        keys(s, "D");
        assertThat(s.confirmQuestion()).isEqualTo("Delete collection 'Afghanistan' with 1 article? (y/n)");
        keys(s, "y");
        assertThat(effects(s)).containsExactly(new Effect.Delete("Afghanistan"));
    }

    @Test
    void aDeletedCollectionBeingViewedReturnsToTheBrowser() {
        ReaderState s = Samples.state(100, 30);
        s.setLibrary(library(s, "Afghanistan"), false);
        keys(s, "c", "Enter");
        assertThat(s.viewing()).isEqualTo("Afghanistan");
        s.setLibrary(Library.EMPTY, false);
        assertThat(s.viewing()).isNull();
        assertThat(s.screen()).isEqualTo(Action.Screen.COLLECTIONS);
    }

    @Test
    void aBrokenOrNewerFileDisablesChangesWithAMessage() {
        ReaderState s = Samples.state(100, 30);
        s.setLibraryError("/x/c.json: is empty (0 bytes)");
        keys(s, "a");
        assertThat(s.screen()).isEqualTo(Action.Screen.LIST);
        assertThat(s.statusText()).isEqualTo("Collections unavailable: /x/c.json: is empty (0 bytes)");
        ReaderState r = Samples.state(100, 30);
        r.setLibrary(library(r, "Afghanistan"), true);
        keys(r, "a", "Space");
        assertThat(effects(r)).isEmpty();
        assertThat(r.statusText()).contains("read-only");
    }

    /** The effects of the keys so far, without read-state writes (opening an article marks it read). */
    static java.util.List<Effect> effects(ReaderState s) {
        return s.drainEffects().stream().filter(e -> !(e instanceof Effect.PersistRead)).toList();
    }
}
