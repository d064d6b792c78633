package dev.tidings.tui;

import dev.tidings.subs.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which feeds are due for a background refresh ({@code reload-time}): each feed's own interval
 * from the urls file, else the global one from the config; 0 means never. Counted from the start
 * (when the reader's first refresh ran) and then from each feed's last background refresh.
 * Thread-safe: the reload thread asks, nothing else changes it.
 */
final class ReloadSchedule {
    private final Map<String, Duration> every = new LinkedHashMap<>();
    private final Map<String, Instant> next = new LinkedHashMap<>();

    /**
     * @param subs          the subscriptions
     * @param globalMinutes the config's reload-time (0: only feeds with their own)
     * @param start         when counting starts
     */
    ReloadSchedule(List<Subscription> subs, int globalMinutes, Instant start) {
        for (Subscription s : subs) {
            Integer own = s.settings().reloadMinutes();
            int minutes = own != null ? own : globalMinutes;
            if (minutes > 0) {
                every.put(s.url(), Duration.ofMinutes(minutes));
                next.put(s.url(), start.plus(Duration.ofMinutes(minutes)));
            }
        }
    }

    /** True when some feed reloads at all. */
    boolean any() {
        return !every.isEmpty();
    }

    /** The feeds due at {@code now}, in urls-file order; each is next due one interval from now. */
    synchronized List<String> due(Instant now) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Instant> e : next.entrySet()) {
            if (!now.isBefore(e.getValue())) {
                out.add(e.getKey());
                e.setValue(now.plus(every.get(e.getKey())));
            }
        }
        return out;
    }
}
