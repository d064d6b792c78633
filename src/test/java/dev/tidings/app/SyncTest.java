package dev.tidings.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tidings.fetch.FetchLimits;
import dev.tidings.store.FeedCache;
import dev.tidings.store.ReadState;
import dev.tidings.sync.Account;
import dev.tidings.sync.Accounts;
import dev.tidings.sync.Change;
import dev.tidings.sync.FakeGReader;
import dev.tidings.sync.FeedDocument;
import dev.tidings.sync.ItemIds;
import dev.tidings.sync.PasswordSource;
import dev.tidings.sync.SyncException;
import dev.tidings.sync.SyncState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One account's sync against a Google Reader API server on 127.0.0.1 ({@link FakeGReader}). */
class SyncTest {
    static final String PASSWORD = "s3cret-Pass";
    static final long NOW = System.currentTimeMillis() / 1000;

    @TempDir
    Path home;
    FakeGReader server;
    SyncedFeeds synced;
    FeedCache cache;
    Map<String, String> env = new HashMap<>();
    Account account;

    @BeforeEach
    void start() throws Exception {
        server = new FakeGReader(PASSWORD).populate(3, 50, NOW - 3600, 100);
        Accounts accounts = new Accounts(home.resolve("config/accounts.json"), home.resolve("data/sync"));
        synced = new SyncedFeeds(accounts, home.resolve("data/read-state"));
        cache = new FeedCache(home.resolve("cache"));
        env.put("PW", PASSWORD);
        account = new Account("fake", server.base, "alice", new PasswordSource.Env("PW"), "");
        accounts.save(List.of(account));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Sync sync(FetchLimits limits) {
        return new Sync(synced, cache, new ReadState(home.resolve("data/read-state")), env, limits, 20);
    }

    Sync sync() {
        return sync(FetchLimits.defaults());
    }

    List<dev.tidings.sync.ServerItem> cached(String stream) {
        return FeedDocument.read(cache.get(SyncedFeeds.feedUrl("fake", stream)).orElseThrow().body());
    }

    ReadState readState() throws Exception {
        ReadState rs = new ReadState(home.resolve("data/read-state"));
        rs.load();
        return rs;
    }

    @Test
    void firstSyncTakesTheNewestPerFeedThenOnlyWhatIsNew() throws Exception {
        Sync.Summary first = sync().run(account, (w, d, t) -> { });
        assertThat(first.feeds()).isEqualTo(3);
        assertThat(first.newItems()).isEqualTo(60); // 20 of each feed's 50
        assertThat(cached("feed/1")).hasSize(20);
        assertThat(cached("feed/1").get(0).title()).isEqualTo("Feed 1 item 49"); // newest first

        server.add("feed/2", "Fresh news", NOW, NOW, "<p>new</p>");
        server.log.clear();
        Sync.Summary second = sync().run(account, (w, d, t) -> { });
        assertThat(second.newItems()).isEqualTo(1);
        assertThat(cached("feed/2")).hasSize(21);
        assertThat(cached("feed/2").get(0).title()).isEqualTo("Fresh news");
        assertThat(server.log).noneMatch(l -> l.contains("stream/items/ids") && l.contains("feed%2F")); // no per-feed listing

        server.log.clear();
        java.nio.file.Path state = synced.stateFile("fake");
        byte[] before = java.nio.file.Files.readAllBytes(state);
        java.nio.file.attribute.FileTime written = java.nio.file.Files.getLastModifiedTime(state);
        Sync.Summary nothing = sync().run(account, (w, d, t) -> { });
        assertThat(nothing.newItems()).isZero();
        assertThat(server.log).noneMatch(l -> l.contains("items/contents"));
        // nothing changed: the state is not rewritten, and the next sync still finds only what is new
        assertThat(java.nio.file.Files.readAllBytes(state)).isEqualTo(before);
        assertThat(java.nio.file.Files.getLastModifiedTime(state)).isEqualTo(written);
        server.add("feed/3", "Later news", NOW, NOW, "<p>later</p>");
        Sync.Summary third = sync().run(account, (w, d, t) -> { });
        assertThat(third.newItems()).isEqualTo(1);
        assertThat(sync().run(account, (w, d, t) -> { }).newItems()).isZero();
    }

    @Test
    void queuedChangesArePushedAndChangesMadeElsewhereReachTheReadState() throws Exception {
        sync().run(account, (w, d, t) -> { });
        var items = cached("feed/3");
        String a = items.get(0).hexId();
        String b = items.get(1).hexId();
        synced.mark(List.of(new SyncedFeeds.Target("fake", a, "")), Change.Op.READ, System.currentTimeMillis(), true);
        synced.mark(List.of(new SyncedFeeds.Target("fake", b, "")), Change.Op.STAR, System.currentTimeMillis(), true);
        assertThat(readState().isRead(ItemIds.local("fake", a), "")).isTrue(); // applied at once, offline

        server.read.add(Long.parseUnsignedLong(b, 16)); // read on another machine
        Sync.Summary s = sync().run(account, (w, d, t) -> { });
        assertThat(s.pushed()).isEqualTo(2);
        assertThat(server.read).contains(Long.parseUnsignedLong(a, 16));
        assertThat(server.starred).containsExactly(Long.parseUnsignedLong(b, 16));
        assertThat(synced.queue("fake").all()).isEmpty();
        assertThat(readState().isRead(ItemIds.local("fake", b), "")).isTrue();
        assertThat(s.readElsewhere()).isEqualTo(1);
        assertThat(FeedDocument.read(cache.get(SyncedFeeds.starredUrl("fake")).orElseThrow().body()))
                .extracting(dev.tidings.sync.ServerItem::hexId).containsExactly(b);

        server.read.remove(Long.parseUnsignedLong(a, 16)); // unread elsewhere
        sync().run(account, (w, d, t) -> { });
        assertThat(readState().isRead(ItemIds.local("fake", a), "")).isFalse();
    }

    @Test
    void aServerErrorKeepsTheQueueAndPushingTwiceChangesNothing() throws Exception {
        sync().run(account, (w, d, t) -> { });
        String a = cached("feed/1").get(0).hexId();
        synced.mark(List.of(new SyncedFeeds.Target("fake", a, "")), Change.Op.READ, System.currentTimeMillis(), true);
        server.failStatus = 503;
        assertThatThrownBy(() -> sync().run(account, (w, d, t) -> { }))
                .isInstanceOf(SyncException.class).hasMessageContaining("HTTP 503")
                .satisfies(e -> assertThat(((SyncException) e).kind()).isEqualTo(SyncException.Kind.SERVER));
        assertThat(synced.queue("fake").all()).hasSize(1);
        assertThat(server.read).isEmpty();

        server.failStatus = 0;
        sync().run(account, (w, d, t) -> { });
        assertThat(server.read).containsExactly(Long.parseUnsignedLong(a, 16));
        // a crash after the push but before the queue was rewritten: the same change goes again
        synced.mark(List.of(new SyncedFeeds.Target("fake", a, "")), Change.Op.READ, System.currentTimeMillis(), true);
        Sync.Summary again = sync().run(account, (w, d, t) -> { });
        assertThat(again.pushed()).isEqualTo(1);
        assertThat(server.read).containsExactly(Long.parseUnsignedLong(a, 16));
    }

    @Test
    void anExpiredSessionLogsInAgainOnceThenSaysWhatToDo() throws Exception {
        sync().run(account, (w, d, t) -> { });
        assertThat(server.logins).isEqualTo(1);
        server.expireSession();
        sync().run(account, (w, d, t) -> { });
        assertThat(server.logins).isEqualTo(2);

        server.expireSession();
        env.put("PW", "changed-on-the-server");
        String a = cached("feed/1").get(0).hexId();
        synced.mark(List.of(new SyncedFeeds.Target("fake", a, "")), Change.Op.STAR, System.currentTimeMillis(), true);
        assertThatThrownBy(() -> sync().run(account, (w, d, t) -> { }))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("session expired")
                .hasMessageContaining("tidings account add greader")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("changed-on-the-server").doesNotContain(PASSWORD)
                        .doesNotContain("fake/session"));
        assertThat(synced.queue("fake").all()).hasSize(1);
    }

    @Test
    void theLaterChangeWinsAQueuedChangeOlderThanTheLastSyncLosesToTheServer() throws Exception {
        sync().run(account, (w, d, t) -> { });
        long lastSync = SyncState.load(synced.stateFile("fake")).lastSync();
        var items = cached("feed/2");
        String old = items.get(0).hexId();
        String fresh = items.get(1).hexId();
        // both unread at the last sync; on the server both were then marked read elsewhere
        server.read.add(Long.parseUnsignedLong(old, 16));
        server.read.add(Long.parseUnsignedLong(fresh, 16));
        synced.queue("fake").append(List.of(new Change(lastSync - 1000, Change.Op.UNREAD, old),
                new Change(lastSync + 1000, Change.Op.UNREAD, fresh)));
        sync().run(account, (w, d, t) -> { });
        assertThat(server.read).contains(Long.parseUnsignedLong(old, 16)); // the server's change was later
        assertThat(server.read).doesNotContain(Long.parseUnsignedLong(fresh, 16)); // ours was later
        assertThat(synced.queue("fake").all()).isEmpty();
    }

    @Test
    void aSlowOrEndlessServerIsCutOffAndTheQueueKept() throws Exception {
        sync().run(account, (w, d, t) -> { });
        String a = cached("feed/1").get(0).hexId();
        synced.mark(List.of(new SyncedFeeds.Target("fake", a, "")), Change.Op.READ, System.currentTimeMillis(), true);
        server.trickleMillis = 200;
        FetchLimits quick = new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 1024 * 1024, 0, "test");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> sync(quick).run(account, (w, d, t) -> { }))
                .isInstanceOf(SyncException.class).hasMessageContaining("within 2 s");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
        server.trickleMillis = 0;
        server.endless = true;
        assertThatThrownBy(() -> sync(quick).run(account, (w, d, t) -> { }))
                .isInstanceOf(SyncException.class).hasMessageContaining("larger than 1 MB");
        assertThat(synced.queue("fake").all()).hasSize(1);
    }

    @Test
    void subscriptionChangesGoToTheServer() throws Exception {
        sync().run(account, (w, d, t) -> { });
        Sync s = sync();
        s.editSubscriptions(account, (c, feeds) -> c.subscribe("https://example.org/new.xml", "New one", "Later"));
        assertThat(server.feeds).containsKey("feed/https://example.org/new.xml");
        s.editSubscriptions(account, (c, feeds) -> c.rename("feed/1", "Renamed"));
        s.editSubscriptions(account, (c, feeds) -> c.unsubscribe("feed/2"));
        List<dev.tidings.subs.Subscription> subs = synced.subscriptions(new java.util.ArrayList<>());
        assertThat(subs).extracting(dev.tidings.subs.Subscription::name)
                .containsExactly("Renamed", "Feed 3", "New one", "Starred");
        assertThat(subs.get(2).tags()).containsExactly("fake", "Later");
    }
}
