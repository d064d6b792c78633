package dev.tidings.app;

import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import dev.tidings.feed.ServiceErrorException;
import dev.tidings.feed.Feeds;
import dev.tidings.fetch.HttpFetcher;
import dev.tidings.fetch.SourceException;
import dev.tidings.fetch.Sources;
import dev.tidings.model.Feed;
import dev.tidings.model.Item;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * Opens feeds: the one place that combines fetching and parsing. With no source it opens the
 * sample feed bundled in the jar.
 */
public final class FeedLoader {
    /** The name of the embedded default feed. */
    public static final String SAMPLE = "sample";
    private static final String SAMPLE_RESOURCE = "/dev/tidings/sample/tidings-sample.rss.xml";

    private final java.util.function.Supplier<HttpFetcher> fetcher;
    private final InputStream stdin;

    /**
     * @param fetcher gives the HTTP client when a URL is first fetched (building one costs a few
     *                hundred milliseconds of start-up, wasted on files)
     * @param stdin   what "-" reads
     */
    public FeedLoader(java.util.function.Supplier<HttpFetcher> fetcher, InputStream stdin) {
        this.fetcher = fetcher;
        this.stdin = stdin;
    }

    /** The outcome of loading several sources: what loaded, in argument order, and what failed. */
    public record Result(List<LoadedFeed> feeds, List<LoadFailure> failures) {
        public Result {
            feeds = List.copyOf(feeds);
            failures = List.copyOf(failures);
        }
    }

    /** Loads one source; the empty list of specs means the bundled sample. */
    public LoadedFeed load(String spec, Detail detail) throws SourceException, FeedException {
        if (spec.equals(SAMPLE) && !java.nio.file.Files.exists(java.nio.file.Path.of(spec))) {
            return loadSample(detail);
        }
        try (Sources.Opened o = open(spec)) {
            Feed f;
            try {
                f = Feeds.parse(o.body(), o.contentType(), o.base(), detail);
            } catch (IOException e) {
                o.checkSize();
                throw new SourceException(o.name() + ": read failed (" + Sanitize.line(e.getMessage()) + ")");
            } catch (FeedException e) {
                o.checkSize(); // the parser saw the cut as a syntax error: say what really happened
                throw e;
            }
            return new LoadedFeed(o.name(), f, o.base());
        } catch (IOException e) {
            throw new SourceException(Sanitize.line(spec) + ": " + Sanitize.line(e.getMessage()));
        }
    }

    private Sources.Opened open(String spec) throws SourceException {
        try {
            return Sources.open(spec, fetcher, stdin);
        } catch (SourceException e) {
            throw SourceErrors.explained(e);
        }
    }

    /** The sample feed bundled in the jar. */
    public static LoadedFeed loadSample(Detail detail) throws FeedException {
        try (InputStream in = FeedLoader.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample feed is missing from the jar");
            }
            return new LoadedFeed(SAMPLE, Feeds.parse(in, null, null, detail), URI.create("https://news.example.org/"));
        } catch (IOException e) {
            throw new IllegalStateException("reading the bundled sample feed failed", e);
        }
    }

    /**
     * Loads every source (URLs in parallel); failures are collected, never thrown. No sources
     * means the bundled sample.
     */
    public Result loadAll(List<String> specs, Detail detail) {
        List<String> list = specs.isEmpty() ? List.of(SAMPLE) : specs;
        List<LoadedFeed> feeds = new ArrayList<>();
        List<LoadFailure> failures = new ArrayList<>();
        if (list.size() == 1) {
            collect(list.get(0), detail, feeds, failures);
            return new Result(feeds, failures);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(6, list.size()), r -> {
            Thread t = new Thread(r, "tidings-load");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (String spec : list) {
                futures.add(pool.submit(() -> {
                    try {
                        return load(spec, detail);
                    } catch (SourceException e) {
                        return new LoadFailure(Sanitize.line(spec), e.getMessage(), LoadFailure.Kind.UNREADABLE);
                    } catch (FeedException e) {
                        return new LoadFailure(Sanitize.line(spec), Sanitize.line(spec) + ": " + e.getMessage(),
                                kind(e));
                    }
                }));
            }
            for (Future<Object> f : futures) {
                Object o = f.get();
                if (o instanceof LoadedFeed) {
                    feeds.add((LoadedFeed) o);
                } else {
                    failures.add((LoadFailure) o);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("loading feeds failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Result(feeds, failures);
    }

    private void collect(String spec, Detail detail, List<LoadedFeed> feeds, List<LoadFailure> failures) {
        try {
            feeds.add(load(spec, detail));
        } catch (SourceException e) {
            failures.add(new LoadFailure(Sanitize.line(spec), e.getMessage(), LoadFailure.Kind.UNREADABLE));
        } catch (FeedException e) {
            failures.add(new LoadFailure(Sanitize.line(spec), Sanitize.line(spec) + ": " + e.getMessage(), kind(e)));
        }
    }

    /** A news service's error document is a source that could not be read (exit 3), not a broken feed. */
    public static LoadFailure.Kind kind(FeedException e) {
        return e instanceof ServiceErrorException ? LoadFailure.Kind.UNREADABLE : LoadFailure.Kind.INVALID;
    }

    /**
     * All items of all feeds as numbered headlines: newest first, items with unknown dates last,
     * ties in feed order then document order.
     */
    public static List<Headline> headlines(List<LoadedFeed> feeds) {
        List<Headline> quick = headlinesByKey(feeds);
        if (quick != null) {
            return quick;
        }
        List<Headline> raw = new ArrayList<>();
        for (LoadedFeed f : feeds) {
            for (Item i : f.feed().items()) {
                raw.add(new Headline(0, f, i));
            }
        }
        Comparator<Headline> byDate = Comparator.comparing((Headline e) -> e.item().date(),
                Comparator.nullsLast(Comparator.<Instant>reverseOrder()));
        raw.sort(byDate); // List.sort is stable
        List<Headline> out = new ArrayList<>(raw.size());
        int n = 1;
        for (Headline e : raw) {
            out.add(new Headline(n++, e.feed(), e.item()));
        }
        return out;
    }

    private static final int INDEX_BITS = 20;
    private static final long NO_DATE = (1L << 43) - 1;

    /**
     * The same order as the comparator sort, as one sort of primitive keys (100,000 headlines from
     * 200 feeds merge in a few milliseconds, also before the JIT has warmed up): key = newness rank
     * (43 bits, from epoch milliseconds; undated last) then position (20 bits), so ties keep feed
     * and document order. Null when the keys cannot be exact: sub-millisecond dates, dates beyond
     * +-139 years of 1970, or a million headlines.
     */
    private static List<Headline> headlinesByKey(List<LoadedFeed> feeds) {
        int total = 0;
        for (LoadedFeed f : feeds) {
            total += f.feed().items().size();
        }
        if (total >= 1 << INDEX_BITS) {
            return null;
        }
        LoadedFeed[] feedOf = new LoadedFeed[total];
        Item[] items = new Item[total];
        long[] keys = new long[total];
        int i = 0;
        for (LoadedFeed f : feeds) {
            for (Item it : f.feed().items()) {
                Instant d = it.date();
                long rank;
                if (d == null) {
                    rank = NO_DATE;
                } else {
                    long s = d.getEpochSecond();
                    if (d.getNano() % 1_000_000 != 0 || s <= -(1L << 32) || s >= 1L << 32) {
                        return null;
                    }
                    rank = (1L << 42) - 1 - (s * 1000 + d.getNano() / 1_000_000); // newer: smaller
                }
                feedOf[i] = f;
                items[i] = it;
                keys[i] = rank << INDEX_BITS | i;
                i++;
            }
        }
        java.util.Arrays.sort(keys);
        List<Headline> out = new ArrayList<>(total);
        for (int k = 0; k < total; k++) {
            int at = (int) (keys[k] & ((1 << INDEX_BITS) - 1));
            out.add(new Headline(k + 1, feedOf[at], items[at]));
        }
        return out;
    }
}
