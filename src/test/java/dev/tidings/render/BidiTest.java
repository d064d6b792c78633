package dev.tidings.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BidiTest {
    @Test
    void leftToRightTextIsLeftAlone() {
        Line l = Line.of("plain English", Style.BODY);
        assertThat(Bidi.visual(l)).isSameAs(l);
        assertThat(Bidi.visual("abc")).isEqualTo("abc");
    }

    @Test
    void rightToLeftLineIsReversedWithLatinAndNumbersInTheirOwnOrderAndBracketsMirrored() {
        Line l = new Line(List.of(new Segment("גזר NRF 2021 (ב)", Style.BODY)), true);
        assertThat(Bidi.visual(l).text()).isEqualTo("(ב) NRF 2021 רזג"); // W7: a number after Latin is Latin
    }

    @Test
    void marksAndZwnjStayWithTheirLetters() {
        // می‌گوید: ZWNJ after ی, and a mark on ه stays after it when reversed
        String word = "می\u200cگوید";
        String v = Bidi.visual(word);
        assertThat(v).isEqualTo("دیوگ" + "ی\u200cم");
        assertThat(Bidi.visual("هِ")).isEqualTo("هِ");
    }

    @Test
    void stylesFollowTheirTextIntoDisplayOrder() {
        Line l = new Line(List.of(new Segment("אב ", Style.BODY), new Segment("גד", Style.STRONG)), true);
        List<Segment> v = Bidi.visual(l).segments();
        assertThat(v).containsExactly(new Segment("דג", Style.STRONG), new Segment(" בא", Style.BODY));
    }

    @Test
    void dumpBidiRightAlignsRightToLeftLines() {
        List<Line> out = Bidi.display(List.of(new Line(List.of(new Segment("אב", Style.BODY)), true),
                Line.of("ab", Style.BODY)), 10);
        assertThat(out.get(0).text()).isEqualTo("        בא");
        assertThat(out.get(1).text()).isEqualTo("ab");
    }
}
