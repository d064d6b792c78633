package dev.tidings.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LibraryTest {
    private static SavedArticle article(String key) {
        Item item = new Item(key, "Title " + key, "", null, null, List.of(), List.of(), "", "<p>x</p>", List.of(),
                List.of());
        return new SavedArticle(key, item, "Feed", "", Instant.parse("2026-11-25T08:00:00Z"));
    }

    private static final SavedCollection A = new SavedCollection("A", Instant.parse("2026-11-01T00:00:00Z"), List.of("a", "b"));
    private static final SavedCollection B = new SavedCollection("B", Instant.parse("2026-11-02T00:00:00Z"), List.of("b", "c"));

    @Test
    void isSavedAndCollectionsOfAnswerFromEveryCollection() {
        Library lib = new Library(List.of(A, B), Map.of("a", article("a"), "b", article("b"), "c", article("c")));
        assertThat(lib.isSaved("a")).isTrue();
        assertThat(lib.isSaved("c")).isTrue();
        assertThat(lib.isSaved("d")).isFalse();
        assertThat(lib.collectionsOf("b")).containsExactly(A, B);
        assertThat(lib.collectionsOf("d")).isEmpty();
        assertThat(Library.EMPTY.isSaved("a")).isFalse();
    }

    @Test
    void isSavedFollowsTheCollectionsNotTheArticles() {
        Library index = new Library(List.of(A), Map.of()); // the quick read: collections only
        assertThat(index.isSaved("b")).isTrue();
        assertThat(index.isSaved("c")).isFalse();
    }

    /** A supplier that counts how often it builds, caching like the store's articles. */
    private static final class Counting implements Supplier<SavedArticle> {
        final AtomicInteger built = new AtomicInteger();
        private final String key;
        private SavedArticle view;

        Counting(String key) {
            this.key = key;
        }

        @Override
        public synchronized SavedArticle get() {
            if (view == null) {
                built.incrementAndGet();
                view = article(key);
            }
            return view;
        }
    }

    @Test
    void aLazyMapBuildsAnArticleOnlyWhenAskedForItAndIsASnapshot() {
        Map<String, Counting> sources = new LinkedHashMap<>();
        for (String k : List.of("a", "b", "c")) {
            sources.put(k, new Counting(k));
        }
        Library lib = new Library(List.of(A, B), Library.lazyArticles(sources));
        assertThat(lib.articles()).hasSize(3).containsKey("b");
        assertThat(lib.articles().keySet()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(sources.get("b").built.get()).as("nothing built for size, keys, containsKey").isZero();

        assertThat(lib.articles().get("b")).isEqualTo(article("b"));
        assertThat(lib.articles().get("b")).isSameAs(lib.articles().get("b"));
        assertThat(sources.get("b").built.get()).isEqualTo(1);
        assertThat(sources.get("a").built.get()).isZero();
        assertThat(lib.articles().get("zzz")).isNull();

        sources.put("d", new Counting("d"));
        assertThat(lib.articles()).doesNotContainKey("d");
        assertThatThrownBy(() -> lib.articles().put("e", article("e"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> lib.articles().keySet().remove("a")).isInstanceOf(UnsupportedOperationException.class);

        Library eager = new Library(List.of(A, B), Map.of("a", article("a"), "b", article("b"), "c", article("c")));
        assertThat(lib).isEqualTo(eager).hasSameHashCodeAs(eager);
    }
}
