package dev.tidings.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One article as the index takes it.
 *
 * @param id        the item's id in its feed (or a saved article's key)
 * @param title     its title, "" when it has none
 * @param link      its link, "" when it has none
 * @param authors   its authors
 * @param feedName  the name of the feed it is shown under
 * @param published its date, or null
 * @param bodyHtml  its body as HTML (plain text is HTML without tags)
 */
public record Doc(String id, String title, String link, List<String> authors, String feedName, Instant published,
                  String bodyHtml) {
    public Doc {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        link = link == null ? "" : link;
        authors = List.copyOf(authors);
        feedName = feedName == null ? "" : feedName;
        bodyHtml = bodyHtml == null ? "" : bodyHtml;
    }
}
