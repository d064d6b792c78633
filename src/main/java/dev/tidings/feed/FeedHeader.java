package dev.tidings.feed;

import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import java.util.ArrayList;
import java.util.List;

/** Feed-level fields of an RSS or Atom document, gathered before the items are known. */
final class FeedHeader {
    String title = "";
    String link = "";
    String description = "";
    String image = "";
    /** Feed-level authors: entries without their own inherit them (RFC 4287 4.2.1). */
    final List<String> authors = new ArrayList<>();

    Feed build(FeedFormat format, List<Item> items) {
        return FieldCaps.feed(format, title, link, description, image, ItemBuilder.inheritAuthors(items, authors));
    }
}
