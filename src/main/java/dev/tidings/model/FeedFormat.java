package dev.tidings.model;

/** The formats Tidings reads, detected from content, never from a file name. */
public enum FeedFormat {
    RSS_09X("RSS 0.9x"),
    RSS_20("RSS 2.0"),
    RSS_10("RSS 1.0 (RDF)"),
    ATOM_10("Atom 1.0"),
    ATOM_03("Atom 0.3"),
    JSON_FEED_10("JSON Feed 1.0"),
    JSON_FEED_11("JSON Feed 1.1"),
    HACKER_NEWS("Hacker News (Algolia)"),
    REDDIT("Reddit listing"),
    MASTODON("Mastodon timeline"),
    NEWSAPI("NewsAPI"),
    GNEWS("GNews"),
    GUARDIAN("Guardian Content API"),
    /** Articles read back from the collections file, not from a feed. */
    SAVED("saved articles");

    private final String label;

    FeedFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
