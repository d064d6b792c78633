package dev.tidings.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tidings.app.CacheSweep;
import dev.tidings.app.Subscribed;
import dev.tidings.store.CacheInventory;
import dev.tidings.store.FeedCache;
import dev.tidings.subs.Subscription;
import dev.tidings.subs.Subscriptions;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tidings cache status|clean}: what the feed and page caches hold, and removing what nobody references. */
@Command(name = "cache", mixinStandardHelpOptions = true, sortOptions = false,
        description = "What the cache holds ($XDG_CACHE_HOME/tidings) and removing what nobody references.",
        subcommands = {CacheCommand.Status.class, CacheCommand.Clean.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:done",
            "2:usage error",
            "3:the urls file cannot be read (nothing is removed), or a file cannot be removed"})
final class CacheCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        return common.usage("say 'status' or 'clean'");
    }

    enum Format { text, json }

    /** The subscriptions a sweep keeps: the urls file's and the synced accounts'. Null when unreadable. */
    private static List<Subscription> subscribed(CommonOptions c, Subscribed s) {
        Subscriptions.Parsed parsed = FeedsCommand.load(c, s);
        if (parsed == null) {
            return null;
        }
        List<Subscription> all = new ArrayList<>(parsed.subscriptions());
        all.addAll(FeedArgs.syncedSubscriptions(c.env(), c.err()));
        return all;
    }

    /** "0 B", "512 B", "12.3 kB", "4.0 MB" (powers of 1000). */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    // ---------------------------------------------------------------- status

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Sizes and counts per kind (bodies, metas, indexes, pages, temp files) and per feed.")
    static final class Status implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Override
        public Integer call() {
            Subscribed s = FeedsCommand.subscribed(common);
            List<Subscription> subs = subscribed(common, s);
            if (subs == null) {
                return ExitCodes.UNREADABLE;
            }
            List<CacheInventory.File> files = CacheInventory.scan(s.cache().dir().getParent());
            Map<CacheInventory.Kind, long[]> kinds = new EnumMap<>(CacheInventory.Kind.class);
            for (CacheInventory.Kind k : CacheInventory.Kind.values()) {
                kinds.put(k, new long[2]);
            }
            Map<String, long[]> perKey = new HashMap<>(); // feed key -> files, bytes
            long total = 0;
            for (CacheInventory.File f : files) {
                long[] k = kinds.get(f.kind());
                k[0]++;
                k[1] += f.bytes();
                total += f.bytes();
                if (f.kind() != CacheInventory.Kind.PAGE && f.kind() != CacheInventory.Kind.TEMP
                        && f.kind() != CacheInventory.Kind.SEARCH) { // segments are named by another key
                    long[] p = perKey.computeIfAbsent(f.key(), x -> new long[2]);
                    p[0]++;
                    p[1] += f.bytes();
                }
            }
            List<Object[]> feeds = new ArrayList<>(); // {subscription, long[]}
            for (Subscription sub : subs) {
                long[] p = perKey.remove(FeedCache.key(sub.url()));
                feeds.add(new Object[] {sub, p == null ? new long[2] : p});
            }
            feeds.sort((a, b) -> Long.compare(((long[]) b[1])[1], ((long[]) a[1])[1]));
            long[] orphan = new long[3]; // feeds, files, bytes
            for (long[] p : perKey.values()) {
                orphan[0]++;
                orphan[1] += p[0];
                orphan[2] += p[1];
            }
            PrintWriter out = common.out();
            String dir = s.cache().dir().getParent().toString();
            if (format == Format.json) {
                try (JsonGenerator g = Json.generator(out, true)) {
                    g.writeStartObject();
                    Json.line(g, "dir", dir);
                    g.writeNumberField("files", files.size());
                    g.writeNumberField("bytes", total);
                    g.writeObjectFieldStart("kinds");
                    for (Map.Entry<CacheInventory.Kind, long[]> k : kinds.entrySet()) {
                        g.writeObjectFieldStart(k.getKey().plural().replace(' ', '_'));
                        g.writeNumberField("files", k.getValue()[0]);
                        g.writeNumberField("bytes", k.getValue()[1]);
                        g.writeEndObject();
                    }
                    g.writeEndObject();
                    g.writeArrayFieldStart("feeds");
                    for (Object[] f : feeds) {
                        Subscription sub = (Subscription) f[0];
                        long[] p = (long[]) f[1];
                        g.writeStartObject();
                        Json.line(g, "url", sub.url());
                        Json.line(g, "name", sub.name());
                        g.writeNumberField("files", p[0]);
                        g.writeNumberField("bytes", p[1]);
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeObjectFieldStart("unsubscribed");
                    g.writeNumberField("feeds", orphan[0]);
                    g.writeNumberField("files", orphan[1]);
                    g.writeNumberField("bytes", orphan[2]);
                    g.writeEndObject();
                    g.writeEndObject();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                out.println();
                out.flush();
                return ExitCodes.OK;
            }
            out.println("Cache " + Sanitize.line(dir) + ": " + size(total) + " in " + files.size()
                    + (files.size() == 1 ? " file" : " files"));
            for (Map.Entry<CacheInventory.Kind, long[]> k : kinds.entrySet()) {
                out.println(String.format(Locale.ROOT, "  %-11s %6d files  %9s", k.getKey().plural(),
                        k.getValue()[0], size(k.getValue()[1])));
            }
            out.println("Feeds, largest first:");
            for (Object[] f : feeds) {
                Subscription sub = (Subscription) f[0];
                long[] p = (long[]) f[1];
                out.println(String.format(Locale.ROOT, "  %9s  %s", p[0] == 0 ? "-" : size(p[1]),
                        sub.name().isEmpty() ? Sanitize.line(sub.url())
                                : Sanitize.line(sub.name()) + "  " + Sanitize.line(sub.url())));
            }
            if (orphan[0] > 0) {
                out.println("Not subscribed any more: " + orphan[0] + (orphan[0] == 1 ? " feed, " : " feeds, ")
                        + size(orphan[2]) + " ('tidings cache clean' removes them)");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    // ---------------------------------------------------------------- clean

    @Command(name = "clean", mixinStandardHelpOptions = true,
            description = "Remove cached feeds no longer subscribed, reader-mode pages no kept item links to"
                    + " (or older than 7 days) and temp files of interrupted writes. Only files Tidings names"
                    + " are ever removed; saved articles (the collections file) are never touched.")
    static final class Clean implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--dry-run", description = "Only list what would be removed.")
        boolean dryRun;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Override
        public Integer call() {
            Subscribed s = FeedsCommand.subscribed(common);
            List<Subscription> subs = subscribed(common, s);
            if (subs == null) {
                return ExitCodes.UNREADABLE; // never sweep against an empty list we could not read
            }
            CacheSweep.Plan plan = CacheSweep.plan(s, subs, Instant.now());
            long freed = 0;
            String failure = null;
            if (!dryRun) {
                try {
                    freed = CacheSweep.apply(s, plan);
                } catch (IOException e) {
                    failure = Sanitize.line(String.valueOf(e.getMessage()));
                }
            } else {
                freed = plan.bytes();
            }
            PrintWriter out = common.out();
            java.nio.file.Path base = s.cache().dir().getParent();
            if (format == Format.json) {
                try (JsonGenerator g = Json.generator(out, true)) {
                    g.writeStartObject();
                    g.writeBooleanField("dryRun", dryRun);
                    g.writeArrayFieldStart("removed");
                    for (CacheSweep.Removal r : plan.removals()) {
                        g.writeStartObject();
                        Json.line(g, "file", base.relativize(r.file().path()).toString());
                        Json.line(g, "kind", r.file().kind().name().toLowerCase(Locale.ROOT));
                        g.writeNumberField("bytes", r.file().bytes());
                        Json.line(g, "reason", r.reason().text());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeNumberField("bytes", freed);
                    g.writeEndObject();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                out.println();
            } else {
                for (CacheSweep.Removal r : plan.removals()) {
                    out.println(String.format(Locale.ROOT, "%s %9s  %s  (%s)", dryRun ? "would remove" : "removed",
                            size(r.file().bytes()), Sanitize.line(base.relativize(r.file().path()).toString()),
                            r.reason().text()));
                }
                int n = plan.removals().size();
                out.println(n == 0 ? "Nothing to remove" : (dryRun ? "Would free " : "Freed ") + size(freed) + " ("
                        + n + (n == 1 ? " file)" : " files)"));
            }
            out.flush();
            if (failure != null) {
                common.err().println("tidings: cache clean: " + failure);
                common.err().flush();
                return ExitCodes.UNREADABLE;
            }
            return ExitCodes.OK;
        }
    }
}
