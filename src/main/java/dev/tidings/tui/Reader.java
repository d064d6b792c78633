package dev.tidings.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.Terminal;
import dev.tidings.app.FeedLoader;
import dev.tidings.app.LoadFailure;
import dev.tidings.app.LoadedFeed;
import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import dev.tidings.fetch.SourceException;
import dev.tidings.text.Sanitize;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The full-screen reader: one UI thread owns the {@link ReaderState} and the screen; an input
 * thread and the feed loaders only post events to its queue, so nothing blocks the keyboard and
 * no background thread ever touches Lanterna. EOF on input (a dropped SSH link) quits.
 */
public final class Reader {
    /** Events the UI thread handles, in order. */
    private sealed interface Event {
        record Key(KeyStroke key) implements Event {
        }

        record Resize() implements Event {
        }

        /** A feed is in: from the command line, the cache, or a refresh (then it replaces the old copy). */
        record Loaded(int index, LoadedFeed feed, boolean refresh) implements Event {
            Loaded(int index, LoadedFeed feed) {
                this(index, feed, false);
            }
        }

        /**
         * The start from the cache: every feed whose headline index was current (by position in the urls
         * file), the feed list's rows with the cache's dates and errors, and how many feeds are done.
         */
        record Started(Map<Integer, LoadedFeed> feeds, List<dev.tidings.tui.ReaderState.FeedRow> rows, int done)
                implements Event {
        }

        /** A subscribed feed parsed in full for its article bodies, or why it could not be. */
        record Body(String source, dev.tidings.app.FullFeed feed, String error) implements Event {
        }

        /** One feed of a refresh finished; the feed list's rows as they are now, and what to say. */
        record Refreshed(List<dev.tidings.tui.ReaderState.FeedRow> rows, String message, boolean error, boolean step)
                implements Event {
        }

        /** A refresh of n feeds begins: the progress count starts. */
        record RefreshStarted(int feeds) implements Event {
        }

        record Failed(LoadFailure failure) implements Event {
        }

        record Tick() implements Event {
        }

        record Eof() implements Event {
        }

        /** The collections file was read or written: its content now, and what to tell the user. */
        record Library(dev.tidings.model.Library library, boolean readOnly, String message) implements Event {
        }

        /** The collections file could not be read or written. */
        record StoreFailed(String message, boolean unusable) implements Event {
        }

        record Extracted(String itemId, dev.tidings.model.Item full) implements Event {
        }

        record ExtractFailed(String itemId, String reason) implements Event {
        }
    }

    private final CellScreen screen;
    private final ReaderState state;
    private final Theme theme;
    private final Map<String, String> env;
    private final OutputStream rawOut;
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private Object paintLock = new Object();
    private java.util.function.BooleanSupplier released = () -> false;
    /** Loaded feeds by their position on the command line or in the urls file. */
    private final java.util.TreeMap<Integer, LoadedFeed> loaded = new java.util.TreeMap<>();
    private int tick;
    /** Feeds loading or an article being extracted: the spinner turns. Read by the ticker thread. */
    private volatile boolean busy = true;
    private dev.tidings.store.CollectionStore store;
    private final java.util.concurrent.ExecutorService storeWorker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tidings-store");
        t.setDaemon(true);
        return t;
    });
    private boolean repaintAll = true;

    Reader(CellScreen screen, ReaderState state, Theme theme, Map<String, String> env, OutputStream rawOut) {
        this.screen = screen;
        this.state = state;
        this.theme = theme;
        this.env = env;
        this.rawOut = rawOut;
    }

    /**
     * Runs the reader on the process's terminal until the user quits. The caller has checked
     * that stdin and stdout are terminals and TERM is usable.
     */
    public static int run(List<String> specs, FeedLoader loader, Theme theme, KeyMap keys, List<String> keyErrors,
                          Map<String, String> env, java.time.ZoneId zone, java.nio.file.Path collectionsFile,
                          List<String> readerModeFeeds, dev.tidings.app.Subscribed subscribed,
                          List<dev.tidings.subs.Subscription> subscriptions, boolean offline, BidiMode bidi)
            throws IOException {
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        TtyTerminal terminal = new TtyTerminal(new FileInputStream(FileDescriptor.in), out);
        CellScreen screen = new CellScreen(terminal, out, Glyphs.forTerm(env), bidi.resolve(env));
        ReaderState state = new ReaderState(keys, zone);
        state.setReaderModeFeeds(readerModeFeeds);
        Reader reader = new Reader(screen, state, theme, env, out);
        reader.paintLock = terminal.paintLock;
        reader.released = terminal::released;
        Thread restore = new Thread(() -> {
            synchronized (terminal.paintLock) {
                try {
                    terminal.exitPrivateMode(); // shows the cursor, leaves the alternate screen, once
                } catch (IOException | RuntimeException ignored) {
                    // the terminal may be gone (SIGHUP); Lanterna's own hook restores stty
                }
            }
        }, "tidings-restore");
        Runtime.getRuntime().addShutdownHook(restore);
        boolean subscriptionsMode = subscribed != null && specs.isEmpty() && !subscriptions.isEmpty();
        if (!subscriptionsMode) {
            reader.startLoading(specs, loader); // parses on another core while the terminal is set up
        }
        try {
            screen.startScreen();
            if (!keyErrors.isEmpty()) {
                state.status(keyErrors.get(0) + (keyErrors.size() > 1 ? " (and " + (keyErrors.size() - 1) + " more)" : ""),
                        true);
            }
            terminal.addResizeListener((t, size) -> reader.queue.offer(new Event.Resize()));
            reader.startInput(terminal);
            reader.openStore(collectionsFile);
            reader.openReadState(dev.tidings.store.ReadState.defaultPath(env));
            if (subscriptionsMode) {
                if (subscriptions.stream().anyMatch(s -> ReaderSync.isSynced(s.url()))) {
                    reader.sync = new ReaderSync(env);
                }
                reader.startSubscriptions(subscribed, subscriptions, offline);
            }
            reader.loop();
            reader.finishStoreWrites();
        } finally {
            try {
                synchronized (terminal.paintLock) {
                    if (!terminal.released()) {
                        screen.stopScreen();
                    }
                }
            } finally {
                terminal.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(restore);
                } catch (IllegalStateException ignored) {
                    // already shutting down
                }
            }
        }
        return 0;
    }

    private void startInput(Terminal terminal) {
        Thread t = new Thread(() -> {
            while (true) {
                KeyStroke k;
                try {
                    k = terminal.readInput();
                } catch (IOException | RuntimeException e) {
                    queue.offer(new Event.Eof());
                    return;
                }
                if (k == null || k.getKeyType() == KeyType.EOF) {
                    queue.offer(new Event.Eof());
                    return;
                }
                queue.offer(new Event.Key(k));
            }
        }, "tidings-input");
        t.setDaemon(true);
        t.start();
    }

    /** Reads the collections file in the background; saved markers appear when it is in. */
    void openStore(java.nio.file.Path file) {
        store = new dev.tidings.store.CollectionStore(file);
        storeWorker.submit(() -> {
            try {
                // names and counts first (the browser needs no more), then everything, read strictly
                queue.offer(new Event.Library(store.readIndex(), store.readOnly(), null));
                dev.tidings.model.Library lib = store.read();
                queue.offer(new Event.Library(lib, store.readOnly(), store.readOnly()
                        ? file + " was written by a newer Tidings: collections are read-only" : null));
            } catch (dev.tidings.store.StoreException e) {
                queue.offer(new Event.StoreFailed(e.getMessage(), true));
            }
        });
    }

    /** Carries out a change to the collections off the UI thread; the result comes back as an event. */
    private void storeChange(ReaderState.Effect effect) {
        if (store == null) {
            return;
        }
        storeWorker.submit(() -> {
            try {
                dev.tidings.model.Library lib;
                String msg;
                if (effect instanceof ReaderState.Effect.Toggle) {
                    ReaderState.Effect.Toggle t = (ReaderState.Effect.Toggle) effect;
                    if (t.add()) {
                        lib = store.add(t.collection(), dev.tidings.app.Saved.snapshot(withBody(t.entry()), java.time.Instant.now()));
                        msg = "Saved to " + t.collection();
                    } else {
                        lib = store.remove(t.collection(), t.entry().item().id());
                        msg = "Removed from " + t.collection();
                    }
                } else if (effect instanceof ReaderState.Effect.Create) {
                    ReaderState.Effect.Create c = (ReaderState.Effect.Create) effect;
                    lib = store.create(c.name());
                    msg = "Created collection " + c.name();
                    if (c.entry() != null) {
                        lib = store.add(c.name(), dev.tidings.app.Saved.snapshot(withBody(c.entry()), java.time.Instant.now()));
                        msg = "Created " + c.name() + " and saved the article to it";
                    }
                } else if (effect instanceof ReaderState.Effect.Rename) {
                    ReaderState.Effect.Rename r = (ReaderState.Effect.Rename) effect;
                    lib = store.rename(r.from(), r.to());
                    msg = "Renamed " + r.from() + " to " + r.to();
                } else if (effect instanceof ReaderState.Effect.Delete) {
                    ReaderState.Effect.Delete d = (ReaderState.Effect.Delete) effect;
                    lib = store.delete(d.name());
                    msg = "Deleted collection " + d.name();
                } else {
                    ReaderState.Effect.Remove r = (ReaderState.Effect.Remove) effect;
                    lib = store.remove(r.collection(), r.key());
                    msg = "Removed from " + r.collection();
                }
                queue.offer(new Event.Library(lib, store.readOnly(), msg));
            } catch (dev.tidings.store.StoreException e) {
                queue.offer(new Event.StoreFailed(e.getMessage(), e.kind() == dev.tidings.store.StoreException.Kind.CORRUPT
                        || e.kind() == dev.tidings.store.StoreException.Kind.NOT_A_FILE));
            } catch (dev.tidings.store.CollectionException e) {
                queue.offer(new Event.StoreFailed(e.getMessage(), false));
            }
        });
    }

    private dev.tidings.app.ReaderMode readerMode;
    private final java.util.concurrent.ExecutorService extractor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "tidings-reader-mode");
        t.setDaemon(true);
        return t;
    });

    /** Reader mode in the background: fetch and extract, then post the result. */
    private void extract(dev.tidings.app.Entry entry) {
        if (readerMode == null) {
            readerMode = new dev.tidings.app.ReaderMode(null, dev.tidings.app.ReaderMode.defaultCacheDir(env));
        }
        String id = entry.item().id();
        extractor.submit(() -> {
            try {
                dev.tidings.extract.Extracted x = readerMode.fetch(entry.item().link());
                queue.offer(new Event.Extracted(id, dev.tidings.app.ReaderMode.asItem(x, entry.item())));
            } catch (dev.tidings.fetch.SourceException | dev.tidings.extract.ExtractException e) {
                queue.offer(new Event.ExtractFailed(id, e.getMessage()));
            } catch (RuntimeException | OutOfMemoryError e) {
                queue.offer(new Event.ExtractFailed(id, String.valueOf(e.getMessage())));
            }
        });
    }

    private dev.tidings.store.ReadState readState;

    /** Loads the read-state log (quick: a few KB) before the first frame. */
    void openReadState(java.nio.file.Path file) {
        readState = new dev.tidings.store.ReadState(file);
        try {
            readState.load();
        } catch (dev.tidings.store.StoreException e) {
            state.status(e.getMessage(), true);
        }
        state.setReadState(readState);
    }

    /** Read marks go to disk off the UI thread: marking read costs nothing visible. */
    private void persistRead(String lines) {
        if (readState == null) {
            return;
        }
        long now = System.currentTimeMillis();
        storeWorker.submit(() -> {
            try {
                readState.append(lines);
                if (sync != null) {
                    sync.queueRead(lines, now); // synced items: queued for the server too
                }
            } catch (dev.tidings.store.StoreException e) {
                queue.offer(new Event.StoreFailed(e.getMessage(), false));
            } catch (dev.tidings.sync.SyncException e) {
                queue.offer(new Event.StoreFailed(e.getMessage(), false));
            }
        });
    }

    /** The sync side of the reader, when accounts exist (else null: nothing changes for local feeds). */
    ReaderSync sync;

    /** s: flips the star in memory now, queues the change on the store worker. */
    private void star(dev.tidings.app.Entry e) {
        if (sync == null) {
            state.status("Starring needs a synced account ('tidings account add')", false);
            return;
        }
        String[] why = new String[1];
        dev.tidings.sync.Change c = sync.star(e, System.currentTimeMillis(), why);
        if (c == null) {
            state.status(why[0], false);
            return;
        }
        String account = why[0];
        state.status((c.op() == dev.tidings.sync.Change.Op.STAR ? "Starred" : "Unstarred")
                + " (sent at the next sync: R)", false);
        storeWorker.submit(() -> {
            try {
                sync.queue(account, c);
            } catch (dev.tidings.sync.SyncException ex) {
                queue.offer(new Event.StoreFailed(ex.getMessage(), false));
            }
        });
    }

    /** R on synced feeds: a sync of their accounts, then their feeds and rows read again from the cache. */
    private void syncAccounts(List<String> urls) {
        Map.Entry<String, Boolean> result = sync.sync(urls, (m, err) -> queue.offer(new Event.Refreshed(null, m, err, false)));
        if (readState != null) {
            try {
                readState.load(); // the sync wrote what was read or unread elsewhere
            } catch (dev.tidings.store.StoreException e) {
                queue.offer(new Event.StoreFailed(e.getMessage(), false));
            }
        }
        for (int i = 0; i < subs.size(); i++) {
            dev.tidings.subs.Subscription s = subs.get(i);
            if (ReaderSync.isSynced(s.url())) {
                refreshRow(s.url());
                LoadedFeed f = subscribed.headlines(s, false).feed();
                if (f != null) {
                    queue.offer(new Event.Loaded(i, f, true));
                }
            }
        }
        queue.offer(new Event.Refreshed(feedRows(), result.getKey(), result.getValue(), false));
    }

    /** Waits for pending collection writes (at quit), so nothing the user saved is lost. */
    private void finishStoreWrites() {
        storeWorker.shutdown();
        try {
            storeWorker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private dev.tidings.app.Subscribed subscribed;
    private List<dev.tidings.subs.Subscription> subs = List.of();

    /** Each feed's row as last read from the cache: a refreshed feed re-reads its own meta, not all 200. */
    private final Map<String, ReaderState.FeedRow> rowCache = new java.util.concurrent.ConcurrentHashMap<>();

    /** The feed list's rows: each subscription with its last update and error from the cache (any thread). */
    private List<ReaderState.FeedRow> feedRows() {
        List<ReaderState.FeedRow> rows = new ArrayList<>();
        for (dev.tidings.subs.Subscription s : subs) {
            rows.add(rowCache.computeIfAbsent(s.url(), u -> rowFromCache(s)));
        }
        return rows;
    }

    /** Reads one feed's meta again after its refresh. */
    private void refreshRow(String url) {
        for (dev.tidings.subs.Subscription s : subs) {
            if (s.url().equals(url)) {
                rowCache.put(url, rowFromCache(s));
            }
        }
    }

    private ReaderState.FeedRow rowFromCache(dev.tidings.subs.Subscription s) {
        return row(s, subscribed.cache().meta(s.url()));
    }

    private static ReaderState.FeedRow row(dev.tidings.subs.Subscription s,
                                           java.util.Optional<dev.tidings.store.FeedCache.Entry> c) {
        String name = s.name();
        java.time.Instant updated = c.map(dev.tidings.store.FeedCache.Entry::fetchedAt).orElse(null);
        String error = c.map(x -> dev.tidings.store.FeedCache.GONE.equals(x.status()) ? "gone (HTTP 410)"
                : dev.tidings.store.FeedCache.ERROR.equals(x.status()) ? x.error() : "").orElse("");
        if (error != null && error.startsWith(s.url() + ": ")) {
            error = error.substring(s.url().length() + 2); // the row names the feed already
        }
        if (name.isEmpty()) {
            name = s.url(); // the feed's title replaces it on the UI thread (nameRows)
        }
        return new ReaderState.FeedRow(s.url(), name, s.tags(), updated, error);
    }

    /**
     * Subscriptions mode: every feed from the cache first (instant, offline), then, unless offline,
     * a refresh of all of them in the background; the list does not jump while the user reads.
     */
    void startSubscriptions(dev.tidings.app.Subscribed sub, List<dev.tidings.subs.Subscription> list, boolean offline) {
        subscribed = sub;
        subs = List.copyOf(list);
        List<ReaderState.FeedRow> quick = new ArrayList<>(); // names only; the cache's dates and errors follow
        for (dev.tidings.subs.Subscription s : subs) {
            quick.add(new ReaderState.FeedRow(s.url(), s.name().isEmpty() ? s.url() : s.name(), s.tags(), null, ""));
        }
        state.setFeedRows(quick);
        state.setLoading(subs.size(), subs.size());
        state.setBodies(this::fullItem);
        waitForStart = true;
        Thread t = new Thread(() -> {
            // 1. every feed's meta and headline index (no bodies): the whole list, in one event
            int n = subs.size();
            dev.tidings.app.Subscribed.Headlines[] hs = new dev.tidings.app.Subscribed.Headlines[n];
            java.util.stream.IntStream.range(0, n).parallel()
                    .forEach(i -> hs[i] = subscribed.headlines(subs.get(i), true));
            Map<Integer, LoadedFeed> feeds = new java.util.HashMap<>();
            List<Integer> parse = new ArrayList<>();
            List<String> missing = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < n; i++) {
                dev.tidings.subs.Subscription s = subs.get(i);
                rowCache.put(s.url(), row(s, java.util.Optional.ofNullable(hs[i].meta())));
                if (hs[i].feed() != null) {
                    feeds.put(i, hs[i].feed());
                } else if (hs[i].meta() != null && hs[i].meta().hasBody()) {
                    parse.add(i); // no usable index: parse its body below
                } else {
                    missing.add(s.url());
                }
            }
            queue.offer(new Event.Started(feeds, feedRows(), n - parse.size()));
            // 2. feeds cached without a current index (an older Tidings, another process): parse them
            parse.parallelStream().forEach(i -> {
                dev.tidings.subs.Subscription s = subs.get(i);
                LoadedFeed f = subscribed.headlines(s, false).feed();
                if (f != null) {
                    queue.offer(new Event.Loaded(i, f));
                } else {
                    missing.add(s.url());
                    queue.offer(new Event.Refreshed(null, null, false, true)); // counted as done; fetched below
                }
            });
            queue.offer(new Event.Refreshed(feedRows(), offline ? "Offline: feeds from the cache" : null, false, false));
            if (sync != null) {
                sync.loadStarred();
            }
            if (!offline) {
                refreshUrls(urlsOf(subs));
            } else if (!missing.isEmpty()) {
                queue.offer(new Event.Refreshed(null, missing.size() + " feeds have no cached copy yet (offline)",
                        true, false));
            }
        }, "tidings-subscriptions");
        t.setDaemon(true);
        t.start(); // reading 200 small indexes overlaps the terminal's start instead of following it
    }

    /** Before the first frame, wait this long for the cache's feed list, so it is drawn complete. */
    private static final long START_WAIT_MS = 500;
    private boolean waitForStart;
    /** Set when every subscription read at start is in: traced as "feeds". */
    private boolean startComplete;

    // ---------------------------------------------------------------- article bodies on demand

    /** The last feeds parsed in full (UI thread only): a few, not all 200 (68 MB of XML as objects). */
    private final Map<String, dev.tidings.app.FullFeed> bodies = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, dev.tidings.app.FullFeed> eldest) {
            return size() > 12;
        }
    };
    private final java.util.Set<String> bodiesLoading = new java.util.HashSet<>();
    private final ExecutorService bodyLoader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tidings-bodies");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    /** The full item of a headline-only entry when its feed is parsed; null until then (UI thread). */
    private dev.tidings.model.Item fullItem(dev.tidings.app.Entry e) {
        dev.tidings.app.FullFeed f = bodies.get(e.feed().source());
        return f == null ? null : f.find(e.item());
    }

    /** Parses a subscribed feed in full in the background, unless it is parsed or on its way. */
    private void loadBodies(String source) {
        if (subscribed == null || bodies.containsKey(source) || !bodiesLoading.add(source)) {
            return;
        }
        dev.tidings.subs.Subscription sub = subscription(source);
        bodyLoader.submit(() -> {
            try {
                if (sub == null) {
                    throw new FeedException("not subscribed any more");
                }
                queue.offer(new Event.Body(source, dev.tidings.app.FullFeed.of(subscribed.cached(sub)), null));
            } catch (FeedException | RuntimeException | OutOfMemoryError e) {
                queue.offer(new Event.Body(source, null, Sanitize.line(String.valueOf(e.getMessage()))));
            }
        });
    }

    private dev.tidings.subs.Subscription subscription(String url) {
        for (dev.tidings.subs.Subscription s : subs) {
            if (s.url().equals(url)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The entry with its full item, for saving to a collection (off the UI thread): a headline-only
     * entry's feed is parsed; when that fails the headline is saved as it is.
     */
    private dev.tidings.app.Entry withBody(dev.tidings.app.Entry e) {
        if (!e.feed().headlinesOnly() || subscribed == null) {
            return e;
        }
        dev.tidings.subs.Subscription sub = subscription(e.feed().source());
        try {
            if (sub != null) {
                dev.tidings.model.Item full = dev.tidings.app.FullFeed.of(subscribed.cached(sub)).find(e.item());
                if (full != null) {
                    return new dev.tidings.app.Entry(e.number(), e.feed(), full);
                }
            }
        } catch (FeedException | RuntimeException ignored) {
            // saved without its body
        }
        return e;
    }

    /** While the user moves through headlines, the selected one's feed is parsed ahead (one at a time). */
    private void prefetchBodies() {
        if (subscribed == null || !bodiesLoading.isEmpty()) {
            return;
        }
        dev.tidings.app.Entry e = state.screen() == Action.Screen.LIST ? state.selectedEntry() : null;
        if (e != null && e.feed().headlinesOnly()) {
            loadBodies(e.feed().source());
        }
    }

    /** Merges the loaded feeds' headlines into one list, at most this often while feeds stream in. */
    private static final long MERGE_EVERY_MS = 300;
    private boolean entriesDirty;
    private long lastMerge;

    /** One merge for any number of loaded feeds: 100,000 headlines are not re-sorted per feed. */
    private void mergeEntries(boolean now) {
        if (!entriesDirty) {
            return;
        }
        long t = System.nanoTime() / 1_000_000;
        if (!now && t - lastMerge < MERGE_EVERY_MS && state.pendingFeeds() > 0) {
            return; // the ticker comes back for it
        }
        entriesDirty = false;
        lastMerge = t;
        if (subscribed != null) {
            nameRows();
        }
        state.setEntries(FeedLoader.headlines(new ArrayList<>(loaded.values())));
    }

    /** Feed-list rows without a name take the feed's title once it is loaded (cheap: no disk). */
    private void nameRows() {
        List<ReaderState.FeedRow> rows = state.feedRows();
        List<ReaderState.FeedRow> out = new ArrayList<>(rows.size());
        boolean changed = false;
        for (ReaderState.FeedRow r : rows) {
            if (r.name().equals(r.source())) {
                for (LoadedFeed l : loaded.values()) {
                    if (l.source().equals(r.source()) && !l.feed().title().isEmpty()) {
                        r = new ReaderState.FeedRow(r.source(), l.feed().title(), r.tags(), r.updated(), r.error());
                        changed = true;
                    }
                }
            }
            out.add(r);
        }
        if (changed) {
            state.setFeedRows(out);
        }
    }

    private static List<String> urlsOf(List<dev.tidings.subs.Subscription> list) {
        List<String> urls = new ArrayList<>();
        for (dev.tidings.subs.Subscription s : list) {
            urls.add(s.url());
        }
        return urls;
    }

    /** Refreshes feeds (on the calling background thread), posting each feed as it comes in. */
    private void refreshUrls(List<String> urls) {
        if (sync != null && urls.stream().anyMatch(ReaderSync::isSynced)) {
            syncAccounts(urls);
            urls = ReaderSync.local(urls);
            if (urls.isEmpty()) {
                return;
            }
        }
        List<dev.tidings.subs.Subscription> chosen = new ArrayList<>();
        for (dev.tidings.subs.Subscription s : subs) {
            if (urls.contains(s.url())) {
                chosen.add(s);
            }
        }
        queue.offer(new Event.RefreshStarted(chosen.size()));
        int[] failed = {0};
        try {
            subscribed.refresh(chosen, r -> {
                int index = -1;
                for (int i = 0; i < subs.size(); i++) {
                    if (subs.get(i).url().equals(r.url())) {
                        index = i;
                    }
                }
                String message = null;
                boolean error = false;
                if (index >= 0 && (r.status() == dev.tidings.app.Refresher.Status.UPDATED
                        || r.status() == dev.tidings.app.Refresher.Status.MOVED
                        || (r.status() == dev.tidings.app.Refresher.Status.NOT_MODIFIED && !hasLoaded(index)))) {
                    // the refresher wrote the new body's headline index: read it, not the 340 KB body
                    LoadedFeed f = subscribed.headlines(subs.get(index), false).feed();
                    if (f != null) {
                        queue.offer(new Event.Loaded(index, f, true));
                    } else {
                        message = r.url() + ": the cached copy cannot be read";
                        error = true;
                    }
                }
                if (r.status() == dev.tidings.app.Refresher.Status.MOVED) {
                    message = "Moved: " + r.url() + " → " + r.newUrl() + " (subscription updated)";
                } else if (r.status() == dev.tidings.app.Refresher.Status.FAILED
                        || r.status() == dev.tidings.app.Refresher.Status.GONE) {
                    failed[0]++;
                    message = r.url() + ": " + r.message();
                    error = true;
                }
                refreshRow(r.url());
                queue.offer(new Event.Refreshed(feedRows(), message, error, true));
            });
        } catch (IOException | RuntimeException e) {
            queue.offer(new Event.Refreshed(null, "Refresh failed: " + Sanitize.line(String.valueOf(e.getMessage())),
                    true, false));
        }
        queue.offer(new Event.Refreshed(feedRows(), "Refreshed " + chosen.size()
                + (chosen.size() == 1 ? " feed" : " feeds") + (failed[0] > 0 ? ", " + failed[0] + " failed" : ""),
                failed[0] > 0, false));
    }

    /** Indexes of feeds already in the list; read by the refresh thread. */
    private final java.util.Set<Integer> loadedIndexes = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private boolean hasLoaded(int index) {
        return loadedIndexes.contains(index);
    }

    private void startLoading(List<String> specs, FeedLoader loader) {
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
                    queue.offer(new Event.Loaded(index, loader.load(spec, Detail.FULL)));
                } catch (SourceException e) {
                    queue.offer(new Event.Failed(new LoadFailure(spec, e.getMessage(), LoadFailure.Kind.UNREADABLE)));
                } catch (FeedException e) {
                    queue.offer(new Event.Failed(new LoadFailure(spec, Sanitize.line(spec) + ": " + e.getMessage(),
                            LoadFailure.Kind.INVALID)));
                } catch (RuntimeException | OutOfMemoryError e) {
                    queue.offer(new Event.Failed(new LoadFailure(spec, Sanitize.line(spec) + ": "
                            + Sanitize.line(String.valueOf(e.getMessage())), LoadFailure.Kind.INVALID)));
                }
            });
        }
        pool.shutdown();
        Thread ticker = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(150);
                    if (busy) {
                        queue.offer(new Event.Tick()); // only while something runs: an idle reader draws nothing
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tidings-tick");
        ticker.setDaemon(true);
        ticker.start();
    }

    private void loop() throws IOException {
        resize();
        if (waitForStart) {
            // a first frame with the whole feed list beats one whose counts and dates fill in a moment later
            long deadline = System.nanoTime() + START_WAIT_MS * 1_000_000;
            try {
                long left;
                while (waitForStart && (left = deadline - System.nanoTime()) > 0) {
                    Event e = queue.poll(left, TimeUnit.NANOSECONDS);
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
            Event early; // a feed parsed while the terminal was set up makes the first frame
            while (!state.quitRequested() && (early = queue.poll()) != null) {
                repaintAll |= handle(early);
            }
            mergeEntries(true);
        }
        render();
        while (!state.quitRequested()) {
            Event e;
            try {
                e = queue.take();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            boolean full = handle(e);
            // take whatever else is waiting before drawing: a storm of resizes costs one frame
            Event more;
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
    private boolean handle(Event e) throws IOException {
        if (e instanceof Event.Key) {
            handleKey(((Event.Key) e).key());
            return runEffects();
        }
        if (e instanceof Event.Resize) {
            resize();
            return true;
        }
        if (e instanceof Event.Loaded) {
            Event.Loaded l = (Event.Loaded) e;
            loaded.put(l.index(), l.feed()); // a refreshed feed replaces its older copy
            loadedIndexes.add(l.index());
            if (l.refresh()) {
                bodies.remove(l.feed().source()); // parsed from the old body
            }
            entriesDirty = true; // merged once after the queue is drained, not once per feed
            if (!l.refresh()) {
                state.setLoading(state.pendingFeeds() - 1, state.totalFeeds());
                startComplete |= subscribed != null && state.pendingFeeds() == 0;
            }
            return false;
        }
        if (e instanceof Event.Started) {
            Event.Started st = (Event.Started) e;
            loaded.putAll(st.feeds());
            loadedIndexes.addAll(st.feeds().keySet());
            entriesDirty = true;
            state.setFeedRows(st.rows());
            state.setLoading(Math.max(0, state.pendingFeeds() - st.done()), state.totalFeeds());
            startComplete = state.pendingFeeds() == 0;
            waitForStart = false;
            mergeEntries(true);
            return false;
        }
        if (e instanceof Event.Body) {
            Event.Body b = (Event.Body) e;
            bodiesLoading.remove(b.source());
            if (b.feed() != null) {
                bodies.put(b.source(), b.feed());
                state.bodyLoaded(b.source(), null);
            } else {
                state.bodyLoaded(b.source(), b.error());
            }
            return false;
        }
        if (e instanceof Event.RefreshStarted) {
            int n = ((Event.RefreshStarted) e).feeds();
            state.setLoading(n, n);
            return false;
        }
        if (e instanceof Event.Refreshed) {
            Event.Refreshed r = (Event.Refreshed) e;
            if (r.step()) {
                state.setLoading(Math.max(0, state.pendingFeeds() - 1), state.totalFeeds());
            }
            if (!r.step() && r.rows() != null) {
                startComplete = true; // the start from the cache is done (a refresh may follow)
            }
            if (r.rows() != null) {
                state.setFeedRows(r.rows());
                nameRows();
            }
            if (r.message() != null) {
                state.status(r.message(), r.error());
            }
            return false;
        }
        if (e instanceof Event.Failed) {
            state.addLoadError(((Event.Failed) e).failure().message());
            state.setLoading(state.pendingFeeds() - 1, state.totalFeeds());
            return false;
        }
        if (e instanceof Event.Tick) {
            tick++;
            return false;
        }
        if (e instanceof Event.Eof) {
            state.apply(Action.QUIT, 0);
        }
        if (e instanceof Event.Library) {
            Event.Library l = (Event.Library) e;
            state.setLibrary(l.library(), l.readOnly());
            if (l.message() != null) {
                state.status(l.message(), false);
            }
        }
        if (e instanceof Event.Extracted) {
            state.setExtracted(((Event.Extracted) e).itemId(), ((Event.Extracted) e).full());
        }
        if (e instanceof Event.ExtractFailed) {
            state.extractFailed(((Event.ExtractFailed) e).itemId(), ((Event.ExtractFailed) e).reason());
        }
        if (e instanceof Event.StoreFailed) {
            Event.StoreFailed f = (Event.StoreFailed) e;
            if (f.unusable()) {
                state.setLibraryError(f.message());
            }
            state.status(f.message(), true);
        }
        return false;
    }

    /** One key, as the tests drive it. */
    void handleKey(KeyStroke k) {
        String name = Keys.name(k);
        if (!name.isEmpty()) {
            state.key(name);
        }
    }

    boolean runEffects() throws IOException {
        boolean full = false;
        for (ReaderState.Effect effect : state.drainEffects()) {
            if (effect instanceof ReaderState.Effect.Redraw) {
                full = true;
            } else if (effect instanceof ReaderState.Effect.Copy) {
                copy(((ReaderState.Effect.Copy) effect).url());
            } else if (effect instanceof ReaderState.Effect.Open) {
                full |= open(((ReaderState.Effect.Open) effect).url());
            } else if (effect instanceof ReaderState.Effect.Extract) {
                extract(((ReaderState.Effect.Extract) effect).entry());
            } else if (effect instanceof ReaderState.Effect.Refresh) {
                List<String> urls = ((ReaderState.Effect.Refresh) effect).urls();
                if (subscribed != null) {
                    Thread t = new Thread(() -> refreshUrls(urls), "tidings-refresh");
                    t.setDaemon(true);
                    t.start();
                }
            } else if (effect instanceof ReaderState.Effect.LoadBody) {
                loadBodies(((ReaderState.Effect.LoadBody) effect).entry().feed().source());
            } else if (effect instanceof ReaderState.Effect.PersistRead) {
                persistRead(((ReaderState.Effect.PersistRead) effect).lines());
            } else if (effect instanceof ReaderState.Effect.Star) {
                star(((ReaderState.Effect.Star) effect).entry());
            } else {
                storeChange(effect);
            }
        }
        return full;
    }

    /** OSC 52: the terminal puts the text on the clipboard, across SSH and (with passthrough) tmux. */
    private void copy(String url) throws IOException {
        if (rawOut == null) {
            state.status("Copy is not available here", true);
            return;
        }
        String b64 = Base64.getEncoder().encodeToString(url.getBytes(StandardCharsets.UTF_8));
        String osc = "\u001b]52;c;" + b64 + "\u0007";
        StringBuilder seq = new StringBuilder(osc);
        if (!env.getOrDefault("TMUX", "").isEmpty()) {
            seq.append("\u001bPtmux;\u001b").append(osc).append("\u001b\\");
        }
        synchronized (rawOut) {
            rawOut.write(seq.toString().getBytes(StandardCharsets.US_ASCII));
            rawOut.flush();
        }
        state.status("Copied to the clipboard (OSC 52): " + url, false);
    }

    private boolean open(String url) throws IOException {
        List<String> argv = Browser.command(url, env);
        if (argv == null) {
            state.status((Browser.overSsh(env) ? "No display over SSH" : "No browser found (set $BROWSER)")
                    + ": press y to copy the link, Y to show it", true);
            return false;
        }
        try {
            if (Browser.isTextBrowser(argv)) {
                screen.stopScreen();
                try {
                    Browser.runInTerminal(argv);
                } finally {
                    screen.startScreen();
                }
                return true;
            }
            Browser.startDetached(argv);
            state.status("Opened in " + argv.get(0) + ": " + url, false);
        } catch (IOException e) {
            state.status("Could not start " + argv.get(0) + ": " + Sanitize.line(e.getMessage()), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

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
        trace();
    }

    private boolean tracedFrame;
    private boolean tracedHeadlines;
    private boolean tracedFeeds;

    /**
     * With TIDINGS_TRACE=FILE, appends "frame MS" for the first frame and "headlines MS" for the
     * first frame showing headlines, in milliseconds since the JVM started, and with subscriptions
     * "feeds MS N" for the first frame showing the whole feed list from the cache: what the start-up
     * benchmarks read (bench/tui-first-frame.sh, bench/subs-bench.sh).
     */
    private void trace() {
        String path = env.get("TIDINGS_TRACE");
        if (path == null || path.isEmpty() || (tracedFrame && tracedHeadlines && (tracedFeeds || subscribed == null))) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        // ms since the JVM started (the process start time the OS reports is only second-accurate)
        long ms = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        if (!tracedFrame) {
            tracedFrame = true;
            sb.append("frame ").append(ms).append('\n');
        }
        if (!tracedHeadlines && state.totalEntries() > 0) {
            tracedHeadlines = true;
            sb.append("headlines ").append(ms).append(' ').append(state.totalEntries()).append('\n');
        }
        if (!tracedFeeds && subscribed != null && startComplete && !entriesDirty) {
            tracedFeeds = true; // the whole feed list from the cache: names, counts, dates, errors
            sb.append("feeds ").append(ms).append(' ').append(state.feedRows().size()).append('\n');
        }
        java.nio.file.Path file = java.nio.file.Path.of(path);
        if (sb.length() > 0 && (java.nio.file.Files.isRegularFile(file) || !java.nio.file.Files.exists(file))) {
            try { // only ever appended to a regular file: never a FIFO or device
                java.nio.file.Files.writeString(file, sb.toString(),
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException e) {
                // tracing is best effort
            }
        }
    }

    ReaderState state() {
        return state;
    }
}
