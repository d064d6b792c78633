package dev.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tidings.model.SavedCollection;
import dev.tidings.model.Library;
import dev.tidings.model.SavedArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The collections file read by the streaming parser and written from kept article bytes: the same
 * file as the data-binding code wrote before, byte for byte, and the quick index read.
 */
class WireTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:54:00Z");
    private static final FileTime OLD = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("c.json");
    }

    private CollectionStore store() {
        return new CollectionStore(file(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WireTest.class.getResourceAsStream("/store/" + name)) {
            return in.readAllBytes();
        }
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A file with unknown members everywhere, hostile-looking keys and several articles. */
    private byte[] richFile() throws Exception {
        Files.write(file(), resource("unknown-fields.json"));
        return plainFile();
    }

    /** Hostile-looking names and keys, in the layout Tidings writes (no unknown top-level members). */
    private byte[] plainFile() throws Exception {
        CollectionStore store = store();
        if (store.read().find("Reading list").isEmpty()) {
            store.create("Reading list");
        }
        store.create("Ünïcödé ✓ \"quoted\" \\ back");
        store.add("Reading list", SampleArticles.article("urn:new"));
        store.add("Reading list", SampleArticles.article("https://x.example/a?b=1&c=\"2\""));
        store.add("Ünïcödé ✓ \"quoted\" \\ back", SampleArticles.article("emoji 🙂 key\u2028"));
        store.add("Ünïcödé ✓ \"quoted\" \\ back", SampleArticles.realistic("r1", 1, NOW));
        return Files.readAllBytes(file());
    }

    // ---------------------------------------------------------------- what the old code wrote

    /** The file class the data-binding code read and wrote before the streaming parser. */
    @JsonPropertyOrder({"format", "version", "collections", "articles"})
    static final class OldFile extends Dto.Extensible {
        public String format;
        public Integer version;
        public List<Dto.CollectionDto> collections;
        public TreeMap<String, Dto.ArticleDto> articles;
    }

    /** The annotations the article and picture classes had for data binding. */
    @JsonPropertyOrder({"id", "title", "link", "feedTitle", "feedUrl", "authors", "categories", "published",
        "updated", "savedAt", "images", "html"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract static class OldArticle {
    }

    @JsonPropertyOrder({"url", "caption", "credit"})
    abstract static class OldImage {
    }

    private static ObjectMapper oldMapper() {
        ObjectMapper m = new ObjectMapper();
        m.addMixIn(Dto.ArticleDto.class, OldArticle.class);
        m.addMixIn(Dto.ImageDto.class, OldImage.class);
        m.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(SerializationFeature.INDENT_OUTPUT);
        m.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        return m;
    }

    /** The previous CollectionStore.serialize, verbatim apart from names. */
    private static byte[] oldSerialize(OldFile dto) throws IOException {
        ObjectMapper m = oldMapper();
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
        pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        pp.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = m.getFactory().createGenerator(out)) {
            g.setCodec(m);
            g.setPrettyPrinter(pp);
            g.writeStartObject();
            g.writeStringField("format", dto.format == null ? Dto.FORMAT : dto.format);
            g.writeNumberField("version", dto.version);
            g.writeFieldName("collections");
            g.writeObject(dto.collections);
            g.writeObjectFieldStart("articles");
            for (Map.Entry<String, Dto.ArticleDto> e : dto.articles.entrySet()) {
                g.writeFieldName(e.getKey());
                g.writeRawValue(m.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(e.getValue()));
            }
            g.writeEndObject();
            for (Map.Entry<String, JsonNode> x : dto.extra().entrySet()) {
                g.writeFieldName(x.getKey());
                g.writeTree(x.getValue());
            }
            g.writeEndObject();
        }
        out.write('\n');
        return out.toByteArray();
    }

    @Test
    void theNewWriterWritesByteForByteWhatTheOldOneWroteAndEachReadsTheOther() throws Exception {
        byte[] written = richFile();
        OldFile old = oldMapper().readValue(written, OldFile.class); // the old code reads the new file
        byte[] oldBytes = oldSerialize(old);
        assertThat(JSON.readTree(oldBytes)).isEqualTo(JSON.readTree(written));

        // a file the old code wrote reads the same, and a save writes it byte for byte as the old code did
        Path other = dir.resolve("old.json");
        Files.write(other, oldBytes);
        CollectionStore store = new CollectionStore(other);
        assertThat(store.read()).isEqualTo(new CollectionStore(file()).read());
        store.create("Scratch");
        store.delete("Scratch");
        assertThat(text(Files.readAllBytes(other))).isEqualTo(text(oldBytes));

        // the same for a file in which every article was saved by Tidings (none edited by hand)
        Files.delete(file());
        byte[] plain = plainFile();
        assertThat(text(oldSerialize(oldMapper().readValue(plain, OldFile.class)))).isEqualTo(text(plain));
    }

    private static final String[] PIECES = {"a", "", "emoji \uD83D\uDE42", "\u2028x", "\u009b[31m", "q\"uote\\",
        "\u0001\u001b", "\u00fcn\u00ef", "\ud800", "tab\tnl\n", "<p>x</p>"};

    private static String piece(Random r) {
        int k = r.nextInt(PIECES.length + 2);
        return k >= PIECES.length ? null : PIECES[k] + (r.nextBoolean() ? "" : Integer.toString(r.nextInt(100)));
    }

    private static List<String> pieces(Random r) {
        if (r.nextInt(5) == 0) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            out.add(piece(r));
        }
        return out;
    }

    /** An article with any member null or odd, null pictures, and unknown members of every kind. */
    private static Dto.ArticleDto randomArticle(Random r) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Dto.ArticleDto a = new Dto.ArticleDto();
        a.id = piece(r);
        a.title = piece(r);
        a.link = piece(r);
        a.feedTitle = piece(r);
        a.feedUrl = piece(r);
        a.authors = pieces(r);
        a.categories = pieces(r);
        a.published = piece(r);
        a.updated = piece(r);
        a.savedAt = piece(r);
        a.html = piece(r);
        a.images = r.nextInt(5) == 0 ? null : new ArrayList<>();
        for (int i = a.images == null ? 0 : r.nextInt(3); i > 0; i--) {
            Dto.ImageDto im = r.nextInt(6) == 0 ? null : new Dto.ImageDto();
            if (im != null) {
                im.url = piece(r);
                im.caption = piece(r);
                im.credit = piece(r);
                if (r.nextInt(3) == 0) {
                    im.put("x-w" + r.nextInt(3), nodes.numberNode(r.nextInt()));
                }
            }
            a.images.add(im);
        }
        for (int i = r.nextInt(4); i > 0; i--) {
            String k = (r.nextBoolean() ? "z" : "a") + r.nextInt(10);
            switch (r.nextInt(4)) {
                case 0 -> a.put(k, nodes.nullNode());
                case 1 -> a.put(k, nodes.textNode(String.valueOf(piece(r))));
                case 2 -> a.put(k, nodes.objectNode().put("b", 1).put("a", piece(r)));
                default -> a.put(k, nodes.arrayNode().add(1.5).add(true).addNull());
            }
        }
        return a;
    }

    @Test
    void theMemberTableWritesEachArticleAsDataBindingDidAndReadsItBack() throws Exception {
        ObjectMapper old = oldMapper();
        Random r = new Random(42);
        for (int n = 0; n < 2000; n++) {
            Dto.ArticleDto a = randomArticle(r);
            byte[] line = WireWriter.oneLine(a);
            // encoded as the data-binding code did: a lone surrogate becomes '?'
            String expected = text(old.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(a)
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(text(line)).as("article %d", n).isEqualTo(expected);
            // a member left out reads as its default (an empty list): written again, the line is stable
            byte[] again = WireWriter.oneLine(WireReader.article(line, 0, line.length, true));
            byte[] third = WireWriter.oneLine(WireReader.article(again, 0, again.length, true));
            assertThat(text(third)).as("article %d read back", n).isEqualTo(text(again));
        }
    }

    @Test
    void aFileReadAndWrittenWithNoChangeIsByteIdentical() throws Exception {
        byte[] written = richFile();
        CollectionStore store = new CollectionStore(file());
        Dto.FileDto dto = store.parse(written);
        assertThat(WireWriter.serialize(dto)).isEqualTo(written);
        // and through the store: a change that changes nothing rewrites the same bytes
        store.add("Reading list", SampleArticles.article("urn:new"));
        assertThat(Files.readAllBytes(file())).isEqualTo(written);
    }

    @Test
    void anEmptyFileWithoutArticlesIsWrittenAsBefore() throws Exception {
        store().create("Empty");
        byte[] written = Files.readAllBytes(file());
        assertThat(text(written)).contains("\"articles\" : { }\n}\n");
        assertThat(oldSerialize(oldMapper().readValue(written, OldFile.class))).isEqualTo(written);
    }

    @Test
    void aHandEditedFileWithOddFormattingSavesOneArticlePerLineAndKeepsEveryMember() throws Exception {
        String odd = "{\"version\":1,\"x-top\":[1,2,{\"a\":null}],\"articles\":{\n"
                + "  \"urn:b\"  :  {\n\t\"id\" : \"urn:b\",  \"title\" : \"Multi\\nline \\\" title\",\n"
                + "     \"x-note\" : { \"deep\" : [ true, 1.50, \"s p a c e s\" ] }, \"html\" : \"<p>b</p>\" },\n"
                + "\"urn:a\":{ \"id\":\"urn:a\", \"title\":\"One line, odd spaces\" ,\"authors\":null,\"x\":7}\n"
                + "},\n\"collections\":[{\"articles\":[\"urn:a\",\"urn:b\"],\"name\":\"Hand\",\"x-c\":\"kept\"}],"
                + "\"format\":\"tidings-collections\"}";
        Files.writeString(file(), odd);
        JsonNode before = JSON.readTree(odd);
        store().add("Hand", SampleArticles.article("urn:c"));

        String saved = Files.readString(file());
        JsonNode after = JSON.readTree(saved);
        assertThat(after.get("articles").get("urn:a")).isEqualTo(before.get("articles").get("urn:a"));
        assertThat(after.get("articles").get("urn:b")).isEqualTo(before.get("articles").get("urn:b"));
        assertThat(after.get("x-top")).isEqualTo(before.get("x-top"));
        assertThat(after.get("collections").get(0).get("x-c").asText()).isEqualTo("kept");
        assertThat(saved.lines().filter(l -> l.startsWith("    \"urn:"))).hasSize(3)
                .allMatch(l -> l.endsWith("}") || l.endsWith("},"));
        assertThat(saved).startsWith("{\n  \"format\" : \"tidings-collections\",\n  \"version\" : 1,\n");
        Library lib = new CollectionStore(file()).read();
        assertThat(lib.articles().get("urn:b").item().title()).isEqualTo("Multi line \" title");
        assertThat(lib.find("Hand").orElseThrow().articles()).containsExactly("urn:a", "urn:b", "urn:c");
    }

    @Test
    void compactRemovesOnlyWhiteSpaceBetweenTokens() {
        byte[] in = "{ \"a b\" : [ 1 , \"x \\\" y\" ],\n\t\"c\" : \"\\\\\" }".getBytes(StandardCharsets.UTF_8);
        assertThat(text(WireScanner.compact(in, 0, in.length))).isEqualTo("{\"a b\":[1,\"x \\\" y\"],\"c\":\"\\\\\"}");
    }

    @Test
    void anArticleSavedAgainWithChangesKeepsItsUnknownMembersAndFirstSavedTime() throws Exception {
        Files.write(file(), resource("unknown-fields.json"));
        SavedArticle a = SampleArticles.article("urn:old");
        store().add("Reading list", a);
        JsonNode old = JSON.readTree(file().toFile()).get("articles").get("urn:old");
        assertThat(old.get("x-note").asText()).isEqualTo("read this again");
        assertThat(old.get("savedAt").asText()).isEqualTo("2026-11-20T10:01:00Z");
        assertThat(old.get("title").asText()).isEqualTo(a.item().title());
    }

    // ---------------------------------------------------------------- views

    @Test
    void articleViewsAreBuiltOnFirstUseAndReusedAfterAnotherProcessSaves() throws Exception {
        store().create("A");
        for (int i = 0; i < 5; i++) {
            store().add("A", SampleArticles.article("k" + i));
        }
        CollectionStore mine = new CollectionStore(file());
        Library first = mine.read();
        SavedArticle k1 = first.articles().get("k1");
        assertThat(first.articles().get("k1")).isSameAs(k1);
        assertThat(k1).isEqualTo(SampleArticles.article("k1"));

        new CollectionStore(file()).add("A", SampleArticles.article("other")); // another process
        Library second = mine.read();
        assertThat(second.articles()).containsKey("other");
        assertThat(second.articles().get("k1")).as("unchanged bytes keep their view").isSameAs(k1);
        assertThat(first.articles()).as("a library is a snapshot").doesNotContainKey("other");
    }

    @Test
    void aNulByteInsideAnArticleBodyIsReportedAsNul() throws Exception {
        store().create("A");
        store().add("A", SampleArticles.article("k"));
        byte[] b = Files.readAllBytes(file());
        int at = text(b).indexOf("Body of k");
        b[at] = 0;
        Files.write(file(), b);
        StoreException e = catchThrowableOfType(StoreException.class, () -> new CollectionStore(file()).read());
        assertThat(e.kind()).isEqualTo(StoreException.Kind.CORRUPT);
        assertThat(e.getMessage()).contains("contains NUL bytes from offset " + at);
        e = catchThrowableOfType(StoreException.class, () -> new CollectionStore(file()).readIndex());
        assertThat(e.getMessage()).contains("contains NUL bytes from offset " + at);
    }

    @Test
    void invalidUtf8InsideAnArticleBodyIsCorruptThoughTheBodyIsNotDecoded() throws Exception {
        store().create("A");
        store().add("A", SampleArticles.article("k"));
        byte[] b = Files.readAllBytes(file());
        int at = text(b).indexOf("Body of k");
        b[at] = (byte) 0xC3;
        b[at + 1] = (byte) 0x28;
        Files.write(file(), b);
        StoreException e = catchThrowableOfType(StoreException.class, () -> new CollectionStore(file()).read());
        assertThat(e.kind()).isEqualTo(StoreException.Kind.CORRUPT);
        assertThat(e.getMessage()).contains("is not valid JSON");
    }

    static Stream<Arguments> wrongShapesInsideAnArticle() {
        return Stream.of(
                Arguments.of("\"authors\" : [ \"Ana Alvarez\" ]", "\"authors\" : \"Ana Alvarez\""),
                Arguments.of("\"title\" : \"Alpine", "\"title\" : { }, \"t2\" : \"Alpine"),
                Arguments.of("\"images\" : [ ]", "\"images\" : [ \"x.jpg\" ]"),
                Arguments.of("\"images\" : [ ]", "\"images\" : { }"),
                Arguments.of("\"categories\" : [ \"Climate\" ]", "\"categories\" : [ [ \"Climate\" ] ]"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("wrongShapesInsideAnArticle")
    void aWrongShapeInsideAnArticleIsCorruptForTheStrictReadAndEveryChange(String from, String to) throws Exception {
        String valid = text(resource("valid.json"));
        assertThat(valid).contains(from);
        byte[] bytes = valid.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))
                .getBytes(StandardCharsets.UTF_8);
        Files.write(file(), bytes);
        Files.setLastModifiedTime(file(), OLD);
        CollectionStore store = new CollectionStore(file());
        StoreException e = catchThrowableOfType(StoreException.class, store::read);
        assertThat(e.kind()).isEqualTo(StoreException.Kind.CORRUPT);
        assertThat(e.getMessage()).startsWith(store.file() + ": does not have the shape of a collections file (line ");
        // the quick read does not look inside articles; the strict read before any change does
        assertThat(new CollectionStore(file()).readIndex().collections()).hasSize(2);
        StoreException change = catchThrowableOfType(StoreException.class,
                () -> new CollectionStore(file()).add("Alps", SampleArticles.article("n")));
        assertThat(change.kind()).isEqualTo(StoreException.Kind.CORRUPT);
        assertThat(Files.readAllBytes(file())).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(file())).isEqualTo(OLD);
    }

    // ---------------------------------------------------------------- the index read

    @Test
    void theIndexReadHasTheCollectionsOfTheStrictReadAndNoArticles() throws Exception {
        plainFile();
        assertThat(WireScanner.index(Files.readAllBytes(file()), new HashSet<>())).as("the quick path is taken").isNotNull();
        Library full = new CollectionStore(file()).read();
        CollectionStore store = new CollectionStore(file());
        Library index = store.readIndex();
        assertThat(index.collections()).isEqualTo(full.collections());
        assertThat(index.articles()).isEmpty();
        assertThat(index.isSaved("urn:new")).isTrue();
        assertThat(store.readOnly()).isFalse();
        assertThat(store.read()).isEqualTo(full); // the strict read after it
        assertThat(store.readIndex()).as("once read, the index is the full library").isEqualTo(full);
    }

    @Test
    void theIndexReadOfANewerFileOpensItReadOnly() throws Exception {
        Files.write(file(), resource("newer-version.json"));
        CollectionStore store = new CollectionStore(file());
        assertThat(store.readIndex().collections()).isNotEmpty();
        assertThat(store.readOnly()).isTrue();
    }

    @Test
    void theIndexReadOfAMissingFileIsEmpty() throws Exception {
        assertThat(store().readIndex()).isEqualTo(Library.EMPTY);
    }

    @Test
    void layoutsTidingsDoesNotWriteAreLeftToTheStrictRead() throws Exception {
        String articlesFirst = "{ \"articles\" : { \"a\" : { \"id\" : \"a\" } }, \"version\" : 1, "
                + "\"collections\" : [ { \"name\" : \"C\", \"articles\" : [ \"a\" ] } ] }";
        String somethingAfter = "{ \"version\" : 1, \"collections\" : [ { \"name\" : \"C\", \"articles\" : [ \"a\" ] } ], "
                + "\"articles\" : { \"a\" : { \"id\" : \"a\" } }, \"x\" : 1 }";
        assertThat(WireScanner.index(articlesFirst.getBytes(StandardCharsets.UTF_8), new HashSet<>())).isNull();
        assertThat(WireScanner.index(somethingAfter.getBytes(StandardCharsets.UTF_8), new HashSet<>())).isNull();
        for (String s : List.of(articlesFirst, somethingAfter)) {
            Files.writeString(file(), s);
            Library lib = new CollectionStore(file()).readIndex();
            assertThat(lib.find("C").orElseThrow().articles()).containsExactly("a");
        }
    }

    static Stream<Arguments> corruptForTheIndex() throws IOException {
        String valid = text(resource("valid.json"));
        return Stream.of(
                Arguments.of("cut in the articles", valid.substring(0, valid.indexOf("urn:b\" : {") + 40),
                        "is not valid JSON"),
                Arguments.of("cut after the articles", valid.substring(0, valid.lastIndexOf('}')), "is not valid JSON"),
                Arguments.of("an article key twice", valid.replace("\"urn:b\" : {", "\"urn:a\" : {"),
                        "Duplicate field 'urn:a'"),
                Arguments.of("a reference to a missing article", valid.replace("\"urn:a\", \"urn:b\"", "\"urn:a\", \"urn:x\""),
                        "lists article 'urn:x' that is not in \"articles\""),
                Arguments.of("an unclosed string", valid.replace("\"<p>Engineers", "\"<p>Engineers\n"), "is not valid JSON"),
                Arguments.of("an article that is a string", valid.replace("\"urn:b\" : {", "\"urn:c\" : \"x\", \"urn:b\" : {"),
                        "does not have the shape"),
                Arguments.of("trailing garbage", valid + "x", "is not valid JSON"),
                Arguments.of("an object after the document", valid + "{ }", "Trailing token"),
                Arguments.of("version 0", valid.replace("\"version\" : 1", "\"version\" : 0"), "has no schema \"version\""),
                Arguments.of("a bad collection name", valid.replace("\"name\" : \"Alps\"", "\"name\" : \"\""),
                        "has a collection whose name is empty"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("corruptForTheIndex")
    void theIndexReadOfACorruptFileReportsWhatTheStrictReadReportsAndTouchesNothing(String what, String content,
            String problem) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Files.write(file(), bytes);
        Files.setLastModifiedTime(file(), OLD);
        StoreException strict = catchThrowableOfType(StoreException.class, () -> new CollectionStore(file()).read());
        StoreException index = catchThrowableOfType(StoreException.class, () -> new CollectionStore(file()).readIndex());
        assertThat(index).as("the index read refuses it").isNotNull();
        assertThat(index.kind()).isEqualTo(StoreException.Kind.CORRUPT);
        assertThat(index.getMessage()).isEqualTo(strict.getMessage()).contains(problem).startsWith(file() + ": ");
        assertThat(Files.readAllBytes(file())).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(file())).isEqualTo(OLD);
    }

    @Test
    void theArticleScanFindsKeysWithEscapesAndNonAsciiCharacters() {
        byte[] b = "{ \"a\\\"b\" : { \"x\" : \"}\" }, \"ü\\u00e9\" : { \"y\" : [ { } ] } }".getBytes(StandardCharsets.UTF_8);
        HashSet<String> keys = new HashSet<>();
        assertThat(WireScanner.scanArticles(b, 0, keys)).isEqualTo(b.length);
        assertThat(keys).containsExactlyInAnyOrder("a\"b", "üé");
    }

    @Test
    void theCollectionsOfTheIndexAreTheModel() throws Exception {
        plainFile();
        Library index = new CollectionStore(file()).readIndex();
        List<String> names = new ArrayList<>();
        for (SavedCollection c : index.newestFirst()) {
            names.add(c.name());
        }
        assertThat(names).contains("Reading list", "Ünïcödé ✓ \"quoted\" \\ back");
        assertThat(index.find("reading LIST").orElseThrow().articles()).contains("urn:new");
    }
}
