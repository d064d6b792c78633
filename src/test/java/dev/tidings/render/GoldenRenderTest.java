package dev.tidings.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: {@code render/<case>.html} laid out at width 72 must equal {@code <case>.w72.txt}.
 * Regenerate with {@code mvn test -Dgolden.update=true} and review the diff.
 */
class GoldenRenderTest {
    static final int WIDTH = 72;
    static final Path DIR = Path.of("src/test/resources/render");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".html"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static String render(String html, int width) {
        ArticleBody body = HtmlConverter.convert(html, URI.create("https://news.example.org/2026/11/story"), List.of());
        Article a = new Article("", "", List.of(), null, "", body);
        StringBuilder sb = new StringBuilder();
        for (Line l : Layout.lay(a.body().blocks(), width)) {
            sb.append(l.text()).append('\n');
        }
        List<Line> footer = new java.util.ArrayList<>();
        ArticleRenderer.footer(a, width, footer);
        for (Line l : footer) {
            sb.append(l.text()).append('\n');
        }
        return sb.toString();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersAsTheGoldenFileSays(String name) throws IOException {
        String html = Files.readString(DIR.resolve(name + ".html"), StandardCharsets.UTF_8);
        String actual = render(html, WIDTH);
        Path golden = DIR.resolve(name + ".w72.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("missing golden %s: run mvn test -Dtest=GoldenRenderTest -Dgolden.update=true and review it",
                golden).exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void noLineIsWiderThanTheWidthAtAnyWidth(String name) throws IOException {
        String html = Files.readString(DIR.resolve(name + ".html"), StandardCharsets.UTF_8);
        ArticleBody body = HtmlConverter.convert(html, null, List.of());
        for (int width = Layout.MIN_WIDTH; width <= 100; width += 7) {
            for (Line l : Layout.lay(body.blocks(), width)) {
                assertThat(l.width()).as("width %d: %s", width, l.text()).isLessThanOrEqualTo(width);
            }
        }
    }

    static InputStream resource(String name) {
        return GoldenRenderTest.class.getResourceAsStream(name);
    }
}
