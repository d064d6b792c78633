package dev.tidings.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.tidings.app.Headline;
import dev.tidings.app.LoadedFeed;
import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Not a test: a benchmark of what one key press costs on a long headline list (state update,
 * drawing the visible rows, the delta refresh on a virtual terminal). Run by bench/tui-keys.sh:
 * {@code java -cp target/test-classes:target/tidings.jar dev.tidings.tui.KeyPressBench 100000}.
 */
public final class KeyPressBench {
    private KeyPressBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<Item> items = new ArrayList<>(n);
        Instant t = Instant.parse("2026-11-24T12:00:00Z");
        for (int i = 0; i < n; i++) {
            items.add(new Item("id-" + i, "Headline number " + i + " about something that happened somewhere today",
                    "https://news.example.org/" + i, t.minusSeconds(60L * i), null, List.of("Desk"), List.of(), "",
                    "<p>Body " + i + "</p>", List.of(), List.of()));
        }
        LoadedFeed feed = new LoadedFeed("bench", new Feed(FeedFormat.RSS_20, "Bench Feed", "", "", "", items), null);
        List<Headline> entries = dev.tidings.app.FeedLoader.headlines(List.of(feed));
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        CellScreen screen = new CellScreen(vt, java.io.OutputStream.nullOutputStream(), Glyphs.UNICODE, BidiMode.APP);
        screen.startScreen();
        ReaderState state = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
        ReaderLoop reader = new ReaderLoop(screen, state, Theme.load("dark", Theme.Depth.TRUECOLOR), Map.of(), null);
        reader.resize();
        state.setEntries(entries);
        reader.render();
        String[] keys = {"j", "j", "j", " ", "k", "G", "g", " ", " ", "b"};
        // warm up, then measure each key press separately
        for (int i = 0; i < 20_000; i++) {
            press(reader, keys[i % keys.length]);
        }
        int samples = 5_000;
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            press(reader, keys[i % keys.length]);
            nanos[i] = System.nanoTime() - start;
        }
        report("one feed, " + n + " items, j/k/Space/G/g/b:", nanos);
        screen.stopScreen();
        if (n >= 100_000) {
            subscriptions();
        }
    }

    private static void report(String what, long[] nanos) {
        Arrays.sort(nanos);
        int samples = nanos.length;
        System.out.printf("%s key presses=%d median=%.3f ms p99=%.3f ms max=%.3f ms%n", what, samples,
                nanos[samples / 2] / 1e6, nanos[samples * 99 / 100] / 1e6, nanos[samples - 1] / 1e6);
    }

    /**
     * Issue #5's case: 200 subscriptions x 500 items in the split view (feed list above the
     * headlines), "m" toggling read on the selected article; budget <= 5 ms on the UI thread.
     */
    private static void subscriptions() throws Exception {
        Instant t = Instant.parse("2026-11-24T12:00:00Z");
        List<LoadedFeed> feeds = new ArrayList<>();
        List<FeedRow> rows = new ArrayList<>();
        for (int f = 0; f < 200; f++) {
            List<Item> items = new ArrayList<>(500);
            for (int i = 0; i < 500; i++) {
                items.add(new Item("f" + f + "-" + i, "Feed " + f + " headline " + i + " about a thing that happened",
                        "https://feed" + f + ".example.org/" + i, t.minusSeconds(97L * i + f), null, List.of(), List.of(),
                        "", "", List.of(), List.of()));
            }
            String source = "https://feed" + f + ".example.org/rss";
            feeds.add(new LoadedFeed(source, new Feed(FeedFormat.RSS_20, "Feed " + f, "", "", "", items), null));
            rows.add(new FeedRow(source, "Feed " + f, List.of("tag" + f % 10), t, ""));
        }
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        CellScreen screen = new CellScreen(vt, java.io.OutputStream.nullOutputStream(), Glyphs.UNICODE, BidiMode.APP);
        screen.startScreen();
        ReaderState state = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("keypress");
        state.setReadState(new dev.tidings.store.ReadState(dir.resolve("read-state")));
        ReaderLoop reader = new ReaderLoop(screen, state, Theme.load("dark", Theme.Depth.TRUECOLOR), Map.of(), null);
        reader.resize();
        state.setFeedRows(rows);
        state.setEntries(dev.tidings.app.FeedLoader.headlines(feeds));
        reader.render();
        press(reader, "\t"); // the headlines of "All feeds" get the focus
        String[] keys = {"m", "j"};
        for (int i = 0; i < 20_000; i++) {
            press(reader, keys[i % keys.length]);
        }
        int samples = 5_000;
        long[] m = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            press(reader, "m");
            m[i] = System.nanoTime() - start;
            press(reader, "j");
        }
        report("200 feeds x 500 items, split view, m (mark read/unread):", m);
        screen.stopScreen();
    }

    private static void press(ReaderLoop reader, String key) throws java.io.IOException {
        reader.handleKey(key.equals(" ") ? new KeyStroke(' ', false, false)
                : key.equals("\t") ? new KeyStroke(com.googlecode.lanterna.input.KeyType.Tab)
                : new KeyStroke(key.charAt(0), false, false));
        reader.render();
    }
}
