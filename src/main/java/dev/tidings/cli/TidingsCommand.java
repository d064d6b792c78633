package dev.tidings.cli;

import dev.tidings.text.Sanitize;
import dev.tidings.tui.KeyMap;
import dev.tidings.tui.ReaderLoop;
import dev.tidings.tui.Theme;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The root command: {@code tidings [FEED...]} opens the reader. */
@Command(name = "tidings", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = "A terminal news reader for RSS, Atom and JSON Feed.%n"
                + "With no FEED it opens the sample feed bundled with Tidings.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:internal error (a bug; --debug shows details)",
            "2:usage error (bad option or value, no such item, no terminal)",
            "3:a source could not be read (file, stdin, HTTP), or stdout not written",
            "4:not a valid feed (or refused as hostile)",
            "5:collections file unusable",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tidings news.xml                     read a feed in the reader",
            "  tidings list https://example.org/feed.xml",
            "  tidings dump --item 1 news.xml       print the first article",
            "  curl -s URL | tidings list -         read a feed from stdin",
        })
final class TidingsCommand implements Callable<Integer> {
    final Env env;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FEED", arity = "0..*",
            description = "Feed file, '-' for stdin, or http(s) URL. None: your subscriptions, else the bundled sample feed.")
    List<String> feeds = new ArrayList<>();

    TidingsCommand(Env env) {
        this.env = env;
    }

    @Option(names = "--theme", paramLabel = "NAME|PATH",
            description = "Colour theme: default, dark, light, high-contrast, mono, or a .theme file."
                    + " Default: 'theme' in the config file, else default. NO_COLOR forces mono colours.")
    String theme;

    @Option(names = "--bidi", paramLabel = "MODE",
            description = "Right-to-left text: auto (default), app (Tidings reorders), terminal (the terminal"
                    + " does), off. Default: 'bidi' in the config file, else auto.")
    String bidi;

    @Override
    public Integer call() {
        return openReader(common.err(), common.collectionsPath(), common.offline());
    }

    /**
     * {@code tidings [--offline] [FEED...]}: the reader opened without building picocli's model of
     * the command line (a tenth of a second of start-up), or null when the arguments need the
     * parser: any other option, an argument file ({@code @FILE}), a command or help.
     */
    static Integer withoutOptions(Env env, String[] args, PrintWriter err) {
        boolean offline = false;
        List<String> feeds = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--offline")) {
                offline = true;
            } else if ((a.startsWith("-") && !a.equals("-")) || a.startsWith("@") || a.equals("help")
                    || Main.commandNames().contains(a)) {
                return null;
            } else {
                feeds.add(a);
            }
        }
        TidingsCommand reader = new TidingsCommand(env);
        reader.feeds = feeds;
        return reader.openReader(err, dev.tidings.app.CollectionsPath.resolve(null, env.vars), offline);
    }

    private int openReader(PrintWriter err, Path collectionsPath, boolean offline) {
        feeds = env.keyless(feeds, err);
        String typo = mistypedCommand();
        if (typo != null) {
            err.println(typo);
            err.flush();
            return ExitCodes.USAGE;
        }
        String term = env.vars.getOrDefault("TERM", "");
        String why = null;
        if (term.isEmpty() || term.equals("dumb")) {
            why = term.isEmpty() ? "TERM is not set" : "TERM=dumb cannot show it";
        } else if (!env.stdinIsTerminal) {
            why = "stdin is not a terminal";
        } else if (!env.stdoutIsTerminal) {
            why = "stdout is not a terminal";
        }
        if (why != null) {
            err.println("tidings: the full-screen reader needs a terminal (" + why + "); use 'tidings list"
                    + args() + "' for headlines or 'tidings dump --item N" + args() + "' for an article");
            err.flush();
            return ExitCodes.USAGE;
        }
        Path configDir = Config.dir(env.vars);
        Map<String, String> config;
        try {
            config = Config.read(configDir.resolve("config"));
        } catch (Config.ConfigException e) {
            err.println("tidings: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        String themeName = theme != null ? theme : config.getOrDefault("theme", "default");
        Theme.Depth depth = Theme.depth(env.vars);
        Theme t;
        try {
            t = Theme.load(themeName, depth);
        } catch (Theme.ThemeException e) {
            err.println("tidings: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        String bidiName = bidi != null ? bidi : config.getOrDefault("bidi", "auto");
        dev.tidings.tui.BidiMode bidiMode = dev.tidings.tui.BidiMode.parse(bidiName);
        if (bidiMode == null) {
            err.println("tidings: bidi: expected auto, app, terminal or off, not '" + Sanitize.line(bidiName) + "'");
            err.flush();
            return ExitCodes.USAGE;
        }
        String mouseValue = config.getOrDefault("mouse", "off").strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("on", "off", "yes", "no", "true", "false").contains(mouseValue)) {
            err.println("tidings: mouse: expected on or off, not '" + Sanitize.line(mouseValue) + "'");
            err.flush();
            return ExitCodes.USAGE;
        }
        ReaderLoop.TtySettings tty = new ReaderLoop.TtySettings(List.of("on", "yes", "true").contains(mouseValue),
                config.get("browser"));
        dev.tidings.tui.Launchers launchers;
        try {
            launchers = dev.tidings.tui.Launchers.parse(lines(config.get("open-with")), lines(config.get("send-to")));
        } catch (IllegalArgumentException e) {
            err.println("tidings: " + configDir.resolve("config") + ": " + Sanitize.line(e.getMessage()));
            err.flush();
            return ExitCodes.USAGE;
        }
        dev.tidings.tui.SortOrder sort = dev.tidings.tui.SortOrder.parse(config.getOrDefault("sort", "date-desc"));
        if (sort == null) {
            err.println("tidings: " + configDir.resolve("config") + ": sort: expected one of "
                    + dev.tidings.tui.SortOrder.names() + ", not '" + Sanitize.line(config.get("sort")) + "'");
            err.flush();
            return ExitCodes.USAGE;
        }
        dev.tidings.app.IgnoreRules ignores = RuleSupport.ignores(env, err);
        List<dev.tidings.subs.QueryFeed> queries = List.of();
        dev.tidings.app.Retention retention;
        dev.tidings.tui.LiveOptions live;
        try {
            retention = Config.retention(config);
            live = dev.tidings.tui.LiveOptions.of(Config.number(config, "reload-time", 10_080, 0),
                    config.get("notify"), config.get("notify-program"));
        } catch (Config.ConfigException | IllegalArgumentException e) {
            err.println("tidings: " + (e instanceof Config.ConfigException ? "" : "config: ") + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        KeyMap.Loaded keys = KeyMap.load(configDir.resolve("keys"));
        try {
            List<String> readerModeFeeds = new java.util.ArrayList<>(config.containsKey("reader-mode")
                    ? List.of(config.get("reader-mode").split("\n")) : List.of());
            dev.tidings.app.Subscribed subscribed = null;
            List<dev.tidings.subs.Subscription> subscriptions = List.of();
            boolean accounts = feeds.isEmpty() && dev.tidings.app.SyncedFeeds.of(env.vars).accounts().any();
            if (feeds.isEmpty() && (accounts || java.nio.file.Files.isRegularFile(dev.tidings.app.Subscribed.urlsFile(env.vars)))) {
                // only with a urls file: building the HTTP client costs start-up time the sample does not need
                subscribed = new dev.tidings.app.Subscribed(dev.tidings.app.Subscribed.urlsFile(env.vars),
                        dev.tidings.app.ReaderMode.defaultCacheDir(env.vars), env::fetcher);
                try {
                    dev.tidings.subs.Subscriptions.Parsed parsed = subscribed.load();
                    subscriptions = parsed.subscriptions();
                    queries = parsed.queries();
                    for (String problem : parsed.problems()) {
                        err.println("tidings: warning: " + problem);
                    }
                } catch (IOException e) {
                    err.println("tidings: " + subscribed.file() + ": " + Sanitize.line(e.getMessage()));
                }
                subscribed.retention(retention);
                subscribed.userAgentFetcher(env::fetcher);
                for (dev.tidings.subs.Subscription sub : subscriptions) { // a feed's own reader-mode=yes|no
                    Boolean rm = sub.settings().readerMode();
                    if (Boolean.TRUE.equals(rm)) {
                        readerModeFeeds.add(sub.url());
                    } else if (Boolean.FALSE.equals(rm)) {
                        readerModeFeeds.remove(sub.url());
                        readerModeFeeds.remove(sub.name());
                    }
                }
                if (accounts) { // server feeds beside local ones, grouped by account (from the last sync)
                    List<dev.tidings.subs.Subscription> all = new java.util.ArrayList<>(subscriptions);
                    all.addAll(FeedArgs.syncedSubscriptions(env, err));
                    subscriptions = all;
                }
            }
            ReaderLoop.Outcome outcome = ReaderLoop.run(feeds, env.loader(), t, keys.keys(), keys.errors(), env.vars, env.zone,
                    collectionsPath, readerModeFeeds, subscribed, subscriptions, offline, bidiMode, tty,
                    launchers, new dev.tidings.tui.ReaderRules(ignores, queries, sort), live);
            if (!feeds.isEmpty() && outcome.nothingLoaded() && !outcome.failures().isEmpty()) {
                // not one feed could be shown: say why again on the shell's screen, and exit as list would
                return Failures.report(new dev.tidings.app.FeedLoader.Result(List.of(), outcome.failures()), err);
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("tidings: terminal error: " + Sanitize.line(e.getMessage()));
            err.flush();
            return ExitCodes.INTERNAL;
        }
    }

    private static List<String> lines(String joined) {
        return joined == null ? List.of() : List.of(joined.split("\n"));
    }

    /**
     * A message when a FEED is no file or URL but one or two keystrokes away from a command
     * ("tidings lsit"), else null: such a typo should not open an empty reader or be fetched.
     */
    private String mistypedCommand() {
        for (String f : feeds) {
            if (f.equals("-") || f.contains("/") || f.contains(".") || java.nio.file.Files.exists(Path.of(f))) {
                continue;
            }
            for (String command : Main.commandNames()) {
                if (editDistance(f.toLowerCase(java.util.Locale.ROOT), command) <= 2) {
                    return "tidings: '" + Sanitize.line(f) + "' is neither a feed file nor a command; did you mean 'tidings "
                            + command + "'? (see 'tidings --help')";
                }
            }
        }
        return null;
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private String args() {
        return feeds.isEmpty() ? "" : " " + String.join(" ", feeds.stream().map(Sanitize::line).toList());
    }
}
