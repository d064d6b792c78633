package dev.tidings.cli;

import dev.tidings.app.Sync;
import dev.tidings.app.SyncedFeeds;
import dev.tidings.sync.Account;
import dev.tidings.sync.SyncException;
import dev.tidings.text.Sanitize;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidings sync}: push queued changes and fetch what is new from every account (for cron). */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Push queued read/unread/star changes to your feed servers and fetch what is new"
                + " (for cron: one summary line; progress on stderr only when it is a terminal).",
        footer = {"%nAccounts are set up with 'tidings account add'. A failed sync keeps every queued change",
            "for the next one."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:every account synced",
            "2:usage error (no accounts, no such account, damaged accounts file)",
            "3:a server failed (unreachable, refused the login, HTTP error, too slow or too large); queue kept"})
final class SyncCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "ACCOUNT", arity = "0..*", description = "Only these accounts (default: all).")
    List<String> names = new ArrayList<>();

    @Option(names = "--first", paramLabel = "N", description = "Items per feed on a first sync (default: ${DEFAULT-VALUE}).")
    int first = Sync.DEFAULT_FIRST;

    static Sync sync(Env env, int first) {
        return Sync.of(env.vars, first);
    }

    @Override
    public Integer call() {
        if (common.offline()) {
            return common.usage("sync talks to the feed servers: not with --offline");
        }
        PrintWriter out = common.out();
        PrintWriter err = common.err();
        if (first < 1 || first > 10_000) {
            return common.usage("--first must be between 1 and 10000");
        }
        Env env = common.env();
        Sync sync = sync(env, first);
        List<Account> accounts;
        try {
            accounts = SyncedFeeds.of(env.vars).accounts().load();
            if (!names.isEmpty()) {
                List<Account> chosen = new ArrayList<>();
                for (String n : names) {
                    chosen.add(SyncedFeeds.of(env.vars).accounts().account(n));
                }
                accounts = chosen;
            }
        } catch (SyncException e) {
            err.println("tidings: " + Sanitize.line(e.getMessage()));
            err.flush();
            return ExitCodes.USAGE;
        }
        if (accounts.isEmpty()) {
            return common.usage("no accounts yet: add one with 'tidings account add greader URL --user NAME'");
        }
        boolean tty = Terminal.isTty(2);
        int failed = 0;
        List<String> parts = new ArrayList<>();
        for (Account a : accounts) {
            int[] width = {0};
            try {
                Sync.Summary s = sync.run(a, tty ? (what, done, total) -> {
                    String line = a.name() + ": " + what + (total > 1 ? " " + done + "/" + total : "");
                    err.print("\r" + line + " ".repeat(Math.max(0, width[0] - line.length())));
                    width[0] = Math.max(width[0], line.length());
                    err.flush();
                } : (what, done, total) -> { });
                parts.add(a.name() + ": " + s.feeds() + (s.feeds() == 1 ? " feed, " : " feeds, ") + s.newItems()
                        + " new, " + s.pushed() + " changes pushed"
                        + (s.readElsewhere() > 0 ? ", " + s.readElsewhere() + " read/unread elsewhere" : ""));
            } catch (SyncException e) {
                failed++;
                if (tty) {
                    err.print("\r" + " ".repeat(width[0]) + "\r");
                }
                err.println("tidings: " + Sanitize.line(e.getMessage()) + queued(env, a));
                parts.add(a.name() + ": failed");
            } catch (RuntimeException e) {
                failed++;
                err.println("tidings: account " + a.name() + ": " + Sanitize.line(String.valueOf(e.getMessage()))
                        + queued(env, a));
                parts.add(a.name() + ": failed");
            }
            if (tty) {
                err.print("\r" + " ".repeat(width[0]) + "\r");
                err.flush();
            }
        }
        out.println("Synced " + (accounts.size() - failed) + " of " + accounts.size()
                + (accounts.size() == 1 ? " account" : " accounts") + " (" + String.join("; ", parts) + ")");
        out.flush();
        err.flush();
        return failed > 0 ? ExitCodes.UNREADABLE : ExitCodes.OK;
    }

    private static String queued(Env env, Account a) {
        try {
            int n = SyncedFeeds.of(env.vars).queue(a.name()).all().size();
            return n == 0 ? "" : " (" + n + (n == 1 ? " queued change kept" : " queued changes kept") + ")";
        } catch (SyncException e) {
            return "";
        }
    }
}
