package dev.tidings.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue #10: a paragraph's direction comes from the markup's dir/lang when it gives one. */
class MarkupDirectionTest {
    /** "R" or "L" per laid-out paragraph line (blank separators left out). */
    private static List<String> directions(String html) {
        ArticleBody body = HtmlConverter.convert(html, null, List.of());
        return Layout.lay(body.blocks(), 40).stream().filter(l -> !l.text().isBlank())
                .map(l -> l.rtl() ? "R:" + l.text() : "L:" + l.text()).toList();
    }

    @Test
    void dirRtlMakesALatinFirstParagraphRightToLeft() {
        // first strong character is Latin: without the markup this paragraph would be left to right
        assertThat(directions("<p dir=\"rtl\">NRF گزارش داد</p>")).hasSize(1).allMatch(s -> s.startsWith("R:"));
        assertThat(directions("<p>NRF گزارش داد</p>")).allMatch(s -> s.startsWith("L:"));
    }

    @Test
    void theNearestAncestorDecidesAndDirLtrOrAutoOverridesIt() {
        assertThat(directions("<div dir=\"rtl\"><p>Alpha</p><p dir=\"ltr\">שלום עולם</p><p dir=\"auto\">Beta</p>"
                + "<h2>Gamma</h2><ul><li>Delta</li></ul><blockquote>Epsilon</blockquote></div>"))
                .containsExactly("R:Alpha", "L:שלום עולם", "L:Beta", "R:Gamma", "R:• Delta", "R:│ Epsilon");
    }

    @Test
    void langOfARightToLeftLanguageDecidesWhenDirIsAbsent() {
        assertThat(directions("<section lang=\"fa-IR\"><p>2021 NRF</p></section>")).containsExactly("R:2021 NRF");
        assertThat(directions("<p lang=\"ur\">Lahore</p>")).containsExactly("R:Lahore");
        assertThat(directions("<p lang=\"pa-Arab\">Lahore</p>")).containsExactly("R:Lahore");
        // a left-to-right language forces nothing: Hebrew text still reads right to left
        assertThat(directions("<p lang=\"en\">שלום</p>")).containsExactly("R:שלום");
        assertThat(directions("<p lang=\"he\" dir=\"ltr\">שלום</p>")).containsExactly("L:שלום");
    }

    @Test
    void textBeforeAndAfterADirectedElementKeepsItsOwnDirection() {
        assertThat(directions("<div>Before<p dir=\"rtl\">Inside</p>After</div>"))
                .containsExactly("L:Before", "R:Inside", "L:After");
        // an inline element's dir does not decide its paragraph's direction
        assertThat(directions("<p>Start <span dir=\"rtl\">middle</span> end</p>")).containsExactly("L:Start middle end");
    }

    @Test
    void unknownValuesAreIgnored() {
        assertThat(Direction.of("sideways", "")).isNull();
        assertThat(Direction.of("", "xx")).isNull();
        assertThat(Direction.of(" RTL ", "")).isEqualTo(Direction.RTL);
        assertThat(Direction.of(null, "AR")).isEqualTo(Direction.RTL);
    }
}
