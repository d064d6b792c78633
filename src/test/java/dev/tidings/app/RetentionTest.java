package dev.tidings.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import dev.tidings.subs.FeedSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {
    private static final Instant WED_NOON = Instant.parse("2026-11-25T12:00:00Z");

    private static Item item(String id, String date) {
        return new Item(id, "title " + id, "https://example.org/" + id, date == null ? null : Instant.parse(date), null,
                List.of(), List.of(), "", "", List.of(), List.of());
    }

    private static Feed feed(Item... items) {
        return new Feed(FeedFormat.RSS_20, "F", "", "", "", List.of(items));
    }

    private static List<String> ids(Feed f) {
        return f.items().stream().map(Item::id).toList();
    }

    private final Feed week = feed(item("mon", "2026-11-23T08:00:00Z"), item("undated", null),
            item("wed", "2026-11-25T08:00:00Z"), item("tue", "2026-11-24T08:00:00Z"));

    @Test
    void maxItemsKeepsTheNewestInDocumentOrder() {
        assertThat(ids(new Retention(2, 0).apply(week, WED_NOON))).containsExactly("wed", "tue");
        assertThat(ids(new Retention(3, 0).apply(week, WED_NOON))).containsExactly("mon", "wed", "tue");
    }

    @Test
    void undatedItemsCountLastForMaxItemsButAreNeverTooOld() {
        assertThat(ids(new Retention(4, 0).apply(week, WED_NOON))).containsExactly("mon", "undated", "wed", "tue");
        assertThat(ids(new Retention(0, 1).apply(week, WED_NOON))).containsExactly("undated", "wed");
    }

    @Test
    void bothLimitsTogether() {
        assertThat(ids(new Retention(1, 2).apply(week, WED_NOON))).containsExactly("wed");
    }

    @Test
    void noLimitReturnsTheSameFeed() {
        assertThat(Retention.NONE.apply(week, WED_NOON)).isSameAs(week);
        assertThat(new Retention(10, 30).apply(week, WED_NOON)).isSameAs(week);
    }

    @Test
    void aFeedsOwnSettingsWinOverTheDefaults() {
        Retention defaults = new Retention(100, 30);
        assertThat(defaults.forFeed(FeedSettings.NONE)).isEqualTo(defaults);
        assertThat(defaults.forFeed(new FeedSettings(null, 5, null, null, null))).isEqualTo(new Retention(5, 30));
        assertThat(defaults.forFeed(new FeedSettings(null, 0, 0, null, null))).isEqualTo(Retention.NONE);
    }

    @Test
    void linearOverAHugeFeed() {
        List<Item> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            many.add(item("i" + i, Instant.ofEpochSecond(1_700_000_000L + i).toString()));
        }
        Feed big = new Feed(FeedFormat.RSS_20, "F", "", "", "", many);
        Feed kept = new Retention(500, 0).apply(big, WED_NOON);
        assertThat(kept.items()).hasSize(500);
        assertThat(kept.items().get(0).id()).isEqualTo("i19500");
    }
}
