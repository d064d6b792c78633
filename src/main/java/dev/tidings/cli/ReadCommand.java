package dev.tidings.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tidings.app.Headline;
import dev.tidings.app.LoadedFeed;
import dev.tidings.app.ReaderMode;
import dev.tidings.extract.ExtractException;
import dev.tidings.extract.Extracted;
import dev.tidings.fetch.SourceException;
import dev.tidings.fetch.Sources;
import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import dev.tidings.render.Article;
import dev.tidings.render.ArticleRenderer;
import dev.tidings.render.Layout;
import dev.tidings.render.MarkdownWriter;
import dev.tidings.render.TextWriter;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidings read URL}: the article of any web page, without the page's clutter. */
@Command(name = "read", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print the article of a web page (reader mode): headline, byline, date, body with image"
                + " caption blocks and numbered links; navigation, forms, comments and ads left out.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage error", "3:the page could not be fetched",
            "4:no article found in the page, or it is a feed"})
final class ReadCommand implements Callable<Integer> {
    enum Format { text, markdown, json }

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "URL", description = "An http(s) URL, or a saved HTML file.")
    String url;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--width", paramLabel = "N", description = "Wrap at N columns (default: the terminal's width).")
    Integer width;

    @Option(names = "--no-cache", description = "Fetch the page again even when it is cached.")
    boolean noCache;

    @Override
    public Integer call() throws IOException {
        if (common.offline()) {
            return common.usage("read fetches a web page: not with --offline");
        }
        if (width != null && width < Layout.MIN_WIDTH) {
            return common.usage("--width must be at least " + Layout.MIN_WIDTH + ", was " + width);
        }
        Env env = common.env();
        Extracted e;
        String link;
        try {
            if (Sources.isUrl(url)) {
                if (!Urls.isWeb(url)) {
                    common.err().println("tidings: " + Sanitize.line(url) + ": only http and https pages can be read");
                    return ExitCodes.UNREADABLE;
                }
                link = url;
                e = new ReaderMode(null, noCache ? null : ReaderMode.defaultCacheDir(env.vars)).fetch(url);
            } else {
                Path p = Path.of(url);
                if (Files.isDirectory(p)) {
                    common.err().println("tidings: " + Sanitize.line(url) + ": is a directory");
                    return ExitCodes.UNREADABLE;
                }
                link = "";
                e = ReaderMode.fromBytes(Files.readAllBytes(p), "text/html", p.toUri().toString());
            }
        } catch (NoSuchFileException ex) {
            common.err().println("tidings: " + Sanitize.line(url) + ": no such file");
            return ExitCodes.UNREADABLE;
        } catch (SourceException ex) {
            common.err().println("tidings: " + ex.getMessage());
            return ExitCodes.UNREADABLE;
        } catch (ExtractException ex) {
            common.err().println("tidings: " + Sanitize.line(url) + ": " + ex.getMessage());
            return ExitCodes.INVALID_FEED;
        }
        Item page = new Item(link.isEmpty() ? "page" : link, e.title(), link, e.published(), null,
                e.byline().isEmpty() ? List.of() : List.of(e.byline()), List.of(), "", e.contentHtml(), List.of(),
                List.of());
        String site = !e.siteName().isEmpty() ? e.siteName() : link.isEmpty() ? "" : URI.create(link).getHost();
        LoadedFeed source = new LoadedFeed(Sanitize.line(url), new Feed(FeedFormat.SAVED, site == null ? "" : site, link,
                "", "", List.of(page)), Urls.base(link));
        Headline entry = new Headline(1, source, page);
        Article a = DumpCommand.article(entry);
        PrintWriter out = common.out();
        switch (format) {
            case json:
                try (JsonGenerator g = Json.generator(out, true)) {
                    DumpCommand.item(g, entry);
                }
                out.println();
                break;
            case markdown:
                out.print(MarkdownWriter.write(a, env.zone));
                break;
            default:
                new TextWriter(out, env.color()).write(ArticleRenderer.lines(a, width != null ? width : env.width(),
                        env.zone));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
