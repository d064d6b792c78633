package dev.tidings.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.tidings.app.LoadedFeed;
import dev.tidings.app.SyncedFeeds;
import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Not a test: what marking a synced article read (m) or starring it (s) costs the UI thread, with
 * 200 synced feeds x 500 items in the split view: the state change, the effect (the queue write is
 * handed to the store worker) and the redraw. Budget <= 5 ms. Run by bench/sync-bench.sh.
 */
public final class SyncMarkBench {
    private SyncMarkBench() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("sync-mark-bench");
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString(), "XDG_CACHE_HOME", home.resolve("cache").toString());
        Instant t = Instant.parse("2026-11-24T12:00:00Z");
        List<LoadedFeed> feeds = new ArrayList<>();
        List<FeedRow> rows = new ArrayList<>();
        long id = 0x661985d360000L;
        for (int f = 0; f < 200; f++) {
            List<Item> items = new ArrayList<>(500);
            for (int i = 0; i < 500; i++) {
                items.add(new Item("sync:bench:" + String.format("%016x", id++), "Feed " + f + " headline " + i,
                        "https://feed" + f + ".example.org/" + i, t.minusSeconds(97L * i + f), null, List.of(), List.of(),
                        "", "", List.of(), List.of()));
            }
            String source = SyncedFeeds.feedUrl("bench", "feed/" + f);
            feeds.add(new LoadedFeed(source, new Feed(FeedFormat.JSON_FEED_11, "Feed " + f, "", "", "", items), null));
            rows.add(new FeedRow(source, "Feed " + f, List.of("bench"), t, ""));
        }
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        CellScreen screen = new CellScreen(vt, java.io.OutputStream.nullOutputStream(), Glyphs.UNICODE, BidiMode.APP);
        screen.startScreen();
        ReaderState state = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
        ReaderLoop reader = new ReaderLoop(screen, state, Theme.load("dark", Theme.Depth.TRUECOLOR), env, null);
        reader.openReadState(home.resolve("data/tidings/read-state"));
        reader.sync(new ReaderSync(env));
        reader.resize();
        state.setFeedRows(rows);
        state.setEntries(dev.tidings.app.FeedLoader.headlines(feeds));
        reader.render();
        press(reader, new KeyStroke(KeyType.Tab));
        for (int i = 0; i < 5_000; i++) {
            press(reader, key(i % 3 == 0 ? 'm' : i % 3 == 1 ? 's' : 'j'));
        }
        int samples = 2_000;
        long[] m = new long[samples];
        long[] s = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            press(reader, key('m'));
            m[i] = System.nanoTime() - start;
            start = System.nanoTime();
            press(reader, key('s'));
            s[i] = System.nanoTime() - start;
            press(reader, key('j'));
        }
        report("200 synced feeds x 500 items, m (mark read, queued):", m);
        report("200 synced feeds x 500 items, s (star, queued):", s);
        screen.stopScreen();
        Thread.sleep(2000);
        Path queue = home.resolve("data/tidings/sync/bench/queue");
        System.out.println("queue lines written by the store worker so far: " + (Files.exists(queue) ? Files.readAllLines(queue).size() : 0));
        System.exit(0);
    }

    private static KeyStroke key(char c) {
        return new KeyStroke(c, false, false);
    }

    private static void press(ReaderLoop reader, KeyStroke k) throws java.io.IOException {
        reader.handleKey(k);
        reader.runEffects();
        reader.render();
    }

    private static void report(String what, long[] nanos) {
        Arrays.sort(nanos);
        int n = nanos.length;
        System.out.printf("%s presses=%d median=%.3f ms p99=%.3f ms max=%.3f ms%n", what, n, nanos[n / 2] / 1e6,
                nanos[n * 99 / 100] / 1e6, nanos[n - 1] / 1e6);
    }
}
