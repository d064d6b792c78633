package dev.tidings.store;

import dev.tidings.model.SavedArticle;
import dev.tidings.text.Sanitize;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes the collections file takes (create, rename, delete a collection; add, remove an
 * article), each a {@link Change} applied to the file's content as it is at the moment of writing.
 * Names are checked when a change is made, collections looked up (case-insensitively) when it is
 * applied; a problem is a {@link CollectionException} saying which collection and what is known.
 */
final class CollectionEdits {
    /** A change to the file's content; it sees what is in the file at the moment of writing. */
    interface Change {
        void apply(Dto.FileDto dto) throws CollectionException;
    }

    private final Clock clock;

    CollectionEdits(Clock clock) {
        this.clock = clock;
    }

    /** Creates an empty collection. */
    Change create(String name) throws CollectionException {
        String n = checkName(name);
        return dto -> {
            if (find(dto, n) != null) {
                throw new CollectionException("a collection named '" + Sanitize.line(find(dto, n).name)
                        + "' exists already");
            }
            Dto.CollectionDto c = new Dto.CollectionDto();
            c.name = n;
            c.created = clock.instant().toString();
            dto.collections.add(c);
        };
    }

    /** Renames a collection; a change of case only is allowed. */
    Change rename(String oldName, String newName) throws CollectionException {
        String n = checkName(newName);
        return dto -> {
            Dto.CollectionDto c = find(dto, oldName);
            if (c == null) {
                throw noSuch(dto, oldName);
            }
            Dto.CollectionDto other = find(dto, n);
            if (other != null && other != c) {
                throw new CollectionException("a collection named '" + Sanitize.line(other.name) + "' exists already");
            }
            c.name = n;
        };
    }

    /** Deletes a collection; articles no other collection holds go with it. */
    Change delete(String name) {
        return dto -> {
            Dto.CollectionDto c = find(dto, name);
            if (c == null) {
                throw noSuch(dto, name);
            }
            dto.collections.remove(c);
            collectGarbage(dto);
        };
    }

    /** Saves an article into a collection (its snapshot is stored once, shared by collections). */
    Change add(String name, SavedArticle article) {
        return dto -> {
            Dto.CollectionDto c = find(dto, name);
            if (c == null) {
                throw noSuch(dto, name);
            }
            put(dto, article);
            if (!c.articles.contains(article.key())) {
                c.articles.add(article.key());
            }
        };
    }

    /** Removes an article from a collection. */
    Change remove(String name, String key) {
        return dto -> {
            Dto.CollectionDto c = find(dto, name);
            if (c == null) {
                throw noSuch(dto, name);
            }
            if (!c.articles.remove(key)) {
                throw new CollectionException("collection '" + Sanitize.line(c.name) + "' has no article '"
                        + Sanitize.line(key) + "'");
            }
            collectGarbage(dto);
        };
    }

    private static String checkName(String name) throws CollectionException {
        String n = name == null ? "" : name.strip();
        String problem = CollectionStore.nameProblem(n);
        if (problem != null) {
            throw new CollectionException("the collection name " + problem + " (1-" + CollectionStore.MAX_NAME_LENGTH
                    + " characters, no control characters)");
        }
        return n;
    }

    private static Dto.CollectionDto find(Dto.FileDto dto, String name) {
        for (Dto.CollectionDto c : dto.collections) {
            if (c.name.equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    private static CollectionException noSuch(Dto.FileDto dto, String name) {
        List<String> known = new ArrayList<>();
        for (Dto.CollectionDto c : dto.collections) {
            known.add(c.name);
        }
        return new CollectionException("no collection named '" + Sanitize.line(name) + "'"
                + (known.isEmpty() ? "; there are no collections yet" : ". Known: " + String.join(", ", known)));
    }

    /**
     * Stores an article's snapshot: a new one, or the known members of one already there (its
     * unknown members and when it was first saved are kept). Only this article is serialized.
     */
    private void put(Dto.FileDto dto, SavedArticle s) {
        Dto.Article existing = dto.articles.get(s.key());
        Dto.ArticleDto a = WireMapper.toWire(s, existing != null ? existing.dto(true) : new Dto.ArticleDto(),
                clock.instant());
        byte[] json = WireWriter.oneLine(a);
        if (existing != null && existing.sameBytes(json, 0, json.length)) {
            return; // saved again unchanged: keep the article (and its view) as it is
        }
        dto.articles.put(s.key(), new Dto.Article(s.key(), json, 0, json.length, WireMapper.toArticle(s.key(), a)));
    }

    private static void collectGarbage(Dto.FileDto dto) {
        Set<String> used = new HashSet<>();
        for (Dto.CollectionDto c : dto.collections) {
            used.addAll(c.articles);
        }
        dto.articles.keySet().retainAll(used);
    }
}
