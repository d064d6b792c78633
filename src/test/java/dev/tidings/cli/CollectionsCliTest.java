package dev.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.feed.Detail;
import dev.tidings.feed.Feeds;
import dev.tidings.model.Feed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectionsCliTest {
    @TempDir
    Path dir;
    Path file;
    Map<String, String> env;

    @BeforeEach
    void setUp() {
        file = dir.resolve("data/tidings/collections.json");
        env = Map.of("TIDINGS_COLLECTIONS", file.toString());
    }

    Cli run(String... args) {
        return Cli.runWith(env, "", false, args);
    }

    @Test
    void createAddShowAndReadOfflineAfterTheFeedIsGone() throws IOException {
        Path feed = dir.resolve("feed.xml");
        Files.copy(Path.of(CliTest.RSS), feed);
        assertThat(run("collections", "list").out).startsWith("No collections yet");
        assertThat(run("collections", "create", "Afghanistan").code).isZero();
        assertThat(run("collections", "create", "Work").code).isZero();
        Cli add = run("collections", "add", "Afghanistan", feed.toString(), "--item", "7");
        assertThat(add.code).as(add.toString()).isZero();
        assertThat(run("collections", "add", "work", feed.toString(), "--id", "tidings-sample-007").code).isZero();
        assertThat(run("collections", "add", "Work", feed.toString(), "--item", "1").code).isZero();
        Files.delete(feed);

        Cli list = run("collections", "list");
        assertThat(list.out).contains("2  ").contains("Work").contains("Afghanistan");
        Cli show = run("collections", "show", "Work");
        assertThat(show.out.lines()).hasSize(2);
        assertThat(show.out).contains("Alpine valley races").contains("دهاقین هرات");
        JsonNode shown = new ObjectMapper().readTree(run("collections", "show", "Work", "--format", "json").out);
        JsonNode headline = shown.get("items").get(0);
        assertThat(headline.fieldNames()).toIterable().containsExactly(CliTest.HEADLINE_MEMBERS);
        assertThat(headline.get("feed").get("title").asText()).isEqualTo("Tidings Sample News");

        Cli dump = run("dump", "--collection", "Afghanistan", "--width", "72");
        assertThat(dump.code).as(dump.toString()).isZero();
        assertThat(dump.out).startsWith("دهاقین هرات").contains("[Image: ").contains("Source: AFP")
                .contains("Read more: https://news.example.org/2026/11/");
        // the same article in both collections is stored once
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.get("articles").size()).isEqualTo(2);
        assertThat(root.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void renameRemoveDeleteAndTheirErrors() {
        run("collections", "create", "Later");
        run("collections", "add", "Later", CliTest.RSS, "--item", "2");
        assertThat(run("collections", "rename", "later", "Read Later").code).isZero();
        Cli missing = run("collections", "show", "Nope");
        assertThat(missing.code).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err).isEqualTo("tidings: no collection named 'Nope'. Known: Read Later"
                + " (see 'tidings collections show --help')\n");
        Cli dup = run("collections", "create", "READ LATER");
        assertThat(dup.code).isEqualTo(ExitCodes.USAGE);
        assertThat(dup.err).contains("exists already");
        Cli badName = run("collections", "create", "bad\u001bname");
        assertThat(badName.code).isEqualTo(ExitCodes.USAGE);
        assertThat(badName.err).contains("control character").doesNotContain("\u001b");
        assertThat(run("collections", "remove", "Read Later", "tidings-sample-002").code).isZero();
        assertThat(run("collections", "remove", "Read Later", "tidings-sample-002").code).isEqualTo(ExitCodes.USAGE);
        assertThat(run("collections", "delete", "Read Later").code).isZero();
        assertThat(run("collections", "list").out).startsWith("No collections yet");
    }

    @Test
    void aCorruptFileIsExitFiveAndStaysAsItWas() throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[0]);
        Cli c = run("collections", "create", "X");
        assertThat(c.code).isEqualTo(ExitCodes.STORE);
        assertThat(c.err).contains(file.toString()).contains("empty").contains("move-aside").hasLineCount(1);
        assertThat(Files.size(file)).isZero();
        Cli aside = run("collections", "move-aside");
        assertThat(aside.code).isZero();
        assertThat(aside.out).contains(".bad-");
        assertThat(run("collections", "create", "X").code).isZero();
    }

    @Test
    void aPathThatIsNotAFileIsNeverRenamedNorGivenALock() throws IOException {
        Path notAFile = Files.createDirectories(dir.resolve("somebody/tmp"));
        Files.writeString(notAFile.resolve("theirs.txt"), "theirs");
        for (String[] args : new String[][] {
                {"collections", "move-aside", "--collections-file", notAFile.toString()},
                {"collections", "create", "X", "--collections-file", notAFile.toString()}}) {
            Cli c = run(args);
            assertThat(c.code).as(c.toString()).isEqualTo(ExitCodes.STORE);
            assertThat(c.err).contains(notAFile.toString()).contains("is a directory").hasLineCount(1);
        }
        assertThat(notAFile.resolve("theirs.txt")).hasContent("theirs");
        try (var listing = Files.list(notAFile.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("tmp");
        }
    }

    @Test
    void collectionsFileOptionWinsOverTheEnvironment() {
        Path other = dir.resolve("other.json");
        assertThat(run("collections", "--collections-file", other.toString(), "create", "A").code).isZero();
        assertThat(run("--collections-file", other.toString(), "collections", "list").out).contains("A");
        assertThat(Files.exists(other)).isTrue();
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void exportsAtomThatAReaderCanSubscribeTo() throws Exception {
        run("collections", "create", "Picks");
        run("collections", "add", "Picks", CliTest.RSS, "--item", "1");
        run("collections", "add", "Picks", CliTest.JSON, "--item", "8");
        Cli atom = run("collections", "export", "Picks", "--format", "atom");
        assertThat(atom.code).as(atom.toString()).isZero();
        Feed f = Feeds.parse(atom.out.getBytes(StandardCharsets.UTF_8), null, null, Detail.FULL);
        assertThat(f.title()).isEqualTo("Picks");
        assertThat(f.items()).hasSize(2);
        assertThat(f.items().get(0).link()).startsWith("https://news.example.org/2026/11/");
        assertThat(f.items().get(0).contentHtml()).contains("<figure>");

        Cli opml = run("collections", "export", "Picks", "--format", "opml");
        assertThat(opml.out).startsWith("<?xml").contains("<opml version=\"2.0\">").contains("type=\"link\"");
        Cli md = run("collections", "export", "Picks", "--format", "markdown");
        assertThat(md.out).startsWith("# Picks").contains("## Alpine valley");
        Cli json = run("collections", "export", "Picks", "--format", "json");
        assertThat(json.out).contains("\"items\"").contains("\"images\"");
    }

    @Test
    void atomExportKeepsTheLeadImageWithItsCaptionAndCredit() throws Exception { // issue #11
        Path feed = dir.resolve("photo-desk.xml");
        Files.writeString(feed, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Photo desk</title>
                <item><title>Harbour at dawn</title><link>https://photos.example.org/harbour</link>
                <guid>harbour-1</guid><description>&lt;p&gt;The boats came in early.&lt;/p&gt;</description>
                <media:thumbnail url="https://cdn.example.org/harbour-thumb.jpg"/>
                <media:content url="https://cdn.example.org/harbour.jpg" medium="image">
                  <media:description>Trawlers unload at first light. (AP Photo/Ruth Klein)</media:description>
                </media:content></item></channel></rss>
                """, StandardCharsets.UTF_8);
        run("collections", "create", "Boats");
        assertThat(run("collections", "add", "Boats", feed.toString(), "--item", "1").code).isZero();
        Cli atom = run("collections", "export", "Boats", "--format", "atom");
        assertThat(atom.code).as(atom.toString()).isZero();
        Feed f = Feeds.parse(atom.out.getBytes(StandardCharsets.UTF_8), null, null, Detail.FULL);
        String html = f.items().get(0).contentHtml();
        assertThat(html).contains("<img src=\"https://cdn.example.org/harbour.jpg\"")
                .contains("<figcaption>Trawlers unload at first light. <small>Source: AP Photo/Ruth Klein</small>")
                .contains("The boats came in early.").doesNotContain("harbour-thumb");
        Path exported = dir.resolve("boats.atom");
        Files.writeString(exported, atom.out, StandardCharsets.UTF_8);
        Cli dump = run("dump", exported.toString(), "--width", "72");
        assertThat(dump.out).contains("[Image: Trawlers unload at first light.]\nSource: AP Photo/Ruth Klein\n");
    }

    @Test
    void aSavedEpisodeKeepsItsAudioInTheFileTheArticleAndTheExports() throws Exception { // issue #13
        Path feed = dir.resolve("harbour-talk.xml");
        Files.writeString(feed, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
                <title>Harbour Talk</title><item><title>Episode 7: the night ferry</title>
                <link>https://pod.example.org/7</link><guid>pod-7</guid>
                <description>&lt;p&gt;Forty years on the last night ferry.&lt;/p&gt;</description>
                <enclosure url="https://cdn.pod.example.org/ep7.mp3" type="audio/mpeg" length="31457280"/>
                <itunes:duration>52:10</itunes:duration></item></channel></rss>
                """, StandardCharsets.UTF_8);
        run("collections", "create", "Listen later");
        assertThat(run("collections", "add", "Listen later", feed.toString(), "--item", "1").code).isZero();
        Files.delete(feed); // from here on only the collections file has it

        Cli dump = run("dump", "--collection", "Listen later", "--item", "1", "--width", "72");
        assertThat(dump.out).as(dump.toString()).contains("Audio: audio/mpeg · 31.5 MB · 52:10 [1]")
                .contains("[1] https://cdn.pod.example.org/ep7.mp3");
        Cli json = run("collections", "export", "Listen later", "--format", "json");
        assertThat(json.out).contains("\"enclosures\"").contains("\"duration\" : 3130");
        Cli atom = run("collections", "export", "Listen later", "--format", "atom");
        Feed f = Feeds.parse(atom.out.getBytes(StandardCharsets.UTF_8), null, null, Detail.FULL);
        assertThat(f.items().get(0).enclosures()).singleElement().satisfies(x -> {
            assertThat(x.url()).isEqualTo("https://cdn.pod.example.org/ep7.mp3");
            assertThat(x.type()).isEqualTo("audio/mpeg");
            assertThat(x.length()).isEqualTo(31_457_280);
        });
    }
}
