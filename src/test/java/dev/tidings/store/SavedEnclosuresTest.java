package dev.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tidings.model.Enclosure;
import dev.tidings.model.Item;
import dev.tidings.model.SavedArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved podcast episode keeps its audio: enclosures in the collections file. */
class SavedEnclosuresTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("collections.json");
    }

    private static SavedArticle episode(String key, List<Enclosure> files) {
        SavedArticle a = SampleArticles.article(key);
        Item i = a.item();
        Item withFiles = new Item(i.id(), i.title(), i.link(), i.published(), i.updated(), i.authors(), i.categories(),
                "", i.bodyHtml(), files, i.images());
        return new SavedArticle(key, withFiles, a.feedTitle(), a.feedUrl(), a.savedAt());
    }

    @Test
    void enclosuresReadBackAsTheyWereSaved() throws Exception {
        List<Enclosure> files = List.of(new Enclosure("https://cdn.example.org/ep42.mp3", "audio/mpeg", 48_213_000, 3_127),
                new Enclosure("https://cdn.example.org/ep42.vtt", "", -1, -1));
        CollectionStore store = new CollectionStore(file());
        store.create("Listen later");
        store.add("Listen later", episode("ep-42", files));

        SavedArticle back = new CollectionStore(file()).read().articles().get("ep-42");
        assertThat(back.item().enclosures()).containsExactlyElementsOf(files);
        String text = Files.readString(file());
        assertThat(text).contains("\"url\":\"https://cdn.example.org/ep42.mp3\"", "\"length\":48213000",
                "\"duration\":3127");
        // unknown values are left out, not written as null or -1
        assertThat(text).doesNotContain("\"length\":-1", "\"type\":null", "\"duration\":null");
    }

    @Test
    void anArticleWithoutEnclosuresIsWrittenAsBefore() throws Exception {
        CollectionStore store = new CollectionStore(file());
        store.create("Reading list");
        store.add("Reading list", SampleArticles.article("plain"));
        assertThat(Files.readString(file())).doesNotContain("enclosures");
    }

    @Test
    void aHandEditedEnclosureIsTakenWhenSafeAndRefusedWhenMalformed() throws Exception {
        CollectionStore store = new CollectionStore(file());
        store.create("Listen later");
        store.add("Listen later", episode("ep-1", List.of(new Enclosure("https://cdn.example.org/a.mp3", "audio/mpeg", 10))));
        String saved = Files.readString(file());
        String edited = saved.replace("\"length\":10", "\"length\":\"12\"").replace("\"enclosures\":[",
                "\"enclosures\":[{\"url\":\"javascript:alert(1)\"}, null, {\"type\":\"audio/ogg\"}, ");
        assertThat(edited).isNotEqualTo(saved);
        Files.write(file(), edited.getBytes(StandardCharsets.UTF_8));
        List<Enclosure> read = new CollectionStore(file()).read().articles().get("ep-1").item().enclosures();
        // the length given as text is taken; a script URL, a null and one without a URL are not
        assertThat(read).containsExactly(new Enclosure("https://cdn.example.org/a.mp3", "audio/mpeg", 12));

        Files.write(file(), saved.replace("\"length\":10", "\"length\":\"ten\"").getBytes(StandardCharsets.UTF_8));
        StoreException e = catchThrowableOfType(StoreException.class, () -> new CollectionStore(file()).read());
        assertThat(e.kind()).isEqualTo(StoreException.Kind.CORRUPT);
        assertThat(e.getMessage()).contains("\"length\" must be a whole number");

        Files.write(file(), saved.replaceFirst("\"enclosures\":\\[", "\"enclosures\":{ \"x\":[")
                .replaceFirst("\\]\\s*,\\s*\"html\"", "] }, \"html\"").getBytes(StandardCharsets.UTF_8));
        e = catchThrowableOfType(StoreException.class, () -> new CollectionStore(file()).read());
        assertThat(e.getMessage()).contains("\"enclosures\" must be an array");
    }
}
