package dev.tidings.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.tidings.app.Entry;
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
        List<Entry> entries = dev.tidings.app.FeedLoader.headlines(List.of(feed));
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        ReaderState state = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
        Reader reader = new Reader(screen, state, Theme.load("dark", Theme.Depth.TRUECOLOR), Map.of(), null);
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
        Arrays.sort(nanos);
        System.out.printf("items=%d key presses=%d median=%.3f ms p99=%.3f ms max=%.3f ms%n", n, samples,
                nanos[samples / 2] / 1e6, nanos[samples * 99 / 100] / 1e6, nanos[samples - 1] / 1e6);
        screen.stopScreen();
    }

    private static void press(Reader reader, String key) throws java.io.IOException {
        reader.handleKey(key.equals(" ") ? new KeyStroke(' ', false, false) : new KeyStroke(key.charAt(0), false, false));
        reader.render();
    }
}
