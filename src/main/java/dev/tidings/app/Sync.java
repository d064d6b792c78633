package dev.tidings.app;

import dev.tidings.fetch.FetchLimits;
import dev.tidings.store.FeedCache;
import dev.tidings.store.ReadState;
import dev.tidings.store.StoreException;
import dev.tidings.sync.Account;
import dev.tidings.sync.ChangeQueue;
import dev.tidings.sync.GReaderClient;
import dev.tidings.sync.ItemIds;
import dev.tidings.sync.ServerFeed;
import dev.tidings.sync.ServerItem;
import dev.tidings.sync.SyncException;
import dev.tidings.sync.SyncState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    public Summary run(Account a, Progress progress) throws SyncException {
        long started = System.currentTimeMillis();
        SyncSession session = SyncSession.open(a, synced, env, limits);
        GReaderClient c = session.client();
        SyncedItems items = new SyncedItems(session, cache, firstPerFeed, keepPerFeed);
        SyncState before = SyncState.load(synced.stateFile(a.name()));
        ChangeQueue queue = synced.queue(a.name());

        progress.step("pushing changes", 0, 1);
        int pushed = session.call(() -> ChangePush.push(c, queue, before));

        progress.step("reading subscriptions", 0, 1);
        List<ServerFeed> feeds = session.call(c::subscriptions);
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
        int newItems = items.firstSync(fresh, seen, progress);
        Set<String> recent = new HashSet<>();
        if (!kept.isEmpty()) {
            newItems += items.since(kept, before, seen, recent, progress);
        }

        progress.step("reading unread and starred", 0, 1);
        Set<String> unread = new HashSet<>(session.call(() -> c.allIds(GReaderClient.READING_LIST,
                GReaderClient.READ, 0, 1_000_000)));
        Set<String> starred = new HashSet<>(session.call(() -> c.allIds(GReaderClient.STARRED, null, 0, 100_000)));
        boolean sameUnread = unread.equals(before.unread()); // 100,000 lookups: asked once
        int readElsewhere = applyReadState(a, before, unread, sameUnread, seen, queue);
        items.starredFeed(starred, before.starred(), seen, before.lastSync() == 0);

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
        SyncSession session = SyncSession.open(a, synced, env, limits);
        GReaderClient c = session.client();
        List<ServerFeed> feeds = session.call(c::subscriptions);
        session.call(() -> {
            edit.apply(c, feeds);
            return null;
        });
        List<ServerFeed> now = session.call(c::subscriptions);
        SyncState st = SyncState.load(synced.stateFile(a.name()));
        st.withFeeds(now).save(synced.stateFile(a.name()));
        return now;
    }

    /** Logs in (or checks the saved session) and counts the subscriptions: {@code account test}. */
    public int test(Account a) throws SyncException {
        SyncSession session = SyncSession.open(a, synced, env, limits);
        return session.call(session.client()::subscriptions).size();
    }

    /** Logs in with this password now and keeps the token: {@code account add}. */
    public void login(Account a, String password) throws SyncException {
        synced.accounts().saveToken(a.name(), SyncSession.newClient(a, synced, limits).login(a.user(), password));
    }

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
}
