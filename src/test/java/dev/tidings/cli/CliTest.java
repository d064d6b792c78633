package dev.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.testing.Golden;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    static final String RSS = "sample-feed/tidings-sample.rss.xml";
    static final String ATOM = "sample-feed/tidings-sample.atom.xml";
    static final String JSON = "sample-feed/tidings-sample.json";
    static final Path GOLDEN = Path.of("src/test/resources/cli");
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aMistypedCommandIsNamedNotOpenedAsAFeed() {
        Cli c = Cli.runWith(java.util.Map.of("TERM", "xterm"), "", true, "lsit");
        assertThat(c.code).isEqualTo(ExitCodes.USAGE);
        assertThat(c.err).isEqualTo("tidings: 'lsit' is neither a feed file nor a command; did you mean 'tidings list'?"
                + " (see 'tidings --help')\n");
        Cli options = Cli.runWith(java.util.Map.of("TERM", "xterm"), "", true, "--theme", "mono", "colections");
        assertThat(options.err).contains("did you mean 'tidings collections'");
        assertThat(TidingsCommand.editDistance("dupm", "dump")).isEqualTo(2);
        assertThat(TidingsCommand.editDistance("", "list")).isEqualTo(4);
    }

    @Test
    void globalOptionsMayComeBeforeTheCommand() {
        Cli c = Cli.run("--offline", "list", RSS);
        assertThat(c.code).isZero();
        assertThat(c.out).isEqualTo(Cli.run("list", RSS).out);
    }

    @Test
    void theThreeSampleFormatsListTheSameHeadlines() {
        Cli rss = Cli.run("list", RSS);
        Cli atom = Cli.run("list", ATOM);
        Cli json = Cli.run("list", JSON);
        assertThat(rss.code).as(rss.toString()).isZero();
        assertThat(rss.out.lines()).hasSize(9);
        assertThat(atom.out).isEqualTo(rss.out);
        assertThat(json.out).isEqualTo(rss.out);
        assertThat(rss.out).startsWith("1  2026-11-24  Alpine valley races to finish flood walls before the spring thaw"
                + "  — Tidings Sample News\n");
    }

    @Test
    void listWithNoFeedShowsTheBundledSample() {
        Cli bundled = Cli.run("list");
        assertThat(bundled.code).isZero();
        assertThat(bundled.out).isEqualTo(Cli.run("list", RSS).out);
    }

    @Test
    void dumpItemOneMatchesTheGoldenFile() throws IOException {
        Cli c = Cli.run("dump", "--item", "1", "--width", "72", RSS);
        assertThat(c.code).as(c.toString()).isZero();
        golden("dump-rss-item1.w72.txt", c.out);
        assertThat(c.out).contains("[Image: ").contains("Source: AFP").contains("[1]")
                .contains("Read more: https://news.example.org/2026/11/");
    }

    @Test
    void dumpAsMarkdownMatchesTheGoldenFile() throws IOException {
        Cli c = Cli.run("dump", "--item", "2", "--format", "markdown", ATOM);
        assertThat(c.code).as(c.toString()).isZero();
        golden("dump-atom-item2.md", c.out);
    }

    @Test
    void dumpsTheSameArticleFromAllThreeFormats() {
        String rss = Cli.run("dump", "--item", "3", "--width", "72", RSS).out;
        assertThat(Cli.run("dump", "--item", "3", "--width", "72", ATOM).out).isEqualTo(rss);
    }

    @Test
    void dumpByIdFindsTheItem() {
        Cli c = Cli.run("dump", "--id", "tidings-sample-008", "--width", "60", JSON);
        assertThat(c.code).isZero();
        assertThat(c.out).startsWith("青湾渡轮告别");
    }

    @Test
    void listJsonHasTheDocumentedShape() throws IOException {
        Cli c = Cli.run("list", "--format", "json", RSS);
        JsonNode root = MAPPER.readTree(c.out);
        assertThat(root.get("feeds").get(0).get("title").asText()).isEqualTo("Tidings Sample News");
        JsonNode first = root.get("items").get(0);
        assertThat(first.get("number").asInt()).isEqualTo(1);
        assertThat(first.get("id").asText()).isEqualTo("tidings-sample-001");
        assertThat(first.get("published").asText()).isEqualTo("2026-11-24T09:30:00Z");
        assertThat(first.get("feed").get("title").asText()).isEqualTo("Tidings Sample News");
        assertThat(first.get("feed").get("link").asText()).isEqualTo("https://news.example.org/");
        assertThat(first.fieldNames()).toIterable().containsExactly(HEADLINE_MEMBERS);
        assertThat(root.get("items")).hasSize(9);
    }

    /** README's headline members, in order: list, dump and collections show write them alike. */
    static final String[] HEADLINE_MEMBERS = {"number", "id", "title", "link", "published", "updated", "feed",
        "authors", "categories"};

    @Test
    void listNdjsonTsvAndLimit() throws IOException {
        Cli nd = Cli.run("list", "--format", "ndjson", "--limit", "3", RSS);
        assertThat(nd.out.lines()).hasSize(3);
        for (String line : nd.out.lines().toList()) {
            assertThat(MAPPER.readTree(line).get("title").asText()).isNotEmpty();
        }
        Cli tsv = Cli.run("list", "--format", "tsv", RSS);
        String[] cols = tsv.out.lines().findFirst().orElseThrow().split("\t", -1);
        assertThat(cols).containsExactly("1", "2026-11-24T09:30:00Z",
                "Alpine valley races to finish flood walls before the spring thaw", "Tidings Sample News",
                "https://news.example.org/2026/11/varenta-valley-flood-walls", "tidings-sample-001");
    }

    @Test
    void dumpJsonHasTheDocumentedSchema() throws IOException {
        Cli c = Cli.run("dump", "--item", "1", "--format", "json", RSS);
        JsonNode root = MAPPER.readTree(c.out);
        assertThat(root.get("feed").get("title").asText()).isEqualTo("Tidings Sample News");
        assertThat(root.get("feed").get("link").asText()).isEqualTo("https://news.example.org/");
        JsonNode item = root.get("items").get(0);
        assertThat(item.fieldNames()).toIterable().containsSequence(HEADLINE_MEMBERS).contains("summary", "text",
                "images", "links");
        // the headline part is what list writes for the same item, value for value
        JsonNode listed = MAPPER.readTree(Cli.run("list", "--format", "json", RSS).out).get("items").get(0);
        for (String member : HEADLINE_MEMBERS) {
            assertThat(item.get(member)).as(member).isEqualTo(listed.get(member));
        }
        assertThat(item.get("images").get(0).get("credit").asText()).isEqualTo("AFP");
        assertThat(item.get("images").get(0).get("caption").asText()).isNotEmpty();
        assertThat(item.get("links").get(0).asText()).startsWith("https://");
        assertThat(item.get("text").asText()).contains("[Image: ").doesNotContain("\u001b");
    }

    @Test
    void readsAFeedFromStdin() throws IOException {
        String feed = Files.readString(Path.of(JSON), StandardCharsets.UTF_8);
        Cli c = Cli.runWith(Map.of(), feed, false, "list", "-");
        assertThat(c.code).isZero();
        assertThat(c.out).isEqualTo(Cli.run("list", RSS).out);
    }

    @Test
    void aMissingFileIsOneLineOnStderrAndExitThree() {
        Cli c = Cli.run("list", "no-such-feed.xml");
        assertThat(c.code).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(c.err).isEqualTo("tidings: no-such-feed.xml: no such file\n");
        assertThat(c.out).isEmpty();
    }

    @Test
    void aDirectoryIsRefused(@TempDir Path dir) {
        Cli c = Cli.run("list", dir.toString());
        assertThat(c.code).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(c.err).contains("is a directory").hasLineCount(1);
    }

    @Test
    void somethingThatIsNotAFeedIsExitFour(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("page.xml");
        Files.writeString(html, "<!DOCTYPE html><html><body>hi</body></html>");
        Cli c = Cli.run("dump", html.toString());
        assertThat(c.code).isEqualTo(ExitCodes.INVALID_FEED);
        assertThat(c.err).startsWith("tidings: " + html + ": not a feed").hasLineCount(1);
        assertThat(c.err).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void entityDeclarationsAreRefusedWithExitFour(@TempDir Path dir) throws IOException {
        Path xxe = dir.resolve("xxe.xml");
        Files.writeString(xxe, "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>");
        Cli c = Cli.run("list", xxe.toString());
        assertThat(c.code).isEqualTo(ExitCodes.INVALID_FEED);
        assertThat(c.err).contains("entities").hasLineCount(1);
        assertThat(c.out).doesNotContain("root:");
    }

    @Test
    void oneBadFeedDoesNotHideTheOthers() {
        Cli c = Cli.run("list", "missing.xml", RSS);
        assertThat(c.code).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(c.out.lines()).hasSize(9);
        assertThat(c.err).isEqualTo("tidings: missing.xml: no such file\n");
    }

    @Test
    void usageErrorsAreExitTwoWithOneLine() {
        Cli unknown = Cli.run("list", "--frobnicate");
        assertThat(unknown.code).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err).contains("--frobnicate").hasLineCount(1);
        Cli badFormat = Cli.run("list", "--format", "yaml", RSS);
        assertThat(badFormat.code).isEqualTo(ExitCodes.USAGE);
        assertThat(badFormat.err).hasLineCount(1);
        Cli noItem = Cli.run("dump", "--item", "99", RSS);
        assertThat(noItem.code).isEqualTo(ExitCodes.USAGE);
        assertThat(noItem.err).isEqualTo("tidings: --item 99: there are 9 items (see 'tidings dump --help')\n");
        Cli noId = Cli.run("dump", "--id", "nope", RSS);
        assertThat(noId.code).isEqualTo(ExitCodes.USAGE);
        Cli narrow = Cli.run("dump", "--width", "3", RSS);
        assertThat(narrow.code).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpListsExitCodesAndMatchesTheGoldenFile() throws IOException {
        Cli c = Cli.run("--help");
        assertThat(c.code).isZero();
        assertThat(c.out).contains("Exit codes:").contains("3   a source could not be read")
                .contains("4   not a valid feed");
        golden("help.txt", c.out);
    }

    @Test
    void versionNamesTidings() {
        Cli c = Cli.run("--version");
        assertThat(c.code).isZero();
        assertThat(c.out).startsWith("tidings ");
    }

    @Test
    void generatesShellCompletion() {
        Cli c = Cli.run("generate-completion");
        assertThat(c.code).isZero();
        assertThat(c.out).contains("complete -F").contains("tidings");
    }

    @Test
    void noEscapeSequencesWhenNotATerminalOrNoColor() {
        assertThat(Cli.runWith(Map.of(), "", false, "dump", "--item", "1", RSS).out).doesNotContain("\u001b");
        assertThat(Cli.runWith(Map.of("NO_COLOR", "1"), "", true, "dump", "--item", "1", "--width", "80", RSS).out)
                .doesNotContain("\u001b");
        assertThat(Cli.runWith(Map.of(), "", true, "dump", "--item", "1", "--width", "80", RSS).out)
                .contains("\u001b[1m");
    }

    @Test
    void hostileTitlesComeOutClean(@TempDir Path dir) throws IOException {
        Path feed = dir.resolve("hostile.json");
        Files.writeString(feed, "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Evil\\u001b]0;pwned\\u0007\","
                + "\"items\":[{\"id\":\"1\",\"title\":\"Hi\\u001b[2J\\u001b]52;c;ZXZpbA==\\u0007\\u009b31m\\u202e there\\r\","
                + "\"url\":\"javascript:alert(1)\",\"content_html\":\"<p>a &amp;#27;[31m b \\u001b]8;;https://evil/\\u0007x</p>"
                + "<a href='file:///etc/passwd'>f</a>\"}]}");
        for (String format : new String[] {"text", "json", "ndjson", "markdown"}) {
            Cli c = Cli.run("dump", "--format", format, feed.toString());
            assertThat(c.code).as(c.toString()).isZero();
            assertClean(c.out);
            assertThat(c.out).contains("Hi").doesNotContain("file:///etc/passwd").doesNotContain("Read more");
        }
        for (String format : new String[] {"text", "tsv", "json", "ndjson"}) {
            assertClean(Cli.run("list", "--format", format, feed.toString()).out);
        }
    }

    static void assertClean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            assertThat(bad).as("char U+%04X at %d in %s", (int) c, i, s).isFalse();
        }
    }

    static void golden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        Golden.assertMatches(file, actual);
    }
}
