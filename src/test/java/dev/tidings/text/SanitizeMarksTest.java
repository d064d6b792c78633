package dev.tidings.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue #16: invisible direction marks leave one-line fields; joiners stay. */
class SanitizeMarksTest {

    @Test
    void removesLrmRlmAndAlmFromOneLineFields() {
        assertThat(Sanitize.line("a\u200Eb\u200Fc\u061Cd")).isEqualTo("abcd");
        assertThat(Sanitize.line("\u200F Breaking \u200E")).isEqualTo("Breaking");
    }

    @Test
    void keepsZeroWidthJoinersThatShapePersianAndEmoji() {
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69";
        assertThat(Sanitize.line(persian)).isEqualTo(persian);
        assertThat(Sanitize.line(family)).isEqualTo(family);
        assertThat(Sanitize.line(persian + "\u200F")).isEqualTo(persian);
    }

    @Test
    void bodiesKeepDirectionMarksForRightToLeftText() {
        assertThat(Sanitize.body("\u05D0\u200F!")).isEqualTo("\u05D0\u200F!");
    }
}
