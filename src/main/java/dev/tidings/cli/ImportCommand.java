package dev.tidings.cli;

import dev.tidings.app.Subscribed;
import dev.tidings.subs.Import;
import dev.tidings.subs.SubsException;
import dev.tidings.subs.Subscription;
import dev.tidings.subs.Subscriptions;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tidings import FILE}: OPML or a newsboat urls file, merged into the subscriptions. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Subscribe to the feeds of an OPML or newsboat urls file (exec:/filter: lines are refused).",
        footer = {"%nThe kind is told by content. Feeds already subscribed are skipped. exec:, filter: and other",
            "non-http(s) sources are refused with a warning: Tidings never runs or reads them."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success (refused lines are warnings)", "2:usage error",
            "3:the file (or the subscriptions file) could not be read or written",
            "4:not a valid OPML file (or refused as hostile)"})
final class ImportCommand implements Callable<Integer> {
    /** The largest file imported. */
    static final long MAX_BYTES = 16L << 20;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "OPML or urls file; '-' for stdin.")
    String file;

    @Override
    public Integer call() {
        byte[] bytes;
        String label = file.equals("-") ? "stdin" : String.valueOf(Path.of(file).getFileName());
        try {
            bytes = file.equals("-") ? read(common.env().stdin) : readFile(Path.of(file));
        } catch (IOException | RuntimeException e) {
            common.err().println("tidings: cannot read " + FeedsCommand.show(file) + ": " + reason(e));
            common.err().flush();
            return ExitCodes.UNREADABLE;
        }
        Subscriptions.Parsed imported;
        try {
            imported = Import.importFile(bytes, label);
        } catch (SubsException e) {
            common.err().println("tidings: " + Sanitize.line(e.getMessage()));
            common.err().flush();
            return ExitCodes.INVALID_FEED;
        }
        Subscribed s = FeedsCommand.subscribed(common);
        Subscriptions.Parsed current = FeedsCommand.load(common, s);
        if (current == null) {
            return ExitCodes.UNREADABLE;
        }
        FeedsCommand.warn(common, imported.problems());
        List<Subscription> merged = current.subscriptions();
        int added = 0;
        int skipped = 0;
        for (Subscription sub : imported.subscriptions()) {
            try {
                merged = Subscriptions.add(merged, sub);
                added++;
            } catch (IllegalArgumentException e) {
                skipped++;
            }
        }
        List<dev.tidings.subs.QueryFeed> newQueries = new java.util.ArrayList<>();
        for (dev.tidings.subs.QueryFeed q : imported.queries()) {
            if (current.queries().stream().noneMatch(c -> c.name().equalsIgnoreCase(q.name()))) {
                newQueries.add(q);
            } else {
                skipped++;
            }
        }
        if ((added > 0 || !newQueries.isEmpty()) && !FeedsCommand.save(common, s, merged, newQueries)) {
            return ExitCodes.UNREADABLE;
        }
        int refused = imported.problems().size();
        String queries = newQueries.isEmpty() ? "" : " and " + newQueries.size()
                + (newQueries.size() == 1 ? " query feed" : " query feeds");
        common.out().println("Imported " + added + (added == 1 ? " feed" : " feeds") + queries + " (" + skipped
                + " already subscribed, " + refused + (refused == 1 ? " line" : " lines") + " refused)");
        common.out().flush();
        return ExitCodes.OK;
    }

    private static byte[] readFile(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            throw new IOException("is a directory");
        }
        if (Files.size(p) > MAX_BYTES) {
            throw new IOException("larger than " + (MAX_BYTES >> 20) + " MB; not a subscriptions file");
        }
        return Files.readAllBytes(p);
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] b = in.readNBytes((int) MAX_BYTES + 1);
        if (b.length > MAX_BYTES) {
            throw new IOException("larger than " + (MAX_BYTES >> 20) + " MB; not a subscriptions file");
        }
        return b;
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return Sanitize.line(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
