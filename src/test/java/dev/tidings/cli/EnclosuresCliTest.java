package dev.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dump shows enclosures in text, Markdown and JSON (issue #13). */
class EnclosuresCliTest {
    private static final String PODCAST = "src/test/resources/feeds/rss20-podcast-itunes-duration.xml";

    @Test
    void textAndMarkdownShowTheEnclosureBlockAndFootnote() {
        Cli text = Cli.run("dump", "--item", "1", "--width", "72", PODCAST);
        assertThat(text.code).isZero();
        assertThat(text.out).contains("\nAudio: audio/mpeg · 24.6 MB · 1:02:03 [1]\n")
                .contains("[1] https://cdn.harbour.example.net/ep12.mp3");
        Cli md = Cli.run("dump", "--item", "3", "--format", "markdown", PODCAST);
        assertThat(md.out).contains("- Audio: audio/ogg · 900 bytes [1]\n")
                .contains("[1]: <https://cdn.harbour.example.net/ep10.ogg>");
    }

    @Test
    void jsonHasEnclosuresWithNullForWhatTheFeedDoesNotSay() throws IOException {
        Cli c = Cli.run("dump", "--format", "json", PODCAST);
        JsonNode items = new ObjectMapper().readTree(c.out).get("items");
        JsonNode first = items.get(0).get("enclosures").get(0);
        assertThat(first.get("url").asText()).isEqualTo("https://cdn.harbour.example.net/ep12.mp3");
        assertThat(first.get("type").asText()).isEqualTo("audio/mpeg");
        assertThat(first.get("length").asLong()).isEqualTo(24613210);
        assertThat(first.get("duration").asLong()).isEqualTo(3723);
        assertThat(first.get("footnote").asInt()).isEqualTo(1);
        assertThat(items.get(0).get("links").get(0).asText()).isEqualTo("https://cdn.harbour.example.net/ep12.mp3");
        JsonNode third = items.get(2).get("enclosures").get(0);
        assertThat(third.get("duration").isNull()).isTrue();
        assertThat(third.get("length").asLong()).isEqualTo(900);
        // a relative enclosure URL in a local file has no web address to resolve against: not shown
        assertThat(items.get(1).get("enclosures")).isEmpty();
    }

    @Test
    void aBadOpenWithRuleStopsTheReaderWithOneLineNamingTheConfig(@TempDir Path home) throws IOException {
        Path config = home.resolve("config/tidings/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "open-with = video/* mpv %u\nopen-with = \"(bad mpv %u\n");
        Cli c = Cli.runWith(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_DATA_HOME", home.resolve("data").toString(), "XDG_CACHE_HOME", home.resolve("cache").toString(),
                "XDG_STATE_HOME", home.resolve("state").toString()), "", true, PODCAST);
        assertThat(c.code).isEqualTo(ExitCodes.USAGE);
        assertThat(c.err).isEqualTo("tidings: " + config + ": open-with: '\"(bad mpv %u': a double quote is not closed\n");
    }
}
