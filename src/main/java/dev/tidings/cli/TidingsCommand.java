package dev.tidings.cli;

import dev.tidings.app.Entry;
import dev.tidings.app.FeedLoader;
import dev.tidings.feed.Detail;
import dev.tidings.text.Sanitize;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The root command: {@code tidings [FEED...]} opens the reader. */
@Command(name = "tidings", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = "A terminal news reader for RSS, Atom and JSON Feed.%n"
                + "With no FEED it opens the sample feed bundled with Tidings.",
        subcommands = {ListCommand.class, DumpCommand.class, AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:internal error (a bug; --debug shows details)",
            "2:usage error (bad option or value, no such item, no terminal)",
            "3:a source could not be read (file, stdin, HTTP)",
            "4:not a valid feed (or refused as hostile)",
            "5:collections file unusable",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tidings news.xml                     read a feed file in the full-screen reader",
            "  tidings list https://example.org/feed.xml",
            "  tidings dump --item 1 news.xml       print the first article",
            "  curl -s URL | tidings list -         read a feed from stdin",
        })
final class TidingsCommand implements Callable<Integer> {
    final Env env;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FEED", arity = "0..*",
            description = "Feed file, '-' for stdin, or http(s) URL. None: the bundled sample feed.")
    List<String> feeds = new ArrayList<>();

    TidingsCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        // The full-screen reader arrives with the TUI; until then show the headlines and point at dump.
        FeedLoader.Result result = env.loader().loadAll(feeds, Detail.HEADLINES);
        int code = Failures.report(result, common.err());
        PrintWriter out = common.out();
        for (Entry e : FeedLoader.headlines(result.feeds())) {
            out.println(String.format("%3d  %s  %s  — %s", e.number(), Formats.day(e.item().date(), env.zone),
                    Sanitize.line(e.item().title()), Sanitize.line(e.feed().name())));
        }
        out.println();
        out.println("Read one with: tidings dump --item N " + String.join(" ", feeds));
        out.flush();
        return code;
    }
}
