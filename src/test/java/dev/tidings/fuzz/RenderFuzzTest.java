package dev.tidings.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tidings.model.Item;
import dev.tidings.render.Article;
import dev.tidings.render.ArticleRenderer;
import dev.tidings.render.Layout;
import dev.tidings.render.Line;
import dev.tidings.render.MarkdownWriter;
import dev.tidings.render.TextWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target for the path an article body takes to the screen: HTML to blocks
 * ({@code HtmlConverter}, through {@link Article#of}), layout at a few widths and at width 0 (the
 * JSON dump's unwrapped text), the plain and ANSI text writers and the Markdown writer.
 *
 * <p>The contract checked: no exception at all; one input costs at most {@link Budget}; no laid
 * out line is wider than its width (words longer than the width are broken); the plain text and
 * Markdown hold no control character but newline.
 */
class RenderFuzzTest {
    private static final URI BASE = URI.create("https://news.example.org/2026/story");
    private static final int[] WIDTHS = {Layout.MIN_WIDTH, 37, 80};

    @BeforeAll
    static void loadClasses() throws Exception {
        check(("<p>a <b>b</b> <a href=\"/x\">c</a></p><figure><img src=\"i.jpg\" alt=\"d\">"
                + "<figcaption>e</figcaption></figure><ul><li>f</li></ul><pre>g</pre><table><tr><td>h</td></tr>"
                + "</table><blockquote>i</blockquote>").getBytes(StandardCharsets.UTF_8));
    }

    @DictionaryEntries({"<p>", "</p>", "<b>", "</b>", "<i>", "<a href=\"", "</a>", "<img src=\"", " alt=\"",
        "<figure>", "<figcaption>", "</figure>", "<pre>", "</pre>", "<code>", "<blockquote>", "<ul>", "<ol>",
        "<li>", "<table>", "<tr>", "<td>", "<th>", "<h2>", "<br>", "<hr>", "&nbsp;", "&#27;", "&amp;", "\u0301",
        "\u200b", "\u00ad", "\uD83D\uDC4D", "\u4e2d", "javascript:", "data:", "<span class=\"credit\">"})
    @FuzzTest(maxDuration = "10m")
    void htmlToLines(byte[] input) throws Exception {
        check(input);
    }

    private static void check(byte[] input) throws Exception {
        String html = new String(input, StandardCharsets.UTF_8);
        Budget.check(() -> {
            Item item = new Item("fuzz-1", "Fuzzed article", "https://news.example.org/2026/story",
                    Instant.EPOCH, null, List.of("Reporter"), List.of(), "", html, List.of(), List.of());
            Article a = Article.of(item, "Fuzz feed", BASE);
            for (int width : WIDTHS) {
                for (Line l : ArticleRenderer.lines(a, width, ZoneOffset.UTC)) {
                    if (l.width() > width) {
                        throw new AssertionError("a line " + l.width() + " columns wide at width " + width
                                + ": " + l.text());
                    }
                }
            }
            StringBuilder unwrapped = new StringBuilder();
            for (Line l : Layout.lay(a.body().blocks(), 0)) {
                unwrapped.append(l.text()).append('\n');
            }
            Budget.assertPrintable("the unwrapped text (dump --format json)", unwrapped.toString(), true);

            List<Line> lines = ArticleRenderer.lines(a, 80, ZoneOffset.UTC);
            StringWriter plain = new StringWriter();
            new TextWriter(new PrintWriter(plain), false).write(lines);
            Budget.assertPrintable("plain text output", plain.toString(), true);
            new TextWriter(new PrintWriter(new StringWriter()), true).write(lines);
            Budget.assertPrintable("Markdown output", MarkdownWriter.write(a, ZoneOffset.UTC), true);
        });
    }
}
