package dev.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.testing.Golden;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.tidings.text.Width;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whole screens: the reader on Lanterna's virtual terminal (size, keys), its output bytes replayed
 * cell by cell by {@link ByteTerminal}, compared with golden text
 * ({@code src/test/resources/tui/*.txt}; regenerate with -Dgolden.update=true and review).
 */
class ScreenTest {
    static final Path GOLDEN = Path.of("src/test/resources/tui");

    DefaultVirtualTerminal terminal;
    CellScreen screen;
    ByteTerminal bytes;
    ReaderLoop reader;

    ReaderLoop start(int w, int h) throws IOException {
        terminal = new DefaultVirtualTerminal(new TerminalSize(w, h));
        bytes = new ByteTerminal(w, h);
        screen = new CellScreen(terminal, bytes, Glyphs.UNICODE, BidiMode.APP);
        screen.startScreen();
        Theme theme;
        try {
            theme = Theme.load("mono", Theme.Depth.NONE);
        } catch (Theme.ThemeException e) {
            throw new AssertionError(e);
        }
        ReaderState state = new ReaderState(KeyMap.defaults(), java.time.ZoneOffset.UTC);
        reader = new ReaderLoop(screen, state, theme, Map.of(), null);
        reader.resize();
        state.setEntries(Samples.entries());
        reader.render();
        return reader;
    }

    @AfterEach
    void stop() throws IOException {
        if (screen != null) {
            screen.stopScreen();
        }
    }

    void press(char... keys) throws IOException {
        for (char c : keys) {
            reader.handleKey(new KeyStroke(c, false, false));
        }
        reader.render();
    }

    void press(KeyType type) throws IOException {
        reader.handleKey(new KeyStroke(type));
        reader.render();
    }

    void resize(int w, int h) throws IOException {
        terminal.setTerminalSize(new TerminalSize(w, h));
        bytes.resize(w, h);
        reader.resize();
        reader.render();
    }

    /** The screen as the bytes written draw it, one line a row; no NUL, stray control or bad UTF-8 ever. */
    String text() {
        bytes.replay();
        assertThat(bytes.nuls).as("NUL bytes written").isZero();
        assertThat(bytes.strayControls).as("control bytes outside escape sequences").isZero();
        assertThat(bytes.badText).as("invalid UTF-8 or U+FFFD written").isZero();
        return bytes.screen();
    }

    void golden(String name) throws IOException {
        String actual = text();
        Path file = GOLDEN.resolve(name);
        Golden.assertMatches(file, actual);
        int width = terminal.getTerminalSize().getColumns();
        for (String line : actual.split("\n")) {
            assertThat(Width.of(line)).as(line).isLessThanOrEqualTo(width);
        }
    }

    /** Subscriptions mode with two feeds: the feed list above the headlines. */
    void startSplit(int w, int h) throws IOException {
        start(w, h);
        reader.state().setFeedRows(SplitPaneTest.rows());
        reader.state().setEntries(SplitPaneTest.twoFeeds());
        reader.render();
    }

    @Test
    void feedListAboveHeadlines() throws IOException {
        startSplit(80, 24);
        press('j');
        golden("feeds-split-80x24.txt");
        press(KeyType.Tab);
        press('j');
        golden("feeds-split-headlines-80x24.txt");
    }

    @Test
    void aCollectionOpenedBeforeItsArticlesAreReadSaysItIsLoading() throws IOException {
        start(80, 16);
        // the quick index read: names and keys, no articles yet
        reader.state().setLibrary(new dev.tidings.model.Library(List.of(new dev.tidings.model.SavedCollection("Later",
                java.time.Instant.parse("2026-11-20T10:00:00Z"), List.of("https://news.example.org/a"))), Map.of()), false);
        press('c');
        press(KeyType.Enter);
        assertThat(text()).contains("Loading the collection…").doesNotContain("This collection is empty");
        screen.stopScreen();
        start(80, 16);
        reader.state().setLibrary(new dev.tidings.model.Library(List.of(new dev.tidings.model.SavedCollection("Empty",
                java.time.Instant.parse("2026-11-20T10:00:00Z"), List.of())), Map.of()), false);
        press('c');
        press(KeyType.Enter);
        assertThat(text()).contains("This collection is empty").doesNotContain("Loading");
    }

    @Test
    void starredArticlesOfSyncedFeedsAreMarkedInTheList() throws IOException {
        start(80, 16);
        String second = reader.state().visible().get(1).item().id();
        reader.state().settings().starredBy(e -> e.item().id().equals(second));
        reader.render();
        List<String> rows = List.of(text().split("\n"));
        int first = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).startsWith(">")) {
                first = i;
                break;
            }
        }
        assertThat(first).isNotNegative();
        assertThat(rows.get(first).substring(0, 4)).doesNotContain("*");
        assertThat(rows.get(first + 1).substring(0, 4)).contains("*");
    }

    @Test
    void feedListTakesTurnsInASmallWindow() throws IOException {
        startSplit(40, 12);
        golden("feeds-40x12.txt");
        press(KeyType.Tab);
        golden("feeds-headlines-40x12.txt");
    }

    @Test
    void headlineList() throws IOException {
        start(100, 14);
        press('j');
        golden("list-100x14.txt");
        assertThat(text()).contains("item 2 of 9").contains(">●  Nov 23  Harbourton");
    }

    @Test
    void article() throws IOException {
        start(80, 24);
        press(KeyType.Enter);
        golden("article-80x24.txt");
        assertThat(text()).contains("[Image: Workers pour concrete").contains("Source: AFP");
    }

    @Test
    void articleEnd() throws IOException {
        start(80, 24);
        press(KeyType.Enter);
        press('G');
        golden("article-end-80x24.txt");
        assertThat(text()).contains("Read more: https://news.example.org/2026/11/varenta-valley-flood-walls")
                .contains("[1] https://").contains(" Bot");
    }

    @Test
    void help() throws IOException {
        start(80, 30);
        press('?');
        golden("help-80x30.txt");
    }

    @Test
    void search() throws IOException {
        start(80, 14);
        press('/', 'f', 'e', 's', 't');
        golden("filter-80x14.txt");
        assertThat(text()).contains("Filter: fest_").contains("item 1 of 1 (9 in all)");
    }

    @Test
    void cjkTitlesStayInsideTheWindow() throws IOException {
        start(40, 12);
        press('G', 'k', 'k');
        golden("list-40x12.txt");
        press(KeyType.Enter);
        press('j');
        golden("article-persian-40x12.txt");
    }

    @Test
    void resizeRelaysTheArticle() throws IOException {
        start(100, 30);
        press(KeyType.Enter);
        for (int i = 0; i < 20; i++) {
            resize(40 + i * 3, 12 + i);
        }
        resize(60, 20);
        golden("article-resized-60x20.txt");
    }

    @Test
    void addToCollectionDialogEmptyState() throws IOException {
        start(80, 24);
        reader.state().setLibrary(dev.tidings.model.Library.EMPTY, false);
        press('a');
        golden("dialog-empty-80x24.txt");
        assertThat(text()).contains("Add to Collection").contains("No Collections")
                .contains("No collections yet: press n to create one.");
    }

    @Test
    void addToCollectionDialogWithCollections() throws IOException {
        start(80, 24);
        reader.state().setLibrary(CollectionsStateTest.library(reader.state(), "Afghanistan", "Later"), false);
        press('a');
        golden("dialog-80x24.txt");
        assertThat(text()).contains("> [x] Afghanistan  (1)").contains("  [x] Later  (1)");
    }

    @Test
    void collectionsBrowserEmptyAndFull() throws IOException {
        start(80, 16);
        reader.state().setLibrary(dev.tidings.model.Library.EMPTY, false);
        press('c');
        golden("browser-empty-80x16.txt");
        assertThat(text()).contains("Here you will find all the collections you create.");
        reader.state().setLibrary(CollectionsStateTest.library(reader.state(), "Afghanistan", "Later"), false);
        reader.render();
        golden("browser-80x16.txt");
        press(KeyType.Enter);
        assertThat(text()).contains("Collection: Later").contains(">●+ Nov 24  Alpine valley");
    }

    @Test
    void tinyWindow() throws IOException {
        start(30, 8);
        golden("tiny-30x8.txt");
        assertThat(text()).startsWith("Window too small\n30x8, need 40x12\nq quits\n");
    }
}
