package dev.tidings.tui;

import dev.tidings.app.Headline;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The orders of a headline list, cycled by the sort key and named in the config
 * ({@code sort = date-desc}). Ties keep the list's own order (newest first), so sorting is
 * stable; articles without a date go last by date either way.
 */
public enum SortOrder {
    DATE_DESC("date-desc", "newest first"),
    DATE_ASC("date-asc", "oldest first"),
    TITLE_ASC("title-asc", "title A to Z"),
    TITLE_DESC("title-desc", "title Z to A"),
    FEED_ASC("feed-asc", "feed A to Z"),
    FEED_DESC("feed-desc", "feed Z to A"),
    UNREAD_DESC("unread-desc", "unread first"),
    UNREAD_ASC("unread-asc", "read first");

    private final String configName;
    private final String label;

    SortOrder(String configName, String label) {
        this.configName = configName;
        this.label = label;
    }

    /** The name in the config file: "date-desc". */
    public String configName() {
        return configName;
    }

    /** What the status line says: "newest first". */
    public String label() {
        return label;
    }

    /** The order after this one (the sort key's cycle). */
    public SortOrder next() {
        return values()[(ordinal() + 1) % values().length];
    }

    /** The order a config name means ("date-desc", any case), or null. */
    public static SortOrder parse(String name) {
        for (SortOrder o : values()) {
            if (o.configName.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return o;
            }
        }
        return null;
    }

    /** Every config name, for messages: "date-desc, date-asc, …". */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (SortOrder o : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(o.configName);
        }
        return sb.toString();
    }

    /** How to compare two entries; {@code isRead} for the unread orders. Null for the list's own order. */
    Comparator<Headline> comparator(Predicate<Headline> isRead) {
        switch (this) {
            case DATE_ASC: return Comparator.comparing((Headline e) -> e.item().date(),
                    Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
            case TITLE_ASC: return Comparator.comparing((Headline e) -> fold(e.item().title()));
            case TITLE_DESC: return Comparator.comparing((Headline e) -> fold(e.item().title())).reversed();
            case FEED_ASC: return Comparator.comparing((Headline e) -> fold(e.feed().name()));
            case FEED_DESC: return Comparator.comparing((Headline e) -> fold(e.feed().name())).reversed();
            case UNREAD_DESC: return Comparator.comparing((Headline e) -> isRead.test(e));
            case UNREAD_ASC: return Comparator.comparing((Headline e) -> !isRead.test(e));
            default: return null;
        }
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
