package dev.tidings.tui;

import dev.tidings.app.FeedLoader;
import dev.tidings.app.LoadFailure;
import dev.tidings.app.LoadedFeed;
import dev.tidings.model.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The feeds the reader has, by their position on the command line or in the urls file, and those
 * it could not read: loaded, refreshed (a copy replaces the older one) and failed feeds count the
 * state's "loading n/m" down, and all of them are merged into the state's one headline list, at
 * most every {@link #MERGE_EVERY_MS} ms while feeds stream in (100,000 headlines are not re-sorted
 * per feed). Lives on the UI thread; only {@link #contains} is read by the refresh thread.
 */
final class LoadedFeeds {
    /** Merges the loaded feeds' headlines into one list, at most this often while feeds stream in. */
    static final long MERGE_EVERY_MS = 300;

    private final ReaderState state;
    /** Loaded feeds by their position on the command line or in the urls file. */
    private final TreeMap<Integer, LoadedFeed> loaded = new TreeMap<>();
    /** Indexes of feeds already in the list; read by the refresh thread. */
    private final Set<Integer> loadedIndexes = ConcurrentHashMap.newKeySet();
    /** Feeds that could not be read, for the exit code when none could. */
    private final List<LoadFailure> failures = new ArrayList<>();
    private boolean dirty;
    private long lastMerge;
    /** Set when every subscription read at start is in: traced as "feeds". */
    private boolean startComplete;

    LoadedFeeds(ReaderState state) {
        this.state = state;
    }

    /**
     * A feed loaded, or a refreshed copy replacing the older one: merged once the queue is drained,
     * not once per feed. Returns, for a refresh, the items the older copy did not have; else nothing.
     * A first load counts "loading" down ({@code subscriptions}: the start is complete at 0).
     */
    List<Item> loaded(ReaderEvent.Loaded l, boolean subscriptions) {
        LoadedFeed old = loaded.put(l.index(), l.feed());
        List<Item> fresh = l.refresh() && old != null ? newItems(old, l.feed()) : List.of();
        loadedIndexes.add(l.index());
        dirty = true;
        if (!l.refresh()) {
            state.setLoading(state.pendingFeeds() - 1, state.totalFeeds());
            startComplete |= subscriptions && state.pendingFeeds() == 0;
        }
        return fresh;
    }

    /** The feeds read from the cache at start, all at once, with the feed list's rows. */
    void started(ReaderEvent.Started st) {
        loaded.putAll(st.feeds());
        loadedIndexes.addAll(st.feeds().keySet());
        dirty = true;
        state.setFeedRows(st.rows());
        state.setLoading(Math.max(0, state.pendingFeeds() - st.done()), state.totalFeeds());
        startComplete = state.pendingFeeds() == 0;
    }

    /** A step of a refresh, or its end with the feed list's new rows and a message. */
    void refreshed(ReaderEvent.Refreshed r) {
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
    }

    /** A feed could not be read: said in the status line, kept for the exit code. */
    void failed(LoadFailure failure) {
        failures.add(failure);
        state.addLoadError(failure.message());
        state.setLoading(state.pendingFeeds() - 1, state.totalFeeds());
    }

    List<LoadFailure> failures() {
        return failures;
    }

    /** True once every subscription read at start is in. */
    boolean startComplete() {
        return startComplete;
    }

    /** True when the feed at this position is in the list (thread-safe). */
    boolean contains(int index) {
        return loadedIndexes.contains(index);
    }

    boolean isEmpty() {
        return loaded.isEmpty();
    }

    /** True while loaded feeds wait to be merged into the headline list. */
    boolean dirty() {
        return dirty;
    }

    /**
     * Merges the loaded feeds into the state's headline list when any changed: {@code now}, or
     * when the last merge is {@link #MERGE_EVERY_MS} old or no feed is pending; feed-list rows
     * ({@code nameRows}: with subscriptions) are named first.
     */
    void merge(boolean now, boolean nameRows) {
        if (!dirty) {
            return;
        }
        long t = System.nanoTime() / 1_000_000;
        if (!now && t - lastMerge < MERGE_EVERY_MS && state.pendingFeeds() > 0) {
            return; // the ticker comes back for it
        }
        dirty = false;
        lastMerge = t;
        if (nameRows) {
            nameRows();
        }
        state.setEntries(FeedLoader.headlines(new ArrayList<>(loaded.values())));
    }

    /** Feed-list rows without a name take the feed's title once it is loaded (cheap: no disk). */
    private void nameRows() {
        List<FeedRow> rows = state.feedList().feeds();
        List<FeedRow> out = new ArrayList<>(rows.size());
        boolean changed = false;
        for (FeedRow r : rows) {
            if (r.name().equals(r.source())) {
                for (LoadedFeed l : loaded.values()) {
                    if (l.source().equals(r.source()) && !l.feed().title().isEmpty()) {
                        r = new FeedRow(r.source(), l.feed().title(), r.tags(), r.updated(), r.error());
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

    /** Items of a refreshed feed that its previous copy did not have. */
    private static List<Item> newItems(LoadedFeed old, LoadedFeed feed) {
        Set<String> had = new HashSet<>();
        for (Item it : old.feed().items()) {
            had.add(it.id());
        }
        List<Item> fresh = new ArrayList<>();
        for (Item it : feed.feed().items()) {
            if (!had.contains(it.id())) {
                fresh.add(it);
            }
        }
        return fresh;
    }
}
