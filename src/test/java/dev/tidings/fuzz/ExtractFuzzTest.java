package dev.tidings.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tidings.extract.ExtractException;
import dev.tidings.extract.Extracted;
import dev.tidings.extract.Extractor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target for reader mode: {@link Extractor#extract(byte[], String, String)} on a page's bytes
 * (the charset from the page, as for a saved HTML file).
 *
 * <p>The contract checked: {@link ExtractException} ("no article found", "page too large") is the
 * only exception; one input costs at most {@link Budget}; the title and byline hold no control
 * characters.
 */
class ExtractFuzzTest {
    @BeforeAll
    static void loadClasses() throws Exception {
        check(("<html><head><title>t</title></head><body><nav>n</nav><article><h1>t</h1><p>"
                + "word, ".repeat(80) + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8));
    }

    @DictionaryEntries({"<html>", "<head>", "<title>", "<meta property=\"og:title\" content=\"",
        "<meta name=\"author\" content=\"", "<meta charset=\"", "<body>", "<article>", "<main>", "<div class=\"",
        "<div id=\"", "content", "comments", "share", "related", "ad-slot", "<p>", "</p>", "<a href=\"", "</a>",
        "<nav>", "<footer>", "<script>", "<figure>", "<img src=\"", "<time datetime=\"", "<h1>", "<h2>",
        "Read more", ", "})
    @FuzzTest(maxDuration = "10m")
    void readerMode(byte[] input) throws Exception {
        check(input);
    }

    private static void check(byte[] input) throws Exception {
        Budget.check(() -> {
            try {
                Extracted a = Extractor.extract(input, null, "https://news.example.org/2026/story");
                Budget.assertPrintable("title", a.title(), false);
                Budget.assertPrintable("byline", a.byline(), false);
            } catch (ExtractException documented) {
                // not an article: the caller shows the feed's own text and says why
            }
        });
    }
}
