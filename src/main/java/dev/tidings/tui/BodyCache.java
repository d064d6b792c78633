package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.app.FullFeed;
import dev.tidings.feed.FeedException;
import dev.tidings.model.Item;
import dev.tidings.subs.Subscription;
import dev.tidings.text.Sanitize;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Article bodies on demand (subscriptions start from headline indexes, without bodies): the last
 * few feeds parsed in full, kept on the UI thread, and a background parser that posts each feed as
 * a {@link ReaderEvent.Body}.
 */
final class BodyCache {
    /** How many feeds stay parsed: a few, not all 200 (68 MB of XML as objects). */
    private static final int KEPT = 12;

    private final BlockingQueue<ReaderEvent> queue;
    private final SubscriptionsFeeder feeder;
    /** The last feeds parsed in full, by source (UI thread only). */
    private final Map<String, FullFeed> bodies = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FullFeed> eldest) {
            return size() > KEPT;
        }
    };
    private final Set<String> loading = new HashSet<>();
    private final ExecutorService parser = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tidings-bodies");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    BodyCache(BlockingQueue<ReaderEvent> queue, SubscriptionsFeeder feeder) {
        this.queue = queue;
        this.feeder = feeder;
    }

    /** The full item of a headline-only entry when its feed is parsed; null until then (UI thread). */
    Item fullItem(Headline e) {
        FullFeed f = bodies.get(e.feed().source());
        return f == null ? null : f.find(e.item());
    }

    /** True when {@code source} is parsed and kept (UI thread). */
    boolean has(String source) {
        return bodies.containsKey(source);
    }

    /** True while a feed is being parsed: prefetching waits for it. */
    boolean busy() {
        return !loading.isEmpty();
    }

    /** Parses a subscribed feed in full in the background, unless it is parsed or on its way. */
    void load(String source) {
        if (bodies.containsKey(source) || !loading.add(source)) {
            return;
        }
        Subscription sub = feeder.subscription(source);
        parser.submit(() -> {
            try {
                if (sub == null) {
                    throw new FeedException("not subscribed any more");
                }
                queue.offer(new ReaderEvent.Body(source, FullFeed.of(feeder.subscribed().cached(sub)), null));
            } catch (FeedException | RuntimeException | OutOfMemoryError e) {
                queue.offer(new ReaderEvent.Body(source, null, Sanitize.line(String.valueOf(e.getMessage()))));
            }
        });
    }

    /** A feed's parse finished (UI thread): kept when it worked. */
    void arrived(ReaderEvent.Body b) {
        loading.remove(b.source());
        if (b.feed() != null) {
            bodies.put(b.source(), b.feed());
        }
    }

    /** A refreshed feed's bodies were parsed from its old copy. */
    void forget(String source) {
        bodies.remove(source);
    }

    /**
     * The entry with its full item, for saving to a collection (off the UI thread): a headline-only
     * entry's feed is parsed; when that fails the headline is saved as it is.
     */
    Headline withBody(Headline e) {
        if (!e.feed().headlinesOnly()) {
            return e;
        }
        Subscription sub = feeder.subscription(e.feed().source());
        try {
            if (sub != null) {
                Item full = FullFeed.of(feeder.subscribed().cached(sub)).find(e.item());
                if (full != null) {
                    return new Headline(e.number(), e.feed(), full);
                }
            }
        } catch (FeedException | RuntimeException ignored) {
            // saved without its body
        }
        return e;
    }
}
