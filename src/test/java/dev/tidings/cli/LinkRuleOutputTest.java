package dev.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16: links that are not http(s) lose the link in every output and export, even when they
 * reach a writer without passing a feed parser (a hand-edited collections file).
 */
class LinkRuleOutputTest {
    @TempDir
    Path dir;

    private static final List<String> BAD = List.of("javascript:", "file:", "data:");

    @Test
    void feedOutputsNeverCarryOtherSchemes() throws IOException {
        Path feed = dir.resolve("links.xml");
        Files.writeString(feed, "<?xml version=\"1.0\"?><rss version=\"2.0\" xml:base=\"file:///etc/\"><channel>"
                + "<title>T</title><link>javascript:alert(1)</link>"
                + "<item><title>a</title><link>file:///etc/passwd</link>"
                + "<description>&lt;a href=\"javascript:x\"&gt;j&lt;/a&gt; &lt;img src=\"data:image/png;base64,AA\"&gt;"
                + "</description></item>"
                + "<item><title>b</title><link>shadow</link></item>"
                + "<item><title>c</title><link>data:text/html,hi</link></item>"
                + "<item><title>w</title><link>https://a.example/w</link></item></channel></rss>");
        Map<String, String> env = Map.of("HOME", dir.resolve("home").toString());
        for (String[] args : new String[][] {{"list", "--format", "tsv"}, {"list", "--format", "json"},
                {"list", "--format", "ndjson"}, {"dump", "--format", "json"}, {"dump", "--format", "ndjson"},
                {"dump", "--format", "markdown"}, {"dump"}}) {
            String[] all = java.util.Arrays.copyOf(args, args.length + 1);
            all[args.length] = feed.toString();
            Cli c = Cli.runWith(env, "", false, all);
            assertThat(c.code).as(c.toString()).isZero();
            for (String scheme : BAD) {
                assertThat(c.out).as(String.join(" ", args)).doesNotContain(scheme);
            }
            assertThat(c.out).as(String.join(" ", args)).contains("https://a.example/w");
        }
    }

    @Test
    void collectionOutputsAndExportsNeverCarryOtherSchemes() throws IOException {
        Path file = dir.resolve("collections.json");
        String valid = Files.readString(Path.of("src/test/resources/store/valid.json"));
        Files.writeString(file, valid.replace("https://news.example.org/a", "javascript:alert(1)")
                .replace("https://news.example.org/b", "file:///etc/passwd"));
        Map<String, String> env = Map.of("TIDINGS_COLLECTIONS", file.toString(), "HOME", dir.resolve("home").toString());
        for (String[] args : new String[][] {{"collections", "show", "Reading list", "--format", "json"},
                {"collections", "show", "Reading list", "--format", "tsv"},
                {"collections", "export", "Reading list", "--format", "json"},
                {"collections", "export", "Reading list", "--format", "markdown"},
                {"collections", "export", "Reading list", "--format", "opml"},
                {"collections", "export", "Reading list", "--format", "atom"},
                {"dump", "--collection", "Reading list", "--format", "json"},
                {"dump", "--collection", "Reading list", "--format", "ndjson"}}) {
            Cli c = Cli.runWith(env, "", false, args);
            assertThat(c.code).as(c.toString()).isZero();
            assertThat(c.out).as(String.join(" ", args)).contains("Alpine valley");
            for (String scheme : BAD) {
                assertThat(c.out).as(String.join(" ", args)).doesNotContain(scheme);
            }
        }
    }
}
