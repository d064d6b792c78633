package dev.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** Issue #12: pastes and mouse reports are taken out of the key stream before Lanterna sees it. */
class InputSplitterTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Queue<Object> events = new ArrayDeque<>();
    private final InputSplitter splitter = new InputSplitter(out, events);

    private String feed(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        splitter.feed(b, 0, b.length);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keysAndEscapeSequencesPassUnchanged() {
        assertThat(feed("jk\u001b[A\u001b[1;5B\u001bOP\u001b[3~é")).isEqualTo("jk\u001b[A\u001b[1;5B\u001bOP\u001b[3~é");
        assertThat(splitter.holding()).isFalse();
        assertThat(events).isEmpty();
    }

    @Test
    void aBracketedPasteBecomesOneMarkerAndItsTextNeverKeys() {
        assertThat(feed("/\u001b[200~tele\nscope\u001b[201~x")).isEqualTo("/" + InputSplitter.PASTE + "x");
        assertThat(events).containsExactly("tele\nscope");
    }

    @Test
    void aPasteSplitAnywhereAcrossReadsIsStillOnePaste() {
        String all = "\u001b[200~a\u001b[20b\u001b[201~";
        for (int cut = 1; cut < all.length(); cut++) {
            out.reset();
            events.clear();
            feed(all.substring(0, cut));
            assertThat(feed(all.substring(cut))).as("cut at %d", cut).isEqualTo(String.valueOf(InputSplitter.PASTE));
            assertThat(events).as("cut at %d", cut).containsExactly("a\u001b[20b");
        }
    }

    @Test
    void aHugePasteKeepsItsStartAndCostsNoMoreThanItsCap() {
        String big = "x".repeat(InputSplitter.MAX_PASTE * 3);
        feed("\u001b[200~" + big + "\u001b[201~");
        assertThat((String) events.poll()).hasSize(InputSplitter.MAX_PASTE);
    }

    @Test
    void aPasteWhoseEndNeverComesIsClosedByFlush() {
        feed("\u001b[200~abc");
        assertThat(splitter.inPaste()).isTrue();
        splitter.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(String.valueOf(InputSplitter.PASTE));
        assertThat(events).containsExactly("abc");
        assertThat(feed("j")).endsWith("j");
    }

    @Test
    void sgrUrxvtAndX10MouseReportsBecomeMarkersNotDigitsAndM() {
        String s = feed("\u001b[<65;10;5M\u001b[<0;3;7m\u001b[32;4;6M\u001b[M" + (char) (32 + 64) + (char) 40 + (char) 50 + "q");
        String m = String.valueOf(InputSplitter.MOUSE);
        assertThat(s).isEqualTo(m + m + m + m + "q");
        List<Object> list = List.copyOf(events);
        assertThat(list).containsExactly(
                new InputSplitter.Mouse(65, 10, 5, false),
                new InputSplitter.Mouse(0, 3, 7, true),
                new InputSplitter.Mouse(0, 4, 6, false),
                new InputSplitter.Mouse(64, 8, 18, false));
        assertThat(((InputSplitter.Mouse) list.get(0)).wheelDown()).isTrue();
        assertThat(((InputSplitter.Mouse) list.get(3)).wheelUp()).isTrue();
        assertThat(((InputSplitter.Mouse) list.get(2)).leftClick()).isTrue();
    }

    @Test
    void aLoneEscapeIsHeldUntilFlushThenPassedAsTheEscKey() {
        assertThat(feed("\u001b")).isEmpty();
        assertThat(splitter.holding()).isTrue();
        splitter.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\u001b");
        assertThat(feed("\u001b[")).isEqualTo("\u001b");
        splitter.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\u001b\u001b[");
    }

    @Test
    void markerCharactersTypedForRealAreDropped() {
        assertThat(feed("a" + InputSplitter.PASTE + InputSplitter.MOUSE + "b\uFDD2")).isEqualTo("ab\uFDD2");
        assertThat(events).isEmpty();
    }

    @Test
    void anOverlongSequenceIsPassedOnNotHeldForever() {
        String s = "\u001b[" + "1;".repeat(100) + "A";
        assertThat(feed(s)).isEqualTo(s);
        assertThat(splitter.holding()).isFalse();
    }
}
