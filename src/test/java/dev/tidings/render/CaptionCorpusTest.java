package dev.tidings.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.feed.Detail;
import dev.tidings.feed.Feeds;
import dev.tidings.model.Feed;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The caption corpus (issue #11, {@code captions/corpus.txt}): figure markup in the shapes real
 * publishers send, each through the feed format it names and {@link Article#of}, must give exactly
 * the captions and credits written beside it.
 */
class CaptionCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/captions/corpus.txt");
    static final URI BASE = URI.create("https://news.example.org/feeds/main.xml");

    record Case(String name, String envelope, String markup, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        String name = null;
        String envelope = null;
        StringBuilder markup = new StringBuilder();
        List<String> expected = new ArrayList<>();
        boolean inExpect = false;
        for (String line : Files.readAllLines(CORPUS, StandardCharsets.UTF_8)) {
            if (line.startsWith("=== ")) {
                if (name != null) {
                    out.add(new Case(name, envelope, markup.toString(), expected));
                }
                String[] head = line.substring(4).split("\\|");
                name = head[0].strip();
                envelope = head[1].strip();
                markup = new StringBuilder();
                expected = new ArrayList<>();
                inExpect = false;
            } else if (line.equals("--- expect")) {
                inExpect = true;
            } else if (inExpect) {
                if (line.startsWith("caption:") || line.startsWith("credit:")) {
                    expected.add(line.startsWith("caption:") ? "caption: " + line.substring(8).strip()
                            : "credit: " + line.substring(7).strip());
                } else if (!line.isBlank() && !line.startsWith("#") && !line.equals("figures: none")) {
                    throw new IllegalStateException(name + ": unexpected expect line: " + line);
                }
            } else if (name != null) {
                markup.append(line).append('\n');
            }
        }
        if (name != null) {
            out.add(new Case(name, envelope, markup.toString(), expected));
        }
        return out;
    }

    @Test
    void corpusHasAtLeastThirtyCasesAndMustNotEatCases() throws IOException {
        List<Case> all = cases();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        assertThat(all).filteredOn(c -> c.name().startsWith("must-not-eat")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(all).extracting(Case::envelope).contains("html", "rss-description", "content-encoded",
                "atom-content", "jsonfeed-content", "jsonfeed-item", "rss-item");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesTheCaptionAndCreditWrittenBesideIt(Case c) throws Exception {
        List<String> actual = new ArrayList<>();
        for (Block.Figure f : body(c).figures()) {
            actual.add("caption: " + f.caption());
            actual.add("credit: " + f.credit());
        }
        assertThat(actual).as(c.name()).containsExactlyElementsOf(c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noLabelOrSeparatorIsLeftInCaptionOrCredit(Case c) throws Exception {
        for (Block.Figure f : body(c).figures()) {
            for (String t : List.of(f.caption(), f.credit())) {
                assertThat(t).doesNotStartWith(",").doesNotStartWith(":").doesNotEndWith("|")
                        .doesNotStartWithIgnoringCase("image source").doesNotStartWithIgnoringCase("image caption")
                        .doesNotStartWithIgnoringCase("credit:").doesNotStartWithIgnoringCase("credit,").doesNotStartWith(" ").doesNotEndWith(" ");
            }
        }
    }

    static ArticleBody body(Case c) throws Exception {
        String m = c.markup().strip();
        if (c.envelope().equals("html")) {
            return HtmlConverter.convert(m, URI.create("https://news.example.org/2026/story"), List.of());
        }
        byte[] bytes = feed(c.envelope(), m).getBytes(StandardCharsets.UTF_8);
        Feed feed = Feeds.parse(bytes, null, BASE, Detail.FULL);
        assertThat(feed.items()).as(c.name()).hasSize(1);
        return Article.of(feed.items().get(0), feed.title(), BASE).body();
    }

    static String feed(String envelope, String m) {
        String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
                + " xmlns:media=\"http://search.yahoo.com/mrss/\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Corpus</title>"
                + "<link>https://news.example.org/</link><item><title>A story</title>"
                + "<link>https://news.example.org/2026/story</link>";
        String end = "</item></channel></rss>";
        switch (envelope) {
            case "rss-description":
                return rss + "<description>" + xmlEscape(m) + "</description>" + end;
            case "content-encoded":
                return rss + "<description>Teaser.</description><content:encoded><![CDATA[" + m
                        + "]]></content:encoded>" + end;
            case "rss-item":
                return rss + m + end;
            case "atom-content":
                return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                        + "<title>Corpus</title><id>urn:corpus</id><updated>2026-01-01T00:00:00Z</updated>"
                        + "<entry><title>A story</title><id>urn:corpus:1</id><updated>2026-01-01T00:00:00Z</updated>"
                        + "<link href=\"https://news.example.org/2026/story\"/><content type=\"html\">"
                        + xmlEscape(m) + "</content></entry></feed>";
            case "jsonfeed-content":
                return "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Corpus\", \"items\": [{"
                        + "\"id\": \"1\", \"url\": \"https://news.example.org/2026/story\", \"content_html\": "
                        + jsonString(m) + "}]}";
            case "jsonfeed-item":
                return "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Corpus\", \"items\": [{"
                        + "\"id\": \"1\", \"url\": \"https://news.example.org/2026/story\", " + m + "}]}";
            default:
                throw new IllegalArgumentException("unknown envelope " + envelope);
        }
    }

    static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }

}
