package dev.tidings.tui;

import dev.tidings.app.FeedLoader;
import dev.tidings.app.LoadFailure;
import dev.tidings.app.LoadedFeed;
import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import dev.tidings.fetch.SourceException;
import dev.tidings.text.Sanitize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * Feeds given on the command line (or the sample without any): parsed in parallel, each posted to
 * the reader as it comes in, read again on r and R (stdin cannot be), and a ticker that turns the
 * spinner while something runs.
 */
final class CommandLineFeeds {
    private final List<String> specs;
    private final FeedLoader loader;
    private final BlockingQueue<ReaderEvent> queue;
    private final ExecutorService pool;
    /** A loaded feed's source (as its entries name it) to its position on the command line. */
    private final Map<String, Integer> indexOfSource = new ConcurrentHashMap<>();

    private CommandLineFeeds(List<String> specs, FeedLoader loader, BlockingQueue<ReaderEvent> queue) {
        this.specs = specs;
        this.loader = loader;
        this.queue = queue;
        this.pool = Executors.newFixedThreadPool(Math.min(6, specs.size()), r -> {
            Thread t = new Thread(r, "tidings-load");
            t.setDaemon(true);
            return t;
        });
    }

    /** The feeds the reader shows for {@code specs}: the sample when there are none. */
    static List<String> shown(List<String> specs) {
        return specs.isEmpty() ? List.of(FeedLoader.SAMPLE) : List.copyOf(specs);
    }

    /** Starts loading {@code specs}; {@code busy} says when the spinner should turn. */
    static CommandLineFeeds start(List<String> specs, FeedLoader loader, ReaderState state,
                                  BlockingQueue<ReaderEvent> queue, BooleanSupplier busy) {
        List<String> list = shown(specs);
        state.setLoading(list.size(), list.size());
        state.settings().setCommandLineFeeds(list);
        CommandLineFeeds feeds = new CommandLineFeeds(list, loader, queue);
        for (int i = 0; i < list.size(); i++) {
            feeds.load(i, false);
        }
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
        return feeds;
    }

    /** r / R: reads these feeds (by source or as given) again; each replaces its older copy when it is in. */
    void reload(List<String> sources) {
        List<Integer> indexes = new ArrayList<>();
        boolean stdin = false;
        for (String source : sources) {
            Integer i = indexOfSource.get(source);
            int index = i != null ? i : specs.indexOf(source);
            if (index < 0 || indexes.contains(index)) {
                continue;
            }
            if (specs.get(index).equals("-")) {
                stdin = true;
            } else {
                indexes.add(index);
            }
        }
        if (indexes.isEmpty()) {
            queue.offer(new ReaderEvent.Refreshed(null, stdin ? "A feed read from stdin cannot be read again"
                    : "Nothing to read again", false, false));
            return;
        }
        queue.offer(new ReaderEvent.RefreshStarted(indexes.size()));
        for (int index : indexes) {
            load(index, true);
        }
    }

    private void load(int index, boolean again) {
        String spec = specs.get(index);
        pool.submit(() -> {
            try {
                LoadedFeed feed = loader.load(spec, Detail.FULL);
                indexOfSource.put(feed.source(), index);
                queue.offer(new ReaderEvent.Loaded(index, feed, again));
                if (again) {
                    queue.offer(new ReaderEvent.Refreshed(null, "Read again: " + Sanitize.line(spec), false, true));
                }
            } catch (SourceException e) {
                failed(new LoadFailure(spec, e.getMessage(), LoadFailure.Kind.UNREADABLE));
            } catch (FeedException e) {
                failed(new LoadFailure(spec, Sanitize.line(spec) + ": " + e.getMessage(), LoadFailure.Kind.INVALID));
            } catch (RuntimeException | OutOfMemoryError e) {
                failed(new LoadFailure(spec, Sanitize.line(spec) + ": " + Sanitize.line(String.valueOf(e.getMessage())),
                        LoadFailure.Kind.INVALID));
            }
        });
    }

    private void failed(LoadFailure f) {
        queue.offer(new ReaderEvent.Failed(f));
    }
}
