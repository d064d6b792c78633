package dev.tidings.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tidings.app.Entry;
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
            "0:success", "2:usage error", "3:a source could not be read, or stdout not written", "4:not a valid feed"})
final class ListCommand implements Callable<Integer> {
    enum Format { text, tsv, json, ndjson }

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FEED", arity = "0..*",
            description = "Feed file, '-' for stdin, or http(s) URL. None: your subscriptions, else the bundled sample feed.")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, tsv, json or ndjson (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N headlines.")
    Integer limit;

    @Option(names = "--unread", description = "Only articles not yet read in the reader"
            + " (read state: $XDG_DATA_HOME/tidings/read-state).")
    boolean unread;

    @Override
    public Integer call() throws IOException {
        if (limit != null && limit < 0) {
            return common.usage("--limit must be 0 or more, was " + limit);
        }
        Env env = common.env();
        FeedLoader.Result result = FeedArgs.load(env, feeds, Detail.HEADLINES, common.err(), common.offline());
        int code = Failures.report(result, common.err());
        List<Entry> entries = FeedLoader.headlines(result.feeds());
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
                for (Entry e : entries) {
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
                    for (Entry e : entries) {
                        HeadlineJson.write(g, e);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                out.println();
                break;
            case ndjson:
                for (Entry e : entries) {
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
                for (Entry e : entries) {
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
