package dev.tidings.app;

import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import dev.tidings.feed.Feeds;
import dev.tidings.fetch.FetchLimits;
import dev.tidings.model.Feed;
import dev.tidings.store.FeedCache;
import dev.tidings.store.ReadState;
import dev.tidings.store.StoreException;
import dev.tidings.sync.Account;
import dev.tidings.sync.Change;
import dev.tidings.sync.ChangeQueue;
import dev.tidings.sync.FeedDocument;
import dev.tidings.sync.GReaderClient;
import dev.tidings.sync.ItemIds;
import dev.tidings.sync.ServerFeed;
import dev.tidings.sync.ServerItem;
import dev.tidings.sync.SyncException;
import dev.tidings.sync.SyncState;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One sync of one account, in this order: push the queued changes, read the subscriptions, fetch the
 * new items (a first sync: the newest {@link #firstPerFeed} of each feed; later: only what arrived since
 * the last sync), read the unread and starred ids and apply what changed elsewhere to the read state,
 * then save the sync state. Any failure stops the sync with the queue intact (a pushed change is
 * removed from it only after the server accepted it) and the last good state kept.
 *
 * <p>Conflicts: the later change wins. A change queued here is dated when it was made; the API does
 * not say when an item was marked elsewhere, so a change found on the server is dated by this
 * machine's last successful sync (the earliest it can have happened). A queued change made after the
 * last sync therefore wins; an older one (its push failed while a later sync went through) loses to a
 * server change of the same flag.
 */
public final class Sync {
    /** Items per feed on a first sync (and kept per feed afterwards: {@link #keepPerFeed}). */
    public static final int DEFAULT_FIRST = 200;
    static final int BATCH = 250;
    /** Items fetched again from before the last sync, for clocks that disagree. */
    static final long OVERLAP_SECONDS = 300;

    /** What happened, for the one summary line. */
    public record Summary(String account, int feeds, int newItems, int pushed, int readElsewhere, boolean first) {
    }

    /** Progress for a terminal: a step's name and how far it is. */
    public interface Progress {
        void step(String what, int done, int total);
    }

    private final SyncedFeeds synced;
    private final FeedCache cache;
    private final ReadState readState;
    private final Map<String, String> env;
    private final FetchLimits limits;
    private final int firstPerFeed;
    private final int keepPerFeed;

    public Sync(SyncedFeeds synced, FeedCache cache, ReadState readState, Map<String, String> env, FetchLimits limits,
                int firstPerFeed) {
        this.synced = synced;
        this.cache = cache;
        this.readState = readState;
        this.env = env;
        this.limits = limits;
        this.firstPerFeed = firstPerFeed;
        this.keepPerFeed = Math.max(firstPerFeed, 1000);
    }

    /** A sync with the default places and limits for this environment (the reader's R, {@code tidings sync}). */
    public static Sync of(Map<String, String> env, int firstPerFeed) {
        return new Sync(SyncedFeeds.of(env), new FeedCache(ReaderMode.defaultCacheDir(env)),
                new ReadState(ReadState.defaultPath(env)), env, FetchLimits.defaults(), firstPerFeed);
    }

    public SyncedFeeds synced() {
        return synced;
    }

    /** A client with a session: the saved token, else a login with the account's password source. */
    public GReaderClient client(Account a) throws SyncException {
        GReaderClient c = new GReaderClient(a.url(), a.name(), limits, a.appId(),
                synced.accounts().appKey(a.name()).orElse(""));
        var token = synced.accounts().token(a.name());
        if (token.isPresent()) {
            c.token(token.get());
        } else {
            login(a, c);
        }
        return c;
    }

    private void login(Account a, GReaderClient c) throws SyncException {
        String password;
        try {
            password = dev.tidings.sync.PasswordSource.read(a.password(), env);
        } catch (SyncException e) {
            throw new SyncException(e.kind(), "account " + a.name() + ": " + e.getMessage());
        }
        synced.accounts().saveToken(a.name(), c.login(a.user(), password));
    }

    /** Runs {@code call}; on a refused session logs in again once, then a clear message. */
    <T> T withSession(Account a, GReaderClient c, SyncCall<T> call) throws SyncException {
        try {
            return call.run();
        } catch (SyncException e) {
            if (e.kind() != SyncException.Kind.AUTH) {
                throw e;
            }
        }
        synced.accounts().forgetToken(a.name());
        try {
            login(a, c);
        } catch (SyncException e) {
            throw new SyncException(SyncException.Kind.AUTH, "account " + a.name() + ": the session expired and"
                    + " logging in again failed (" + e.getMessage() + "); run 'tidings account add greader "
                    + a.url() + " --user " + a.user() + " --name " + a.name() + "' to log in");
        }
        return call.run();
    }

    interface SyncCall<T> {
        T run() throws SyncException;
    }

    public Summary run(Account a, Progress progress) throws SyncException {
        long started = System.currentTimeMillis();
        GReaderClient c = client(a);
        SyncState before = SyncState.load(synced.stateFile(a.name()));
        ChangeQueue queue = synced.queue(a.name());

        progress.step("pushing changes", 0, 1);
        int pushed = withSession(a, c, () -> push(c, queue, before));

        progress.step("reading subscriptions", 0, 1);
        List<ServerFeed> feeds = withSession(a, c, c::subscriptions);
        Map<String, ServerFeed> known = new HashMap<>();
        before.feeds().forEach(f -> known.put(f.streamId(), f));
        List<ServerFeed> fresh = new ArrayList<>();
        List<ServerFeed> kept = new ArrayList<>();
        for (ServerFeed f : feeds) {
            boolean cached = cache.meta(SyncedFeeds.feedUrl(a.name(), f.streamId())).map(dev.tidings.store.CacheMeta::hasBody)
                    .orElse(false);
            (before.lastSync() > 0 && known.containsKey(f.streamId()) && cached ? kept : fresh).add(f);
        }

        Map<String, ServerItem> seen = new HashMap<>();
        int newItems = firstSync(a, c, fresh, seen, progress);
        Set<String> recent = new HashSet<>();
        if (!kept.isEmpty()) {
            newItems += since(a, c, kept, before, seen, recent, progress);
        }

        progress.step("reading unread and starred", 0, 1);
        Set<String> unread = new HashSet<>(withSession(a, c, () -> c.allIds(GReaderClient.READING_LIST,
                GReaderClient.READ, 0, 1_000_000)));
        Set<String> starred = new HashSet<>(withSession(a, c, () -> c.allIds(GReaderClient.STARRED, null, 0, 100_000)));
        boolean sameUnread = unread.equals(before.unread()); // 100,000 lookups: asked once
        int readElsewhere = applyReadState(a, before, unread, sameUnread, seen, queue);
        starredFeed(a, c, starred, before.starred(), seen, before.lastSync() == 0);

        // a sync that changed nothing keeps the state as it is (2 MB at 100,000 unread ids): the
        // next one asks again from the older time, and what it lists is in the kept recent ids
        boolean unchanged = before.lastSync() > 0 && newItems == 0 && pushed == 0 && readElsewhere == 0
                && feeds.equals(before.feeds()) && sameUnread && starred.equals(before.starred())
                && before.recent().containsAll(recent);
        if (!unchanged) {
            new SyncState(started, feeds, unread, starred, recent).save(synced.stateFile(a.name()));
        }
        progress.step("done", 1, 1);
        return new Summary(a.name(), feeds.size(), newItems, pushed, readElsewhere, before.lastSync() == 0);
    }

    /** A subscription change sent to the server now (it needs the network), then the feed list re-read. */
    public interface SubscriptionEdit {
        void apply(GReaderClient c, List<ServerFeed> feeds) throws SyncException;
    }

    /**
     * Applies a subscription change on the server and saves the server's new list in the sync state
     * (items of a new feed come with the next sync). Returns the new list.
     */
    public List<ServerFeed> editSubscriptions(Account a, SubscriptionEdit edit) throws SyncException {
        GReaderClient c = client(a);
        List<ServerFeed> feeds = withSession(a, c, c::subscriptions);
        withSession(a, c, () -> {
            edit.apply(c, feeds);
            return null;
        });
        List<ServerFeed> now = withSession(a, c, c::subscriptions);
        SyncState st = SyncState.load(synced.stateFile(a.name()));
        st.withFeeds(now).save(synced.stateFile(a.name()));
        return now;
    }

    /** Logs in (or checks the saved session) and counts the subscriptions: {@code account test}. */
    public int test(Account a) throws SyncException {
        GReaderClient c = client(a);
        return withSession(a, c, c::subscriptions).size();
    }

    /** Logs in with this password now and keeps the token: {@code account add}. */
    public void login(Account a, String password) throws SyncException {
        GReaderClient c = new GReaderClient(a.url(), a.name(), limits, a.appId(),
                synced.accounts().appKey(a.name()).orElse(""));
        synced.accounts().saveToken(a.name(), c.login(a.user(), password));
    }

    // ---------------------------------------------------------------- push

    private int push(GReaderClient c, ChangeQueue queue, SyncState before) throws SyncException {
        List<Change> all = queue.all();
        if (all.isEmpty()) {
            return 0;
        }
        List<Change> latest = ChangeQueue.latest(all);
        boolean anyOld = latest.stream().anyMatch(x -> x.at() <= before.lastSync());
        Set<String> unreadNow = anyOld ? new HashSet<>(c.allIds(GReaderClient.READING_LIST, GReaderClient.READ, 0, 1_000_000)) : null;
        Set<String> starredNow = anyOld ? new HashSet<>(c.allIds(GReaderClient.STARRED, null, 0, 100_000)) : null;
        Map<Change.Op, List<String>> byOp = new LinkedHashMap<>();
        for (Change x : latest) {
            if (x.at() <= before.lastSync() && changedElsewhere(x, before, unreadNow, starredNow)) {
                continue; // the server's change is dated by the last sync: later than this one, so it wins
            }
            byOp.computeIfAbsent(x.op(), k -> new ArrayList<>()).add(x.hexId());
        }
        int n = 0;
        for (Map.Entry<Change.Op, List<String>> e : byOp.entrySet()) {
            List<String> ids = e.getValue();
            for (int i = 0; i < ids.size(); i += BATCH) {
                List<String> part = ids.subList(i, Math.min(ids.size(), i + BATCH));
                switch (e.getKey()) {
                    case READ -> c.editTag(part, GReaderClient.READ, null);
                    case UNREAD -> c.editTag(part, null, GReaderClient.READ);
                    case STAR -> c.editTag(part, GReaderClient.STARRED, null);
                    case UNSTAR -> c.editTag(part, null, GReaderClient.STARRED);
                }
                n += part.size();
            }
        }
        queue.remove(all); // only now: a failure above keeps every change for the next sync
        return n;
    }

    private static boolean changedElsewhere(Change x, SyncState before, Set<String> unreadNow, Set<String> starredNow) {
        return switch (x.op()) {
            case READ, UNREAD -> before.unread().contains(x.hexId()) != unreadNow.contains(x.hexId());
            case STAR, UNSTAR -> before.starred().contains(x.hexId()) != starredNow.contains(x.hexId());
        };
    }

    // ---------------------------------------------------------------- items

    /** Each new feed's newest items, four feeds at a time. */
    private int firstSync(Account a, GReaderClient c, List<ServerFeed> feeds, Map<String, ServerItem> seen,
                          Progress progress) throws SyncException {
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
                    List<String> ids = withSession(a, c, () -> c.allIds(f.streamId(), null, 0, firstPerFeed));
                    List<ServerItem> items = fetch(a, c, ids);
                    write(a, f, items);
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
    private int since(Account a, GReaderClient c, List<ServerFeed> feeds, SyncState before, Map<String, ServerItem> seen,
                      Set<String> recent, Progress progress) throws SyncException {
        long since = Math.max(1, before.lastSync() / 1000 - OVERLAP_SECONDS);
        List<String> listed = withSession(a, c, () -> c.allIds(GReaderClient.READING_LIST, null, since, 1_000_000));
        recent.addAll(listed);
        List<String> ids = listed.stream().filter(h -> !before.recent().contains(h)).toList();
        if (ids.isEmpty()) {
            return 0;
        }
        progress.step("fetching new items", 0, ids.size());
        Map<String, List<ServerItem>> byFeed = new HashMap<>();
        for (ServerItem it : fetch(a, c, ids)) {
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
            write(a, f, new ArrayList<>(merged.values()));
        }
        return n;
    }

    private List<ServerItem> fetch(Account a, GReaderClient c, List<String> ids) throws SyncException {
        List<ServerItem> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<String> part = ids.subList(i, Math.min(ids.size(), i + BATCH));
            out.addAll(withSession(a, c, () -> c.contents(part)));
        }
        return out;
    }

    private void write(Account a, ServerFeed f, List<ServerItem> items) throws SyncException {
        put(SyncedFeeds.feedUrl(a.name(), f.streamId()), a, f.title(), f.htmlUrl(), items);
    }

    /** Newest first, at most {@link #keepPerFeed}, cached with its headline index like any feed. */
    private void put(String url, Account a, String title, String home, List<ServerItem> items) throws SyncException {
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

    // ---------------------------------------------------------------- read and starred

    /**
     * Brings the read state in line with the server for items whose state changed since the last
     * sync or that are new, skipping items with a change still queued (made during this sync).
     */
    private int applyReadState(Account a, SyncState before, Set<String> unread, boolean sameUnread,
                               Map<String, ServerItem> seen, ChangeQueue queue) throws SyncException {
        Set<String> consider = new HashSet<>(seen.keySet());
        if (!sameUnread) {
            for (String h : before.unread()) {
                if (!unread.contains(h)) {
                    consider.add(h);
                }
            }
            for (String h : unread) {
                if (!before.unread().contains(h)) {
                    consider.add(h);
                }
            }
        }
        if (consider.isEmpty()) {
            return 0; // nothing new and nothing marked elsewhere: the read state is not even read
        }
        Set<String> pending = new HashSet<>();
        queue.all().forEach(x -> pending.add(x.hexId()));
        StringBuilder lines = new StringBuilder();
        int changed = 0;
        try {
            readState.load();
            for (String h : consider) {
                if (pending.contains(h)) {
                    continue;
                }
                String id = ItemIds.local(a.name(), h);
                boolean read = !unread.contains(h);
                if (readState.isRead(id, "") != read) {
                    lines.append(readState.mark(id, "", read));
                    changed++;
                }
            }
            if (lines.length() > 0) {
                readState.append(lines.toString());
            }
        } catch (StoreException e) {
            throw new SyncException(SyncException.Kind.LOCAL, e.getMessage());
        }
        return before.lastSync() == 0 ? 0 : changed;
    }

    /** The account's "Starred" feed: the starred items, fetching those not seen yet. */
    private void starredFeed(Account a, GReaderClient c, Set<String> starred, Set<String> starredBefore,
                             Map<String, ServerItem> seen, boolean first) throws SyncException {
        String url = SyncedFeeds.starredUrl(a.name());
        if (!first && starred.equals(starredBefore) && starred.stream().noneMatch(seen::containsKey)
                && cache.meta(url).isPresent()) {
            return; // the same stars and none of them fetched again: the cached feed is this list
        }
        Map<String, ServerItem> have = new HashMap<>();
        cache.get(url)
                .ifPresent(e -> FeedDocument.read(e.body()).forEach(it -> have.put(it.hexId(), it)));
        boolean cached = !have.isEmpty() || cache.meta(url).isPresent();
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
        items.addAll(fetch(a, c, missing));
        if (!first && cached && missing.isEmpty() && have.keySet().equals(starred)) {
            return; // nothing changed: the cached copy stays
        }
        put(url, a, "Starred", "", items);
    }
}
