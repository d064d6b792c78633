package dev.tidings.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tidings.app.Searching;
import dev.tidings.app.Subscribed;
import dev.tidings.search.Hit;
import dev.tidings.search.SearchIndex;
import dev.tidings.store.CollectionStore;
import dev.tidings.store.StoreException;
import dev.tidings.subs.Subscription;
import dev.tidings.subs.Subscriptions;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidings search QUERY}: every cached article of the subscriptions and every saved one. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Search every cached article of your subscriptions and your collections:"
                + " titles, bodies, authors, feed names. Best first: title matches, then newest.",
        footer = {"%nQuery: words (all must match), \"a phrase\", prefix*, and title:, author:, feed: before any",
            "of them. The index lives in $XDG_CACHE_HOME/tidings/search/ and is brought up to date first."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:searched (nothing found is not an error: stdout stays empty, stderr says so)",
            "2:usage error (empty query, bad option)",
            "3:the subscriptions file could not be read, or stdout not written"})
final class SearchCommand implements Callable<Integer> {
    enum Format { text, tsv, json, ndjson }

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "What to search for (several arguments are one query).")
    List<String> words;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, tsv, json or ndjson (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N articles (default: all).")
    Integer limit;

    @Override
    public Integer call() throws IOException {
        if (limit != null && limit < 0) {
            return common.usage("--limit must be 0 or more, was " + limit);
        }
        String query = String.join(" ", words);
        try {
            dev.tidings.search.Query.parse(query);
        } catch (IllegalArgumentException e) {
            return common.usage("search: " + Sanitize.line(e.getMessage()));
        }
        Subscribed s = FeedsCommand.subscribed(common);
        Subscriptions.Parsed parsed = FeedsCommand.load(common, s);
        if (parsed == null) {
            return ExitCodes.UNREADABLE;
        }
        List<Subscription> subs = parsed.subscriptions();
        Searching searching = s.searching();
        PrintWriter err = common.err();
        try {
            searching.catchUp(subs);
        } catch (IOException e) {
            err.println("tidings: cannot write the search index in " + Sanitize.line(String.valueOf(searching.index().dir()))
                    + ": " + Sanitize.line(String.valueOf(e.getMessage())) + "; searching what it holds");
        }
        Path collections = common.collectionsPath();
        if (searching.collectionsStale(collections)) {
            try {
                searching.updateCollections(new CollectionStore(collections).read(), collections);
            } catch (StoreException | IOException e) {
                err.println("tidings: collections not searched: " + Sanitize.line(String.valueOf(e.getMessage())));
            }
        }
        SearchIndex.Results results = searching.search(query, subs, limit == null ? Integer.MAX_VALUE : limit);
        for (String note : searching.index().drainNotes()) {
            err.println("tidings: " + Sanitize.line(note));
        }
        if (results.total() == 0) {
            err.println("tidings: no article matches " + Sanitize.line(query));
        }
        err.flush();
        write(results.hits(), common.out());
        return ExitCodes.OK;
    }

    private void write(List<Hit> hits, PrintWriter out) throws IOException {
        switch (format) {
            case tsv:
                for (Hit h : hits) {
                    out.println((h.published() == null ? "" : h.published().toString()) + "\t" + tsv(h.title()) + "\t"
                            + tsv(h.feedName()) + "\t" + tsv(Urls.web(h.link())) + "\t" + tsv(h.id()) + "\t"
                            + tsv(source(h)));
                }
                break;
            case json:
                try (JsonGenerator g = Json.generator(out, true)) {
                    g.writeStartObject();
                    g.writeArrayFieldStart("items");
                    for (Hit h : hits) {
                        hit(g, h);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                out.println();
                break;
            case ndjson:
                for (Hit h : hits) {
                    try (JsonGenerator g = Json.generator(out, false)) {
                        hit(g, h);
                    }
                    out.println();
                }
                break;
            default:
                StringBuilder line = new StringBuilder(160);
                int n = 0;
                for (Hit h : hits) {
                    line.setLength(0);
                    line.append(Formats.day(h.published(), common.env().zone)).append("  ")
                            .append(Sanitize.line(h.title().isEmpty() ? "(untitled)" : h.title())).append("  — ")
                            .append(Sanitize.line(h.feedName()));
                    out.println(line);
                    if (++n % 512 == 0 && out.checkError()) {
                        return;
                    }
                }
        }
        out.flush();
    }

    /** The feed URL of a hit, or "collections" for a saved article. */
    private static String source(Hit h) {
        return SearchIndex.COLLECTIONS.equals(h.source()) ? "collections" : h.source();
    }

    private static String tsv(String s) {
        return Sanitize.line(s).replace('\t', ' ');
    }

    private static void hit(JsonGenerator g, Hit h) throws IOException {
        g.writeStartObject();
        Json.line(g, "id", h.id());
        Json.line(g, "title", h.title());
        Json.link(g, "link", h.link());
        Json.instant(g, "published", h.published());
        Json.line(g, "feed", h.feedName());
        Json.line(g, "source", source(h));
        Json.line(g, "authors", h.author());
        g.writeNumberField("titleMatches", h.titleHits());
        g.writeEndObject();
    }
}
