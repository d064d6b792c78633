package dev.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.tidings.app.Headline;
import dev.tidings.app.FeedLoader;
import dev.tidings.app.LoadedFeed;
import dev.tidings.feed.Detail;
import dev.tidings.model.Feed;
import dev.tidings.model.Item;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reload-time in the reader: a background refresh adds items while an article is open. */
class LiveReloadTest {
    static final String HARBOUR = "https://harbour.example/feed.xml";
    static final String VALLEY = "https://valley.example/feed.xml";

    @TempDir
    Path tmp;
    DefaultVirtualTerminal terminal;
    ByteTerminal bytes;
    CellScreen screen;
    ReaderLoop reader;
    Feed harbour;
    Feed valley;

    @BeforeEach
    void start() throws Exception {
        LoadedFeed sample = FeedLoader.loadSample(Detail.FULL);
        List<Item> a = new ArrayList<>();
        List<Item> b = new ArrayList<>();
        List<Item> items = sample.feed().items();
        for (int i = 0; i < items.size(); i++) {
            (i % 2 == 0 ? a : b).add(items.get(i));
        }
        Feed f = sample.feed();
        harbour = new Feed(f.format(), "Harbour Daily", f.link(), "", null, a);
        valley = new Feed(f.format(), "Valley Courier", f.link(), "", null, b);
    }

    ReaderLoop open(Map<String, String> env, LiveOptions live) throws Exception {
        terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        bytes = new ByteTerminal(80, 24);
        screen = new CellScreen(terminal, bytes, Glyphs.UNICODE, BidiMode.APP);
        screen.startScreen();
        ReaderState state = new ReaderState(KeyMap.defaults(), java.time.ZoneOffset.UTC);
        reader = new ReaderLoop(screen, state, Theme.load("mono", Theme.Depth.NONE), env, null);
        reader.live(live);
        reader.resize();
        reader.handleEvent(new ReaderEvent.Loaded(0, loaded(HARBOUR, harbour)));
        reader.handleEvent(new ReaderEvent.Loaded(1, loaded(VALLEY, valley)));
        reader.render();
        return reader;
    }

    @AfterEach
    void stop() throws IOException {
        if (screen != null) {
            screen.stopScreen();
        }
    }

    static LoadedFeed loaded(String url, Feed f) {
        return new LoadedFeed(url, f, URI.create(url));
    }

    /** Harbour Daily as a refresh finds it: two new items on top, the old ones kept. */
    Feed harbourWithTwoNew() {
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            items.add(new Item("new-" + i, "Fresh news " + i, "https://harbour.example/new-" + i,
                    Instant.parse("2030-01-0" + i + "T10:00:00Z"), null, List.of(), List.of(), "",
                    "<p>Just in.</p>", List.of(), List.of()));
        }
        items.addAll(harbour.items());
        return new Feed(harbour.format(), harbour.title(), harbour.link(), "", null, items);
    }

    void press(KeyStroke k) throws IOException {
        reader.handleKey(k);
        reader.render();
    }

    String screenText() {
        bytes.replay();
        assertThat(bytes.strayControls).isZero();
        return bytes.screen();
    }

    @Test
    void aBackgroundRefreshKeepsTheOpenArticleItsScrollAndTheCursorAndCountsWhatIsNew() throws Exception {
        open(Map.of(), LiveOptions.NONE);
        ReaderState s = reader.state();
        press(new KeyStroke('j', false, false));
        press(new KeyStroke(KeyType.Enter));
        press(new KeyStroke(' ', false, false));
        assertThat(s.screen()).isEqualTo(Action.Screen.ARTICLE);
        Headline reading = s.current();
        int top = s.articleTop();
        assertThat(top).as("scrolled down a page").isPositive();

        reader.handleEvent(new ReaderEvent.Loaded(0, loaded(HARBOUR, harbourWithTwoNew()), true, true));
        reader.render();

        assertThat(s.screen()).isEqualTo(Action.Screen.ARTICLE);
        assertThat(s.current().item().id()).isEqualTo(reading.item().id());
        assertThat(s.articleTop()).isEqualTo(top);
        assertThat(s.currentIndex()).as("its place in the list, two new items above it").isEqualTo(3);
        assertThat(screenText().lines().findFirst().orElseThrow()).contains("2 new").contains("article 4 of");

        press(new KeyStroke('q', false, false)); // back to the list: the cursor is on the same item
        assertThat(s.selectedEntry().item().id()).isEqualTo(reading.item().id());
        assertThat(s.visible()).hasSize(harbour.items().size() + valley.items().size() + 2);
        assertThat(screenText().lines().findFirst().orElseThrow()).contains("2 new");
    }

    @Test
    void readingANewItemCountsItDown() throws Exception {
        open(Map.of(), LiveOptions.NONE);
        reader.handleEvent(new ReaderEvent.Loaded(0, loaded(HARBOUR, harbourWithTwoNew()), true, true));
        ReaderState s = reader.state();
        assertThat(s.newCount()).isEqualTo(2);
        press(new KeyStroke('g', false, false)); // top of the list: the newest item
        press(new KeyStroke(KeyType.Enter));
        assertThat(s.current().item().id()).isEqualTo("new-2");
        assertThat(s.newCount()).isEqualTo(1);
    }

    @Test
    void aRefreshWithNothingNewCountsNothingAndNotifiesNothing() throws Exception {
        open(Map.of(), LiveOptions.of(10, "terminal", null));
        reader.handleEvent(new ReaderEvent.Loaded(0, loaded(HARBOUR, harbour), true, true));
        reader.handleEvent(new ReaderEvent.Reloaded());
        assertThat(reader.state().newCount()).isZero();
        assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8)).doesNotContain("\u001b]9;");
    }

    @Test
    void aTerminalNotificationGoesOutThroughTheFrameOutputAndDrawsNothing() throws Exception {
        open(Map.of("TERM", "xterm-256color"), LiveOptions.of(10, "terminal", null));
        String before = screenText();
        reader.handleEvent(new ReaderEvent.Loaded(0, loaded(HARBOUR, harbourWithTwoNew()), true, true));
        reader.handleEvent(new ReaderEvent.Reloaded());
        assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8))
                .contains("\u001b]9;Tidings: 2 new items in Harbour Daily\u0007");
        assertThat(screenText()).isEqualTo(before);
        assertThat(bytes.oscs).isEqualTo(1);
    }

    @Test
    void anRefreshByTheUserIsCountedButNotNotified() throws Exception {
        open(Map.of(), LiveOptions.of(10, "terminal", null));
        reader.handleEvent(new ReaderEvent.Loaded(0, loaded(HARBOUR, harbourWithTwoNew()), true, false));
        reader.handleEvent(new ReaderEvent.Reloaded());
        assertThat(reader.state().newCount()).isEqualTo(2);
        assertThat(bytes.oscs).isZero();
    }

    @Test
    void notifyProgramGetsTheCountsAsArgumentsNeverThroughAShell() throws Exception {
        Path out = tmp.resolve("args.txt");
        Path script = tmp.resolve("notify.sh");
        Files.writeString(script, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"" + out + ".part\"\n"
                + "mv \"" + out + ".part\" \"" + out + "\"\necho noise; echo noise >&2\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Feed evil = new Feed(harbour.format(), "Harbour; $(touch " + tmp.resolve("pwned") + ") \u001b]52;c;x\u0007",
                harbour.link(), "", null, harbourWithTwoNew().items());
        open(Map.of(), LiveOptions.of(10, null, script + " --new=%n %f \"%t\" 100%%"));
        reader.handleEvent(new ReaderEvent.Loaded(0, loaded(HARBOUR, evil), true, true));
        reader.handleEvent(new ReaderEvent.Reloaded());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(out) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<String> args = Files.readAllLines(out);
        assertThat(args).hasSize(4);
        assertThat(args.get(0)).isEqualTo("--new=2");
        assertThat(args.get(1)).isEqualTo("1");
        assertThat(args.get(2)).startsWith("Harbour; $(touch ").doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(args.get(3)).isEqualTo("100%");
        assertThat(tmp.resolve("pwned")).doesNotExist();
        assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8)).doesNotContain("noise");
    }

    @Test
    void aMissingNotifyProgramIsAStatusLineMessage() throws Exception {
        open(Map.of(), LiveOptions.of(10, null, tmp.resolve("no-such-program") + " %n"));
        reader.handleEvent(new ReaderEvent.Loaded(0, loaded(HARBOUR, harbourWithTwoNew()), true, true));
        reader.handleEvent(new ReaderEvent.Reloaded());
        ReaderEvent e = reader.queue().poll(20, TimeUnit.SECONDS);
        assertThat(e).isInstanceOf(ReaderEvent.Refreshed.class);
        reader.handleEvent(e);
        reader.render();
        assertThat(reader.state().statusText()).startsWith("notify-program: cannot start " + tmp.resolve("no-such-program"))
                .contains("No such file");
    }
}
