package dev.tidings.feed;

/** How much of each item to build. */
public enum Detail {
    /**
     * Ids, titles, links, dates, authors, categories, enclosures: enough to list headlines. Bodies
     * and media:content images are skipped unbuilt.
     */
    HEADLINES,
    /** Everything, bodies and images included. */
    FULL
}
