package dev.tidings.app;

import dev.tidings.store.ReadState;
import dev.tidings.store.StoreException;
import dev.tidings.subs.Subscription;
import dev.tidings.sync.Account;
import dev.tidings.sync.Accounts;
import dev.tidings.sync.Change;
import dev.tidings.sync.ChangeQueue;
import dev.tidings.sync.ItemIds;
import dev.tidings.sync.ServerFeed;
import dev.tidings.sync.SyncException;
import dev.tidings.sync.SyncState;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Synced feeds as the rest of Tidings sees them: each server feed is a subscription with a URL of
 * its own ({@code https://sync.invalid/ACCOUNT/feed/STREAM}, a reserved name that never resolves and is
 * never fetched), tagged with the account's name and its server categories, and cached like any
 * feed; each account also has a "Starred" feed. Read/unread/star changes go to the read state at
 * once and to the account's durable queue, pushed by the next sync. Works offline: nothing here
 * touches the network.
 */
public final class SyncedFeeds {
    public static final String HOST = "sync.invalid";
    private static final String PREFIX = "https://" + HOST + "/";

    private final Accounts accounts;
    private final Path readStateFile;

    public SyncedFeeds(Accounts accounts, Path readStateFile) {
        this.accounts = accounts;
        this.readStateFile = readStateFile;
    }

    public static SyncedFeeds of(Map<String, String> env) {
        return new SyncedFeeds(Accounts.of(env), ReadState.defaultPath(env));
    }

    public Accounts accounts() {
        return accounts;
    }

    /** True for the URL of a synced feed (fetched through its account, never directly). */
    public static boolean isSynced(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /** The account of a synced feed's URL, or null. */
    public static String accountOf(String url) {
        if (!isSynced(url)) {
            return null;
        }
        int slash = url.indexOf('/', PREFIX.length());
        return slash < 0 ? null : url.substring(PREFIX.length(), slash);
    }

    public static String feedUrl(String account, String streamId) {
        return PREFIX + account + "/feed/" + URLEncoder.encode(streamId, StandardCharsets.UTF_8);
    }

    /** The server's stream id of a synced feed's URL, or null (the Starred feed, another URL). */
    public static String streamOf(String url) {
        String account = accountOf(url);
        if (account == null || !url.startsWith(PREFIX + account + "/feed/")) {
            return null;
        }
        return URLDecoder.decode(url.substring((PREFIX + account + "/feed/").length()), StandardCharsets.UTF_8);
    }

    public static String starredUrl(String account) {
        return PREFIX + account + "/starred";
    }

    public Path stateFile(String account) {
        return accounts.dir(account).resolve("state.json");
    }

    public ChangeQueue queue(String account) {
        return new ChangeQueue(accounts.dir(account).resolve("queue"));
    }

    /**
     * Every account's feeds as subscriptions (from each account's last sync: no network), grouped by
     * the account's tag. No accounts file: none. A damaged accounts file: none, and the problem
     * goes to {@code problems}.
     */
    public List<Subscription> subscriptions(List<String> problems) {
        if (!accounts.any()) {
            return List.of();
        }
        List<Subscription> out = new ArrayList<>();
        try {
            for (Account a : accounts.load()) {
                SyncState st = SyncState.load(stateFile(a.name()));
                for (ServerFeed f : st.feeds()) {
                    List<String> tags = new ArrayList<>();
                    tags.add(a.tag());
                    tags.addAll(f.categories());
                    out.add(new Subscription(feedUrl(a.name(), f.streamId()), f.title(), tags));
                }
                if (st.lastSync() > 0) {
                    out.add(new Subscription(starredUrl(a.name()), "Starred", List.of(a.tag())));
                }
            }
        } catch (SyncException e) {
            problems.add(e.getMessage());
        } catch (IllegalArgumentException e) {
            problems.add(accounts.file() + ": " + e.getMessage());
        }
        return out;
    }

    /** One item to mark: its {@code sync:ACCOUNT:HEX} id and its link (may be empty). */
    public record Target(String account, String hexId, String link) {
    }

    /**
     * The target of an id as {@code tidings mark} takes it: {@code sync:ACCOUNT:HEX}, or (with one
     * account, or {@code account} given) the long form, 16 hex digits or the decimal form.
     */
    public Target target(String id, String account) throws SyncException {
        String hex = ItemIds.hex(id);
        if (hex == null) {
            throw new SyncException(SyncException.Kind.LOCAL, "'" + show(id) + "' is not a synced item id"
                    + " (ids look like sync:ACCOUNT:0123456789abcdef; 'tidings list --format json' shows them)");
        }
        String named = ItemIds.accountOf(id.strip());
        if (named == null) {
            named = account;
        }
        if (named == null) {
            List<Account> all = accounts.load();
            if (all.size() != 1) {
                throw new SyncException(SyncException.Kind.LOCAL, "'" + show(id) + "': which account? Give --account"
                        + " (known: " + String.join(", ", all.stream().map(Account::name).toList()) + ")");
            }
            named = all.get(0).name();
        } else {
            accounts.account(named); // exists, or an error listing the known ones
        }
        return new Target(named, hex, "");
    }

    /**
     * Applies changes now (read state for read/unread) and queues them for the server. The read
     * state's lines are returned for a caller that appends them itself (the reader); with
     * {@code persistRead} they are appended here.
     */
    public void mark(List<Target> targets, Change.Op op, long now, boolean persistRead) throws SyncException {
        Map<String, List<Change>> byAccount = new java.util.LinkedHashMap<>();
        StringBuilder lines = new StringBuilder();
        ReadState rs = persistRead && (op == Change.Op.READ || op == Change.Op.UNREAD) ? new ReadState(readStateFile) : null;
        for (Target t : targets) {
            byAccount.computeIfAbsent(t.account(), k -> new ArrayList<>()).add(new Change(now, op, t.hexId()));
            if (rs != null) {
                lines.append(rs.mark(ItemIds.local(t.account(), t.hexId()), t.link(), op == Change.Op.READ));
            }
        }
        for (Map.Entry<String, List<Change>> e : byAccount.entrySet()) {
            queue(e.getKey()).append(e.getValue());
        }
        if (rs != null && lines.length() > 0) {
            try {
                rs.append(lines.toString());
            } catch (StoreException e) {
                throw new SyncException(SyncException.Kind.LOCAL, e.getMessage());
            }
        }
    }

    /** Starred ids as of the last sync, with this machine's queued star/unstar changes applied. */
    public java.util.Set<String> starred(String account) {
        java.util.Set<String> s = new java.util.HashSet<>(SyncState.load(stateFile(account)).starred());
        try {
            for (Change c : ChangeQueue.latest(queue(account).all())) {
                if (c.op() == Change.Op.STAR) {
                    s.add(c.hexId());
                } else if (c.op() == Change.Op.UNSTAR) {
                    s.remove(c.hexId());
                }
            }
        } catch (SyncException ignored) {
            // an unreadable queue: the last sync's view
        }
        return s;
    }

    private static String show(String s) {
        return dev.tidings.text.Sanitize.line(s == null ? "" : s);
    }
}
