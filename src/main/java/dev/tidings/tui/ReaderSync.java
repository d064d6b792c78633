package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.app.Sync;
import dev.tidings.app.SyncedFeeds;
import dev.tidings.subs.Subscription;
import dev.tidings.sync.Account;
import dev.tidings.sync.Change;
import dev.tidings.sync.ChangeQueue;
import dev.tidings.sync.ItemIds;
import dev.tidings.sync.SyncException;
import dev.tidings.text.Sanitize;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The reader's side of sync, kept out of {@link ReaderLoop}'s loop: which feeds are synced, R on them
 * (a sync of their accounts, on a background thread), read marks and stars of synced items into the
 * account's queue (on the store worker: the UI thread only flips the in-memory state).
 */
final class ReaderSync {
    private final Map<String, String> env;
    private final SyncedFeeds synced;
    /** Starred ids per account, as last synced plus this machine's queued changes; filled off the UI thread. */
    private final Map<String, Set<String>> starred = new ConcurrentHashMap<>();

    ReaderSync(Map<String, String> env) {
        this.env = env;
        this.synced = SyncedFeeds.of(env);
    }

    static boolean isSynced(String url) {
        return SyncedFeeds.isSynced(url);
    }

    /** The synced accounts' feeds, for the feed list (from the last sync; no network). */
    List<Subscription> subscriptions(List<String> problems) {
        return synced.subscriptions(problems);
    }

    static List<String> local(List<String> urls) {
        return urls.stream().filter(u -> !isSynced(u)).toList();
    }

    /**
     * Syncs the accounts of these feed URLs (all accounts when {@code all}); progress and each
     * account's outcome go to {@code status}. Returns the one summary line and whether a server failed.
     */
    Map.Entry<String, Boolean> sync(List<String> urls, BiConsumer<String, Boolean> status) {
        Set<String> names = new LinkedHashSet<>();
        for (String u : urls) {
            String a = SyncedFeeds.accountOf(u);
            if (a != null) {
                names.add(a);
            }
        }
        Sync sync = Sync.of(env, Sync.DEFAULT_FIRST);
        List<String> failed = new ArrayList<>();
        int items = 0;
        for (String name : names) {
            try {
                Account a = synced.accounts().account(name);
                Sync.Summary s = sync.run(a, (what, done, total) ->
                        status.accept("Syncing " + name + ": " + what + (total > 1 ? " " + done + "/" + total : "") + "…", false));
                items += s.newItems();
                starred.remove(name);
            } catch (SyncException | RuntimeException e) {
                failed.add(Sanitize.line(String.valueOf(e.getMessage())));
            }
        }
        loadStarred();
        if (!failed.isEmpty()) {
            return Map.entry("Sync failed (changes kept for the next sync): " + failed.get(0), true);
        }
        return Map.entry("Synced " + names.size() + (names.size() == 1 ? " account" : " accounts") + ": " + items + " new", false);
    }

    /** Read-state lines ({@code R/U TAB id TAB link}) of synced items into their accounts' queues. */
    void queueRead(String lines, long now) throws SyncException {
        List<SyncedFeeds.Target> read = new ArrayList<>();
        List<SyncedFeeds.Target> unread = new ArrayList<>();
        for (String line : lines.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length != 3) {
                continue;
            }
            String account = ItemIds.accountOf(f[1]);
            String hex = ItemIds.hex(f[1]);
            if (account == null || hex == null) {
                continue; // a local feed's item
            }
            (f[0].equals("R") ? read : unread).add(new SyncedFeeds.Target(account, hex, f[2]));
        }
        if (!read.isEmpty()) {
            synced.mark(read, Change.Op.READ, now, false);
        }
        if (!unread.isEmpty()) {
            synced.mark(unread, Change.Op.UNREAD, now, false);
        }
    }

    /** Reads each account's starred ids (a background thread: the state file may be large). */
    void loadStarred() {
        try {
            for (Account a : synced.accounts().load()) {
                starred.putIfAbsent(a.name(), ConcurrentHashMap.newKeySet());
                Set<String> s = starred.get(a.name());
                s.addAll(synced.starred(a.name()));
            }
        } catch (SyncException ignored) {
            // the accounts file is reported where the feed list is built
        }
    }

    /**
     * Flips the star of a synced entry in memory (UI thread, no I/O) and returns the change to queue,
     * or null with {@code why} set for an entry that is not synced.
     */
    Change star(Headline e, long now, String[] why) {
        String id = e.item().id();
        String account = ItemIds.accountOf(id);
        String hex = ItemIds.hex(id);
        if (account == null || hex == null) {
            why[0] = "Only articles of a synced account can be starred (local articles: a to save to a collection)";
            return null;
        }
        Set<String> s = starred.computeIfAbsent(account, k -> ConcurrentHashMap.newKeySet());
        boolean on = s.add(hex);
        if (!on) {
            s.remove(hex);
        }
        why[0] = account;
        return new Change(now, on ? Change.Op.STAR : Change.Op.UNSTAR, hex);
    }

    /** True when a synced entry is starred (as last synced, plus stars flipped here since). */
    boolean isStarred(Headline e) {
        String id = e.item().id();
        String account = ItemIds.accountOf(id);
        if (account == null) {
            return false;
        }
        Set<String> s = starred.get(account);
        return s != null && s.contains(ItemIds.hex(id));
    }

    /** Queues a star change (store worker). */
    void queue(String account, Change c) throws SyncException {
        synced.queue(account).append(List.of(c));
    }

    ChangeQueue queueOf(String account) {
        return synced.queue(account);
    }
}
