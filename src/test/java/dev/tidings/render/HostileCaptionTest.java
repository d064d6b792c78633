package dev.tidings.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #16: caption and credit rules on 1 MB adversarial text end in linear time. The budgets
 * are hang guards (a backtracking rule took minutes on such input), not speed measurements.
 */
class HostileCaptionTest {
    static final int MB = 1 << 20;
    static final Duration GUARD = Duration.ofSeconds(30);

    static String repeat(String unit) {
        return unit.repeat(MB / unit.length() + 1);
    }

    @Test
    void creditRulesOnAdversarialCaptions() {
        for (String s : List.of(repeat(" "), repeat("("), repeat("[a/"), repeat("Photo: "), repeat("©"),
                repeat("| "), repeat("A/B "), repeat("Image source "), repeat("REUTERS/"), repeat(". X/Y"))) {
            assertTimeoutPreemptively(GUARD, () -> {
                Credits.split(s + ")");
                Credits.split(s);
                CreditLabels.cleanCredit(s);
                CreditLabels.cleanCaption(s);
                CreditLabels.labelKind(s);
                Credits.isSlashCredit(s);
            });
        }
    }

    @Test
    void preformattedWhitespaceIsTrimmedInLinearTime() {
        String html = "<pre>\n\nx" + repeat(" \n\t") + "y" + repeat(" \n") + "</pre>";
        ArticleBody body = assertTimeoutPreemptively(GUARD, () -> HtmlConverter.convert(html, null, List.of()));
        Block.Code code = (Block.Code) body.blocks().get(0);
        assertThat(code.text()).startsWith("x").endsWith("y");
    }

    @Test
    void figuresWithHugeCaptionsAndNestedFiguresStayLinear() {
        String caption = "<figure><img src=\"https://e.org/i.jpg\"><figcaption>" + repeat("Reuters (AP/") + " © AFP"
                + "</figcaption></figure>";
        ArticleBody body = assertTimeoutPreemptively(GUARD, () -> HtmlConverter.convert(caption, null, List.of()));
        assertThat(body.figures()).hasSize(1);
        assertThat(body.figures().get(0).credit()).isEqualTo("AFP");
        String nested = "<figure>".repeat(50_000) + "words" + "</figure>".repeat(50_000);
        ArticleBody text = assertTimeoutPreemptively(GUARD, () -> HtmlConverter.convert(nested, null, List.of()));
        assertThat(HtmlConverter.plain(((Block.Paragraph) text.blocks().get(0)).spans())).isEqualTo("words");
    }

    @Test
    void manyTinyInlineElementsMergeInLinearTime() {
        String html = "<p>" + repeat("<b>x</b>") + "</p>";
        ArticleBody body = assertTimeoutPreemptively(GUARD, () -> HtmlConverter.convert(html, null, List.of()));
        assertThat(body.blocks()).hasSize(1);
    }
}
