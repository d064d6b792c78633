package dev.tidings.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Images in Markdown (issue #11): one image line, one italic caption line with the credit. */
class MarkdownFigureTest {
    static String markdown(String html) {
        ArticleBody body = HtmlConverter.convert(html, URI.create("https://news.example.org/a"), List.of());
        String md = MarkdownWriter.write(new Article("T", "", List.of(), null, "", body), ZoneOffset.UTC);
        return md.substring(md.indexOf("*date unknown*\n\n") + 16);
    }

    @Test
    void writesEachImageOnceWithItsCaptionAndCreditOnOneItalicLine() {
        String md = markdown("<figure><img src=\"/i/boats.jpg\" alt=\"Boats in fog\"><figcaption>Boats wait for the"
                + " fog to lift. Photograph: Ana Lopez/Getty Images</figcaption></figure>");
        assertThat(md).isEqualTo("![Boats in fog](<https://news.example.org/i/boats.jpg>)\n"
                + "*Boats wait for the fog to lift. — Source: Ana Lopez/Getty Images*\n\n");
    }

    @Test
    void anImageWithoutAltOrCaptionIsTheImageLineAlone() {
        assertThat(markdown("<figure><img src=\"/i/x.jpg\"></figure>"))
                .isEqualTo("![Image](<https://news.example.org/i/x.jpg>)\n\n");
    }

    @Test
    void captionLinesWithoutAnImageSayImage() {
        assertThat(markdown("<p>image source AFP</p><p>image caption Volunteers gather at dawn</p>"))
                .isEqualTo("*Image: Volunteers gather at dawn — Source: AFP*\n\n");
    }

    @Test
    void markdownInCaptionsIsEscaped() {
        assertThat(markdown("<figure><img src=\"/i/x.jpg\" alt=\"a*b\"><figcaption>[x](y) *z*</figcaption></figure>"))
                .contains("![a\\*b]").contains("*\\[x\\](y) \\*z\\**");
    }
}
