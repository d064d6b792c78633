package dev.tidings.store;

import static dev.tidings.store.SampleArticles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.model.SavedCollection;
import dev.tidings.model.Image;
import dev.tidings.model.Item;
import dev.tidings.model.Library;
import dev.tidings.model.SavedArticle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CollectionStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-25T08:54:00Z");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("c.json");
    }

    private CollectionStore store() {
        return new CollectionStore(file());
    }

    /** A fresh instance: nothing cached, the file is parsed again. */
    private Library reread() throws StoreException {
        return new CollectionStore(file()).read();
    }

    private JsonNode fileJson() throws IOException {
        return JSON.readTree(file().toFile());
    }

    private Set<String> namesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    // ---------------------------------------------------------------- round trip

    @Test
    void aSavedArticleReadsBackWithEveryFieldItWasSavedWith() throws Exception {
        CollectionStore store = store();
        store.create("Reading list");
        SavedArticle saved = article("urn:tidings:1");
        store.add("Reading list", saved);

        Library lib = reread();
        assertThat(lib.collections()).hasSize(1);
        SavedCollection c = lib.collections().get(0);
        assertThat(c.name()).isEqualTo("Reading list");
        assertThat(c.created()).isNotNull();
        assertThat(c.articles()).containsExactly("urn:tidings:1");

        SavedArticle back = lib.articles().get("urn:tidings:1");
        Item i = back.item();
        assertThat(back.key()).isEqualTo("urn:tidings:1");
        assertThat(i.id()).isEqualTo("urn:tidings:1");
        assertThat(i.title()).isEqualTo("Headline urn:tidings:1");
        assertThat(i.link()).isEqualTo("https://news.example.org/urn:tidings:1");
        assertThat(i.published()).isEqualTo(SampleArticles.PUBLISHED);
        assertThat(i.updated()).isEqualTo(SampleArticles.UPDATED);
        assertThat(i.authors()).containsExactly("Ana Alvarez", "Bo Berg");
        assertThat(i.categories()).containsExactly("Climate", "Alps");
        assertThat(i.bodyHtml()).isEqualTo(saved.item().bodyHtml());
        assertThat(i.images()).containsExactly(
                new Image("https://img.example.org/urn:tidings:1.jpg", "The valley at dawn", "AFP"));
        assertThat(back.feedTitle()).isEqualTo("Tidings Sample News");
        assertThat(back.feedUrl()).isEqualTo("https://news.example.org/feed.xml");
        assertThat(back.savedAt()).isEqualTo(SampleArticles.SAVED);
        assertThat(back).isEqualTo(saved);
    }

    @Test
    void aSummaryOnlyArticleAndNonLatinTextReadBackUnchanged() throws Exception {
        Item item = new Item("fa-1", "سیل در دره — 洪水 — 🌊 flood", "https://news.example.org/fa", null, null,
                List.of("مریم"), List.of(), "<p>خلاصه: only a summary, 日本語</p>", "", List.of(), List.of());
        CollectionStore store = store();
        store.create("Ünïcödé 📚");
        store.add("Ünïcödé 📚", new SavedArticle("fa-1", item, "", "stdin", NOW));

        SavedArticle back = reread().articles().get("fa-1");
        assertThat(back.item().title()).isEqualTo("سیل در دره — 洪水 — 🌊 flood");
        assertThat(back.item().bodyHtml()).isEqualTo("<p>خلاصه: only a summary, 日本語</p>");
        assertThat(back.item().published()).isNull();
        assertThat(back.item().authors()).containsExactly("مریم");
        assertThat(back.feedUrl()).isEqualTo("stdin");
        assertThat(reread().find("ünïcödé 📚")).isPresent();
    }

    @Test
    void savingTheSameArticleAgainKeepsWhenItWasFirstSaved() throws Exception {
        CollectionStore store = store();
        store.create("A");
        store.create("B");
        store.add("A", article("k"));
        SavedArticle later = new SavedArticle("k", article("k").item(), "Feed", "https://x.example/f",
                SampleArticles.SAVED.plusSeconds(86_400));
        store.add("B", later);
        assertThat(reread().articles().get("k").savedAt()).isEqualTo(SampleArticles.SAVED);
    }

    // ---------------------------------------------------------------- many-to-many

    @Test
    void anArticleInTwoCollectionsIsStoredOnceAndLivesUntilTheLastCollectionLetsGo() throws Exception {
        CollectionStore store = store();
        store.create("Climate");
        store.create("Alps");
        store.add("Climate", article("shared"));
        store.add("Alps", article("shared"));

        JsonNode json = fileJson();
        assertThat(json.get("articles").size()).isEqualTo(1);
        assertThat(json.get("articles").has("shared")).isTrue();
        assertThat(reread().collectionsOf("shared")).extracting(SavedCollection::name).containsExactly("Climate", "Alps");

        store.remove("Climate", "shared");
        Library afterOne = reread();
        assertThat(afterOne.articles()).containsKey("shared");
        assertThat(afterOne.find("Climate").orElseThrow().articles()).isEmpty();
        assertThat(afterOne.find("Alps").orElseThrow().articles()).containsExactly("shared");

        store.remove("Alps", "shared");
        Library afterBoth = reread();
        assertThat(afterBoth.articles()).isEmpty();
        assertThat(fileJson().get("articles").size()).isZero();
        assertThat(afterBoth.collections()).hasSize(2);
    }

    @Test
    void deletingACollectionTakesOnlyTheArticlesNoOtherCollectionHolds() throws Exception {
        CollectionStore store = store();
        store.create("Climate");
        store.create("Alps");
        store.add("Climate", article("only-climate"));
        store.add("Climate", article("shared"));
        store.add("Alps", article("shared"));
        store.add("Alps", article("only-alps"));

        Library lib = store.delete("climate");
        assertThat(lib.collections()).extracting(SavedCollection::name).containsExactly("Alps");
        assertThat(reread().articles().keySet()).containsExactlyInAnyOrder("shared", "only-alps");
        assertThat(fileJson().get("articles").has("only-climate")).isFalse();
    }

    @Test
    void removingAnArticleACollectionDoesNotHoldIsRefusedAndChangesNothing() throws Exception {
        CollectionStore store = store();
        store.create("A");
        store.add("A", article("k"));
        byte[] before = Files.readAllBytes(file());
        assertThatThrownBy(() -> store.remove("A", "nope")).isInstanceOf(CollectionException.class)
                .hasMessageContaining("'A' has no article 'nope'");
        assertThatThrownBy(() -> store.add("Missing", article("x"))).isInstanceOf(CollectionException.class)
                .hasMessageContaining("no collection named 'Missing'").hasMessageContaining("Known: A");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        assertThat(store.read().articles()).containsOnlyKeys("k");
    }

    @Test
    void aChangeMadeByAnotherStoreIsReadBeforeTheNextChangeSoNeitherIsLost() throws Exception {
        CollectionStore tui = store();
        CollectionStore cli = store();
        tui.create("A");
        assertThat(tui.read().collections()).hasSize(1); // cached now
        cli.add("A", article("from-cli"));
        cli.create("B");
        Library lib = tui.add("A", article("from-tui"));
        assertThat(lib.find("A").orElseThrow().articles()).containsExactly("from-cli", "from-tui");
        assertThat(lib.find("B")).isPresent();
        assertThat(reread().find("A").orElseThrow().articles()).containsExactly("from-cli", "from-tui");
        cli.delete("B");
        assertThat(tui.read().find("B")).as("read() sees the other store's change too").isEmpty();
    }

    // ---------------------------------------------------------------- names

    static Stream<Arguments> badNames() {
        return Stream.of(
                Arguments.of("", "is empty"),
                Arguments.of("   \t ", "is empty"),
                Arguments.of("x".repeat(101), "is longer than 100 characters"),
                Arguments.of("two\nlines", "has a control character"),
                Arguments.of("red\u001b[31m alert", "has a control character"),
                Arguments.of("evil\u202egnp.exe", "has a control character"),
                Arguments.of("tab\there", "has a control character"),
                Arguments.of("c1\u009bcontrol", "has a control character"),
                Arguments.of("line\u2028separator", "has a control character"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("badNames")
    void aBadCollectionNameIsRefusedWithAMessageSayingWhatIsWrong(String name, String problem) throws Exception {
        CollectionStore store = store();
        store.create("Good");
        byte[] before = Files.readAllBytes(file());
        assertThatThrownBy(() -> store.create(name)).isInstanceOf(CollectionException.class)
                .hasMessageContaining("the collection name " + problem)
                .hasMessageContaining("1-100 characters, no control characters");
        assertThatThrownBy(() -> store.rename("Good", name)).isInstanceOf(CollectionException.class)
                .hasMessageContaining("the collection name " + problem);
        assertThat(CollectionStore.nameProblem(name)).isEqualTo(problem);
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void aNameOfExactlyOneHundredCharactersOrEmojiIsAllowed() throws Exception {
        CollectionStore store = store();
        store.create("x".repeat(100));
        store.create("📚".repeat(100)); // 100 code points, 200 UTF-16 chars
        assertThat(reread().collections()).extracting(SavedCollection::name)
                .containsExactly("x".repeat(100), "📚".repeat(100));
    }

    @Test
    void namesAreTrimmedBeforeTheyAreStored() throws Exception {
        store().create("  Weekend reads  ");
        assertThat(reread().collections()).extracting(SavedCollection::name).containsExactly("Weekend reads");
    }

    @Test
    void aNameTakenIgnoringCaseIsRefusedNamingTheCollectionThatHasIt() throws Exception {
        CollectionStore store = store();
        store.create("News");
        assertThatThrownBy(() -> store.create("NEWS")).isInstanceOf(CollectionException.class)
                .hasMessage("a collection named 'News' exists already");
        assertThatThrownBy(() -> store.create("news")).isInstanceOf(CollectionException.class);
        assertThat(reread().collections()).hasSize(1);
    }

    @Test
    void aRenameThatOnlyChangesCaseIsAllowed() throws Exception {
        CollectionStore store = store();
        store.create("news");
        store.add("news", article("k"));
        Library lib = store.rename("news", "News");
        assertThat(lib.collections()).extracting(SavedCollection::name).containsExactly("News");
        assertThat(reread().find("News").orElseThrow().articles()).containsExactly("k");
    }

    @Test
    void aRenameToAnotherCollectionsNameIsRefused() throws Exception {
        CollectionStore store = store();
        store.create("Alps");
        store.create("Climate");
        assertThatThrownBy(() -> store.rename("Alps", "climate")).isInstanceOf(CollectionException.class)
                .hasMessage("a collection named 'Climate' exists already");
        assertThatThrownBy(() -> store.rename("Nowhere", "Elsewhere")).isInstanceOf(CollectionException.class)
                .hasMessageContaining("no collection named 'Nowhere'");
        assertThat(reread().collections()).extracting(SavedCollection::name).containsExactly("Alps", "Climate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "$(rm -rf ~)", "; ls", "`touch pwned`", "&& touch pwned",
        "%s%n%x", "-rf", "C:\\Windows\\system32", "'quoted' \"double\" <b>", "/", ".", "..", "c.json",
        "c.json.lock", "* ? [a-z]"})
    void hostileButLegalNamesAreDataStoredVerbatimThatNeverTouchTheFileSystem(String name) throws Exception {
        Path sub = dir.resolve("store");
        Path file = sub.resolve("c.json");
        CollectionStore store = new CollectionStore(file);
        store.create(name);
        store.add(name, article("k"));
        store.rename(name, name + " 2");
        store.rename(name + " 2", name);

        Library back = new CollectionStore(file).read();
        assertThat(back.collections()).extracting(SavedCollection::name).containsExactly(name);
        assertThat(back.find(name).orElseThrow().articles()).containsExactly("k");
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.map(p -> dir.relativize(p).toString()).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("", "store", "store/c.json", "store/c.json.lock");
        }
        assertThat(Path.of("pwned")).doesNotExist();
    }

    // ---------------------------------------------------------------- files on disk

    @Test
    void theStoreMakesItsDirectoryPrivateAndItsFilesReadableOnlyByTheOwner() throws Exception {
        Path file = dir.resolve("config/tidings/collections.json");
        new CollectionStore(file).create("A");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("config/tidings"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("config"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                file.resolveSibling("collections.json.lock")))).isEqualTo("rw-------");
    }

    @Test
    void aDirectoryTheStoreDidNotCreateKeepsItsPermissions() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        new CollectionStore(shared.resolve("c.json")).create("A");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared.resolve("c.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void savesLeaveOnlyTheFileAndItsLockBehind() throws Exception {
        CollectionStore store = store();
        store.create("A");
        store.create("B");
        store.add("A", article("1"));
        store.add("B", article("1"));
        store.rename("B", "C");
        store.remove("A", "1");
        store.delete("A");
        assertThat(SampleArticles.tempFiles(file())).isEmpty();
        assertThat(namesIn(dir)).containsExactlyInAnyOrder("c.json", "c.json.lock");
    }

    @Test
    void staleTempFilesFromACrashedWriterAreSweptAtTheNextSave() throws Exception {
        store().create("A");
        Path stale = Files.writeString(dir.resolve(".c.json.123.abc.tmp"), "{\"format\" : \"tidings-coll");
        Path stale2 = Files.write(dir.resolve(".c.json.98765.17f3a9c2.tmp"), new byte[0]);
        Path otherFiles = Files.writeString(dir.resolve(".other.json.123.abc.tmp"), "not ours");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");

        store().add("A", article("k"));

        assertThat(stale).doesNotExist();
        assertThat(stale2).doesNotExist();
        assertThat(otherFiles).exists();
        assertThat(notes).hasContent("mine");
        assertThat(reread().articles()).containsOnlyKeys("k");
    }

    @Test
    void membersThisVersionDoesNotKnowSurviveASave() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/store/unknown-fields.json")) {
            Files.copy(in, file());
        }
        CollectionStore store = store();
        store.add("Reading list", article("urn:new"));
        store.add("Reading list", article("urn:old")); // overwrites the known fields of an article with extras
        store.rename("Reading list", "Read later");

        JsonNode json = fileJson();
        assertThat(json.get("x-sync").get("device").asText()).isEqualTo("laptop");
        assertThat(json.get("x-sync").get("revision").asInt()).isEqualTo(41);
        JsonNode c = json.get("collections").get(0);
        assertThat(c.get("name").asText()).isEqualTo("Read later");
        assertThat(c.get("color").asText()).isEqualTo("teal");
        assertThat(c.get("x-pinned").asBoolean()).isTrue();
        JsonNode old = json.get("articles").get("urn:old");
        assertThat(old.get("x-note").asText()).isEqualTo("read this again");
        assertThat(old.get("x-highlights").get(0).get("to").asInt()).isEqualTo(7);
        assertThat(old.get("savedAt").asText()).isEqualTo("2026-11-20T10:01:00Z");
        assertThat(json.get("articles").get("urn:new").get("title").asText()).isEqualTo("Headline urn:new");
        assertThat(reread().find("Read later").orElseThrow().articles()).containsExactly("urn:old", "urn:new");
    }

    @Test
    void anUntouchedArticleKeepsTheExtrasOfItsImages() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/store/unknown-fields.json")) {
            Files.copy(in, file());
        }
        store().add("Reading list", article("urn:new"));
        JsonNode image = fileJson().get("articles").get("urn:old").get("images").get(0);
        assertThat(image.get("x-width").asInt()).isEqualTo(1200);
        assertThat(image.get("credit").asText()).isEqualTo("AFP");
    }

    @Test
    void aHandWrittenFileInTheDocumentedShapeReads() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/store/valid.json")) {
            Files.copy(in, file());
        }
        Library lib = store().read();
        assertThat(lib.collections()).extracting(SavedCollection::name).containsExactly("Reading list", "Alps");
        assertThat(lib.newestFirst()).extracting(SavedCollection::name).containsExactly("Alps", "Reading list");
        assertThat(lib.collectionsOf("urn:b")).hasSize(2);
        assertThat(lib.articles().get("urn:a").item().published()).isEqualTo(Instant.parse("2026-11-19T08:00:00Z"));
    }

    // ---------------------------------------------------------------- output format

    private byte[] saveSample(Path file) throws Exception {
        CollectionStore store = new CollectionStore(file, Clock.fixed(NOW, ZoneOffset.UTC));
        store.create("Weekend");
        store.create("Alps");
        store.add("Weekend", article("zebra"));
        store.add("Weekend", article("alpha"));
        store.add("Alps", article("mango"));
        store.add("Alps", article("alpha"));
        return Files.readAllBytes(file);
    }

    @Test
    void theFileIsPrettyPrintedWithArticlesSortedByKey() throws Exception {
        String text = new String(saveSample(file()), StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n  \"format\" : \"tidings-collections\",\n  \"version\" : 1,\n")
                .endsWith("}\n").doesNotContain("\r").doesNotContain("\t");
        int articles = text.indexOf("\"articles\" : {");
        assertThat(articles).isPositive();
        String tail = text.substring(articles);
        assertThat(tail.indexOf("\n    \"alpha\" : {")).isPositive()
                .isLessThan(tail.indexOf("\n    \"mango\" : {"));
        assertThat(tail.indexOf("\n    \"mango\" : {")).isLessThan(tail.indexOf("\n    \"zebra\" : {"));
        // a collection keeps its articles in the order they were added
        assertThat(reread().find("Weekend").orElseThrow().articles()).containsExactly("zebra", "alpha");
        // one article per line: a change to one article is a change to its line only
        assertThat(text.lines().filter(l -> l.contains("\"title\":"))).hasSize(3);
    }

    @Test
    void theSameContentSavedTwiceGivesByteIdenticalFiles() throws Exception {
        byte[] first = saveSample(dir.resolve("one/c.json"));
        byte[] second = saveSample(dir.resolve("two/c.json"));
        assertThat(second).isEqualTo(first);

        CollectionStore store = new CollectionStore(dir.resolve("one/c.json"), Clock.fixed(NOW, ZoneOffset.UTC));
        store.add("Weekend", article("zebra")); // saved again: nothing changes
        assertThat(Files.readAllBytes(dir.resolve("one/c.json"))).isEqualTo(first);
    }

    @Test
    void aChangeTouchesOnlyTheLinesItChanges() throws Exception {
        saveSample(file());
        List<String> before = Files.readAllLines(file());
        store().remove("Alps", "mango");
        List<String> after = Files.readAllLines(file());
        List<String> removed = new ArrayList<>(before);
        removed.removeAll(after);
        // the key in the collection and the article's own lines; no other line moves
        assertThat(removed).isNotEmpty().allMatch(l -> l.contains("mango"), "only lines about mango");
        assertThat(after).anyMatch(l -> l.startsWith("    \"zebra\" : {"))
                .anyMatch(l -> l.startsWith("    \"alpha\" : {"));
    }

    // ---------------------------------------------------------------- move aside

    @Test
    void movingAsideRenamesTheFileToATimestampedBackupAndTheNextSaveStartsANewOne() throws Exception {
        saveSample(file());
        byte[] original = Files.readAllBytes(file());
        CollectionStore store = new CollectionStore(file(), Clock.fixed(NOW, ZoneOffset.UTC));

        Path backup = store.moveAside();
        assertThat(backup.getParent()).isEqualTo(store.file().getParent());
        assertThat(backup.getFileName().toString()).matches("c\\.json\\.bad-2026-?11-?25T085400Z");
        assertThat(Files.readAllBytes(backup)).isEqualTo(original);
        assertThat(file()).doesNotExist();
        assertThat(store.read().collections()).isEmpty();

        store.create("Fresh start");
        assertThat(reread().collections()).extracting(SavedCollection::name).containsExactly("Fresh start");
        assertThat(Files.readAllBytes(backup)).isEqualTo(original);

        Path second = store.moveAside(); // same second: a second backup, the first is kept
        assertThat(second).isNotEqualTo(backup);
        assertThat(second.getFileName().toString()).startsWith("c.json.bad-");
        assertThat(Files.readAllBytes(backup)).isEqualTo(original);
        assertThat(store.moveAside()).isNull(); // nothing left to move
    }
}
