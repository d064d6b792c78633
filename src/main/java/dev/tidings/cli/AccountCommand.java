package dev.tidings.cli;

import dev.tidings.app.Sync;
import dev.tidings.app.SyncedFeeds;
import dev.tidings.sync.Account;
import dev.tidings.sync.Accounts;
import dev.tidings.sync.PasswordSource;
import dev.tidings.sync.ServerFeed;
import dev.tidings.sync.SyncException;
import dev.tidings.sync.SyncState;
import dev.tidings.text.Sanitize;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidings account ...}: Google Reader API accounts (FreshRSS, Miniflux, Inoreader, The Old Reader). */
@Command(name = "account", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Set up the feed servers Tidings syncs with ($XDG_CONFIG_HOME/tidings/accounts.json;"
                + " tokens 0600 in $XDG_DATA_HOME/tidings/sync/).",
        subcommands = {AccountCommand.Add.class, AccountCommand.ListSub.class, AccountCommand.Remove.class,
            AccountCommand.Test.class, AccountCommand.Subscribe.class, AccountCommand.Unsubscribe.class,
            AccountCommand.Rename.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage error (bad URL, plain http to another host, no such account or feed)",
            "3:the server failed or refused the login; nothing saved"})
final class AccountCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        return ListSub.list(common);
    }

    static int fail(CommonOptions c, SyncException e) {
        c.err().println("tidings: " + Sanitize.line(e.getMessage()));
        c.err().flush();
        return e.kind() == SyncException.Kind.LOCAL ? ExitCodes.USAGE : ExitCodes.UNREADABLE;
    }

    static Accounts accounts(CommonOptions c) {
        return SyncedFeeds.of(c.env().vars).accounts();
    }

    // ---------------------------------------------------------------- add

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Add a Google Reader API account and log in: FreshRSS (URL ending in /api/greader.php),"
                    + " Miniflux (its base URL; the Google Reader user and password from its Integrations page),"
                    + " Inoreader (https://www.inoreader.com with --app-id and --app-key-env), The Old Reader"
                    + " (https://theoldreader.com).",
            footer = {"%nWithout a password option the password is asked on the terminal. Only where the password",
                "comes from is saved, never the password; the session token is kept 0600. Put",
                "--password-command last: everything after it is its argument list (run without a shell)."})
    static final class Add implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "TYPE", description = "greader (the only type)")
        String type;

        @Parameters(index = "1", paramLabel = "URL", description = "The API's base URL (https, or http to this machine).")
        String url;

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "Your user name on the server.")
        String user;

        @Option(names = "--name", paramLabel = "ACCOUNT", description = "A short name for the account (default: from the host).")
        String name;

        @ArgGroup(exclusive = true)
        Password password = new Password();

        static final class Password {
            @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this environment variable.")
            String env;

            @Option(names = "--password-file", paramLabel = "PATH", description = "Read it from this file (its first line; must be 0600).")
            String file;

            @Option(names = "--password-command", arity = "1..*", paramLabel = "CMD", description = "Run this program with"
                    + " these arguments (no shell) and read the first line it prints.")
            List<String> command;
        }

        @Option(names = "--app-id", paramLabel = "ID", description = "Inoreader: your registered app's AppId.")
        String appId;

        @Option(names = "--app-key-env", paramLabel = "VAR", description = "Inoreader: the environment variable holding the AppKey.")
        String appKeyEnv;

        @Override
        public Integer call() {
            if (!"greader".equals(type)) {
                return common.usage("unknown account type '" + Sanitize.line(type) + "' (known: greader)");
            }
            Env env = common.env();
            PasswordSource source;
            Account account;
            try {
                if (password.env != null) {
                    source = new PasswordSource.Env(password.env);
                } else if (password.file != null) {
                    source = new PasswordSource.File(java.nio.file.Path.of(password.file).toAbsolutePath().toString());
                } else if (password.command != null) {
                    source = new PasswordSource.Command(password.command);
                } else {
                    source = PasswordSource.PROMPT;
                }
                account = new Account(name != null ? name : Account.defaultName(url), url, user, source, appId);
            } catch (IllegalArgumentException e) {
                return common.usage(Sanitize.line(e.getMessage()));
            }
            Accounts accounts = accounts(common);
            try {
                List<Account> all = new ArrayList<>(accounts.load());
                all.removeIf(a -> a.name().equals(account.name()));
                String secret;
                if (source == PasswordSource.PROMPT) {
                    java.io.Console console = System.console();
                    if (console == null || !env.stdinIsTerminal) {
                        return common.usage("no terminal to ask the password on: give --password-env, --password-file"
                                + " or --password-command");
                    }
                    char[] typed = console.readPassword("Password for %s at %s: ", account.user(), account.url());
                    if (typed == null || typed.length == 0) {
                        return common.usage("no password given");
                    }
                    secret = new String(typed);
                    java.util.Arrays.fill(typed, ' ');
                } else {
                    secret = PasswordSource.read(source, env.vars);
                }
                if (!account.appId().isEmpty()) {
                    String key = appKeyEnv == null ? null : env.vars.get(appKeyEnv);
                    if (key == null || key.isBlank()) {
                        return common.usage("--app-id needs --app-key-env VAR naming a set variable with the AppKey");
                    }
                    accounts.saveAppKey(account.name(), key.strip());
                }
                SyncCommand.sync(env, Sync.DEFAULT_FIRST).login(account, secret);
                all.add(account);
                accounts.save(all);
            } catch (SyncException e) {
                if (e.kind() != SyncException.Kind.LOCAL) {
                    accounts.deleteFiles(account.name()); // a refused login leaves nothing behind
                }
                return fail(common, e);
            }
            common.out().println("Added account " + account.name() + " (" + Sanitize.line(account.url()) + ", user "
                    + Sanitize.line(account.user()) + "); run 'tidings sync' to fetch its feeds");
            common.out().flush();
            return ExitCodes.OK;
        }
    }

    // ---------------------------------------------------------------- list

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts: server, user, last sync,"
            + " queued changes (no secrets).")
    static final class ListSub implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            return list(common);
        }

        static int list(CommonOptions c) {
            SyncedFeeds synced = SyncedFeeds.of(c.env().vars);
            List<Account> all;
            try {
                all = synced.accounts().load();
            } catch (SyncException e) {
                return fail(c, e);
            }
            PrintWriter out = c.out();
            if (all.isEmpty()) {
                out.println("No accounts yet: add one with 'tidings account add greader URL --user NAME'");
            }
            for (Account a : all) {
                SyncState st = SyncState.load(synced.stateFile(a.name()));
                int queued;
                try {
                    queued = synced.queue(a.name()).all().size();
                } catch (SyncException e) {
                    queued = -1;
                }
                out.println(a.name() + "  " + Sanitize.line(a.url()) + "  user " + Sanitize.line(a.user())
                        + "  password " + describe(a.password()) + "  "
                        + (st.lastSync() == 0 ? "never synced" : "synced " + DateTimeFormatter.ISO_INSTANT.format(
                                Instant.ofEpochMilli(st.lastSync()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
                        + ", " + st.feeds().size() + " feeds, " + (queued < 0 ? "queue unreadable" : queued + " queued"));
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static String describe(PasswordSource p) {
            if (p instanceof PasswordSource.Env e) {
                return "from $" + e.variable();
            }
            if (p instanceof PasswordSource.File f) {
                return "from " + Sanitize.line(f.path());
            }
            if (p instanceof PasswordSource.Command cmd) {
                return "from command " + Sanitize.line(cmd.argv().get(0));
            }
            return "typed (asked again when the session expires)";
        }
    }

    // ---------------------------------------------------------------- remove, test

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an account with its token,"
            + " queue and sync state (queued changes are lost; sync first). Nothing changes on the server.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "ACCOUNT")
        String name;

        @Override
        public Integer call() {
            Accounts accounts = accounts(common);
            try {
                accounts.account(name);
                List<Account> all = new ArrayList<>(accounts.load());
                all.removeIf(a -> a.name().equals(name));
                accounts.save(all);
                accounts.deleteFiles(name);
            } catch (SyncException e) {
                return fail(common, e);
            }
            common.out().println("Removed account " + name);
            common.out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, description = "Check that the server answers and accepts"
            + " the session (logging in again if it expired).")
    static final class Test implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "ACCOUNT")
        String name;

        @Override
        public Integer call() {
            try {
                Account a = accounts(common).account(name);
                int n = SyncCommand.sync(common.env(), Sync.DEFAULT_FIRST).test(a);
                common.out().println("Account " + a.name() + ": OK (" + n + (n == 1 ? " subscription)" : " subscriptions)"));
                common.out().flush();
                return ExitCodes.OK;
            } catch (SyncException e) {
                return fail(common, e);
            }
        }
    }

    // ---------------------------------------------------------------- subscriptions on the server

    /** The server feed named by its stream id, its feed URL or its title (case-insensitive). */
    static ServerFeed feed(List<ServerFeed> feeds, String which) throws SyncException {
        String stream = SyncedFeeds.streamOf(which);
        for (ServerFeed f : feeds) {
            if (f.streamId().equals(which) || f.streamId().equals(stream) || f.url().equals(which)) {
                return f;
            }
        }
        List<ServerFeed> byTitle = feeds.stream().filter(f -> f.title().equalsIgnoreCase(which)).toList();
        if (byTitle.size() == 1) {
            return byTitle.get(0);
        }
        throw new SyncException(SyncException.Kind.LOCAL, "no server feed '" + Sanitize.line(which) + "'"
                + (byTitle.size() > 1 ? " (several have that title: give its URL)" : " (give its URL, title or stream id)"));
    }

    abstract static class Edit implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "ACCOUNT")
        String name;

        abstract void apply(dev.tidings.sync.GReaderClient c, List<ServerFeed> feeds) throws SyncException;

        abstract String done();

        @Override
        public Integer call() {
            try {
                Account a = accounts(common).account(name);
                SyncCommand.sync(common.env(), Sync.DEFAULT_FIRST).editSubscriptions(a, this::apply);
            } catch (SyncException e) {
                return fail(common, e);
            }
            common.out().println(done());
            common.out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "subscribe", mixinStandardHelpOptions = true, description = "Subscribe on the server (its items"
            + " come with the next sync).")
    static final class Subscribe extends Edit {
        @Parameters(index = "1", paramLabel = "URL", description = "The feed's URL.")
        String url;

        @Option(names = "--title", paramLabel = "TITLE", description = "A title for it.")
        String title = "";

        @Option(names = "--tag", paramLabel = "CATEGORY", description = "The server category (folder) to put it in.")
        String tag = "";

        @Override
        void apply(dev.tidings.sync.GReaderClient c, List<ServerFeed> feeds) throws SyncException {
            if (!dev.tidings.text.Urls.isWeb(url)) {
                throw new SyncException(SyncException.Kind.LOCAL, "not an http(s) URL: '" + Sanitize.line(url) + "'");
            }
            c.subscribe(url, Sanitize.line(title), Sanitize.line(tag));
        }

        @Override
        String done() {
            return "Subscribed to " + Sanitize.line(url) + " on " + name + "; 'tidings sync' fetches its items";
        }
    }

    @Command(name = "unsubscribe", mixinStandardHelpOptions = true, description = "Unsubscribe on the server.")
    static final class Unsubscribe extends Edit {
        @Parameters(index = "1", paramLabel = "FEED", description = "The feed's URL, title or stream id.")
        String which;

        @Override
        void apply(dev.tidings.sync.GReaderClient c, List<ServerFeed> feeds) throws SyncException {
            c.unsubscribe(feed(feeds, which).streamId());
        }

        @Override
        String done() {
            return "Unsubscribed from " + Sanitize.line(which) + " on " + name;
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a feed on the server.")
    static final class Rename extends Edit {
        @Parameters(index = "1", paramLabel = "FEED", description = "The feed's URL, title or stream id.")
        String which;

        @Parameters(index = "2", paramLabel = "TITLE", description = "Its new title.")
        String title;

        @Override
        void apply(dev.tidings.sync.GReaderClient c, List<ServerFeed> feeds) throws SyncException {
            String t = Sanitize.line(title).strip();
            if (t.isEmpty()) {
                throw new SyncException(SyncException.Kind.LOCAL, "the new title is empty");
            }
            c.rename(feed(feeds, which).streamId(), t);
        }

        @Override
        String done() {
            return "Renamed " + Sanitize.line(which) + " to " + Sanitize.line(title).strip() + " on " + name;
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
