package dev.tidings.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything in the collections file at one moment: the collections and the saved articles they
 * share (an article saved into two collections is stored once).
 *
 * <p>Immutable. {@link #articles()} may be a {@linkplain #lazyArticles lazy} map whose values are
 * built on first use: the collections file holds 10,000 articles, and a browser that shows names
 * and counts should not pay for building them all.
 */
public final class Library {
    private final List<SavedCollection> collections;
    private final Map<String, SavedArticle> articles;
    /** Every key some collection holds: {@link #isSaved} is asked once per painted row. */
    private final Set<String> saved;

    public Library(List<SavedCollection> collections, Map<String, SavedArticle> articles) {
        this.collections = List.copyOf(collections);
        this.articles = articles instanceof LazyArticles ? articles : Map.copyOf(articles);
        Set<String> keys = new HashSet<>();
        for (SavedCollection c : this.collections) {
            keys.addAll(c.articles());
        }
        this.saved = keys;
    }

    public static final Library EMPTY = new Library(List.of(), Map.of());

    /**
     * A read-only map of articles whose values are built on first use (and then kept by the
     * suppliers, which must be thread-safe and must not fail). The map is a snapshot: later changes
     * to {@code sources} do not show.
     */
    public static Map<String, SavedArticle> lazyArticles(Map<String, ? extends Supplier<SavedArticle>> sources) {
        return new LazyArticles(Map.copyOf(sources));
    }

    public List<SavedCollection> collections() {
        return collections;
    }

    public Map<String, SavedArticle> articles() {
        return articles;
    }

    /** The collection with this name, ignoring case. */
    public Optional<SavedCollection> find(String name) {
        for (SavedCollection c : collections) {
            if (c.name().equalsIgnoreCase(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Collections holding this article. */
    public List<SavedCollection> collectionsOf(String articleKey) {
        List<SavedCollection> out = new ArrayList<>();
        if (!saved.contains(articleKey)) {
            return out;
        }
        for (SavedCollection c : collections) {
            if (c.contains(articleKey)) {
                out.add(c);
            }
        }
        return out;
    }

    /** True when some collection holds this article: a set look-up. */
    public boolean isSaved(String articleKey) {
        return saved.contains(articleKey);
    }

    /** Collections newest first (then by name), as the browser shows them. */
    public List<SavedCollection> newestFirst() {
        List<SavedCollection> out = new ArrayList<>(collections);
        out.sort(Comparator.comparing(SavedCollection::created, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(c -> c.name().toLowerCase(Locale.ROOT)));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Library l && collections.equals(l.collections) && articles.equals(l.articles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(collections, articles);
    }

    @Override
    public String toString() {
        return "Library[collections=" + collections + ", articles=" + articles.size() + " articles]";
    }

    /** Values built on first use from suppliers that cache them. */
    private static final class LazyArticles extends AbstractMap<String, SavedArticle> {
        private final Map<String, ? extends Supplier<SavedArticle>> sources;

        LazyArticles(Map<String, ? extends Supplier<SavedArticle>> sources) {
            this.sources = sources;
        }

        @Override
        public SavedArticle get(Object key) {
            Supplier<SavedArticle> s = key == null ? null : sources.get(key);
            return s == null ? null : s.get();
        }

        @Override
        public boolean containsKey(Object key) {
            return key != null && sources.containsKey(key);
        }

        @Override
        public int size() {
            return sources.size();
        }

        @Override
        public Set<String> keySet() {
            return sources.keySet();
        }

        @Override
        public Set<Map.Entry<String, SavedArticle>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, SavedArticle>> iterator() {
                    Iterator<? extends Map.Entry<String, ? extends Supplier<SavedArticle>>> it = sources.entrySet().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Map.Entry<String, SavedArticle> next() {
                            Map.Entry<String, ? extends Supplier<SavedArticle>> e = it.next();
                            return Map.entry(e.getKey(), e.getValue().get());
                        }
                    };
                }

                @Override
                public int size() {
                    return sources.size();
                }
            };
        }
    }
}
