package dev.tidings.feed;

/** How much of each item to build. */
public enum Detail {
    /** Ids, titles, links, dates, authors, categories: enough to list headlines; bodies are skipped unread. */
    HEADLINES,
    /** Everything, bodies and images included. */
    FULL
}
