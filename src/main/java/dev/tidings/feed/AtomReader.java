package dev.tidings.feed;

import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;

/** Atom 1.0 and 0.3: the {@code <feed>} element, its entries and text constructs. */
final class AtomReader {
    private final XmlCursor cur;
    private final boolean full;

    AtomReader(XmlCursor cur, Detail detail) {
        this.cur = cur;
        this.full = detail == Detail.FULL;
    }

    /** Positioned on the root {@code <feed>}: the whole feed. */
    Feed feed(FeedFormat format) throws XMLStreamException, FeedException {
        FeedHeader h = new FeedHeader();
        List<Item> items = new ArrayList<>();
        while (cur.nextChild()) {
            switch (cur.key()) {
                case "title" -> h.title = textPlain(cur);
                case "link" -> {
                    String rel = cur.attr("rel");
                    String href = cur.attr("href");
                    if (href != null && (rel == null || rel.equals("alternate")) && h.link.isEmpty()) {
                        h.link = Urls.resolve(cur.base(), href);
                    }
                    cur.skip();
                }
                case "subtitle", "tagline" -> h.description = textPlain(cur);
                case "author" -> {
                    while (cur.nextChild()) {
                        if (cur.key().equals("name")) {
                            String name = FieldCaps.line(FeedText.plainTitle(cur.text()));
                            if (!name.isEmpty()) {
                                h.authors.add(name);
                            }
                        } else {
                            cur.skip();
                        }
                    }
                }
                case "logo" -> h.image = Urls.resolve(cur.base(), cur.text());
                case "icon" -> {
                    if (h.image.isEmpty()) {
                        h.image = Urls.resolve(cur.base(), cur.text());
                    } else {
                        cur.skip();
                    }
                }
                case "entry" -> items.add(entry());
                default -> cur.skip();
            }
        }
        return h.build(format, items);
    }

    private Item entry() throws XMLStreamException, FeedException {
        ItemBuilder b = new ItemBuilder();
        while (cur.nextChild()) {
            String k = cur.key();
            switch (k) {
                case "id" -> b.id = cur.text().trim();
                case "title" -> b.title = textPlain(cur);
                case "link" -> link(cur, b);
                case "published", "issued", "created" -> {
                    if (b.published == null) {
                        b.published = Dates.parse(cur.text());
                    } else {
                        cur.skip();
                    }
                }
                case "updated", "modified" -> b.updated = Dates.parse(cur.text());
                case "author" -> {
                    while (cur.nextChild()) {
                        if (cur.key().equals("name")) {
                            b.addAuthor(FeedText.plainTitle(cur.text()));
                        } else {
                            cur.skip();
                        }
                    }
                }
                case "category" -> {
                    String term = cur.attr("label");
                    if (term == null || term.isBlank()) {
                        term = cur.attr("term");
                    }
                    if (term != null) {
                        b.addCategory(term);
                    }
                    cur.skip();
                }
                case "summary" -> {
                    if (full) {
                        b.summaryHtml = textAsHtml(cur);
                    } else {
                        cur.skip();
                    }
                }
                case "content" -> {
                    String src = cur.attr("src");
                    if (src != null && !src.isBlank()) {
                        b.contentSrc = Urls.resolve(cur.base(), src); // out-of-line content: a link of last resort
                    }
                    if (full) {
                        b.contentHtml = textAsHtml(cur);
                    } else {
                        cur.skip();
                    }
                }
                case "dc:creator" -> b.addAuthor(FeedText.plainTitle(cur.text()));
                case "itunes:duration" -> b.duration = Durations.parse(cur.text());
                case "dc:subject" -> b.addCategory(FeedText.plainTitle(cur.text()));
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

    /** An Atom link (also {@code atom:link} in RSS): the item's link, or an enclosure. */
    static void link(XmlCursor cur, ItemBuilder b) throws XMLStreamException, FeedException {
        String rel = cur.attr("rel");
        String href = cur.attr("href");
        if (href != null) {
            if (rel == null || rel.isBlank() || rel.equals("alternate")) {
                if (b.link.isEmpty()) {
                    b.link = Urls.resolve(cur.base(), href);
                }
            } else if (rel.equals("enclosure")) {
                b.addEnclosure(cur.base(), href, cur.attr("type"), cur.attr("length"));
            }
        }
        cur.skip();
    }

    /** An Atom text construct as plain text (titles, subtitles). */
    static String textPlain(XmlCursor cur) throws XMLStreamException, FeedException {
        String type = cur.attr("type");
        String mode = cur.attr("mode");
        String t = type == null ? "text" : type.toLowerCase(Locale.ROOT);
        if (t.contains("xhtml") || "xml".equals(mode) && t.contains("html")) {
            return FeedText.plainTitle(XhtmlWriter.markup(cur));
        }
        if (t.contains("html") || "escaped".equals(mode)) {
            return FeedText.plainTitle(cur.text());
        }
        return Sanitize.line(cur.text());
    }

    /** An Atom text construct (summary, content) as HTML, relative URLs made absolute. */
    static String textAsHtml(XmlCursor cur) throws XMLStreamException, FeedException {
        URI here = cur.base();
        return FeedText.absolutize(textAsHtmlRaw(cur), here);
    }

    private static String textAsHtmlRaw(XmlCursor cur) throws XMLStreamException, FeedException {
        String type = cur.attr("type");
        String mode = cur.attr("mode");
        String t = type == null ? "text" : type.toLowerCase(Locale.ROOT);
        if (t.contains("xhtml") || ("xml".equals(mode) && !t.equals("text") && !t.equals("text/plain"))) {
            return XhtmlWriter.markup(cur);
        }
        if (t.contains("html") || "escaped".equals(mode)) {
            return XhtmlWriter.htmlBody(cur, true);
        }
        if ("base64".equals(mode)) {
            cur.skip();
            return "";
        }
        return FeedText.plainToHtml(cur.text());
    }
}
