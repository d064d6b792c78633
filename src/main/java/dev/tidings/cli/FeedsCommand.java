package dev.tidings.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tidings.app.FeedDiscovery;
import dev.tidings.app.ReaderMode;
import dev.tidings.extract.FeedLinks;
import dev.tidings.fetch.SourceException;
import dev.tidings.app.Subscribed;
import dev.tidings.store.CacheMeta;
import dev.tidings.store.CacheStatus;
import dev.tidings.subs.Subscription;
import dev.tidings.subs.Subscriptions;
import dev.tidings.text.Sanitize;
import dev.tidings.text.UrlKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidings feeds ...}: the subscriptions in $XDG_CONFIG_HOME/tidings/urls. */
@Command(name = "feeds", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List and edit your subscriptions ($XDG_CONFIG_HOME/tidings/urls).",
        subcommands = {FeedsCommand.ListSub.class, FeedsCommand.Add.class, FeedsCommand.Remove.class,
            FeedsCommand.Rename.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage error (not an http(s) URL, already subscribed, not subscribed)",
            "3:the subscriptions file could not be read or written"})
final class FeedsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        return ListSub.run(common, ListSub.Format.text);
    }

    // ---------------------------------------------------------------- shared with import/export/refresh

    static Subscribed subscribed(CommonOptions c) {
        Env env = c.env();
        Subscribed s = new Subscribed(Subscribed.urlsFile(env.vars), ReaderMode.defaultCacheDir(env.vars), env::fetcher);
        s.retention(Config.retentionOrNone(env.vars));
        s.userAgentFetcher(env::fetcher);
        return s;
    }

    /** The subscriptions; problems printed as warnings. Null (after a one-line error) when unreadable. */
    static Subscriptions.Parsed load(CommonOptions c, Subscribed s) {
        Subscriptions.Parsed parsed;
        try {
            parsed = s.load();
        } catch (IOException e) {
            c.err().println("tidings: cannot read " + Sanitize.line(String.valueOf(s.file())) + ": "
                    + Sanitize.line(String.valueOf(e.getMessage())));
            c.err().flush();
            return null;
        }
        warn(c, parsed.problems());
        return parsed;
    }

    static void warn(CommonOptions c, List<String> problems) {
        for (String p : problems) {
            c.err().println("tidings: warning: " + Sanitize.line(p));
        }
        c.err().flush();
    }

    /** Saves, or prints a one-line error; true when saved. */
    static boolean save(CommonOptions c, Subscribed s, List<Subscription> subs) {
        return save(c, s, subs, List.of());
    }

    /** Saves the subscriptions and appends the query feeds the file does not hold yet. */
    static boolean save(CommonOptions c, Subscribed s, List<Subscription> subs, List<dev.tidings.subs.QueryFeed> queries) {
        try {
            if (queries.isEmpty()) {
                s.save(subs);
            } else {
                Subscriptions.save(s.file(), subs, queries);
            }
            return true;
        } catch (IOException e) {
            c.err().println("tidings: cannot write " + Sanitize.line(String.valueOf(s.file())) + ": "
                    + Sanitize.line(String.valueOf(e.getMessage())));
            c.err().flush();
            return false;
        }
    }

    /**
     * Reads the subscriptions, applies {@code edit} (an IllegalArgumentException is the user's
     * mistake: a one-line refusal), saves, and prints {@code done}: what add, remove and rename share.
     */
    static int edit(CommonOptions c, java.util.function.UnaryOperator<List<Subscription>> edit, String done) {
        Subscribed s = subscribed(c);
        Subscriptions.Parsed parsed = load(c, s);
        if (parsed == null) {
            return ExitCodes.UNREADABLE;
        }
        List<Subscription> updated;
        try {
            updated = edit.apply(parsed.subscriptions());
        } catch (IllegalArgumentException e) {
            return refuse(c, Sanitize.line(e.getMessage()));
        }
        if (!save(c, s, updated)) {
            return ExitCodes.UNREADABLE;
        }
        c.out().println(done);
        c.out().flush();
        return ExitCodes.OK;
    }

    /** A one-line error without the "see --help" hint, and the usage exit code. */
    static int refuse(CommonOptions c, String message) {
        c.err().println("tidings: " + message);
        c.err().flush();
        return ExitCodes.USAGE;
    }

    static String show(String s) {
        String l = Sanitize.line(s);
        return l.length() <= 200 ? l : l.substring(0, 199) + "\u2026";
    }

    // ---------------------------------------------------------------- list

    /** {@code feeds list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "One line per subscription: name, URL, [tags], last update from the cache, '! problem'.")
    static final class ListSub implements Callable<Integer> {
        enum Format { text, tsv, json }

        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

        @Mixin
        CommonOptions common;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "text, tsv or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Override
        public Integer call() {
            return run(common, format);
        }

        static int run(CommonOptions c, Format format) {
            Subscribed s = subscribed(c);
            Subscriptions.Parsed parsed = load(c, s);
            if (parsed == null) {
                return ExitCodes.UNREADABLE;
            }
            PrintWriter out = c.out();
            List<Subscription> subs = parsed.subscriptions();
            switch (format) {
                case json:
                    try (JsonGenerator g = Json.generator(out, true)) {
                        g.writeStartArray();
                        for (Subscription sub : subs) {
                            CacheMeta e = s.cache().meta(sub.url()).orElse(null);
                            g.writeStartObject();
                            Json.line(g, "url", sub.url());
                            Json.line(g, "name", sub.name());
                            Json.strings(g, "tags", sub.tags());
                            Json.instant(g, "fetched", fetched(e));
                            Json.line(g, "status", e == null ? "" : e.status().wire());
                            Json.line(g, "error", problem(e));
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    out.println();
                    break;
                case tsv:
                    for (Subscription sub : subs) {
                        CacheMeta e = s.cache().meta(sub.url()).orElse(null);
                        out.println(tsv(sub.url()) + "\t" + tsv(sub.name()) + "\t" + tsv(String.join(",", sub.tags()))
                                + "\t" + (fetched(e) == null ? "" : fetched(e).toString()) + "\t"
                                + (e == null ? "" : tsv(e.status().wire())) + "\t" + tsv(problem(e)));
                    }
                    break;
                default:
                    if (subs.isEmpty() && parsed.queries().isEmpty()) {
                        out.println("No subscriptions yet: add one with 'tidings feeds add URL' or 'tidings import FILE'");
                    }
                    for (Subscription sub : subs) {
                        CacheMeta e = s.cache().meta(sub.url()).orElse(null);
                        StringBuilder line = new StringBuilder();
                        if (!sub.name().isEmpty()) {
                            line.append(Sanitize.line(sub.name())).append("  ");
                        }
                        line.append(Sanitize.line(sub.url()));
                        if (!sub.tags().isEmpty()) {
                            line.append("  [").append(Sanitize.line(String.join(", ", sub.tags()))).append(']');
                        }
                        line.append("  ").append(when(fetched(e), c.env()));
                        String problem = problem(e);
                        if (!problem.isEmpty()) {
                            line.append("  ! ").append(Sanitize.line(problem));
                        }
                        out.println(line);
                    }
                    for (dev.tidings.subs.QueryFeed q : parsed.queries()) { // query feeds: name, rule, tags
                        out.println(Sanitize.line(q.name()) + "  query: " + Sanitize.line(q.rule())
                                + (q.tags().isEmpty() ? "" : "  [" + Sanitize.line(String.join(", ", q.tags())) + "]"));
                    }
            }
            out.flush();
            return ExitCodes.OK;
        }

        /** When the cached copy was last fetched or confirmed; null when there is none. */
        static Instant fetched(CacheMeta e) {
            return e == null || !e.hasBody() ? null : e.fetchedAt();
        }

        private static String when(Instant at, Env env) {
            return at == null ? "never fetched" : "updated " + WHEN.format(at.atZone(env.zone));
        }

        /** "" when the cache holds no problem; else why the last refresh failed. */
        static String problem(CacheMeta e) {
            if (e == null) {
                return "";
            }
            if (e.status() == CacheStatus.GONE) {
                return "gone (the server says the feed was removed)";
            }
            if (e.status() == CacheStatus.ERROR) {
                return e.error() == null || e.error().isBlank() ? "error" : e.error();
            }
            return "";
        }

        private static String tsv(String s) {
            return Sanitize.line(s).replace('\t', ' ');
        }
    }

    // ---------------------------------------------------------------- add / remove / rename

    /** {@code feeds add URL}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Subscribe to an http(s) feed URL.",
        "A web page's URL subscribes to the feed it names in <link rel=\"alternate\">; when it names several,"
            + " a terminal asks which, a script gets them one per line (title, type, URL) and exit code 2."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:subscribed", "2:usage error (not an http(s) URL, already subscribed), or a page naming"
                    + " several feeds (listed on stdout) and no terminal to choose",
                "3:the subscriptions file could not be read or written",
                "4:a web page that names no feed"})
    static final class Add implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "URL", description = "The feed's http(s) URL.")
        String url;

        @Option(names = "--name", paramLabel = "NAME", description = "Display name (default: the feed's title).")
        String name;

        @Option(names = "--tag", paramLabel = "TAG", description = "A tag; repeat for more.")
        List<String> tags = new ArrayList<>();

        @Override
        public Integer call() {
            Subscription sub;
            UrlKeys.Stripped keyless = UrlKeys.strip(url == null ? "" : url.strip());
            if (keyless.hadKey()) {
                common.err().println("tidings: warning: " + Sanitize.line(keyless.url()) + ": the URL carried an API key ("
                        + Sanitize.line(keyless.parameter()) + "=…); it was not stored. Put it in the config:"
                        + " see \"Sources\" in README.md");
                common.err().flush();
            }
            try {
                sub = new Subscription(keyless.url(), name == null ? "" : name, tags);
            } catch (IllegalArgumentException e) {
                return refuse(common, "'" + show(keyless.url()) + "' is not an http(s) URL");
            }
            FeedDiscovery.Found found;
            try {
                found = FeedDiscovery.discover(common.env().fetcher(), sub.url());
            } catch (SourceException e) {
                common.err().println("tidings: warning: " + Sanitize.line(String.valueOf(e.getMessage()))
                        + "; subscribed anyway");
                common.err().flush();
                found = new FeedDiscovery.Found(false, List.of(), null);
            }
            if (!found.page()) {
                return edit(common, list -> Subscriptions.add(list, sub), "Subscribed to " + Sanitize.line(sub.url()));
            }
            FeedLinks.Link chosen = DiscoveryChoice.choose(common, sub.url(), found.links());
            if (chosen == null) {
                return found.links().isEmpty() ? ExitCodes.INVALID_FEED : ExitCodes.USAGE;
            }
            Subscription feed;
            try {
                feed = new Subscription(chosen.url(), name == null ? "" : name, tags);
            } catch (IllegalArgumentException e) {
                return refuse(common, "'" + show(chosen.url()) + "' cannot be subscribed to: " + Sanitize.line(e.getMessage()));
            }
            return edit(common, list -> Subscriptions.add(list, feed), "Subscribed to " + Sanitize.line(feed.url())
                    + " (" + chosen.format() + ", found on " + Sanitize.line(sub.url()) + ")");
        }
    }

    /** {@code feeds remove URL}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Unsubscribe (the cached copy stays until the cache is cleaned).")
    static final class Remove implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "URL")
        String url;

        @Override
        public Integer call() {
            String url = UrlKeys.strip(this.url).url(); // the urls file holds no keys
            return edit(common, list -> Subscriptions.remove(list, url), "Unsubscribed from " + show(url));
        }
    }

    /** {@code feeds rename URL NAME}. */
    @Command(name = "rename", mixinStandardHelpOptions = true,
            description = "Set a subscription's display name ('' goes back to the feed's title).")
    static final class Rename implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "URL")
        String url;

        @Parameters(index = "1", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            String url = UrlKeys.strip(this.url).url(); // the urls file holds no keys
            String clean = Sanitize.line(name);
            return edit(common, list -> Subscriptions.rename(list, url, name), clean.isEmpty()
                    ? "Cleared the name of " + show(url) : "Renamed " + show(url) + " to '" + clean + "'");
        }
    }
}
