package dev.tidings.app;

import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import dev.tidings.feed.Feeds;
import dev.tidings.model.Feed;
import dev.tidings.store.FeedCache;
import dev.tidings.sync.Account;
import dev.tidings.sync.FeedDocument;
import dev.tidings.sync.GReaderClient;
import dev.tidings.sync.ServerFeed;
import dev.tidings.sync.ServerItem;
import dev.tidings.sync.SyncException;
import dev.tidings.sync.SyncState;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The items of a sync into the feed cache: a new feed's newest items (four feeds at a time), then
 * only what arrived since the last sync, merged into each feed, and the account's "Starred" feed.
 * Each feed is cached as a JSON Feed document with its headline index, like any feed.
 */
final class SyncedItems {
    private final SyncSession session;
    private final Account a;
    private final FeedCache cache;
    private final int firstPerFeed;
    private final int keepPerFeed;

    SyncedItems(SyncSession session, FeedCache cache, int firstPerFeed, int keepPerFeed) {
        this.session = session;
        this.a = session.account();
        this.cache = cache;
        this.firstPerFeed = firstPerFeed;
        this.keepPerFeed = keepPerFeed;
    }

    /** Each new feed's newest items, four feeds at a time. */
    int firstSync(List<ServerFeed> feeds, Map<String, ServerItem> seen,
            Sync.Progress progress) throws SyncException {
        if (feeds.isEmpty()) {
            return 0;
        }
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "tidings-sync");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<ServerItem>>> futures = new ArrayList<>();
            for (ServerFeed f : feeds) {
                futures.add(pool.submit(() -> {
                    List<String> ids = session.call(() -> session.client().allIds(f.streamId(), null, 0, firstPerFeed));
                    List<ServerItem> items = fetch(ids);
                    write(f, items);
                    return items;
                }));
            }
            int n = 0;
            for (int i = 0; i < futures.size(); i++) {
                progress.step("fetching feeds", i, feeds.size());
                for (ServerItem it : futures.get(i).get()) {
                    seen.put(it.hexId(), it);
                    n++;
                }
            }
            return n;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SyncException s) {
                throw s;
            }
            throw new SyncException(SyncException.Kind.LOCAL, "account " + a.name() + ": "
                    + dev.tidings.text.Sanitize.line(String.valueOf(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(SyncException.Kind.NETWORK, "account " + a.name() + ": interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Only what arrived since the last sync (one id listing for the whole account), merged into each feed. */
    int since(List<ServerFeed> feeds, SyncState before, Map<String, ServerItem> seen,
            Set<String> recent, Sync.Progress progress) throws SyncException {
        long since = Math.max(1, before.lastSync() / 1000 - Sync.OVERLAP_SECONDS);
        List<String> listed = session.call(() -> session.client().allIds(GReaderClient.READING_LIST, null, since, 1_000_000));
        recent.addAll(listed);
        List<String> ids = listed.stream().filter(h -> !before.recent().contains(h)).toList();
        if (ids.isEmpty()) {
            return 0;
        }
        progress.step("fetching new items", 0, ids.size());
        Map<String, List<ServerItem>> byFeed = new HashMap<>();
        for (ServerItem it : fetch(ids)) {
            byFeed.computeIfAbsent(it.streamId(), k -> new ArrayList<>()).add(it);
            seen.put(it.hexId(), it);
        }
        int n = 0;
        for (ServerFeed f : feeds) {
            List<ServerItem> add = byFeed.get(f.streamId());
            if (add == null) {
                continue;
            }
            Map<String, ServerItem> merged = new LinkedHashMap<>();
            cache.get(SyncedFeeds.feedUrl(a.name(), f.streamId()))
                    .ifPresent(e -> FeedDocument.read(e.body()).forEach(it -> merged.put(it.hexId(), it)));
            for (ServerItem it : add) {
                if (merged.put(it.hexId(), it) == null) {
                    n++;
                }
            }
            write(f, new ArrayList<>(merged.values()));
        }
        return n;
    }

    private List<ServerItem> fetch(List<String> ids) throws SyncException {
        List<ServerItem> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += Sync.BATCH) {
            List<String> part = ids.subList(i, Math.min(ids.size(), i + Sync.BATCH));
            out.addAll(session.call(() -> session.client().contents(part)));
        }
        return out;
    }

    private void write(ServerFeed f, List<ServerItem> items) throws SyncException {
        put(SyncedFeeds.feedUrl(a.name(), f.streamId()), f.title(), f.htmlUrl(), items);
    }

    /** Newest first, at most {@link #keepPerFeed}, cached with its headline index like any feed. */
    private void put(String url, String title, String home, List<ServerItem> items) throws SyncException {
        List<ServerItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingLong((ServerItem it) -> Math.max(it.published(), it.updated())).reversed());
        if (sorted.size() > keepPerFeed) {
            sorted = sorted.subList(0, keepPerFeed);
        }
        byte[] body = FeedDocument.write(a.name(), title, home, sorted);
        try {
            Feed headlines = Feeds.parse(body, "application/feed+json", dev.tidings.text.Urls.base(url), Detail.HEADLINES);
            cache.putBody(url, body, "application/feed+json", url, null, null, Instant.now(), headlines);
        } catch (IOException | FeedException e) {
            throw new SyncException(SyncException.Kind.LOCAL, "account " + a.name() + ": cannot cache '"
                    + dev.tidings.text.Sanitize.line(title) + "' (" + dev.tidings.text.Sanitize.line(e.getMessage()) + ")");
        }
    }


    /** The account's "Starred" feed: the starred items, fetching those not seen yet. */
    void starredFeed(Set<String> starred, Set<String> starredBefore, Map<String, ServerItem> seen, boolean first)
            throws SyncException {
        String url = SyncedFeeds.starredUrl(a.name());
        boolean cached = cache.meta(url).isPresent();
        if (!first && cached && starred.equals(starredBefore) && starred.stream().noneMatch(seen::containsKey)) {
            return; // the same stars and none of them fetched again: the cached feed is this list
        }
        Map<String, ServerItem> have = new HashMap<>();
        cache.get(url)
                .ifPresent(e -> FeedDocument.read(e.body()).forEach(it -> have.put(it.hexId(), it)));
        cached |= !have.isEmpty();
        List<ServerItem> items = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String h : starred) {
            ServerItem it = seen.containsKey(h) ? seen.get(h) : have.get(h);
            if (it != null) {
                items.add(it);
            } else {
                missing.add(h);
            }
        }
        if (missing.size() > 2000) {
            missing = missing.subList(0, 2000);
        }
        items.addAll(fetch(missing));
        if (!first && cached && missing.isEmpty() && have.keySet().equals(starred)) {
            return; // nothing changed: the cached copy stays
        }
        put(url, "Starred", "", items);
    }
}
