package dev.tidings.app;

import dev.tidings.model.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A feed parsed in full, its items by id: where the body of a headline-only entry (read from the
 * cache's headline index, or parsed headlines first) comes from.
 */
public record FullFeed(LoadedFeed feed, Map<String, List<Item>> byId) {
    public static FullFeed of(LoadedFeed f) {
        Map<String, List<Item>> m = new HashMap<>();
        for (Item i : f.feed().items()) {
            m.computeIfAbsent(i.id(), k -> new ArrayList<>(1)).add(i);
        }
        return new FullFeed(f, m);
    }

    /** The full copy of a headline: same id, and same link and title when the id repeats; null when gone. */
    public Item find(Item headline) {
        List<Item> same = byId.get(headline.id());
        if (same == null) {
            return null;
        }
        for (Item i : same) {
            if (i.link().equals(headline.link()) && i.title().equals(headline.title())) {
                return i;
            }
        }
        return same.get(0);
    }
}
