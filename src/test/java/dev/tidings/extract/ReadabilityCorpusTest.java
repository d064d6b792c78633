package dev.tidings.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #11: reader mode on real pages from Mozilla's readability-test-pages corpus, in the
 * failure shapes that were refused or mangled before (text in divs and brs, lazy images, layout
 * tables, hidden nodes, JSON-LD metadata, furniture ids). The cases are in
 * {@code src/test/resources/reader-corpus/cases.txt}; the pages are not in this repository. They
 * are read from {@code -Dreader.corpus=DIR}, else {@code $READER_CORPUS}, else
 * {@code ../shared/corpora/readability-test-pages} next to the clone; without them these tests are
 * skipped (the hand-written fixtures in {@link ReaderModeTest} still run).
 */
class ReadabilityCorpusTest {
    static final Path CASES = Path.of("src/test/resources/reader-corpus/cases.txt");

    static Path corpus() {
        String dir = System.getProperty("reader.corpus");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("READER_CORPUS");
        }
        return Path.of(dir == null || dir.isBlank() ? "../shared/corpora/readability-test-pages" : dir);
    }

    record Case(String page, List<String> lines) {
        @Override
        public String toString() {
            return page;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        Case current = null;
        for (String line : Files.readAllLines(CASES, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("[") && l.endsWith("]")) {
                current = new Case(l.substring(1, l.length() - 1), new ArrayList<>());
                cases.add(current);
            } else if (current != null) {
                current.lines().add(l);
            }
        }
        return cases;
    }

    @Test
    void theCasesCoverAtLeastFifteenPages() throws IOException {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(15).allSatisfy(c -> assertThat(c.lines()).isNotEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extractsWhatReadabilityExtracts(Case c) throws Exception {
        Path page = corpus().resolve(c.page()).resolve("source.html");
        assumeTrue(Files.isRegularFile(page), "readability-test-pages corpus not found at " + corpus().toAbsolutePath()
                + " (set -Dreader.corpus=DIR or READER_CORPUS): corpus cases skipped");
        Extracted e = Extractor.extract(Files.readAllBytes(page), "UTF-8", "http://fakehost/test/page.html");
        Element html = Jsoup.parseBodyFragment(e.contentHtml()).body();
        String text = html.text().replaceAll("\\s+", " ");
        for (String line : c.lines()) {
            int space = line.indexOf(' ');
            String kind = line.substring(0, space);
            String value = line.substring(space + 1).strip();
            switch (kind) {
                case "+" -> assertThat(text).as("%s must keep: %s", c.page(), value).contains(value);
                case "-" -> assertThat(text).as("%s must drop: %s", c.page(), value).doesNotContain(value);
                case "img" -> assertThat(html.select("img").eachAttr("src"))
                        .as("%s: an image from %s", c.page(), value).anyMatch(src -> src.contains(value));
                case "html" -> assertThat(e.contentHtml()).as("%s html", c.page()).contains(value);
                case "title" -> assertThat(e.title()).as("%s title", c.page()).isEqualTo(value);
                case "byline" -> assertThat(e.byline()).as("%s byline", c.page()).isEqualTo(value);
                case "site" -> assertThat(e.siteName()).as("%s site name", c.page()).isEqualTo(value);
                default -> throw new IllegalArgumentException(c.page() + ": unknown line in cases.txt: " + line);
            }
        }
    }
}
