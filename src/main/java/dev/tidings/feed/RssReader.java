package dev.tidings.feed;

import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import dev.tidings.text.Urls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/** RSS 0.9x, 2.0 and 1.0 (RDF): the channel, its items (Dublin Core, content:encoded, atom:link). */
final class RssReader {
    private final XmlCursor cur;
    private final boolean full;

    RssReader(XmlCursor cur, Detail detail) {
        this.cur = cur;
        this.full = detail == Detail.FULL;
    }

    /** Positioned on the root {@code <rss>} or {@code <rdf:RDF>}: the whole feed. */
    Feed feed(FeedFormat format) throws XMLStreamException, FeedException {
        FeedHeader h = new FeedHeader();
        List<Item> items = new ArrayList<>();
        while (cur.nextChild()) {
            switch (cur.key()) {
                case "channel" -> channel(h, items);
                case "item" -> items.add(item());
                case "image" -> h.image = image();
                default -> cur.skip();
            }
        }
        return h.build(format, items);
    }

    private void channel(FeedHeader h, List<Item> items) throws XMLStreamException, FeedException {
        while (cur.nextChild()) {
            switch (cur.key()) {
                case "title" -> h.title = FeedText.plainTitle(cur.text());
                case "link" -> h.link = Urls.resolve(cur.base(), cur.text());
                case "description" -> h.description = FeedText.plainTitle(cur.text());
                case "image" -> h.image = image();
                case "item" -> items.add(item());
                default -> cur.skip();
            }
        }
    }

    private String image() throws XMLStreamException, FeedException {
        String url = "";
        String about = cur.reader().getAttributeValue(null, "about");
        while (cur.nextChild()) {
            if (cur.key().equals("url")) {
                url = Urls.resolve(cur.base(), cur.text());
            } else {
                cur.skip();
            }
        }
        return url.isEmpty() && about != null ? Urls.resolve(cur.base(), about) : url;
    }

    private Item item() throws XMLStreamException, FeedException {
        ItemBuilder b = new ItemBuilder();
        String about = cur.attr("about");
        if (about != null) {
            b.id = about;
        }
        while (cur.nextChild()) {
            String k = cur.key();
            switch (k) {
                case "title", "dc:title" -> {
                    if (b.title.isEmpty()) {
                        b.title = FeedText.plainTitle(cur.text());
                    } else {
                        cur.skip();
                    }
                }
                case "link" -> {
                    if (b.link.isEmpty()) {
                        b.link = Urls.resolve(cur.base(), cur.text());
                    } else {
                        cur.skip();
                    }
                }
                case "atom:link" -> AtomReader.link(cur, b);
                case "guid" -> {
                    String perma = cur.reader().getAttributeValue(null, "isPermaLink");
                    b.idIsPermalink = perma == null || !perma.trim().equalsIgnoreCase("false");
                    URI here = cur.base();
                    String g = cur.text().trim();
                    b.id = g; // as the feed wrote it: ids must not depend on where the feed was fetched
                    if (b.idIsPermalink) {
                        b.guidLink = Urls.resolve(here, g);
                    }
                }
                case "dc:identifier" -> {
                    if (b.id.isEmpty()) {
                        b.id = cur.text().trim();
                    } else {
                        cur.skip();
                    }
                }
                case "pubDate", "dc:date", "dc:issued", "dc:created" -> {
                    if (b.published == null) {
                        b.published = Dates.parse(cur.text());
                    } else {
                        cur.skip();
                    }
                }
                case "atom:updated", "dc:modified", "lastBuildDate" -> b.updated = Dates.parse(cur.text());
                case "author" -> b.addAuthor(author(cur.text()));
                case "dc:creator", "dc:contributor" -> b.addAuthor(FeedText.plainTitle(cur.text()));
                case "category", "dc:subject" -> b.addCategory(FeedText.plainTitle(cur.text()));
                case "enclosure" -> {
                    b.addEnclosure(cur.base(), cur.attr("url"), cur.attr("type"), cur.attr("length"));
                    cur.skip();
                }
                case "itunes:duration" -> b.duration = Durations.parse(cur.text());
                case "description" -> {
                    if (full) {
                        URI here = cur.base();
                        b.summaryHtml = FeedText.absolutize(FeedText.htmlOrPlain(XhtmlWriter.htmlBody(cur, true)), here);
                    } else {
                        cur.skip();
                    }
                }
                case "content:encoded" -> {
                    if (full) {
                        URI here = cur.base();
                        b.contentHtml = FeedText.absolutize(XhtmlWriter.htmlBody(cur, true), here);
                    } else {
                        cur.skip();
                    }
                }
                case "atom:summary" -> {
                    if (full && b.summaryHtml.isEmpty()) {
                        b.summaryHtml = AtomReader.textAsHtml(cur);
                    } else {
                        cur.skip();
                    }
                }
                case "atom:content" -> {
                    if (full && b.contentHtml.isEmpty()) {
                        b.contentHtml = AtomReader.textAsHtml(cur);
                    } else {
                        cur.skip();
                    }
                }
                default -> {
                    if (full && k.startsWith("media:")) {
                        MediaRssReader.read(cur, b, k); // images are for the article view: headlines skip them
                    } else {
                        cur.skip();
                    }
                }
            }
        }
        return b.build();
    }

    /** RSS author is an e-mail address, often "jane@example.org (Jane Doe)": keep the name. */
    private static String author(String raw) {
        String s = FeedText.plainTitle(raw);
        int open = s.indexOf('(');
        int close = s.lastIndexOf(')');
        if (open >= 0 && close > open) {
            String name = s.substring(open + 1, close).trim();
            if (!name.isEmpty()) {
                return name;
            }
        }
        return s;
    }
}
