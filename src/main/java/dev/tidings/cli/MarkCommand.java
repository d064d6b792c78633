package dev.tidings.cli;

import dev.tidings.app.SyncedFeeds;
import dev.tidings.sync.Change;
import dev.tidings.sync.SyncException;
import dev.tidings.text.Sanitize;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tidings mark read|unread|star|unstar ID...}: queue changes to synced items, for scripts. */
@Command(name = "mark", mixinStandardHelpOptions = true,
        description = "Mark synced items read, unread, starred or unstarred. Applied here at once (read state)"
                + " and queued; the next 'tidings sync' (or R in the reader) sends them to the server.",
        footer = {"%nIDs are sync:ACCOUNT:HEX as 'tidings list --format json' shows them; with one account (or",
            "--account) the server's own forms work too (tag:google.com,2005:reader/item/HEX, HEX, decimal)."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:queued", "2:usage error (unknown change, not an item id, no such account)",
            "3:the queue or read state could not be written"})
final class MarkCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "CHANGE", description = "read, unread, star or unstar")
    String change;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID", description = "Items to change.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--account", paramLabel = "NAME", description = "The account of ids given in the server's form.")
    String account;

    @Override
    public Integer call() {
        Change.Op op;
        try {
            op = Change.Op.of(change);
        } catch (IllegalArgumentException e) {
            return common.usage(e.getMessage());
        }
        SyncedFeeds synced = SyncedFeeds.of(common.env().vars);
        List<SyncedFeeds.Target> targets = new ArrayList<>();
        try {
            for (String id : ids) {
                targets.add(synced.target(id, account));
            }
        } catch (SyncException e) {
            return common.usage(e.getMessage());
        }
        try {
            synced.mark(targets, op, System.currentTimeMillis(), true);
        } catch (SyncException e) {
            common.err().println("tidings: " + Sanitize.line(e.getMessage()));
            common.err().flush();
            return ExitCodes.UNREADABLE;
        }
        common.out().println("Queued: " + op.word() + " " + targets.size() + (targets.size() == 1 ? " item" : " items")
                + " (sent with the next 'tidings sync')");
        common.out().flush();
        return ExitCodes.OK;
    }
}
