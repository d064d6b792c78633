package dev.tidings.cli;

import dev.tidings.app.Refresher;
import dev.tidings.app.Subscribed;
import dev.tidings.subs.Subscription;
import dev.tidings.subs.Subscriptions;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tidings refresh}: fetch every subscription into the cache, for cron. */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = "Fetch every subscription into the cache and print a one-line summary (for cron).",
        footer = {"%nFeeds that moved permanently are updated in the subscriptions file. Progress is shown on",
            "stderr only when it is a terminal."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:every feed refreshed (gone and deferred feeds are reported, not failures)",
            "3:some feed failed (the others are cached), or the subscriptions file could not be read"})
final class RefreshCommand implements Callable<Integer> {
    static final int BAR = 20;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (common.offline()) {
            return common.usage("refresh fetches every subscribed feed: not with --offline");
        }
        Subscribed s = FeedsCommand.subscribed(common);
        Subscriptions.Parsed parsed = FeedsCommand.load(common, s);
        if (parsed == null) {
            return ExitCodes.UNREADABLE;
        }
        List<Subscription> subs = parsed.subscriptions();
        PrintWriter out = common.out();
        PrintWriter err = common.err();
        if (subs.isEmpty()) {
            out.println("No subscriptions yet: add one with 'tidings feeds add URL' or 'tidings import FILE'");
            out.flush();
            return ExitCodes.OK;
        }
        boolean progress = Terminal.isTty(2);
        int total = (int) subs.stream().map(Subscription::url).distinct().count();
        int[] done = {0};
        int[] width = {0};
        Consumer<Refresher.Result> onEach = progress ? r -> {
            synchronized (done) {
                String line = progressLine(++done[0], total);
                width[0] = Math.max(width[0], line.length());
                err.print("\r" + line);
                err.flush();
            }
        } : null;
        if (progress) {
            err.print(progressLine(0, total));
            err.flush();
        }
        List<Refresher.Result> results = null;
        String saveError = null;
        try {
            results = s.refresh(subs, onEach);
        } catch (IOException e) {
            // the feeds were refreshed and cached; only writing the moved URLs back failed
            saveError = Sanitize.line(String.valueOf(e.getMessage()));
        }
        if (progress) {
            synchronized (done) {
                err.print("\r" + " ".repeat(Math.max(width[0], progressLine(total, total).length())) + "\r");
                err.flush();
            }
        }
        if (saveError != null) {
            err.println("tidings: cannot update " + Sanitize.line(String.valueOf(s.file())) + ": " + saveError);
            err.flush();
            return ExitCodes.UNREADABLE;
        }
        Map<Refresher.Status, Integer> counts = new EnumMap<>(Refresher.Status.class);
        for (Refresher.Result r : results) {
            counts.merge(r.status(), 1, Integer::sum);
        }
        StringBuilder summary = new StringBuilder("Refreshed ").append(results.size())
                .append(results.size() == 1 ? " feed: " : " feeds: ")
                .append(counts.getOrDefault(Refresher.Status.UPDATED, 0)).append(" updated, ")
                .append(counts.getOrDefault(Refresher.Status.NOT_MODIFIED, 0)).append(" unchanged, ")
                .append(counts.getOrDefault(Refresher.Status.MOVED, 0)).append(" moved, ")
                .append(counts.getOrDefault(Refresher.Status.GONE, 0)).append(" gone, ")
                .append(counts.getOrDefault(Refresher.Status.FAILED, 0)).append(" failed");
        int deferred = counts.getOrDefault(Refresher.Status.DEFERRED, 0);
        if (deferred > 0) {
            summary.append(", ").append(deferred).append(" deferred");
        }
        out.println(summary);
        List<Subscription> now = subs;
        if (counts.containsKey(Refresher.Status.MOVED)) {
            Subscriptions.Parsed reloaded;
            try {
                reloaded = s.load();
                now = reloaded.subscriptions();
            } catch (IOException e) {
                // reported as written; the next run reads the file again
            }
        }
        for (Refresher.Result r : results) {
            switch (r.status()) {
                case MOVED -> {
                    boolean updated = contains(now, r.newUrl()) && !contains(now, r.url());
                    out.println("moved: " + Sanitize.line(r.url()) + " -> " + Sanitize.line(String.valueOf(r.newUrl()))
                            + (updated ? " (subscription updated)" : " (already subscribed to the new URL; not changed)"));
                }
                case GONE -> out.println("gone: " + Sanitize.line(r.url())
                        + " (the server says the feed was removed; 'tidings feeds remove URL' unsubscribes)");
                case DEFERRED -> out.println("deferred: " + Sanitize.line(r.message()));
                case FAILED -> err.println("tidings: " + failure(r));
                default -> {
                    // counted in the summary
                }
            }
        }
        out.flush();
        err.flush();
        return counts.containsKey(Refresher.Status.FAILED) ? ExitCodes.UNREADABLE : ExitCodes.OK;
    }

    /** "URL: reason": the refresher's messages name the URL already, most of the time. */
    private static String failure(Refresher.Result r) {
        String url = Sanitize.line(r.url());
        String m = Sanitize.line(r.message());
        return m.startsWith(url) ? m : url + ": " + (m.isEmpty() ? "failed" : m);
    }

    private static boolean contains(List<Subscription> subs, String url) {
        if (url == null) {
            return false;
        }
        for (Subscription s : subs) {
            if (s.url().equals(url)) {
                return true;
            }
        }
        return false;
    }

    /** "refreshing 12/200 [#.........]". */
    static String progressLine(int done, int total) {
        int filled = total <= 0 ? BAR : (int) ((long) done * BAR / total);
        return "refreshing " + done + "/" + total + " [" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
    }
}
