package dev.tidings.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tidings.app.Headline;
import dev.tidings.app.FeedLoader;
import dev.tidings.app.LoadedFeed;
import dev.tidings.feed.Detail;
import dev.tidings.model.Enclosure;
import dev.tidings.model.Social;
import dev.tidings.render.Article;
import dev.tidings.render.ArticleRenderer;
import dev.tidings.render.Block;
import dev.tidings.render.Layout;
import dev.tidings.render.Line;
import dev.tidings.render.MarkdownWriter;
import dev.tidings.render.Style;
import dev.tidings.render.TextWriter;
import dev.tidings.render.Bidi;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jsoup.Jsoup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidings dump}: whole articles, rendered by the same pipeline as the TUI's article view. */
@Command(name = "dump", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print whole articles: title, meta line, body with image caption blocks,"
                + " numbered link footnotes and the read-more link.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage error (e.g. no such item, a bad --where rule)", "3:a source could not be read, or stdout not written", "4:not a valid feed"})
final class DumpCommand implements Callable<Integer> {
    enum Format { text, markdown, json, ndjson }

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FEED", arity = "0..*",
            description = "Feed file, '-' for stdin, or http(s) URL. None: your subscriptions, else the bundled sample feed.")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--item", paramLabel = "N", description = "Only item N (1-based, as numbered by 'list'). Repeatable.")
    List<Integer> items = new ArrayList<>();

    @Option(names = "--id", paramLabel = "ID", description = "Only the item with this id. Repeatable.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown, json or ndjson (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--collection", paramLabel = "NAME",
            description = "Read the articles saved in this collection (offline) instead of feeds.")
    String collection;

    @Option(names = "--where", paramLabel = "RULE", description = "Only the articles matching RULE"
            + " (see \"Rules\" in README.md).")
    String where;

    @Option(names = "--full", description = "Reader mode: fetch each article's web page and print its full text"
            + " (falls back to the feed's text, with a one-line reason on stderr).")
    boolean full;

    @Option(names = "--bidi", description = "Text format: right-to-left lines in display order, right-aligned"
            + " (for a terminal or printer that does no bidi). Default: logical order, as stored.")
    boolean bidi;

    @Option(names = "--width", paramLabel = "N",
            description = "Wrap text at N columns (default: the terminal's width, 80 when not a terminal).")
    Integer width;

    @Override
    public Integer call() throws IOException {
        if (width != null && width < Layout.MIN_WIDTH) {
            return common.usage("--width must be at least " + Layout.MIN_WIDTH + ", was " + width);
        }
        Env env = common.env();
        dev.tidings.rules.Rule rule;
        try {
            rule = RuleSupport.parseWhere(where, env);
        } catch (dev.tidings.rules.RuleException e) {
            return common.usage("--where: " + e.getMessage());
        }
        FeedLoader.Result result;
        List<Headline> all;
        int code;
        if (collection != null) {
            if (!feeds.isEmpty()) {
                return common.usage("give either FEED arguments or --collection, not both");
            }
            try {
                CollectionsShow.Found found = CollectionsShow.find(common, collection);
                if (found == null) {
                    return ExitCodes.USAGE;
                }
                all = found.entries();
                List<LoadedFeed> sources = new ArrayList<>();
                for (Headline e : all) {
                    if (!sources.contains(e.feed())) {
                        sources.add(e.feed());
                    }
                }
                result = new FeedLoader.Result(sources, List.of());
                code = ExitCodes.OK;
            } catch (dev.tidings.store.StoreException e) {
                return common.storeError(e);
            }
        } else {
            result = items.isEmpty() && ids.isEmpty() ? FeedArgs.load(env, feeds, Detail.FULL, common.err(), common.offline())
                    : FeedArgs.loadForPicking(env, feeds, common.err(), common.offline());
            code = Failures.report(result, common.err());
            all = FeedLoader.headlines(result.feeds());
        }
        List<Headline> chosen;
        dev.tidings.app.IgnoreRules ignores = RuleSupport.ignores(env, common.err());
        if (items.isEmpty() && ids.isEmpty()) {
            // the config's ignore-article rules hide articles from a whole dump, never from one picked by number or id
            chosen = RuleSupport.apply(ignores, null, all, RuleSupport.context(env, common, ignores::mentions,
                    common.err()), common.err());
        } else {
            Set<Headline> picked = new LinkedHashSet<>();
            for (int n : items) {
                if (n < 1 || n > all.size()) {
                    if (!result.feeds().isEmpty() || result.failures().isEmpty()) {
                        return common.usage("--item " + n + ": there " + (all.size() == 1 ? "is 1 item" : "are "
                                + all.size() + " items"));
                    }
                    return code;
                }
                picked.add(all.get(n - 1));
            }
            for (String id : ids) {
                Headline found = null;
                for (Headline e : all) {
                    if (e.item().id().equals(id)) {
                        found = e;
                        break;
                    }
                }
                if (found == null) {
                    if (!result.feeds().isEmpty() || result.failures().isEmpty()) {
                        return common.usage("--id " + Sanitize.line(id) + ": no item has this id");
                    }
                    return code;
                }
                picked.add(found);
            }
            chosen = new ArrayList<>(picked);
        }
        chosen = FeedArgs.withBodies(env, chosen, common.err()); // headlines from the cache's index get their bodies
        if (rule != null) {
            chosen = RuleSupport.where(rule, chosen, RuleSupport.context(env, common, rule::mentions, common.err()),
                    common.err());
        }
        if (full) {
            chosen = fullText(chosen, env);
        }
        int w = width != null ? width : env.width();
        PrintWriter out = common.out();
        switch (format) {
            case json:
                try (JsonGenerator g = Json.generator(out, true)) {
                    g.writeStartObject();
                    g.writeNumberField("version", 1);
                    g.writeFieldName("feed");
                    if (result.feeds().isEmpty()) {
                        g.writeNull();
                    } else {
                        HeadlineJson.feed(g, result.feeds().get(0));
                    }
                    g.writeArrayFieldStart("feeds");
                    for (LoadedFeed f : result.feeds()) {
                        HeadlineJson.feed(g, f);
                    }
                    g.writeEndArray();
                    g.writeArrayFieldStart("items");
                    for (Headline e : chosen) {
                        item(g, e);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                out.println();
                break;
            case ndjson:
                for (Headline e : chosen) {
                    try (JsonGenerator g = Json.generator(out, false)) {
                        item(g, e);
                    }
                    out.println();
                    if (out.checkError()) {
                        return code;
                    }
                }
                break;
            case markdown: {
                boolean first = true;
                for (Headline e : chosen) {
                    if (!first) {
                        out.println();
                        out.println("---");
                        out.println();
                    }
                    first = false;
                    out.print(MarkdownWriter.write(article(e), env.zone));
                    if (out.checkError()) {
                        return code;
                    }
                }
                break;
            }
            default: {
                TextWriter tw = new TextWriter(out, env.color());
                boolean first = true;
                for (Headline e : chosen) {
                    if (!first) {
                        out.println();
                        tw.write(Line.of("═".repeat(Math.min(w, 72)), Style.RULE));
                        out.println();
                    }
                    first = false;
                    List<Line> lines = ArticleRenderer.lines(article(e), w, env.zone);
                    tw.write(bidi ? Bidi.display(lines, w) : lines);
                    if (out.checkError()) {
                        return code;
                    }
                }
            }
        }
        out.flush();
        return code;
    }

    /** Each entry's item replaced by its web page's article, where reader mode can get one. */
    private List<Headline> fullText(List<Headline> entries, Env env) {
        dev.tidings.app.ReaderMode reader = new dev.tidings.app.ReaderMode(null,
                dev.tidings.app.ReaderMode.defaultCacheDir(env.vars));
        List<Headline> out = new ArrayList<>();
        for (Headline e : entries) {
            String link = e.item().link();
            try {
                dev.tidings.extract.Extracted x = reader.fetch(link);
                out.add(new Headline(e.number(), e.feed(), dev.tidings.app.ReaderMode.asItem(x, e.item())));
            } catch (dev.tidings.fetch.SourceException | dev.tidings.extract.ExtractException ex) {
                common.err().println("tidings: " + (link.isEmpty() ? "item " + e.number() + ": it has no link"
                        : Sanitize.line(ex.getMessage()).startsWith(Sanitize.line(link)) ? Sanitize.line(ex.getMessage())
                        : Sanitize.line(link) + ": " + Sanitize.line(ex.getMessage())) + "; showing the feed's text");
                out.add(e);
            }
        }
        common.err().flush();
        return out;
    }

    static Article article(Headline e) {
        return Article.of(e.item(), e.feed().name(), e.feed().base());
    }

    static void item(JsonGenerator g, Headline e) throws IOException {
        Article a = article(e);
        g.writeStartObject();
        HeadlineJson.members(g, e);
        Json.body(g, "summary", Jsoup.parseBodyFragment(e.item().summaryHtml()).text());
        StringBuilder text = new StringBuilder();
        for (Line l : Layout.lay(a.body().blocks(), 0)) {
            text.append(l.text()).append('\n');
        }
        Json.body(g, "text", text.toString().strip());
        g.writeArrayFieldStart("images");
        for (Block.Figure f : a.body().figures()) {
            g.writeStartObject();
            Json.link(g, "url", f.url());
            Json.line(g, "caption", f.caption());
            Json.line(g, "credit", f.credit());
            Json.line(g, "alt", f.alt());
            g.writeEndObject();
        }
        g.writeEndArray();
        enclosures(g, a);
        Json.links(g, "links", a.links());
        social(g, e.item().social());
        g.writeEndObject();
    }

    /** {@code "enclosures": [{"url", "type", "length", "duration", "footnote"}]}; unknown numbers are null. */
    static void enclosures(JsonGenerator g, Article a) throws IOException {
        g.writeArrayFieldStart("enclosures");
        for (Enclosure en : a.enclosures()) {
            g.writeStartObject();
            Json.link(g, "url", en.url());
            Json.line(g, "type", en.type());
            optionalNumber(g, "length", en.length());
            optionalNumber(g, "duration", en.duration());
            g.writeNumberField("footnote", a.footnote(en));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void optionalNumber(JsonGenerator g, String field, long value) throws IOException {
        if (value < 0) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value);
        }
    }

    /** Points, comments, content warning, boost: written only for items that have them (JSON news sources). */
    static void social(JsonGenerator g, Social s) throws IOException {
        if (s.isEmpty()) {
            return;
        }
        if (s.points() >= 0) {
            g.writeNumberField("points", s.points());
        }
        if (s.comments() >= 0) {
            g.writeNumberField("comments", s.comments());
        }
        if (!s.commentsLink().isEmpty()) {
            Json.line(g, "commentsLink", s.commentsLink());
        }
        if (!s.contentWarning().isEmpty()) {
            Json.line(g, "contentWarning", s.contentWarning());
        }
        if (!s.boostedBy().isEmpty()) {
            Json.line(g, "boostedBy", s.boostedBy());
        }
    }
}
