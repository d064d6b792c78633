package dev.tidings.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tidings.app.Headline;
import dev.tidings.app.FeedLoader;
import dev.tidings.app.LoadedFeed;
import dev.tidings.feed.Detail;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidings list}: one headline per line. Bodies are never built. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print one headline per line: number, date, title, feed name.%n"
                + "Numbers are what 'tidings dump --item N' takes.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage error (a bad --where rule too)", "3:a source could not be read, or stdout not written", "4:not a valid feed"})
final class ListCommand implements Callable<Integer> {
    enum Format { text, tsv, json, ndjson }

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FEED", arity = "0..*",
            description = "Feed file, '-' for stdin, or http(s) URL. None: your subscriptions, else the bundled sample feed."
                    + " 'query:NAME' (a query feed of the urls file) or 'query:NAME:RULE': the subscriptions' articles"
                    + " matching its rule.")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, tsv, json or ndjson (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N headlines.")
    Integer limit;

    @Option(names = "--where", paramLabel = "RULE", description = "Only articles matching RULE, e.g."
            + " 'unread = yes and title =~ \"rust\"' (see \"Rules\" in README.md).")
    String where;

    @Option(names = "--unread", description = "Only articles not yet read in the reader"
            + " (read state: $XDG_DATA_HOME/tidings/read-state).")
    boolean unread;

    @Override
    public Integer call() throws IOException {
        if (limit != null && limit < 0) {
            return common.usage("--limit must be 0 or more, was " + limit);
        }
        Env env = common.env();
        dev.tidings.rules.Rule rule;
        try {
            rule = RuleSupport.parseWhere(where, env);
        } catch (dev.tidings.rules.RuleException e) {
            return common.usage("--where: " + e.getMessage());
        }
        List<dev.tidings.rules.Rule> queries = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String f : feeds) {
            if (!dev.tidings.subs.QueryFeed.isQuery(f)) {
                sources.add(f);
                continue;
            }
            try {
                queries.add(RuleSupport.query(env, f));
            } catch (dev.tidings.rules.RuleException | IllegalArgumentException e) {
                return common.usage(Sanitize.line(f) + ": " + e.getMessage());
            }
        }
        dev.tidings.app.IgnoreRules ignores = RuleSupport.ignores(env, common.err());
        java.util.function.Predicate<String> mentioned = f -> (rule != null && rule.mentions(f)) || ignores.mentions(f)
                || queries.stream().anyMatch(q -> q.mentions(f));
        // bodies only when a rule reads them
        Detail detail = mentioned.test("content") ? Detail.FULL : Detail.HEADLINES;
        FeedLoader.Result result = FeedArgs.load(env, sources, detail, common.err(), common.offline());
        int code = Failures.report(result, common.err());
        List<Headline> entries = FeedLoader.headlines(result.feeds());
        if (rule != null || !ignores.isEmpty() || !queries.isEmpty()) {
            dev.tidings.app.HeadlineView.Context context = RuleSupport.context(env, common, mentioned, common.err());
            entries = RuleSupport.apply(ignores, rule, entries, context, common.err());
            if (!queries.isEmpty()) {
                entries = RuleSupport.anyOf(queries, entries, context, common.err());
            }
        }
        if (unread) {
            dev.tidings.store.ReadState read = new dev.tidings.store.ReadState(
                    dev.tidings.store.ReadState.defaultPath(env.vars));
            try {
                read.load();
            } catch (dev.tidings.store.StoreException e) {
                return common.storeError(e);
            }
            entries = entries.stream().filter(e -> !read.isRead(e.item().id(), e.item().link())).toList();
        }
        if (limit != null && entries.size() > limit) {
            entries = entries.subList(0, limit);
        }
        PrintWriter out = common.out();
        switch (format) {
            case tsv:
                for (Headline e : entries) {
                    out.println(e.number() + "\t" + (e.item().date() == null ? "" : e.item().date().toString()) + "\t"
                            + tsv(e.item().title()) + "\t" + tsv(e.feed().name()) + "\t" + tsv(Urls.web(e.item().link())) + "\t"
                            + tsv(e.item().id()));
                    if (e.number() % 512 == 0 && out.checkError()) {
                        return code;
                    }
                }
                break;
            case json:
                try (JsonGenerator g = Json.generator(out, true)) {
                    g.writeStartObject();
                    g.writeArrayFieldStart("feeds");
                    for (LoadedFeed f : result.feeds()) {
                        feed(g, f);
                    }
                    g.writeEndArray();
                    g.writeArrayFieldStart("items");
                    for (Headline e : entries) {
                        HeadlineJson.write(g, e);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                out.println();
                break;
            case ndjson:
                for (Headline e : entries) {
                    try (JsonGenerator g = Json.generator(out, false)) {
                        HeadlineJson.write(g, e);
                    }
                    out.println();
                    if (out.checkError()) {
                        return code;
                    }
                }
                break;
            default:
                int numWidth = String.valueOf(Math.max(1, entries.size())).length();
                StringBuilder line = new StringBuilder(160);
                int n = 0;
                for (Headline e : entries) {
                    String title = e.item().title().isEmpty() ? "(untitled)" : e.item().title();
                    line.setLength(0);
                    String num = Integer.toString(e.number());
                    for (int pad = num.length(); pad < numWidth; pad++) {
                        line.append(' ');
                    }
                    line.append(num).append("  ").append(Formats.day(e.item().date(), env.zone)).append("  ")
                            .append(Sanitize.line(title)).append("  — ").append(Sanitize.line(e.feed().name()));
                    out.println(line);
                    // checkError() flushes: ask now and then, not per line (| head -1 still stops at once)
                    if (++n % 512 == 0 && out.checkError()) {
                        return code;
                    }
                }
        }
        out.flush();
        return code;
    }

    private static String tsv(String s) {
        return Sanitize.line(s).replace('\t', ' ');
    }

    static void feed(JsonGenerator g, LoadedFeed f) throws IOException {
        g.writeStartObject();
        Json.line(g, "title", f.feed().title());
        Json.link(g, "link", f.feed().link());
        Json.line(g, "source", f.source());
        Json.line(g, "format", f.feed().format().label());
        g.writeEndObject();
    }
}
