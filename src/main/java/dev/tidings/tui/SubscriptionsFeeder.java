package dev.tidings.tui;

import dev.tidings.app.LoadedFeed;
import dev.tidings.app.Refresher;
import dev.tidings.app.Subscribed;
import dev.tidings.store.CacheMeta;
import dev.tidings.store.CacheStatus;
import dev.tidings.subs.Subscription;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Subscriptions mode: feeds the reader every subscribed feed from the cache first (instant,
 * offline), then, unless offline, refreshes them in the background, posting each feed and the feed
 * list's rows as {@link ReaderEvent}s. Refreshes asked for with "r"/"R" come through here too.
 */
final class SubscriptionsFeeder {
    private final BlockingQueue<ReaderEvent> queue;
    private final Subscribed subscribed;
    private final List<Subscription> subs;
    /** True for a feed (by its index) already in the reader's list; read on the refresh thread. */
    private final IntPredicate hasLoaded;
    /** Each feed's row as last read from the cache: a refreshed feed re-reads its own meta, not all 200. */
    private final Map<String, FeedRow> rowCache = new ConcurrentHashMap<>();
    /** The sync side, when any subscription is synced (else null: nothing changes for local feeds). */
    private final ReaderSync sync;
    /** The read-state log, read again after a sync (null without one). */
    private final dev.tidings.store.ReadState readState;

    SubscriptionsFeeder(BlockingQueue<ReaderEvent> queue, Subscribed subscribed, List<Subscription> subs,
                        IntPredicate hasLoaded, ReaderSync sync, dev.tidings.store.ReadState readState) {
        this.queue = queue;
        this.subscribed = subscribed;
        this.subs = List.copyOf(subs);
        this.hasLoaded = hasLoaded;
        this.sync = sync;
        this.readState = readState;
    }

    Subscribed subscribed() {
        return subscribed;
    }

    /** The subscription of this feed URL, or null when it is not subscribed (any more). */
    Subscription subscription(String url) {
        for (Subscription s : subs) {
            if (s.url().equals(url)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Gives the state the feed list's rows (names only; the cache's dates and errors follow), then
     * reads every feed from the cache and refreshes them unless {@code offline}, on its own thread.
     */
    void start(ReaderState state, boolean offline) {
        List<FeedRow> quick = new ArrayList<>();
        for (Subscription s : subs) {
            quick.add(new FeedRow(s.url(), s.name().isEmpty() ? s.url() : s.name(), s.tags(), null, ""));
        }
        state.setFeedRows(quick);
        state.setLoading(subs.size(), subs.size());
        Thread t = new Thread(() -> feed(offline), "tidings-subscriptions");
        t.setDaemon(true);
        t.start(); // reading 200 small indexes overlaps the terminal's start instead of following it
    }

    private void feed(boolean offline) {
        // 1. every feed's meta and headline index (no bodies): the whole list, in one event
        int n = subs.size();
        Subscribed.Headlines[] hs = new Subscribed.Headlines[n];
        IntStream.range(0, n).parallel().forEach(i -> hs[i] = subscribed.headlines(subs.get(i), true));
        Map<Integer, LoadedFeed> feeds = new HashMap<>();
        List<Integer> parse = new ArrayList<>();
        List<String> missing = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            Subscription s = subs.get(i);
            rowCache.put(s.url(), row(s, Optional.ofNullable(hs[i].meta())));
            if (hs[i].feed() != null) {
                feeds.put(i, hs[i].feed());
            } else if (hs[i].meta() != null && hs[i].meta().hasBody()) {
                parse.add(i); // no usable index: parse its body below
            } else {
                missing.add(s.url());
            }
        }
        queue.offer(new ReaderEvent.Started(feeds, feedRows(), n - parse.size()));
        // 2. feeds cached without a current index (an older Tidings, another process): parse them
        parse.parallelStream().forEach(i -> {
            Subscription s = subs.get(i);
            LoadedFeed f = subscribed.headlines(s, false).feed();
            if (f != null) {
                queue.offer(new ReaderEvent.Loaded(i, f));
            } else {
                missing.add(s.url());
                queue.offer(new ReaderEvent.Refreshed(null, null, false, true)); // counted as done; fetched below
            }
        });
        queue.offer(new ReaderEvent.Refreshed(feedRows(), offline ? "Offline: feeds from the cache" : null, false, false));
        if (sync != null) {
            sync.loadStarred();
        }
        if (!offline) {
            refreshNow(urlsOf(subs), false);
        } else if (!missing.isEmpty()) {
            queue.offer(new ReaderEvent.Refreshed(null, missing.size() + " feeds have no cached copy yet (offline)",
                    true, false));
        }
    }

    /** Refreshes these feeds (by URL) on a background thread. */
    void refresh(List<String> urls) {
        Thread t = new Thread(() -> refreshNow(urls, false), "tidings-refresh");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Starts the reload-time thread: every {@code checkEvery} it asks {@code schedule} which feeds
     * are due and refreshes them in the background, one run at a time (a run still going when the
     * next check comes is not doubled). The thread is a daemon and ends with the reader.
     */
    void startReloads(ReloadSchedule schedule, java.time.Duration checkEvery) {
        if (!schedule.any()) {
            return;
        }
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(checkEvery.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                List<String> due = schedule.due(java.time.Instant.now());
                if (!due.isEmpty()) {
                    refreshNow(due, true);
                }
            }
        }, "tidings-reload");
        t.setDaemon(true);
        t.start();
    }

    /** The feed list's rows: each subscription with its last update and error from the cache (any thread). */
    private List<FeedRow> feedRows() {
        List<FeedRow> rows = new ArrayList<>();
        for (Subscription s : subs) {
            rows.add(rowCache.computeIfAbsent(s.url(), u -> rowFromCache(s)));
        }
        return rows;
    }

    /** Reads one feed's meta again after its refresh. */
    private void refreshRow(String url) {
        for (Subscription s : subs) {
            if (s.url().equals(url)) {
                rowCache.put(url, rowFromCache(s));
            }
        }
    }

    private FeedRow rowFromCache(Subscription s) {
        return row(s, subscribed.cache().meta(s.url()));
    }

    private static FeedRow row(Subscription s, Optional<CacheMeta> c) {
        String name = s.name();
        Instant updated = c.map(CacheMeta::fetchedAt).orElse(null);
        String error = c.map(x -> x.status() == CacheStatus.GONE ? "gone (HTTP 410)"
                : x.status() == CacheStatus.ERROR ? x.error() : "").orElse("");
        if (error != null && error.startsWith(s.url() + ": ")) {
            error = error.substring(s.url().length() + 2); // the row names the feed already
        }
        if (name.isEmpty()) {
            name = s.url(); // the feed's title replaces it on the UI thread (ReaderLoop.nameRows)
        }
        return new FeedRow(s.url(), name, s.tags(), updated, error);
    }

    private static List<String> urlsOf(List<Subscription> list) {
        List<String> urls = new ArrayList<>();
        for (Subscription s : list) {
            urls.add(s.url());
        }
        return urls;
    }

    /** R on synced feeds: a sync of their accounts, then their feeds and rows read again from the cache. */
    private void syncAccounts(List<String> urls) {
        Map.Entry<String, Boolean> result = sync.sync(urls,
                (m, err) -> queue.offer(new ReaderEvent.Refreshed(null, m, err, false)));
        if (readState != null) {
            try {
                readState.load(); // the sync wrote what was read or unread elsewhere
            } catch (dev.tidings.store.StoreException e) {
                queue.offer(new ReaderEvent.StoreFailed(e.getMessage(), false));
            }
        }
        for (int i = 0; i < subs.size(); i++) {
            Subscription s = subs.get(i);
            if (ReaderSync.isSynced(s.url())) {
                refreshRow(s.url());
                LoadedFeed f = subscribed.headlines(s, false).feed();
                if (f != null) {
                    queue.offer(new ReaderEvent.Loaded(i, f, true));
                }
            }
        }
        queue.offer(new ReaderEvent.Refreshed(feedRows(), result.getKey(), result.getValue(), false));
    }

    /**
     * Refreshes feeds (on the calling background thread), posting each feed as it comes in. A
     * {@code background} refresh (reload-time) is quiet: no spinner, no status line messages (a
     * failure still shows in the feed list's row); synced feeds are left to R and 'tidings sync'.
     */
    private void refreshNow(List<String> urls, boolean background) {
        if (background) {
            urls = ReaderSync.local(urls);
            if (urls.isEmpty()) {
                return;
            }
        } else if (sync != null && urls.stream().anyMatch(ReaderSync::isSynced)) {
            syncAccounts(urls);
            urls = ReaderSync.local(urls);
            if (urls.isEmpty()) {
                return;
            }
        }
        List<Subscription> chosen = new ArrayList<>();
        for (Subscription s : subs) {
            if (urls.contains(s.url())) {
                chosen.add(s);
            }
        }
        if (!background) {
            queue.offer(new ReaderEvent.RefreshStarted(chosen.size()));
        }
        int[] failed = {0};
        List<Refresher.Result> results = List.of();
        try {
            results = subscribed.refresh(chosen, r -> {
                int index = -1;
                for (int i = 0; i < subs.size(); i++) {
                    if (subs.get(i).url().equals(r.url())) {
                        index = i;
                    }
                }
                String message = null;
                boolean error = false;
                if (index >= 0 && (r.status() == Refresher.Status.UPDATED || r.status() == Refresher.Status.MOVED
                        || (r.status() == Refresher.Status.NOT_MODIFIED && !hasLoaded.test(index)))) {
                    // the refresher wrote the new body's headline index: read it, not the 340 KB body
                    LoadedFeed f = subscribed.headlines(subs.get(index), false).feed();
                    if (f != null) {
                        queue.offer(new ReaderEvent.Loaded(index, f, true, background));
                    } else {
                        message = r.url() + ": the cached copy cannot be read";
                        error = true;
                    }
                }
                if (r.status() == Refresher.Status.MOVED) {
                    message = "Moved: " + r.url() + " → " + r.newUrl() + " (subscription updated)";
                } else if (r.status() == Refresher.Status.FAILED || r.status() == Refresher.Status.GONE) {
                    failed[0]++;
                    message = r.url() + ": " + r.message();
                    error = true;
                }
                refreshRow(r.url());
                queue.offer(background ? new ReaderEvent.Refreshed(feedRows(), null, false, false)
                        : new ReaderEvent.Refreshed(feedRows(), message, error, true));
            });
        } catch (IOException | RuntimeException e) {
            queue.offer(new ReaderEvent.Refreshed(null, "Refresh failed: " + Sanitize.line(String.valueOf(e.getMessage())),
                    true, false));
        }
        if (background) {
            queue.offer(new ReaderEvent.Refreshed(feedRows(), null, false, false));
            queue.offer(new ReaderEvent.Reloaded());
            return;
        }
        queue.offer(new ReaderEvent.Refreshed(feedRows(), "Refreshed " + chosen.size()
                + (chosen.size() == 1 ? " feed" : " feeds") + (failed[0] > 0 ? ", " + failed[0] + " failed" : ""),
                failed[0] > 0, false));
        subscribed.searching().afterRefresh(results, chosen); // after the news: search catches up quietly
    }
}
