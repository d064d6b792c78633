package dev.tidings.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tidings.testing.Golden;
import dev.tidings.model.Item;
import dev.tidings.render.Article;
import dev.tidings.render.ArticleRenderer;
import dev.tidings.render.Line;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reader mode on pages in the shapes news sites use: the article is all there (the must-appear
 * phrases of {@code <page>.expect.txt}), none of the furniture is (the must-not phrases), and the
 * rendered text at width 72 matches {@code <page>.w72.txt} (regenerate with -Dgolden.update=true).
 */
class ReaderModeTest {
    static final Path DIR = Path.of("src/test/resources/reader");

    static Stream<String> pages() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
        }
    }

    static String render(Extracted e, String url) {
        Item item = new Item(url, e.title(), url, e.published(), null, e.byline().isEmpty() ? List.of()
                : List.of(e.byline()), List.of(), "", e.contentHtml(), List.of(), List.of());
        Article a = Article.of(item, "news.example.org", URI.create(url));
        StringBuilder sb = new StringBuilder();
        for (Line l : ArticleRenderer.lines(a, 72, ZoneOffset.UTC)) {
            sb.append(l.text()).append('\n');
        }
        return sb.toString();
    }

    record Expect(List<String> must, List<String> mustNot, boolean mayFail) {
    }

    static Expect expect(String name) throws IOException {
        List<String> must = new ArrayList<>();
        List<String> mustNot = new ArrayList<>();
        boolean mayFail = false;
        boolean not = false;
        for (String line : Files.readAllLines(DIR.resolve(name + ".expect.txt"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                mayFail |= line.contains("extraction may fail");
                continue;
            }
            if (line.strip().equals("---")) {
                not = true;
                continue;
            }
            if (!line.isBlank()) {
                (not ? mustNot : must).add(Parser.unescapeEntities(line.strip(), false).replaceAll("\\s+", " "));
            }
        }
        return new Expect(must, mustNot, mayFail);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void keepsTheArticleAndDropsTheFurniture(String name) throws Exception {
        byte[] html = Files.readAllBytes(DIR.resolve(name + ".html"));
        Expect ex = expect(name);
        String url = "https://news.example.org/2026/" + name;
        Extracted e;
        try {
            e = Extractor.extract(html, null, url);
        } catch (ExtractException failure) {
            assertThat(ex.mayFail()).as("%s: extraction failed: %s", name, failure.getMessage()).isTrue();
            return;
        }
        String text = render(e, url);
        String flat = text.replaceAll("\\s+", " ");
        for (String phrase : ex.must()) {
            assertThat(flat).as("%s must keep: %s", name, phrase).contains(phrase);
        }
        for (String phrase : ex.mustNot()) {
            assertThat(flat).as("%s must drop: %s", name, phrase).doesNotContain(phrase);
        }
        assertThat(text).doesNotContain("javascript:").doesNotContain("data:text");
        Path golden = DIR.resolve(name + ".w72.txt");
        Golden.assertMatches(golden, text);
    }

    @Test
    void findsTitleBylineAndDate() throws Exception {
        Extracted e = Extractor.extract(Files.readAllBytes(DIR.resolve("news-figures.html")), null,
                "https://news.example.org/a");
        assertThat(e.title()).isEqualTo("Kabul families ration light as winter power cuts stretch into the night");
        assertThat(e.byline()).contains("Jane Example");
        assertThat(e.published()).hasToString("2026-01-14T07:30:00Z");
    }

    @Test
    void imageCaptionsKeepTheirCredit() throws Exception {
        String text = render(Extractor.extract(Files.readAllBytes(DIR.resolve("news-figures.html")), null,
                "https://news.example.org/a"), "https://news.example.org/a");
        assertThat(text).contains("Source: AFP").contains("Source: Reuters").contains("Source: Getty Images");
        assertThat(text).doesNotContain("image caption").doesNotContain("image source");
    }

    @Test
    void lazyImagesGetTheirRealSource() throws Exception { // issue #11
        Extracted e = Extractor.extract(Files.readAllBytes(DIR.resolve("lazy-images.html")), null,
                "https://news.example.org/crane");
        org.jsoup.nodes.Element body = org.jsoup.Jsoup.parseBodyFragment(e.contentHtml()).body();
        assertThat(body.select("img").eachAttr("src")).contains("https://img.dockside.example/2026/01/crane-cutting.jpg",
                "https://img.dockside.example/archive/crane-1972.jpg")
                .noneMatch(src -> src.startsWith("data:") || src.endsWith("blank.gif"));
        assertThat(body.select("img[srcset]").eachAttr("srcset")).anyMatch(s -> s.contains("plinth-1600.jpg 1600w"));
        assertThat(body.select("figure figcaption")).hasSize(2); // the figures reach the renderer whole
    }

    @Test
    void jsonLdGivesTheBodyTheAuthorsTheSiteAndTheDate() throws Exception { // issue #11
        Extracted e = Extractor.extract(Files.readAllBytes(DIR.resolve("jsonld-body.html")), null,
                "https://news.example.org/orchard");
        assertThat(e.byline()).isEqualTo("Hannah Oduya, Peter Lusk");
        assertThat(e.siteName()).isEqualTo("Valley Recorder");
        assertThat(e.published()).hasToString("2026-03-14T07:45:00Z");
        assertThat(e.contentHtml()).contains("<p>The project began three years ago");
    }

    @Test
    void theSiteNameComesFromOpenGraph() throws Exception { // issue #11: was the host, 127.0.0.1 for a local server
        Extracted e = Extractor.extract(Files.readAllBytes(DIR.resolve("div-br-text.html")), null,
                "http://127.0.0.1:8080/ferry");
        assertThat(e.siteName()).isEqualTo("Westerly Isles Courier");
        assertThat(e.title()).isEqualTo("Ferry timetable cut to three sailings a day from March");
    }

    @Test
    void hiddenNodesStayHidden() throws Exception { // issue #11
        String para = "<p>The harbour board met on Monday to agree the dredging plan, which has been delayed twice"
                + " by storms, and voted to begin work in April, weather permitting.</p>";
        String html = "<html><body><article>" + para.repeat(4)
                + "<p hidden>Hidden by attribute.</p><div style='display: none'>Hidden by display.</div>"
                + "<p style='visibility:hidden'>Hidden by visibility.</p><span aria-hidden='true'>Hidden for"
                + " screen readers.</span>" + para + "</article></body></html>";
        Extracted e = Extractor.extract(html, "https://x.example/");
        assertThat(e.contentHtml()).contains("dredging plan").doesNotContain("Hidden");
    }

    @Test
    void aHundredThousandDeepPageStaysFastAndNeverOverflowsTheStack() {
        StringBuilder sb = new StringBuilder("<html><body>");
        for (int i = 0; i < 100_000; i++) {
            sb.append("<div>");
        }
        sb.append("<p>").append("Deep text, with commas, that goes on for a while. ".repeat(20)).append("</p>");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                Extracted e = Extractor.extract(sb.toString(), "https://x.example/");
                assertThat(e.contentHtml()).contains("Deep text");
            } catch (ExtractException ok) {
                assertThat(ok.getMessage()).isNotBlank(); // refusing is fine; crashing is not
            }
        });
    }

    @Test
    void twentyMegabytesOfMarkupAreRefusedQuickly() {
        String huge = "<html><body>" + "<p>filler text for a very large page</p>".repeat(520_000) + "</body></html>";
        assertThat(huge.length()).isGreaterThan(20_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> Extractor.extract(huge, "https://x.example/"))
                        .isInstanceOf(ExtractException.class).hasMessageContaining("too large"));
    }

    @Test
    void aPageOfLinksOrATeaserIsNoArticle() {
        StringBuilder sb = new StringBuilder("<html><body><p>Short teaser only.</p><ul>");
        for (int i = 0; i < 50; i++) {
            sb.append("<li><a href='/a").append(i).append("'>Headline number ").append(i).append("</a></li>");
        }
        sb.append("</ul></body></html>");
        assertThatThrownBy(() -> Extractor.extract(sb.toString(), "https://x.example/"))
                .isInstanceOf(ExtractException.class).hasMessageStartingWith("no article found");
    }

    @Test
    void scriptsFramesAndHandlersNeverReachTheArticle() throws Exception {
        Extracted e = Extractor.extract(Files.readAllBytes(DIR.resolve("hostile-scripts-iframes.html")), null,
                "https://news.example.org/h");
        assertThat(e.contentHtml()).doesNotContain("<script").doesNotContain("<iframe").doesNotContain("onerror")
                .doesNotContain("onload").doesNotContain("javascript:").doesNotContain("<object")
                .doesNotContain("<embed");
    }
}
