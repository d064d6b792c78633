package dev.tidings.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.text.Width;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue #10 in the layout: soft hyphens, tab stops, clusters never split, direction per line. */
class LayoutScriptsTest {
    static List<String> lay(String text, int width) {
        return Layout.lay(List.of(new Block.Paragraph(List.of(new Span(text, Style.BODY)))), width).stream()
                .map(Line::text).toList();
    }

    @Test
    void softHyphensAreInvisibleUnlessAWordBreaksThere() {
        assertThat(lay("extra\u00adordinary", 40)).containsExactly("extraordinary");
        assertThat(lay("an extra\u00adordinary day", 12)).containsExactly("an extra-", "ordinary day");
    }

    @Test
    void tabsInPreformattedTextGoToTabStops() {
        List<Line> lines = Layout.lay(List.of(new Block.Code("a\tb\n漢\tc")), 40);
        assertThat(lines.get(0).text()).isEqualTo("  a       b");
        assertThat(lines.get(1).text()).isEqualTo("  漢      c");
    }

    @Test
    void longWordsSplitBetweenClustersNeverInside() {
        String word = "e\u0301".repeat(30) + "👩‍💻".repeat(10);
        for (String line : lay(word, 11)) {
            assertThat(Width.of(line)).isLessThanOrEqualTo(11);
            assertThat(line).doesNotStartWith("\u0301").doesNotStartWith("\u200d");
        }
        assertThat(String.join("", lay(word, 11))).isEqualTo(word);
    }

    @Test
    void linesKnowTheirParagraphDirection() {
        List<Line> rtl = Layout.lay(List.of(new Block.Paragraph(List.of(new Span("2021 שלום world", Style.BODY)))), 40);
        List<Line> ltr = Layout.lay(List.of(new Block.Paragraph(List.of(new Span("hello שלום", Style.BODY)))), 40);
        assertThat(rtl.get(0).rtl()).isTrue();
        assertThat(ltr.get(0).rtl()).isFalse();
    }

    @Test
    void aHugeParagraphAtWidthZeroIsOneLineWithEveryWord() {
        String text = "word ".repeat(200_000).strip();
        List<String> lines = lay(text, 0);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).isEqualTo(text);
    }
}
