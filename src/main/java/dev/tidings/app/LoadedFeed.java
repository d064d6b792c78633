package dev.tidings.app;

import dev.tidings.model.Feed;
import java.net.URI;

/**
 * A feed read from one source.
 *
 * @param source what the user named ("news.xml", "https://a.org/feed", "stdin", "sample")
 * @param feed   the parsed feed
 * @param base   the URI its relative links resolve against, or null
 * @param headlinesOnly true when the items have no bodies, enclosures or images (read from the
 *               cache's headline index); the full feed is parsed when an article is opened
 */
public record LoadedFeed(String source, Feed feed, URI base, boolean headlinesOnly) {
    public LoadedFeed(String source, Feed feed, URI base) {
        this(source, feed, base, false);
    }

    /** The name to show: the feed's title, else the source. */
    public String name() {
        return feed.title().isEmpty() ? source : feed.title();
    }
}
