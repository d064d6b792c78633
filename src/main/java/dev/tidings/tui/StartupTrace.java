package dev.tidings.tui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * With TIDINGS_TRACE=FILE, appends "frame MS" for the first frame and "headlines MS N" for the
 * first frame showing headlines, in milliseconds since the JVM started, and with subscriptions
 * "feeds MS N" for the first frame showing the whole feed list from the cache: what the start-up
 * benchmarks read (bench/tui-first-frame.sh, bench/subs-bench.sh).
 */
final class StartupTrace {
    private final String path;
    private boolean tracedFrame;
    private boolean tracedHeadlines;
    private boolean tracedFeeds;

    /** The JVM's clock, looked up off the UI thread: loading JMX took the traced start ~20 ms. */
    private final java.util.concurrent.CompletableFuture<java.lang.management.RuntimeMXBean> runtime;

    /** {@code path} null or empty: no tracing. */
    StartupTrace(String path) {
        this.path = path;
        this.runtime = path == null || path.isEmpty() ? null
                : java.util.concurrent.CompletableFuture.supplyAsync(ManagementFactory::getRuntimeMXBean,
                        r -> {
                            Thread t = new Thread(r, "tidings-trace");
                            t.setDaemon(true);
                            t.start();
                        });
    }

    /** After a frame: {@code feedsComplete} when every subscription read at start is in and merged. */
    void frame(ReaderState state, boolean subscriptions, boolean feedsComplete) {
        if (path == null || path.isEmpty() || (tracedFrame && tracedHeadlines && (tracedFeeds || !subscriptions))) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        // ms since the JVM started (the process start time the OS reports is only second-accurate)
        long ms = runtime.join().getUptime();
        if (!tracedFrame) {
            tracedFrame = true;
            sb.append("frame ").append(ms).append('\n');
        }
        if (!tracedHeadlines && state.totalEntries() > 0) {
            tracedHeadlines = true;
            sb.append("headlines ").append(ms).append(' ').append(state.totalEntries()).append('\n');
        }
        if (!tracedFeeds && subscriptions && feedsComplete) {
            tracedFeeds = true; // the whole feed list from the cache: names, counts, dates, errors
            sb.append("feeds ").append(ms).append(' ').append(state.feedList().feeds().size()).append('\n');
        }
        Path file = Path.of(path);
        if (sb.length() > 0 && (Files.isRegularFile(file) || !Files.exists(file))) {
            try { // only ever appended to a regular file: never a FIFO or device
                Files.writeString(file, sb.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException e) {
                // tracing is best effort
            }
        }
    }
}
