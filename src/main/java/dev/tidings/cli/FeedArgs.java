package dev.tidings.cli;

import dev.tidings.app.FeedLoader;
import dev.tidings.app.FullFeed;
import dev.tidings.app.LoadFailure;
import dev.tidings.app.Headline;
import dev.tidings.app.LoadedFeed;
import dev.tidings.app.ReaderMode;
import dev.tidings.app.Subscribed;
import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import dev.tidings.fetch.SourceException;
import dev.tidings.model.Item;
import dev.tidings.subs.Subscription;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The feeds a command reads: the FEED arguments; with none, the subscriptions (from the cache,
 * fetching only feeds never fetched); with no subscriptions either, the bundled sample.
 */
final class FeedArgs {
    private FeedArgs() {
    }

    /**
     * For picking some items (dump --item/--id): with subscriptions, the headlines come from the
     * cache's index and only the feeds of the picked items are parsed in full afterwards
     * ({@link #withBodies}); otherwise everything is loaded in full.
     */
    static FeedLoader.Result loadForPicking(Env env, List<String> feeds, PrintWriter err, boolean offline) {
        boolean subscriptions = feeds.isEmpty() && (java.nio.file.Files.isRegularFile(Subscribed.urlsFile(env.vars))
                || dev.tidings.app.SyncedFeeds.of(env.vars).accounts().any());
        return load(env, feeds, subscriptions ? Detail.HEADLINES : Detail.FULL, err, offline);
    }

    /**
     * The picked entries with their full items: each headline-only entry's feed is parsed in full
     * from the cache (once per feed) and the item found again by id, link and title; an entry
     * whose feed cannot be read is kept as it is and the reason goes to stderr.
     */
    static List<Headline> withBodies(Env env, List<Headline> picked, PrintWriter err) {
        if (picked.stream().noneMatch(e -> e.feed().headlinesOnly())) {
            return picked;
        }
        Subscribed subscribed = new Subscribed(Subscribed.urlsFile(env.vars), ReaderMode.defaultCacheDir(env.vars),
                env::fetcher);
        subscribed.retention(Config.retentionOrNone(env.vars));
        java.util.Map<String, FullFeed> full = new java.util.HashMap<>();
        List<Headline> out = new ArrayList<>();
        for (Headline e : picked) {
            if (!e.feed().headlinesOnly()) {
                out.add(e);
                continue;
            }
            FullFeed f = full.computeIfAbsent(e.feed().source(), source -> {
                try {
                    Subscription sub = new Subscription(source, e.feed().feed().title(), List.of());
                    return FullFeed.of(subscribed.cached(sub));
                } catch (FeedException | RuntimeException ex) {
                    err.println("tidings: " + Sanitize.line(source) + ": " + Sanitize.line(String.valueOf(ex.getMessage())));
                    return null;
                }
            });
            Item item = f == null ? null : f.find(e.item());
            out.add(item == null ? e : new Headline(e.number(), f.feed(), item));
        }
        return out;
    }

    /** The synced accounts' feeds (from their last sync; no network); problems go to stderr. */
    static List<Subscription> syncedSubscriptions(Env env, PrintWriter err) {
        List<String> problems = new ArrayList<>();
        List<Subscription> subs = dev.tidings.app.SyncedFeeds.of(env.vars).subscriptions(problems);
        for (String p : problems) {
            err.println("tidings: " + Sanitize.line(p));
        }
        return subs;
    }

    static FeedLoader.Result load(Env env, List<String> given, Detail detail, PrintWriter err) {
        return load(env, given, detail, err, false);
    }

    /**
     * The feeds of a command. With no FEED and no subscriptions, a feed piped into stdin is read
     * (as with "-"); with subscriptions, piped stdin is not read and a note says so. With
     * {@code offline}, nothing is fetched: URLs given are refused and subscriptions come from the
     * cache only (feeds not cached yet are named on stderr).
     */
    static FeedLoader.Result load(Env env, List<String> given, Detail detail, PrintWriter err, boolean offline) {
        List<String> feeds = env.keyless(given, err);
        boolean accounts = feeds.isEmpty() && dev.tidings.app.SyncedFeeds.of(env.vars).accounts().any();
        boolean subscriptions = accounts || java.nio.file.Files.isRegularFile(Subscribed.urlsFile(env.vars));
        if (feeds.isEmpty() && env.stdinPiped) {
            if (!subscriptions) {
                feeds = List.of("-"); // "curl -s URL | tidings list" reads the pipe
            } else {
                err.println("tidings: note: stdin is not read without '-' (showing your subscriptions)");
            }
        }
        if (!feeds.isEmpty() || !subscriptions) {
            if (offline) {
                List<LoadFailure> refused = new ArrayList<>();
                List<String> local = new ArrayList<>();
                for (String f : feeds) {
                    if (dev.tidings.text.Urls.isWeb(f)) {
                        refused.add(new LoadFailure(f, Sanitize.line(f) + ": not fetched (--offline)",
                                LoadFailure.Kind.UNREADABLE));
                    } else {
                        local.add(f);
                    }
                }
                if (!refused.isEmpty()) {
                    FeedLoader.Result r = local.isEmpty()
                            ? new FeedLoader.Result(List.of(), List.of()) : env.loader().loadAll(local, detail);
                    List<LoadFailure> all = new ArrayList<>(refused);
                    all.addAll(r.failures());
                    return new FeedLoader.Result(r.feeds(), all);
                }
            }
            return env.loader().loadAll(feeds, detail);
        }
        Subscribed subscribed = new Subscribed(Subscribed.urlsFile(env.vars), ReaderMode.defaultCacheDir(env.vars),
                env::fetcher);
        subscribed.retention(Config.retentionOrNone(env.vars));
        List<Subscription> subs = new ArrayList<>();
        try {
            subs.addAll(subscribed.load().subscriptions());
        } catch (IOException e) {
            err.println("tidings: " + subscribed.file() + ": " + Sanitize.line(e.getMessage()));
        }
        subs.addAll(syncedSubscriptions(env, err));
        if (subs.isEmpty()) {
            return env.loader().loadAll(List.of(), detail);
        }
        List<LoadedFeed> loaded = new ArrayList<>();
        List<LoadFailure> failures = new ArrayList<>();
        for (Subscription s : subs) {
            if (detail == Detail.HEADLINES) { // headlines come from the cache's index: no body is parsed
                LoadedFeed quick = subscribed.headlines(s, false).feed();
                if (quick != null) {
                    loaded.add(quick);
                    continue;
                }
            }
            try {
                loaded.add(subscribed.cached(s));
            } catch (FeedException notCached) {
                if (dev.tidings.app.SyncedFeeds.isSynced(s.url())) {
                    continue; // a server feed comes with 'tidings sync', never fetched directly
                }
                if (offline) {
                    err.println("tidings: " + Sanitize.line(s.url()) + ": not in the cache yet (--offline: not fetched)");
                    continue;
                }
                try {
                    loaded.add(env.loader().load(s.url(), detail));
                } catch (SourceException e) {
                    failures.add(new LoadFailure(s.url(), e.getMessage(), LoadFailure.Kind.UNREADABLE));
                } catch (FeedException e) {
                    failures.add(new LoadFailure(s.url(), Sanitize.line(s.url()) + ": " + e.getMessage(),
                            FeedLoader.kind(e)));
                }
            }
        }
        return new FeedLoader.Result(loaded, failures);
    }
}
