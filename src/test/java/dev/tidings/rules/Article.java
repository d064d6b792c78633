package dev.tidings.rules;

import java.time.Instant;
import java.util.List;

/** An article for rule tests, with wither methods for the field a test is about. */
record Article(String title, String content, List<String> authors, String feedTitle, String feedUrl, String link,
               String guid, List<String> tags, boolean unread, boolean saved, List<String> collections, Instant date,
               List<String> enclosureTypes, List<String> enclosureUrls) implements ItemView {

    static Article of(String title) {
        return new Article(title, "", List.of(), "Example News", "https://news.example/feed.xml",
                "https://news.example/a/1", "id-1", List.of(), true, false, List.of(),
                Instant.parse("2026-11-20T10:00:00Z"), List.of(), List.of());
    }

    Article content(String c) {
        return new Article(title, c, authors, feedTitle, feedUrl, link, guid, tags, unread, saved, collections, date,
                enclosureTypes, enclosureUrls);
    }

    Article authors(String... a) {
        return new Article(title, content, List.of(a), feedTitle, feedUrl, link, guid, tags, unread, saved, collections,
                date, enclosureTypes, enclosureUrls);
    }

    Article tags(String... t) {
        return new Article(title, content, authors, feedTitle, feedUrl, link, guid, List.of(t), unread, saved,
                collections, date, enclosureTypes, enclosureUrls);
    }

    Article read() {
        return new Article(title, content, authors, feedTitle, feedUrl, link, guid, tags, false, saved, collections,
                date, enclosureTypes, enclosureUrls);
    }

    Article savedIn(String... c) {
        return new Article(title, content, authors, feedTitle, feedUrl, link, guid, tags, unread, c.length > 0,
                List.of(c), date, enclosureTypes, enclosureUrls);
    }

    Article date(Instant d) {
        return new Article(title, content, authors, feedTitle, feedUrl, link, guid, tags, unread, saved, collections, d,
                enclosureTypes, enclosureUrls);
    }

    Article enclosure(String type, String url) {
        return new Article(title, content, authors, feedTitle, feedUrl, link, guid, tags, unread, saved, collections,
                date, List.of(type), List.of(url));
    }
}
