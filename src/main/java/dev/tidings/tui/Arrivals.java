package dev.tidings.tui;

import dev.tidings.model.Item;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Items a refresh brought while the reader was open ("3 new" in the title bar): remembered by id
 * (with the link, as read marks are kept), counted while they are unread. At most {@link #MAX}
 * are remembered; older ones are forgotten first.
 */
final class Arrivals {
    static final int MAX = 10_000;

    private final LinkedHashMap<String, String> links = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX;
        }
    };

    void add(Item item) {
        links.put(item.id(), item.link());
    }

    /** How many remembered items {@code isRead} (id, link) says are still unread. */
    int unread(BiPredicate<String, String> isRead) {
        int n = 0;
        for (Map.Entry<String, String> e : links.entrySet()) {
            if (!isRead.test(e.getKey(), e.getValue())) {
                n++;
            }
        }
        return n;
    }
}
