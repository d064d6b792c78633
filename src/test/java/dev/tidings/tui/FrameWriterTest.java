package dev.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Frames written as bytes and replayed by {@link ByteTerminal}: clusters whole, nothing stale, no NUL. */
class FrameWriterTest {
    static Cells frame(int cols, String... rows) {
        Cells c = new Cells(cols, rows.length);
        for (int r = 0; r < rows.length; r++) {
            String s = rows[r];
            int col = 0;
            for (int i = 0; i < s.length(); ) {
                int end = dev.tidings.text.Graphemes.next(s, i);
                int w = dev.tidings.text.Graphemes.width(s, i, end);
                if (w > 0) {
                    c.put(col, r, s.substring(i, end), w, null);
                    col += w;
                }
                i = end;
            }
        }
        return c;
    }

    @Test
    void everyClusterReachesTheTerminalWholeAndNothingStaleIsLeft() {
        ByteTerminal t = new ByteTerminal(20, 2);
        FrameWriter w = new FrameWriter(Glyphs.UNICODE);
        Cells a = frame(20, "e\u0301 👍🏽 🇫🇷 ไทย", "می\u200cگوید 漢字");
        t.writeBytes(w.frame(null, a));
        assertThat(t.replay().screen()).isEqualTo("e\u0301 👍🏽 🇫🇷 ไทย\nمی\u200cگوید 漢字\n");
        Cells b = frame(20, "abc", "x 👩‍💻 y");
        t.writeBytes(w.frame(a, b));
        assertThat(t.replay().screen()).isEqualTo("abc\nx 👩‍💻 y\n");
        assertThat(t.nuls).isZero();
        assertThat(t.strayControls).isZero();
        assertThat(t.badText).isZero();
    }

    @Test
    void aClusterTerminalsDisagreeOnIsWrittenOverErasedCellsAndTheCursorPlacedAgain() {
        FrameWriter w = new FrameWriter(Glyphs.UNICODE);
        String bytes = new String(w.frame(null, frame(10, "🇫🇷x")), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bytes).contains("\u001b[2X🇫🇷\u001b[1;3Hx");
    }

    @Test
    void theLinuxConsoleAndVt100GetStandInsOfTheSameWidth() {
        assertThat(Glyphs.forTerm(Map.of("TERM", "linux"))).isEqualTo(Glyphs.LINUX_CONSOLE);
        assertThat(Glyphs.forTerm(Map.of("TERM", "vt100"))).isEqualTo(Glyphs.ASCII);
        assertThat(Glyphs.forTerm(Map.of("TERM", "xterm-256color"))).isEqualTo(Glyphs.UNICODE);
        assertThat(Glyphs.LINUX_CONSOLE.drawable("漢", 2)).isEqualTo("··");
        assertThat(Glyphs.LINUX_CONSOLE.drawable("e\u0301", 1)).isEqualTo("e\u0301");
        assertThat(Glyphs.LINUX_CONSOLE.drawable("ж", 1)).isEqualTo("ж");
        assertThat(Glyphs.ASCII.drawable("é", 1)).isEqualTo(".");
        assertThat(Glyphs.ASCII.drawable("a", 1)).isEqualTo("a");
        assertThat(Glyphs.UNICODE.drawable("👩‍💻", 2)).isEqualTo("👩‍💻");
    }

    @Test
    void bidiModesParseAndAutoDefersToTerminalsThatReorder() {
        assertThat(BidiMode.parse("App")).isEqualTo(BidiMode.APP);
        assertThat(BidiMode.parse("sideways")).isNull();
        assertThat(BidiMode.AUTO.resolve(Map.of())).isEqualTo(BidiMode.APP);
        assertThat(BidiMode.AUTO.resolve(Map.of("KONSOLE_VERSION", "230800"))).isEqualTo(BidiMode.TERMINAL);
        assertThat(BidiMode.OFF.resolve(Map.of("KONSOLE_VERSION", "1"))).isEqualTo(BidiMode.OFF);
    }
}
