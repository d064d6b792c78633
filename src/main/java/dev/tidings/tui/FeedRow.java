package dev.tidings.tui;

import dev.tidings.text.Sanitize;
import java.time.Instant;
import java.util.List;

/** One subscribed feed as the feed list shows it. */
public record FeedRow(String source, String name, List<String> tags, Instant updated, String error) {
    public FeedRow {
        tags = List.copyOf(tags);
        error = error == null ? "" : Sanitize.line(error);
    }
}
