package dev.tidings.tui;

/** A row of the feed list: all feeds, a tag group, or one feed. */
public record ListRow(String label, String selector, FeedRow feed, int depth) {
}
