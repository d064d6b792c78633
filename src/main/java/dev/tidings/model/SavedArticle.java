package dev.tidings.model;

import java.time.Instant;
import java.util.List;

/**
 * An offline snapshot of an article, enough to read it later without the feed or a network.
 *
 * @param key        the article's key in the collections file (its item id)
 * @param item       the item as it was when saved: title, link, dates, authors, the sanitized body
 *                   and its images
 * @param feedTitle  the feed's name when saved
 * @param feedUrl    where the feed came from (a URL, a path, or "" for stdin)
 * @param savedAt    when it was first saved
 */
public record SavedArticle(String key, Item item, String feedTitle, String feedUrl, Instant savedAt) {
    public SavedArticle {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("saved article key must not be empty");
        }
        if (item == null) {
            throw new IllegalArgumentException("saved article item must not be null");
        }
        feedTitle = feedTitle == null ? "" : feedTitle;
        feedUrl = feedUrl == null ? "" : feedUrl;
    }
}
