package dev.tidings.cli;

import dev.tidings.app.FeedLoader;
import dev.tidings.app.LoadFailure;
import dev.tidings.app.LoadedFeed;
import dev.tidings.app.ReaderMode;
import dev.tidings.app.Subscribed;
import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import dev.tidings.fetch.SourceException;
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

    static FeedLoader.Result load(Env env, List<String> feeds, Detail detail, PrintWriter err) {
        if (!feeds.isEmpty() || !java.nio.file.Files.isRegularFile(Subscribed.urlsFile(env.vars))) {
            return env.loader().loadAll(feeds, detail);
        }
        Subscribed subscribed = new Subscribed(Subscribed.urlsFile(env.vars), ReaderMode.defaultCacheDir(env.vars),
                env::fetcher);
        List<Subscription> subs;
        try {
            subs = subscribed.load().subscriptions();
        } catch (IOException e) {
            err.println("tidings: " + subscribed.file() + ": " + Sanitize.line(e.getMessage()));
            subs = List.of();
        }
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
                try {
                    loaded.add(env.loader().load(s.url(), detail));
                } catch (SourceException e) {
                    failures.add(new LoadFailure(s.url(), e.getMessage(), LoadFailure.Kind.UNREADABLE));
                } catch (FeedException e) {
                    failures.add(new LoadFailure(s.url(), Sanitize.line(s.url()) + ": " + e.getMessage(),
                            LoadFailure.Kind.INVALID));
                }
            }
        }
        return new FeedLoader.Result(loaded, failures);
    }
}
