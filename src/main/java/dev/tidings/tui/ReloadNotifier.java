package dev.tidings.tui;

import dev.tidings.app.LoadedFeed;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.BooleanSupplier;

/**
 * Tells the user what a background refresh brought, as the config asks ({@code notify = terminal},
 * {@code notify-program}): new items are counted per feed while the refresh runs, and said once
 * when it ends. The notify program starts on its own thread; a failure comes back as a status
 * message.
 */
final class ReloadNotifier {
    private final CellScreen screen;
    private final Map<String, String> env;
    private final Queue<ReaderEvent> queue;
    /** New items per feed name from the background refresh under way: what the notification says. */
    private final Map<String, Integer> arrivals = new LinkedHashMap<>();

    ReloadNotifier(CellScreen screen, Map<String, String> env, Queue<ReaderEvent> queue) {
        this.screen = screen;
        this.env = env;
        this.queue = queue;
    }

    /** A background refresh brought {@code n} new items of this feed. */
    void count(LoadedFeed feed, int n) {
        arrivals.merge(feed.feed().title().isEmpty() ? feed.source() : feed.feed().title(), n, Integer::sum);
    }

    /**
     * The background refresh ended: a terminal notification (drawn under {@code paintLock}, unless
     * the terminal is {@code released}) and the notify program, as {@code live} asks; nothing when
     * it brought nothing.
     */
    void reloaded(LiveOptions live, Object paintLock, BooleanSupplier released) throws IOException {
        if (arrivals.isEmpty()) {
            return;
        }
        int n = arrivals.values().stream().mapToInt(Integer::intValue).sum();
        List<String> feeds = new ArrayList<>(arrivals.keySet());
        arrivals.clear();
        if (live.terminal) {
            String body = n + (n == 1 ? " new item in " : " new items in ") + String.join(", ", feeds);
            synchronized (paintLock) {
                if (!released.getAsBoolean()) {
                    screen.notification(TerminalNotification.bytes("Tidings", body, env));
                }
            }
        }
        NotifyProgram program = live.program;
        if (program != null) {
            Thread t = new Thread(() -> { // starting a process can take a while: never on the UI thread
                String failure = program.start(n, feeds);
                if (failure != null) {
                    queue.offer(new ReaderEvent.Refreshed(null, failure, true, false));
                }
            }, "tidings-notify");
            t.setDaemon(true);
            t.start();
        }
    }
}
