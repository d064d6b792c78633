package dev.tidings.tui;

import static dev.tidings.tui.Samples.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.app.FeedLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #12: r and R read a file given on the command line again; --offline fetches nothing. */
class CommandLineReloadTest {
    @TempDir
    Path dir;

    private static <T extends ReaderEvent> T next(BlockingQueue<ReaderEvent> q, Class<T> type) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            ReaderEvent e = q.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " event");
    }

    @Test
    void rReadsAFileFromTheCommandLineAgain() throws Exception {
        Path feed = dir.resolve("news.xml");
        String sample = Files.readString(Path.of("sample-feed/tidings-sample.rss.xml"), StandardCharsets.UTF_8);
        Files.writeString(feed, sample);
        BlockingQueue<ReaderEvent> q = new LinkedBlockingQueue<>();
        ReaderState state = new ReaderState(KeyMap.defaults(), java.time.ZoneOffset.UTC);
        CommandLineFeeds feeds = CommandLineFeeds.start(List.of(feed.toString()), new FeedLoader(null, null), state, q,
                () -> false);
        ReaderEvent.Loaded first = next(q, ReaderEvent.Loaded.class);
        assertThat(first.refresh()).isFalse();
        state.setSize(100, 30);
        state.setEntries(FeedLoader.headlines(List.of(first.feed())));

        keys(state, "r");
        List<Effect> effects = state.drainEffects();
        assertThat(effects).containsExactly(new Effect.Refresh(List.of(first.feed().source())));
        assertThat(state.statusText()).isEqualTo("Reading again 1 feed…");

        Files.writeString(feed, sample.replace("Tidings Sample News", "Renamed Feed"));
        feeds.reload(((Effect.Refresh) effects.get(0)).urls());
        ReaderEvent.Loaded again = next(q, ReaderEvent.Loaded.class);
        assertThat(again.refresh()).isTrue();
        assertThat(again.index()).isEqualTo(first.index());
        assertThat(again.feed().feed().title()).isEqualTo("Renamed Feed");
    }

    @Test
    void stdinCannotBeReadAgainAndSaysSo() throws Exception {
        BlockingQueue<ReaderEvent> q = new LinkedBlockingQueue<>();
        ReaderState state = new ReaderState(KeyMap.defaults(), java.time.ZoneOffset.UTC);
        byte[] sample = Files.readAllBytes(Path.of("sample-feed/tidings-sample.rss.xml"));
        CommandLineFeeds feeds = CommandLineFeeds.start(List.of("-"), new FeedLoader(null,
                new java.io.ByteArrayInputStream(sample)), state, q, () -> false);
        next(q, ReaderEvent.Loaded.class);
        feeds.reload(List.of("-"));
        assertThat(next(q, ReaderEvent.Refreshed.class).message()).isEqualTo("A feed read from stdin cannot be read again");
    }

    @Test
    void offlineRefreshesNothing() {
        ReaderState state = Samples.state(100, 30);
        state.settings().setOffline(true);
        keys(state, "R");
        assertThat(state.drainEffects()).isEmpty();
        assertThat(state.statusText()).isEqualTo("Offline (--offline): nothing is fetched");
    }
}
