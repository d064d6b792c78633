package dev.tidings.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import dev.tidings.app.FeedLoader;
import dev.tidings.app.LoadFailure;
import dev.tidings.app.Subscribed;
import dev.tidings.model.Item;
import dev.tidings.subs.Subscription;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The full-screen reader: one UI thread owns the {@link ReaderState} and the screen; an input
 * thread and the feed loaders only post {@link ReaderEvent}s to its queue, so nothing blocks the
 * keyboard and no background thread ever touches Lanterna. EOF on input (a dropped SSH link) quits.
 * What the state asks for is done by the {@link EffectRunner}; with subscriptions the
 * {@link SubscriptionsFeeder} brings the feeds and the {@link BodyCache} their article bodies.
 */
public final class ReaderLoop {
    /** Before the first frame, wait this long for the cache's feed list, so it is drawn complete. */
    private static final long START_WAIT_MS = 500;

    private final CellScreen screen;
    private final ReaderState state;
    private final Theme theme;
    private final BlockingQueue<ReaderEvent> queue;
    private final StoreWorker store;
    private final EffectRunner effects;
    private final StartupTrace trace;
    private Object paintLock = new Object();
    private BooleanSupplier released = () -> false;
    /** Subscriptions mode only (else null): the feeder and the article bodies it reads. */
    private SubscriptionsFeeder feeder;
    private BodyCache bodies;
    /** The collections file, searched along with the feeds. */
    private Path collectionsFile;
    /** The sync side of the reader, when accounts exist (else null: nothing changes for local feeds). */
    private ReaderSync sync;
    /** Feeds given on the command line (else null), read again on r and R. */
    private CommandLineFeeds commandLine;
    /** The terminal lent out and taken back (Ctrl-Z, a text browser); null on a virtual terminal. */
    private TtyHandOver handOver;
    /** {@code mouse = on}: wheel and clicks act; otherwise reports are dropped. */
    private boolean mouse;
    /** reload-time and notifications. */
    private LiveOptions live = LiveOptions.NONE;
    private final ReloadNotifier notifier;
    private final LoadedFeeds feeds;
    private boolean waitForStart;

    private int tick;
    /** Feeds loading or an article being extracted: the spinner turns. Read by the ticker thread. */
    private volatile boolean busy = true;
    private boolean repaintAll = true;

    ReaderLoop(CellScreen screen, ReaderState state, Theme theme, Map<String, String> env, OutputStream rawOut) {
        this(screen, state, theme, env, rawOut, new LinkedBlockingQueue<>());
    }

    private ReaderLoop(CellScreen screen, ReaderState state, Theme theme, Map<String, String> env, OutputStream rawOut,
                       BlockingQueue<ReaderEvent> queue) {
        this.queue = queue;
        this.screen = screen;
        this.state = state;
        this.theme = theme;
        this.store = new StoreWorker(queue, e -> bodies == null ? e : bodies.withBody(e));
        this.effects = new EffectRunner(state, screen, env, rawOut, queue, store);
        this.trace = new StartupTrace(env.get("TIDINGS_TRACE"));
        this.notifier = new ReloadNotifier(screen, env, queue);
        this.feeds = new LoadedFeeds(state);
    }

    /** How a reader run ended: the feeds that failed, and whether any feed was shown at all. */
    public record Outcome(List<LoadFailure> failures, boolean nothingLoaded) {
        public Outcome {
            failures = List.copyOf(failures);
        }
    }

    /** Settings of the terminal side: {@code mouse = on}, and the {@code browser} command from the config (or null). */
    public record TtySettings(boolean mouse, String browser) {
    }

    /**
     * Runs the reader on the process's terminal until the user quits. The caller has checked
     * that stdin and stdout are terminals and TERM is usable.
     */
    public static Outcome run(List<String> specs, FeedLoader loader, Theme theme, KeyMap keys, List<String> keyErrors,
                          Map<String, String> env, ZoneId zone, Path collectionsFile,
                          List<String> readerModeFeeds, Subscribed subscribed,
                          List<Subscription> subscriptions, boolean offline, BidiMode bidi, TtySettings tty,
                          Launchers launchers, ReaderRules rules, LiveOptions live)
            throws IOException {
        ReaderState state = new ReaderState(keys, zone);
        state.settings().setReaderModeFeeds(readerModeFeeds);
        state.settings().setOffline(offline);
        state.settings().setSendToNames(launchers.commandNames());
        state.settings().setRules(rules.ignore(), rules.queries(), rules.sort());
        BlockingQueue<ReaderEvent> queue = new LinkedBlockingQueue<>();
        java.util.concurrent.atomic.AtomicReference<ReaderLoop> running = new java.util.concurrent.atomic.AtomicReference<>();
        boolean subscriptionsMode = subscribed != null && specs.isEmpty() && !subscriptions.isEmpty();
        // the feeds parse while the terminal is set up (stty runs as child processes: tens of ms)
        CommandLineFeeds commandLine = subscriptionsMode ? null : CommandLineFeeds.start(specs, loader, state, queue,
                () -> running.get() == null || running.get().busy);
        ReaderTerminal term = new ReaderTerminal(env, bidi, tty.mouse());
        TtyTerminal terminal = term.terminal;
        CellScreen screen = term.screen;
        ReaderLoop reader = new ReaderLoop(screen, state, theme, env, term.out, queue);
        running.set(reader);
        reader.effects.launchers(launchers);
        reader.live = live;
        reader.paintLock = terminal.paintLock;
        reader.released = terminal::released;
        reader.mouse = tty.mouse();
        reader.handOver = new TtyHandOver(terminal, screen, term.input);
        reader.effects.terminal(reader.handOver, tty.browser(), offline);
        term.restoreOnShutdown();
        if (commandLine != null) {
            reader.commandLine = commandLine;
            reader.effects.commandLine(commandLine);
        }
        try {
            screen.startScreen();
            if (!keyErrors.isEmpty()) {
                state.status(keyErrors.get(0) + (keyErrors.size() > 1 ? " (and " + (keyErrors.size() - 1) + " more)" : ""),
                        true);
            }
            terminal.addResizeListener((t, size) -> reader.queue.offer(new ReaderEvent.Resize()));
            reader.handOver.handleSuspend(() -> reader.queue.offer(new ReaderEvent.Suspend()));
            KeyInput.start(terminal, term.input, reader.queue);
            reader.store.openStore(collectionsFile);
            reader.store.openReadState(dev.tidings.store.ReadState.defaultPath(env), state);
            if (subscriptionsMode) {
                if (subscriptions.stream().anyMatch(s -> ReaderSync.isSynced(s.url()))) {
                    reader.sync(new ReaderSync(env));
                }
                reader.collectionsFile = collectionsFile;
                reader.startSubscriptions(subscribed, subscriptions, offline);
            }
            reader.loop();
            reader.store.finish();
        } finally {
            term.close();
        }
        return new Outcome(reader.feeds.failures(), reader.feeds.isEmpty());
    }

    /** Synced subscriptions: read marks and stars are queued for their accounts, R syncs them. */
    void sync(ReaderSync s) {
        sync = s;
        state.settings().starredBy(s::isStarred);
        store.sync(s);
        effects.sync(s);
    }

    /** Loads the read-state log (as the start does; for the benchmarks). */
    void openReadState(Path file) {
        store.openReadState(file, state);
    }

    /** Runs the queued effects (as a key does; for the benchmarks); true when all must be repainted. */
    boolean runEffects() throws IOException {
        return effects.runAll();
    }

    /**
     * Subscriptions mode: every feed from the cache first (instant, offline), then, unless offline,
     * a refresh of all of them in the background; the list does not jump while the user reads.
     */
    void startSubscriptions(Subscribed subscribed, List<Subscription> list, boolean offline) {
        feeder = new SubscriptionsFeeder(queue, subscribed, list, feeds::contains, sync,
                store.readState());
        bodies = new BodyCache(queue, feeder);
        effects.subscriptions(feeder, bodies);
        effects.search(new ReaderSearch(queue, subscribed.searching(), list, collectionsFile));
        state.settings().setBodies(bodies::fullItem);
        waitForStart = true;
        feeder.start(state, offline);
        if (!offline) {
            feeder.startReloads(new ReloadSchedule(list, live.reloadMinutes, java.time.Instant.now()),
                    java.time.Duration.ofSeconds(30));
        }
    }

    /** reload-time and notifications (tests; {@link #run} sets them). */
    void live(LiveOptions options) {
        this.live = options;
    }

    // ---------------------------------------------------------------- the loop

    private void loop() throws IOException {
        resize();
        if (waitForStart) {
            // a first frame with the whole feed list beats one whose counts and dates fill in a moment later
            long deadline = System.nanoTime() + START_WAIT_MS * 1_000_000;
            try {
                long left;
                while (waitForStart && (left = deadline - System.nanoTime()) > 0) {
                    ReaderEvent e = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (e == null) {
                        break;
                    }
                    repaintAll |= handle(e);
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            mergeEntries(true);
            if (state.quitRequested()) {
                return;
            }
        } else {
            ReaderEvent early; // a feed parsed while the terminal was set up makes the first frame
            while (!state.quitRequested() && (early = queue.poll()) != null) {
                repaintAll |= handle(early);
            }
            mergeEntries(true);
        }
        render();
        while (!state.quitRequested()) {
            ReaderEvent e;
            try {
                e = queue.take();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            boolean full = handle(e);
            // take whatever else is waiting before drawing: a storm of resizes costs one frame
            ReaderEvent more;
            while (!state.quitRequested() && (more = queue.poll()) != null) {
                full |= handle(more);
            }
            if (state.quitRequested()) {
                return;
            }
            mergeEntries(false);
            prefetchBodies();
            if (full) {
                repaintAll = true;
            }
            render();
        }
    }

    /** Handles one event; true when the screen must be repainted completely. */
    private boolean handle(ReaderEvent e) throws IOException {
        if (e instanceof ReaderEvent.Key) {
            handleKey(((ReaderEvent.Key) e).key());
            return effects.runAll();
        }
        if (e instanceof ReaderEvent.Resize) {
            resize();
            return true;
        }
        if (e instanceof ReaderEvent.Suspend) {
            if (handOver != null) {
                handOver.suspend();
                resize();
            }
            return true;
        }
        if (e instanceof ReaderEvent.Paste) {
            state.paste(((ReaderEvent.Paste) e).text());
            return effects.runAll();
        }
        if (e instanceof ReaderEvent.Mouse) {
            if (mouse) {
                state.mouse(((ReaderEvent.Mouse) e).report());
                return effects.runAll();
            }
            return false; // not asked for: a stray report is no key
        }
        if (e instanceof ReaderEvent.Loaded) {
            ReaderEvent.Loaded l = (ReaderEvent.Loaded) e;
            List<Item> fresh = feeds.loaded(l, feeder != null); // a refresh replaces the older copy
            if (!fresh.isEmpty()) {
                state.arrived(fresh); // "N new" in the title bar
                if (l.background()) {
                    notifier.count(l.feed(), fresh.size());
                }
            }
            if (l.refresh() && bodies != null) {
                bodies.forget(l.feed().source()); // parsed from the old body
                state.feedReloaded(l.feed().source());
            }
            return false;
        }
        if (e instanceof ReaderEvent.Started) {
            feeds.started((ReaderEvent.Started) e);
            waitForStart = false;
            mergeEntries(true);
            return false;
        }
        if (e instanceof ReaderEvent.Body) {
            ReaderEvent.Body b = (ReaderEvent.Body) e;
            if (bodies != null) {
                bodies.arrived(b);
            }
            state.bodyLoaded(b.source(), b.feed() != null ? null : b.error());
            return false;
        }
        if (e instanceof ReaderEvent.Reloaded) {
            notifier.reloaded(live, paintLock, released);
            return false;
        }
        if (e instanceof ReaderEvent.Refreshed) {
            feeds.refreshed((ReaderEvent.Refreshed) e);
            return false;
        }
        if (e instanceof ReaderEvent.Failed) {
            feeds.failed(((ReaderEvent.Failed) e).failure());
            return false;
        }
        if (e instanceof ReaderEvent.Tick) {
            tick++;
            return false;
        }
        StateEvents.apply(state, e); // the answers of the store, search and reader-mode threads
        return false;
    }

    /** Handles one event as the loop does (tests): merged at once, not drawn. */
    void handleEvent(ReaderEvent e) throws IOException {
        repaintAll |= handle(e);
        mergeEntries(true);
    }

    /** The reader's event queue (tests wait on what background work posts). */
    java.util.concurrent.BlockingQueue<ReaderEvent> queue() {
        return queue;
    }

    /** One key, as the tests drive it. */
    void handleKey(KeyStroke k) {
        String name = Keys.name(k);
        if (!name.isEmpty()) {
            state.key(name);
        }
    }

    /** While the user moves through headlines, the selected one's feed is parsed ahead (one at a time). */
    private void prefetchBodies() {
        if (bodies == null || bodies.busy()) {
            return;
        }
        dev.tidings.app.Headline e = state.screen() == Action.Screen.LIST ? state.selectedEntry() : null;
        if (e != null && e.feed().headlinesOnly()) {
            bodies.load(e.feed().source());
        }
        String check; // ignore rules on content: each headline-only feed parsed once, one at a time
        while (!bodies.busy() && (check = state.nextBodiesToCheck()) != null) {
            if (bodies.has(check)) {
                state.bodyLoaded(check, null); // parsed already: decided now
            } else {
                bodies.load(check);
            }
        }
    }

    /** One merge for any number of loaded feeds; with subscriptions, rows are named first. */
    private void mergeEntries(boolean now) {
        feeds.merge(now, feeder != null);
    }

    // ---------------------------------------------------------------- drawing

    void resize() {
        TerminalSize size = screen.doResizeIfNecessary();
        if (size == null) {
            size = screen.getTerminalSize();
        }
        state.setSize(size.getColumns(), size.getRows());
        repaintAll = true;
    }

    /** Draws the state; after a resize or redraw every cell is sent again, else only changes. */
    void render() throws IOException {
        busy = state.pendingFeeds() > 0 || state.extracting();
        synchronized (paintLock) {
            if (released.getAsBoolean()) {
                return; // shutting down: the user's screen is back, draw nothing on it
            }
            View.draw(state, screen, theme, tick, screen.reorders());
            screen.refresh(repaintAll);
        }
        repaintAll = false;
        trace.frame(state, feeder != null, feeds.startComplete() && !feeds.dirty());
    }

    ReaderState state() {
        return state;
    }
}
