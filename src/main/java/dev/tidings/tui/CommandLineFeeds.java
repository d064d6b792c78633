package dev.tidings.tui;

import dev.tidings.app.FeedLoader;
import dev.tidings.app.LoadFailure;
import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import dev.tidings.fetch.SourceException;
import dev.tidings.text.Sanitize;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * Feeds given on the command line (or the sample without any): parsed in parallel, each posted to
 * the reader as it comes in, and a ticker that turns the spinner while something runs.
 */
final class CommandLineFeeds {
    private CommandLineFeeds() {
    }

    /** Starts loading {@code specs}; {@code busy} says when the spinner should turn. */
    static void start(List<String> specs, FeedLoader loader, ReaderState state, BlockingQueue<ReaderEvent> queue,
                      BooleanSupplier busy) {
        List<String> list = specs.isEmpty() ? List.of(FeedLoader.SAMPLE) : specs;
        state.setLoading(list.size(), list.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(6, list.size()), r -> {
            Thread t = new Thread(r, "tidings-load");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < list.size(); i++) {
            int index = i;
            String spec = list.get(i);
            pool.submit(() -> {
                try {
                    queue.offer(new ReaderEvent.Loaded(index, loader.load(spec, Detail.FULL)));
                } catch (SourceException e) {
                    queue.offer(new ReaderEvent.Failed(new LoadFailure(spec, e.getMessage(), LoadFailure.Kind.UNREADABLE)));
                } catch (FeedException e) {
                    queue.offer(new ReaderEvent.Failed(new LoadFailure(spec, Sanitize.line(spec) + ": " + e.getMessage(),
                            LoadFailure.Kind.INVALID)));
                } catch (RuntimeException | OutOfMemoryError e) {
                    queue.offer(new ReaderEvent.Failed(new LoadFailure(spec, Sanitize.line(spec) + ": "
                            + Sanitize.line(String.valueOf(e.getMessage())), LoadFailure.Kind.INVALID)));
                }
            });
        }
        pool.shutdown();
        Thread ticker = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(150);
                    if (busy.getAsBoolean()) {
                        queue.offer(new ReaderEvent.Tick()); // only while something runs: an idle reader draws nothing
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tidings-tick");
        ticker.setDaemon(true);
        ticker.start();
    }
}
