package dev.tidings.sync;

import java.util.List;

/**
 * A subscription on the server.
 *
 * @param streamId   the server's id ({@code feed/12}, {@code feed/http://...})
 * @param title      the feed's title on the server
 * @param url        the feed's own URL, or empty
 * @param htmlUrl    its web site, or empty
 * @param categories the labels (folders) it is in: they become tags
 */
public record ServerFeed(String streamId, String title, String url, String htmlUrl, List<String> categories) {
    public ServerFeed {
        categories = List.copyOf(categories);
    }
}
