package dev.tidings.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.model.Enclosure;
import dev.tidings.model.Item;
import dev.tidings.testing.Golden;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Enclosures in the article: a block after the header, each URL a numbered footnote (issue #13). */
class EnclosureRenderTest {
    private static final Path DIR = Path.of("src/test/resources/render-enclosures");

    private static Article podcast() {
        Item item = new Item("ep12", "Episode 12: Fog signals", "https://harbour.example.net/12",
                Instant.parse("2026-11-30T06:00:00Z"), null, List.of("Ada Keeper"), List.of(), "",
                "<p>Keepers compare <a href=\"https://harbour.example.net/horns\">horns</a> and"
                        + " <a href=\"https://cdn.harbour.example.net/ep12.mp3\">the episode</a>.</p>",
                List.of(new Enclosure("https://cdn.harbour.example.net/ep12.mp3", "audio/mpeg", 24613210, 3723),
                        new Enclosure("https://cdn.harbour.example.net/ep12-transcript.pdf", "application/pdf", 48213, -1),
                        new Enclosure("https://cdn.harbour.example.net/ep12-" + "very-long-name-".repeat(6) + ".mp4",
                                "video/mp4", -1, 95),
                        new Enclosure("ftp://old.example.net/ep12.mp3", "audio/mpeg", 1, 1)),
                List.of());
        return Article.of(item, "Harbour Hours", URI.create("https://harbour.example.net/feed"));
    }

    @Test
    void textShowsTypeSizeDurationAndFootnote() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Line l : ArticleRenderer.lines(podcast(), 72, ZoneOffset.UTC)) {
            sb.append(l.text()).append('\n');
        }
        Golden.assertMatches(DIR.resolve("podcast.w72.txt"), sb.toString());
    }

    @Test
    void markdownListsThemWithReferenceLinks() throws IOException {
        Golden.assertMatches(DIR.resolve("podcast.md"), MarkdownWriter.write(podcast(), ZoneOffset.UTC));
    }

    @Test
    void anEnclosureTheBodyLinksToKeepsTheBodysNumberAndOnlyWebUrlsAreShown() {
        Article a = podcast();
        assertThat(a.enclosures()).hasSize(3); // the ftp one is not shown
        assertThat(a.footnote(a.enclosures().get(0))).isEqualTo(2);
        assertThat(a.links()).hasSize(4);
    }

    @Test
    void noLineIsWiderThanTheWindow() {
        for (int width = Layout.MIN_WIDTH; width <= 80; width += 3) {
            for (Line l : ArticleRenderer.lines(podcast(), width, ZoneOffset.UTC)) {
                assertThat(l.width()).as("width %d: %s", width, l.text()).isLessThanOrEqualTo(width);
            }
        }
    }

    @Test
    void sizesAndDurationsInHumanUnits() {
        assertThat(EnclosureText.size(0)).isEqualTo("0 bytes");
        assertThat(EnclosureText.size(1)).isEqualTo("1 byte");
        assertThat(EnclosureText.size(999)).isEqualTo("999 bytes");
        assertThat(EnclosureText.size(1000)).isEqualTo("1.0 kB");
        assertThat(EnclosureText.size(24613210)).isEqualTo("24.6 MB");
        assertThat(EnclosureText.size(512_000_000)).isEqualTo("512 MB");
        assertThat(EnclosureText.size(999_999)).isEqualTo("1.0 MB");
        assertThat(EnclosureText.size(Long.MAX_VALUE)).isEqualTo("9.2 EB");
        assertThat(EnclosureText.duration(7)).isEqualTo("0:07");
        assertThat(EnclosureText.duration(2707)).isEqualTo("45:07");
        assertThat(EnclosureText.duration(3723)).isEqualTo("1:02:03");
        assertThat(EnclosureText.describe(new Enclosure("https://x.example/f", "", -1, -1))).isEqualTo("File");
        assertThat(EnclosureText.describe(new Enclosure("https://x.example/f", "audio/ogg\u001b[31m", 2048, -1)))
                .isEqualTo("Audio: audio/ogg · 2.0 kB"); // the escape sequence is gone whole
    }
}
