package dev.tidings.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything in the collections file at one moment: the collections and the saved articles they
 * share (an article saved into two collections is stored once).
 */
public record Library(List<Collection> collections, Map<String, SavedArticle> articles) {
    public Library {
        collections = List.copyOf(collections);
        articles = Map.copyOf(articles);
    }

    public static final Library EMPTY = new Library(List.of(), Map.of());

    /** The collection with this name, ignoring case. */
    public Optional<Collection> find(String name) {
        for (Collection c : collections) {
            if (c.name().equalsIgnoreCase(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Collections holding this article. */
    public List<Collection> collectionsOf(String articleKey) {
        List<Collection> out = new ArrayList<>();
        for (Collection c : collections) {
            if (c.contains(articleKey)) {
                out.add(c);
            }
        }
        return out;
    }

    public boolean isSaved(String articleKey) {
        for (Collection c : collections) {
            if (c.contains(articleKey)) {
                return true;
            }
        }
        return false;
    }

    /** Collections newest first (then by name), as the browser shows them. */
    public List<Collection> newestFirst() {
        List<Collection> out = new ArrayList<>(collections);
        out.sort(Comparator.comparing(Collection::created, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(c -> c.name().toLowerCase(Locale.ROOT)));
        return out;
    }
}
