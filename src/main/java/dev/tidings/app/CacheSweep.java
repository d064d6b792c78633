package dev.tidings.app;

import dev.tidings.model.Item;
import dev.tidings.store.CacheInventory;
import dev.tidings.store.FeedCache;
import dev.tidings.subs.Subscription;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What in the cache nobody references any more, and removing it ({@code tidings cache clean}):
 * <ul>
 *   <li>the body, meta and headline index of every feed that is no longer subscribed (removed from
 *       the urls file, moved to a new URL, an account's feed gone from the last sync);</li>
 *   <li>reader-mode pages that no kept item links to (the item left its feed or fell outside
 *       max-items/keep-days), and pages older than {@link ReaderMode#CACHE_TTL};</li>
 *   <li>temp files of killed writers older than an hour.</li>
 * </ul>
 * Only files {@link CacheInventory} recognizes by name are ever considered; each is checked again
 * just before it is removed. The collections file is elsewhere and never touched: saved articles
 * stay whole whatever is swept.
 */
public final class CacheSweep {
    private CacheSweep() {
    }

    /** Temp files younger than this may be another process's write in progress. */
    static final Duration STALE_TEMP = Duration.ofHours(1);

    /** Why a file goes. */
    public enum Reason {
        UNSUBSCRIBED("feed no longer subscribed"),
        PAGE_UNREFERENCED("no kept item links to it"),
        PAGE_EXPIRED("older than " + ReaderMode.CACHE_TTL.toDays() + " days"),
        STALE_TEMP("left by an interrupted write");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** How reports say it. */
        public String text() {
            return text;
        }
    }

    /** One file the sweep removes, and why. */
    public record Removal(CacheInventory.File file, Reason reason) {
    }

    /** What one sweep removes. */
    public record Plan(List<Removal> removals) {
        public Plan {
            removals = List.copyOf(removals);
        }

        /** The bytes the removals free. */
        public long bytes() {
            return removals.stream().mapToLong(r -> r.file().bytes()).sum();
        }

        /**
         * The feed files removed, by feed key ({@link FeedCache#key} of the feed URL), each key
         * once (the search index's segments are swept by the plan itself, under their own keys).
         */
        public Map<String, List<Removal>> perFeed() {
            Map<String, List<Removal>> out = new LinkedHashMap<>();
            for (Removal r : removals) {
                if (r.reason() == Reason.UNSUBSCRIBED && r.file().kind() != CacheInventory.Kind.SEARCH) {
                    out.computeIfAbsent(r.file().key(), k -> new ArrayList<>()).add(r);
                }
            }
            return out;
        }
    }

    /**
     * The files to remove from {@code subscribed}'s cache directory.
     *
     * @param subscriptions every feed still subscribed (the urls file and the synced accounts' feeds)
     */
    public static Plan plan(Subscribed subscribed, List<Subscription> subscriptions, Instant now) {
        Set<String> feedKeys = new HashSet<>();
        Set<String> linkKeys = new HashSet<>();
        Set<String> searchKeys = new HashSet<>();
        searchKeys.add(dev.tidings.search.SearchIndex.keyOf(dev.tidings.search.SearchIndex.COLLECTIONS));
        for (Subscription s : subscriptions) {
            feedKeys.add(FeedCache.key(s.url()));
            searchKeys.add(dev.tidings.search.SearchIndex.keyOf(s.url()));
            LoadedFeed f = keptItems(subscribed, s); // retention applied: dropped items' pages go
            if (f != null) {
                for (Item it : f.feed().items()) {
                    if (it.link() != null && !it.link().isEmpty()) {
                        linkKeys.add(FeedCache.key(it.link()));
                    }
                }
            }
        }
        Path cacheDir = subscribed.cache().dir().getParent();
        List<Removal> out = new ArrayList<>();
        for (CacheInventory.File f : CacheInventory.scan(cacheDir)) {
            Reason why = switch (f.kind()) {
                case BODY, META, INDEX -> feedKeys.contains(f.key()) ? null : Reason.UNSUBSCRIBED;
                case PAGE -> !linkKeys.contains(f.key()) ? Reason.PAGE_UNREFERENCED
                        : f.modified().isBefore(now.minus(ReaderMode.CACHE_TTL)) ? Reason.PAGE_EXPIRED : null;
                case SEARCH -> searchKeys.contains(f.key()) ? null : Reason.UNSUBSCRIBED;
                case TEMP -> f.modified().isBefore(now.minus(STALE_TEMP)) ? Reason.STALE_TEMP : null;
            };
            if (why != null) {
                out.add(new Removal(f, why));
            }
        }
        return new Plan(out);
    }

    /** The feed's kept items from its index, else its body parsed (without writing an index: a dry run writes nothing). */
    private static LoadedFeed keptItems(Subscribed subscribed, Subscription s) {
        Subscribed.Headlines h = subscribed.headlines(s, true);
        if (h.feed() != null || h.meta() == null || !h.meta().hasBody()) {
            return h.feed();
        }
        try {
            return subscribed.cached(s);
        } catch (dev.tidings.feed.FeedException | RuntimeException e) {
            return null; // not a feed any more: none of its pages is referenced
        }
    }

    /**
     * Removes what {@code plan} lists; returns the bytes freed. A file changed into something not
     * ours meanwhile, or already gone, is skipped.
     *
     * @throws IOException when a file cannot be removed (the ones before it are gone)
     */
    public static long apply(Subscribed subscribed, Plan plan) throws IOException {
        long freed = 0;
        for (Removal r : plan.removals()) {
            freed += CacheInventory.remove(subscribed.cache(), r.file());
        }
        return freed;
    }
}
