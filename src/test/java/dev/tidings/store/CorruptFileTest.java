package dev.tidings.store;

import static dev.tidings.store.SampleArticles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tidings.model.SavedCollection;
import dev.tidings.model.Library;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CorruptFileTest {
    private static final FileTime OLD = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));
    private static byte[] valid;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadTheValidFile() throws IOException {
        try (InputStream in = CorruptFileTest.class.getResourceAsStream("/store/valid.json")) {
            valid = in.readAllBytes();
        }
    }

    private Path file() {
        return dir.resolve("collections.json");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The valid file with one piece of text replaced: a hand edit gone wrong. */
    private static byte[] edit(String from, String to) {
        String s = new String(valid, StandardCharsets.UTF_8);
        assertThat(s).contains(from);
        return utf8(s.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    static Stream<Arguments> corruptFiles() {
        return Stream.of(
                Arguments.of("zero-byte file", new byte[0], "is empty (0 bytes)"),
                Arguments.of("valid file cut in half", Arrays.copyOf(valid, valid.length / 2), "is not valid JSON"),
                Arguments.of("valid JSON then a NUL-filled tail", concat(valid, new byte[4096]),
                        "contains NUL bytes from offset " + valid.length),
                Arguments.of("all NUL", new byte[4096], "contains NUL bytes from offset 0"),
                // issue #16, found by CollectionsFuzzTest: "{" and NULs made Jackson read UTF-32 and throw
                Arguments.of("NULs after the brace (looks like UTF-32)", concat(utf8("{"), concat(new byte[54],
                        Arrays.copyOfRange(valid, 1, valid.length))), "contains NUL bytes from offset 1"),
                Arguments.of("UTF-16 with a byte order mark", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                        new String(valid, java.nio.charset.StandardCharsets.UTF_8)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_16LE)),
                        "contains NUL bytes from offset 3"),
                Arguments.of("not JSON", utf8("hello"), "is not valid JSON"),
                Arguments.of("invalid UTF-8", concat(Arrays.copyOf(valid, 40), new byte[] {(byte) 0xC3, (byte) 0x28}),
                        "is not valid JSON"),
                Arguments.of("a JSON array", utf8("[ { \"version\" : 1 } ]\n"), "does not have the shape"),
                Arguments.of("JSON null", utf8("null\n"), "holds JSON null"),
                Arguments.of("a JSON string", utf8("\"tidings-collections\"\n"), "does not have the shape"),
                Arguments.of("\"collections\": \"x\"", edit("\"collections\" : [", "\"collections\" : \"x\", \"c2\" : ["),
                        "does not have the shape"),
                Arguments.of("\"articles\" is an array", utf8("{ \"version\" : 1, \"collections\" : [ ], \"articles\" : [ ] }"),
                        "does not have the shape"),
                Arguments.of("a collection without a name", edit("\"name\" : \"Alps\",", ""),
                        "has a collection without a \"name\" or \"articles\""),
                Arguments.of("a collection that is null", utf8("{ \"version\" : 1, \"collections\" : [ null ], \"articles\" : { } }"),
                        "has a collection without a \"name\" or \"articles\""),
                Arguments.of("a reference to a missing article", edit("\"urn:a\", \"urn:b\"", "\"urn:a\", \"urn:missing\""),
                        "collection 'Reading list' lists article 'urn:missing' that is not in \"articles\""),
                Arguments.of("an article that is null", edit("\"articles\" : {", "\"articles\" : { \"urn:z\" : null,"),
                        "article 'urn:z' is null"),
                Arguments.of("a duplicate top-level key", edit("\"version\" : 1,", "\"version\" : 1, \"version\" : 1,"),
                        "Duplicate field 'version'"),
                Arguments.of("a duplicate article key", edit("\"urn:b\" : {", "\"urn:a\" : {"),
                        "Duplicate field 'urn:a'"),
                Arguments.of("trailing garbage after the object", concat(valid, utf8("garbage\n")), "is not valid JSON"),
                Arguments.of("a second object after the first", concat(valid, utf8("{ }\n")), "Trailing token"),
                Arguments.of("version 0", edit("\"version\" : 1,", "\"version\" : 0,"), "has no schema \"version\""),
                Arguments.of("version not a number", edit("\"version\" : 1,", "\"version\" : \"one\","),
                        "does not have the shape"),
                Arguments.of("another program's format", edit("\"tidings-collections\"", "\"bookmarks\""),
                        "has \"format\": \"bookmarks\""),
                Arguments.of("\"articles\" : null", utf8("{ \"version\" : 1, \"collections\" : [ ], \"articles\" : null }"),
                        "lacks \"collections\" or \"articles\""),
                Arguments.of("\"version\" : null", edit("\"version\" : 1,", "\"version\" : null,"),
                        "has no schema \"version\""),
                Arguments.of("two collections with one name", edit("\"name\" : \"Alps\"", "\"name\" : \"READING LIST\""),
                        "has two collections named 'READING LIST'"),
                Arguments.of("a collection name with a control character",
                        edit("\"name\" : \"Alps\"", "\"name\" : \"Alps\\u001b[2J\""),
                        "has a collection whose name has a control character"),
                Arguments.of("nesting deeper than 64", edit("\"version\" : 1,", "\"version\" : 1, \"x\" : "
                        + "[".repeat(200) + "]".repeat(200) + ","), "is not valid JSON"));
    }

    private static void changeEachWay(CollectionStore store, java.util.function.Consumer<Executable> check) {
        check.accept(() -> store.create("New"));
        check.accept(() -> store.rename("Reading list", "Renamed"));
        check.accept(() -> store.delete("Reading list"));
        check.accept(() -> store.add("Reading list", article("urn:new")));
        check.accept(() -> store.remove("Reading list", "urn:a"));
    }

    private static StoreException storeFailure(Executable e) {
        StoreException ex = catchThrowableOfType(StoreException.class, e::execute);
        assertThat(ex).as("a StoreException").isNotNull();
        return ex;
    }

    private void assertUntouched(byte[] bytes) throws IOException {
        assertThat(Files.readAllBytes(file())).as("the file's bytes").isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(file())).as("the file's mtime").isEqualTo(OLD);
        assertThat(SampleArticles.tempFiles(file())).as("temp files").isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("corruptFiles")
    void aCorruptFileIsReportedNamingTheFileAndTheProblemAndIsLeftByteForByteAsItWas(String what, byte[] bytes,
            String problem) throws Exception {
        Files.write(file(), bytes);
        Files.setLastModifiedTime(file(), OLD);
        CollectionStore store = new CollectionStore(file());

        StoreException read = storeFailure(store::read);
        assertThat(read.kind()).isEqualTo(StoreException.Kind.CORRUPT);
        assertThat(read.getMessage()).startsWith(store.file() + ": ").contains(problem)
                .contains("left untouched").contains("'tidings collections move-aside'")
                .doesNotContain("\n").doesNotContain("\u001b");

        changeEachWay(store, change -> {
            StoreException e = storeFailure(change);
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(StoreException.Kind.CORRUPT);
            assertThat(e.getMessage()).startsWith(store.file() + ": ").contains(problem).contains("move-aside");
        });
        assertThat(store.readOnly()).isFalse();
        assertUntouched(bytes);
    }

    @Test
    void aValidFileCutShortAnywhereIsRefusedNeverHalfRead() throws Exception {
        CollectionStore store = new CollectionStore(file());
        assertThat(store.parse(valid).collections).hasSize(2);
        for (int n = 0; n < valid.length - 2; n++) { // the last byte is the newline: without it the file is whole
            byte[] cut = Arrays.copyOf(valid, n);
            StoreException e = catchThrowableOfType(StoreException.class, () -> store.parse(cut));
            assertThat(e).as("cut at %d bytes", n).isNotNull();
            assertThat(e.kind()).isEqualTo(StoreException.Kind.CORRUPT);
        }
    }

    @Test
    void aCorruptFileMovedAsideMakesRoomForANewOne() throws Exception {
        byte[] bytes = concat(valid, new byte[512]);
        Files.write(file(), bytes);
        CollectionStore store = new CollectionStore(file());
        assertThatThrownBy(store::read).isInstanceOf(StoreException.class);

        Path backup = store.moveAside();
        assertThat(backup.getFileName().toString()).startsWith("collections.json.bad-");
        assertThat(Files.readAllBytes(backup)).isEqualTo(bytes);
        assertThat(store.read()).isEqualTo(Library.EMPTY);
        store.create("Fresh");
        assertThat(new CollectionStore(file()).read().collections()).extracting(SavedCollection::name).containsExactly("Fresh");
        assertThat(Files.readAllBytes(backup)).isEqualTo(bytes);
    }

    @Test
    void aFileDamagedBehindTheStoresBackIsNoticedAtTheNextChange() throws Exception {
        CollectionStore store = new CollectionStore(file());
        store.create("A");
        store.read();
        byte[] damaged = Arrays.copyOf(Files.readAllBytes(file()), 20);
        Files.write(file(), damaged);
        Files.setLastModifiedTime(file(), OLD);
        StoreException e = storeFailure(() -> store.add("A", article("k")));
        assertThat(e.kind()).isEqualTo(StoreException.Kind.CORRUPT);
        assertUntouched(damaged);
    }

    // ---------------------------------------------------------------- bugs found while testing

    static Stream<Arguments> objectsMissingRequiredMembers() {
        return Stream.of(
                Arguments.of("an empty object", utf8("{ }\n")),
                Arguments.of("another program's JSON", utf8("{ \"name\" : \"my-app\", \"dependencies\" : { } }\n")),
                Arguments.of("no version", edit("\"version\" : 1,", "")),
                Arguments.of("no collections", utf8("{ \"format\" : \"tidings-collections\", \"version\" : 1, \"articles\" : { } }")),
                Arguments.of("no articles", utf8("{ \"format\" : \"tidings-collections\", \"version\" : 1, \"collections\" : [ ] }")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("objectsMissingRequiredMembers")
    void aJsonObjectWithoutTheRequiredMembersIsReportedAsCorrupt(String what, byte[] bytes) throws Exception {
        Files.write(file(), bytes);
        Files.setLastModifiedTime(file(), OLD);
        CollectionStore store = new CollectionStore(file());
        assertThat(storeFailure(store::read).kind()).isEqualTo(StoreException.Kind.CORRUPT);
        changeEachWay(store, change -> assertThat(storeFailure(change).kind()).isEqualTo(StoreException.Kind.CORRUPT));
        assertUntouched(bytes);
    }

    @Test
    void anArticleWithAnEmptyKeyIsReportedAsCorrupt() throws Exception {
        Files.write(file(), edit("\"articles\" : {", "\"articles\" : { \"\" : { \"title\" : \"t\" },"));
        CollectionStore store = new CollectionStore(file());
        assertThat(storeFailure(store::read).kind()).isEqualTo(StoreException.Kind.CORRUPT);
    }

    @Test
    void anArticleWhoseIdIsOnlyControlCharactersStillReads() throws Exception {
        Files.write(file(), edit("\"id\" : \"urn:a\"", "\"id\" : \"\\u001b[0m\\u0007\""));
        Library lib = new CollectionStore(file()).read();
        assertThat(lib.articles().get("urn:a").item().id()).isEqualTo("urn:a");
    }

    // ---------------------------------------------------------------- newer version

    @Test
    void aFileFromANewerTidingsOpensReadOnlyAndEveryChangeIsRefused() throws Exception {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/store/newer-version.json")) {
            bytes = in.readAllBytes();
        }
        Files.write(file(), bytes);
        Files.setLastModifiedTime(file(), OLD);
        CollectionStore store = new CollectionStore(file());

        Library lib = store.read();
        assertThat(store.readOnly()).isTrue();
        assertThat(lib.find("Reading list").orElseThrow().articles()).containsExactly("urn:old");
        assertThat(lib.articles().get("urn:old").item().title()).isEqualTo("Saved by Tidings 2");

        changeEachWay(store, change -> {
            StoreException e = storeFailure(change);
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(StoreException.Kind.NEWER_VERSION);
            assertThat(e.getMessage()).startsWith(store.file() + ": ").contains("schema version 2")
                    .contains("read-only");
        });
        assertUntouched(bytes);
        assertThat(new CollectionStore(file()).readOnly()).as("before reading, nothing is known").isFalse();
    }

    @Test
    void aNewerFileMovedAsideMakesTheStoreWritableAgain() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/store/newer-version.json")) {
            Files.copy(in, file());
        }
        CollectionStore store = new CollectionStore(file());
        store.read();
        store.moveAside();
        assertThat(store.readOnly()).isFalse();
        store.create("Mine");
        assertThat(store.read().collections()).hasSize(1);
    }

    @Test
    void aStoreThatSawANewerFileCanWriteOnceThatFileIsGone() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/store/newer-version.json")) {
            Files.copy(in, file());
        }
        CollectionStore store = new CollectionStore(file());
        store.read();
        Files.move(file(), dir.resolve("kept-by-hand.json"));
        store.create("Mine");
        assertThat(store.readOnly()).isFalse();
    }

    // ---------------------------------------------------------------- not a file

    @Test
    void aDirectoryWhereTheFileShouldBeIsRefusedAsNotAFile() throws Exception {
        Files.createDirectory(file());
        CollectionStore store = new CollectionStore(file());
        StoreException e = storeFailure(store::read);
        assertThat(e.kind()).isEqualTo(StoreException.Kind.NOT_A_FILE);
        assertThat(e.getMessage()).startsWith(store.file() + ": ").contains("is a directory");
        changeEachWay(store, change -> assertThat(storeFailure(change).kind()).isEqualTo(StoreException.Kind.NOT_A_FILE));
        assertThat(file()).isEmptyDirectory();
        assertThat(SampleArticles.tempFiles(file())).isEmpty();
        assertThat(dir.resolve("collections.json.lock")).as("no lock file is created beside a refused path").doesNotExist();
    }

    @Test
    void moveAsideNeverRenamesADirectory() throws Exception {
        Files.createDirectory(file());
        Files.writeString(file().resolve("someone-elses.txt"), "keep me");
        CollectionStore store = new CollectionStore(file());
        StoreException e = storeFailure(store::moveAside);
        assertThat(e.kind()).isEqualTo(StoreException.Kind.NOT_A_FILE);
        assertThat(e.getMessage()).startsWith(store.file() + ": ").contains("is a directory").doesNotContain("\n");
        assertThat(file().resolve("someone-elses.txt")).hasContent("keep me");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("collections.json");
        }
    }

    @Test
    void moveAsideNeverRenamesAFifo() throws Exception {
        makeFifo(file());
        CollectionStore store = new CollectionStore(file());
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            StoreException e = storeFailure(store::moveAside);
            assertThat(e.kind()).isEqualTo(StoreException.Kind.NOT_A_FILE);
            assertThat(e.getMessage()).contains("not a regular file");
        });
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("collections.json");
        }
    }

    @Test
    void aLockPathThatIsADirectoryIsRefusedBeforeAnythingIsWritten() throws Exception {
        Files.createDirectory(dir.resolve("collections.json.lock"));
        CollectionStore store = new CollectionStore(file());
        StoreException e = storeFailure(() -> store.create("New"));
        assertThat(e.kind()).isEqualTo(StoreException.Kind.NOT_A_FILE);
        assertThat(e.getMessage()).contains("collections.json.lock").contains("is a directory");
        assertThat(file()).doesNotExist();
    }

    @Test
    void moveAsideOfALinkMovesTheDamagedFileItPointsAt() throws Exception {
        Path real = dir.resolve("real.json");
        Files.write(real, new byte[0]);
        Files.createSymbolicLink(file(), real);
        Path backup = new CollectionStore(file()).moveAside();
        assertThat(backup.getFileName().toString()).startsWith("real.json.bad-");
        assertThat(real).doesNotExist();
        assertThat(Files.isSymbolicLink(file())).isTrue();
    }

    private static void makeFifo(Path p) throws Exception {
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder(List.of("mkfifo", p.toString())).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
    }

    @Test
    void aFifoWhereTheFileShouldBeIsRefusedWithoutBlocking() throws Exception {
        makeFifo(file());
        CollectionStore store = new CollectionStore(file());
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            StoreException e = storeFailure(store::read);
            assertThat(e.kind()).isEqualTo(StoreException.Kind.NOT_A_FILE);
            assertThat(e.getMessage()).startsWith(store.file() + ": ").contains("not a regular file");
            changeEachWay(store, change -> assertThat(storeFailure(change).kind())
                    .isEqualTo(StoreException.Kind.NOT_A_FILE));
        }, "opening a FIFO blocks until a writer comes: the store must not open it");
        assertThat(Files.isRegularFile(file())).isFalse();
        assertThat(SampleArticles.tempFiles(file())).isEmpty();
        assertThat(dir.resolve("collections.json.lock")).as("no lock file is created beside a refused path").doesNotExist();
    }

    // ---------------------------------------------------------------- cannot write

    /** A disk that fills up after {@code room} bytes of the temp file. */
    private static CollectionStore.Sink fullAfter(int room) {
        return (ch, buf) -> {
            ByteBuffer part = buf.duplicate();
            part.limit(Math.min(buf.limit(), buf.position() + room));
            while (part.hasRemaining()) {
                ch.write(part);
            }
            throw new IOException("No space left on device");
        };
    }

    @Test
    void aFullDiskFailsTheSaveLeavesTheOldFileAndNoTempFileAndTheNextSaveWorks() throws Exception {
        CollectionStore store = new CollectionStore(file());
        store.create("A");
        store.add("A", article("kept"));
        byte[] before = Files.readAllBytes(file());
        Files.setLastModifiedTime(file(), OLD);

        store.sink(fullAfter(100));
        StoreException e = storeFailure(() -> store.add("A", article("lost")));
        assertThat(e.kind()).isEqualTo(StoreException.Kind.IO);
        assertThat(e.getMessage()).startsWith(store.file() + ": cannot save (No space left on device)")
                .contains("not changed");
        assertThat(storeFailure(() -> store.create("B")).kind()).isEqualTo(StoreException.Kind.IO);
        assertUntouched(before);
        assertThat(store.read().articles()).as("the failed change is not kept in memory either").containsOnlyKeys("kept");

        store.sink((ch, buf) -> {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        });
        store.add("A", article("next"));
        assertThat(new CollectionStore(file()).read().find("A").orElseThrow().articles())
                .containsExactly("kept", "next");

        new CollectionStore(file()).add("A", article("later"));
        assertThat(new CollectionStore(file()).read().articles()).containsOnlyKeys("kept", "next", "later");
        assertThat(SampleArticles.tempFiles(file())).isEmpty();
    }

    @Test
    void aDiskFullBeforeTheFirstSaveLeavesNoFileAtAll() throws Exception {
        CollectionStore store = new CollectionStore(file());
        store.sink(fullAfter(0));
        assertThat(storeFailure(() -> store.create("A")).kind()).isEqualTo(StoreException.Kind.IO);
        assertThat(file()).doesNotExist();
        assertThat(SampleArticles.tempFiles(file())).isEmpty();
        assertThat(store.read()).isEqualTo(Library.EMPTY);
    }

    @Test
    void aReadOnlyDirectoryFailsTheSaveWithPermissionDeniedAndLeavesTheFile() throws Exception {
        CollectionStore store = new CollectionStore(file());
        store.create("A");
        byte[] before = Files.readAllBytes(file());
        Files.setLastModifiedTime(file(), OLD);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        try {
            if (Files.isWritable(dir)) {
                Assumptions.abort("running as root (or with CAP_DAC_OVERRIDE): a 0500 directory is still writable,"
                        + " so a read-only directory cannot be simulated here");
            }
            StoreException e = storeFailure(() -> store.add("A", article("k")));
            assertThat(e.kind()).isEqualTo(StoreException.Kind.IO);
            assertThat(e.getMessage()).startsWith(store.file() + ": ").contains("permission denied");
            assertUntouched(before);
            assertThat(new CollectionStore(file()).read().find("A").orElseThrow().articles()).isEmpty();
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
