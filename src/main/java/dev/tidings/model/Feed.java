package dev.tidings.model;

import java.util.List;

/**
 * A parsed feed.
 *
 * @param format      which format it was read as
 * @param title       feed title, "" when none
 * @param link        the site's URL, "" when none
 * @param description subtitle/description as plain text, "" when none
 * @param image       logo/icon URL, "" when none
 * @param items       items in document order
 */
public record Feed(FeedFormat format, String title, String link, String description, String image, List<Item> items) {
    public Feed {
        if (format == null) {
            throw new IllegalArgumentException("feed format must not be null");
        }
        title = title == null ? "" : title;
        link = link == null ? "" : link;
        description = description == null ? "" : description;
        image = image == null ? "" : image;
        items = List.copyOf(items);
    }
}
