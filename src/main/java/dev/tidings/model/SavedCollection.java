package dev.tidings.model;

import java.time.Instant;
import java.util.List;

/**
 * A named collection of saved articles.
 *
 * @param name     unique ignoring case, 1-100 characters, no control characters
 * @param created  when it was made
 * @param articles keys of its saved articles, in the order they were added
 */
public record SavedCollection(String name, Instant created, List<String> articles) {
    public SavedCollection {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("collection name must not be empty");
        }
        articles = List.copyOf(articles);
    }

    public boolean contains(String articleKey) {
        return articles.contains(articleKey);
    }
}
