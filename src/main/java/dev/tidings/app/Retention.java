package dev.tidings.app;

import dev.tidings.model.Feed;
import dev.tidings.model.Item;
import dev.tidings.subs.FeedSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How many items of a feed Tidings keeps showing: at most {@code maxItems} newest, none older than
 * {@code keepDays} days; 0 means no limit. Items without a date are never "older than": they count
 * for {@code maxItems} after every dated item (as in the headline list, undated last).
 *
 * <p>The feed cache holds the body exactly as the server sent it (it is what a 304 confirms), so
 * retention is applied where cached feeds become headlines and articles ({@link Subscribed}): the
 * list, {@code list} and {@code dump} show the same kept items. Saved articles live in the
 * collections file, whole, and are never touched by it; an item past the limit that is also in a
 * collection stays readable there.
 */
public record Retention(int maxItems, int keepDays) {
    /** No limit. */
    public static final Retention NONE = new Retention(0, 0);

    public Retention {
        if (maxItems < 0 || keepDays < 0) {
            throw new IllegalArgumentException("max-items and keep-days are >= 0, were " + maxItems + ", " + keepDays);
        }
    }

    /** The feed's own settings where it has them, these defaults elsewhere. */
    public Retention forFeed(FeedSettings s) {
        return new Retention(s.maxItems() != null ? s.maxItems() : maxItems,
                s.keepDays() != null ? s.keepDays() : keepDays);
    }

    /** True when nothing is ever dropped. */
    public boolean unlimited() {
        return maxItems == 0 && keepDays == 0;
    }

    /**
     * The feed with only the items kept, in their original order; the same feed object when nothing
     * is dropped. Linear in the items plus one sort when {@code maxItems} cuts.
     *
     * <pre>
     * max-items=2 over [Mon, (no date), Wed, Tue] → [Wed, Tue]
     * keep-days=1 at Wed noon over [Mon, (no date), Wed] → [(no date), Wed]
     * </pre>
     */
    public Feed apply(Feed feed, Instant now) {
        if (unlimited() || feed.items().isEmpty()) {
            return feed;
        }
        List<Item> items = feed.items();
        int n = items.size();
        boolean[] keep = new boolean[n];
        Instant cutoff = keepDays == 0 ? null : now.minus(Duration.ofDays(keepDays));
        int kept = 0;
        for (int i = 0; i < n; i++) {
            Instant d = items.get(i).date();
            keep[i] = cutoff == null || d == null || !d.isBefore(cutoff);
            kept += keep[i] ? 1 : 0;
        }
        if (maxItems > 0 && kept > maxItems) {
            Integer[] order = new Integer[kept];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (keep[i]) {
                    order[k++] = i;
                }
            }
            // newest first, undated last, document order among equals
            Arrays.sort(order, Comparator.comparing((Integer i) -> items.get(i).date(),
                    Comparator.nullsLast(Comparator.<Instant>reverseOrder())).thenComparingInt(i -> i));
            for (int j = maxItems; j < kept; j++) {
                keep[order[j]] = false;
            }
            kept = maxItems;
        }
        if (kept == n) {
            return feed;
        }
        List<Item> out = new ArrayList<>(kept);
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out.add(items.get(i));
            }
        }
        return new Feed(feed.format(), feed.title(), feed.link(), feed.description(), feed.image(), out);
    }
}
