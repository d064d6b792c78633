package dev.tidings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tidings.model.SavedCollection;
import dev.tidings.model.Library;
import dev.tidings.model.SavedArticle;
import dev.tidings.store.CollectionStore;
import dev.tidings.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target for the collections file reader: the strict read ({@link CollectionStore#read}, the
 * streaming {@code Wire} pass) and the quick index read ({@link CollectionStore#readIndex}) of the
 * same bytes, each by a fresh store as a new process would.
 *
 * <p>The contract checked: {@link StoreException} is the only exception; one input costs at most
 * {@link Budget}; when the strict read accepts a file, the quick read accepts it too with the
 * same collections, and every saved article's view builds (the strict read vouched for it) with
 * no control character in its one-line fields. The quick read may accept what the strict read
 * refuses: it does not look inside articles (docs/architecture.md).
 */
class CollectionsFuzzTest {
    private static Path file;

    @BeforeAll
    static void loadClasses() throws Exception {
        file = Files.createTempDirectory("tidings-fuzz-collections").resolve("collections.json");
        file.getParent().toFile().deleteOnExit();
        check(("{\"format\":\"tidings-collections\",\"version\":1,\"collections\":[{\"name\":\"A\","
                + "\"created\":\"2026-11-25T08:59:45Z\",\"articles\":[\"k\"]}],\"articles\":{\"k\":{\"id\":\"k\","
                + "\"title\":\"t\",\"link\":\"https://a.example/\",\"feedTitle\":\"f\",\"feedUrl\":\"https://a.example/f\","
                + "\"authors\":[],\"published\":null,\"savedAt\":\"2026-11-25T09:00:00Z\",\"images\":[],\"html\":\"<p>x\"}}}")
                .getBytes(StandardCharsets.UTF_8));
    }

    @DictionaryEntries({"\"format\"", "\"tidings-collections\"", "\"version\"", "\"collections\"", "\"articles\"",
        "\"name\"", "\"created\"", "\"id\"", "\"title\"", "\"link\"", "\"feedTitle\"", "\"feedUrl\"", "\"authors\"",
        "\"published\"", "\"updated\"", "\"savedAt\"", "\"images\"", "\"url\"", "\"caption\"", "\"credit\"",
        "\"html\"", "\"2026-11-25T08:59:45Z\"", "null", "\\u0000", "\\u001b", "\\ud800"})
    @FuzzTest(maxDuration = "10m")
    void strictAndQuickRead(byte[] input) throws Exception {
        check(input);
    }

    private static void check(byte[] input) throws Exception {
        Files.write(file, input);
        Budget.check(() -> {
            Library strict = read(false);
            Library quick = read(true);
            if (strict == null) {
                return;
            }
            assertThat(quick).as("the quick read accepts what the strict read accepts").isNotNull();
            assertThat(quick.collections()).as("both reads see the same collections")
                    .isEqualTo(strict.collections());
            for (SavedCollection c : strict.collections()) {
                Budget.assertPrintable("collection name", c.name(), false);
            }
            for (Map.Entry<String, SavedArticle> e : strict.articles().entrySet()) {
                SavedArticle a = e.getValue();
                Budget.assertPrintable("saved title", a.item().title(), false);
                Budget.assertPrintable("saved link", a.item().link(), false);
                Budget.assertPrintable("saved feed title", a.feedTitle(), false);
                List<String> authors = a.item().authors();
                authors.forEach(x -> Budget.assertPrintable("saved author", x, false));
            }
        });
    }

    private static Library read(boolean quick) {
        CollectionStore store = new CollectionStore(file);
        try {
            return quick ? store.readIndex() : store.read();
        } catch (StoreException documented) {
            return null;
        }
    }
}
