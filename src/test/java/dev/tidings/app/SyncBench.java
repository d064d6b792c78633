package dev.tidings.app;

import dev.tidings.fetch.FetchLimits;
import dev.tidings.store.FeedCache;
import dev.tidings.store.ReadState;
import dev.tidings.sync.Account;
import dev.tidings.sync.Accounts;
import dev.tidings.sync.PasswordSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Not a test: one account's syncs in one JVM against a server already running (bench/sync-bench.sh
 * starts a FakeGReader), so JVM start-up is left out: a first sync, then syncs with nothing new.
 * {@code java -cp ... dev.tidings.app.SyncBench URL PASSWORD FIRST}.
 */
public final class SyncBench {
    private SyncBench() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("sync-bench");
        Accounts accounts = new Accounts(home.resolve("config/accounts.json"), home.resolve("data/sync"));
        Account a = new Account("bench", args[0], "bench", new PasswordSource.Env("PW"), "");
        accounts.save(List.of(a));
        SyncedFeeds synced = new SyncedFeeds(accounts, home.resolve("data/read-state"));
        Sync sync = new Sync(synced, new FeedCache(home.resolve("cache")), new ReadState(home.resolve("data/read-state")),
                Map.of("PW", args[1]), FetchLimits.defaults(), Integer.parseInt(args[2]));
        run("in-process first sync", sync, a);
        for (int i = 1; i <= 3; i++) {
            run("in-process sync with nothing new #" + i, sync, a);
        }
        System.exit(0);
    }

    private static void run(String what, Sync sync, Account a) throws Exception {
        var bean = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = bean.getProcessCpuTime();
        long t0 = System.nanoTime();
        Sync.Summary s = sync.run(a, (w, d, t) -> { });
        System.out.printf("%s: %.2f s wall, %.2f s CPU (this process), %d feeds, %d new%n", what,
                (System.nanoTime() - t0) / 1e9, (bean.getProcessCpuTime() - cpu0) / 1e9, s.feeds(), s.newItems());
    }
}
