package dev.tidings.cli;

import dev.tidings.subs.Opml;
import dev.tidings.subs.Subscriptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tidings export}: the subscriptions as OPML 2.0 or a urls file, on stdout. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print your subscriptions as OPML 2.0 or a newsboat urls file.",
        footer = {"%nOPML folders come from each feed's first tag. 'tidings import' reads either format back."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage error", "3:the subscriptions file could not be read"})
final class ExportCommand implements Callable<Integer> {
    enum Format { opml, urls }

    @Mixin
    CommonOptions common;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "opml",
            description = "opml or urls (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        Subscriptions.Parsed parsed = FeedsCommand.load(common, FeedsCommand.subscribed(common));
        if (parsed == null) {
            return ExitCodes.UNREADABLE;
        }
        if (format == Format.urls) {
            common.out().print(Subscriptions.format(parsed.subscriptions()));
        } else {
            String xml = Opml.write(parsed.subscriptions(), parsed.queries(), "Tidings subscriptions");
            common.out().print(xml.endsWith("\n") ? xml : xml + "\n");
        }
        common.out().flush();
        return ExitCodes.OK;
    }
}
