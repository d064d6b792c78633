package dev.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tidings.subs.FeedSettings;
import dev.tidings.subs.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The escape sequences of terminal notifications, notify-program's arguments and the reload schedule. */
class NotificationBytesTest {
    private static String seq(String title, String body, Map<String, String> env) {
        return new String(TerminalNotification.bytes(title, body, env), StandardCharsets.UTF_8);
    }

    @Test
    void osc9ForMostTerminalsAndWhenUnknown() {
        assertThat(seq("Tidings", "3 new items in A", Map.of("TERM_PROGRAM", "iTerm.app")))
                .isEqualTo("\u001b]9;Tidings: 3 new items in A\u0007");
        assertThat(seq("Tidings", "x", Map.of())).isEqualTo("\u001b]9;Tidings: x\u0007");
    }

    @Test
    void osc777ForUrxvtFootAndVte() {
        for (Map<String, String> env : List.of(Map.of("TERM", "rxvt-unicode-256color"), Map.of("TERM", "foot"),
                Map.of("TERM", "xterm-256color", "VTE_VERSION", "7600"))) {
            assertThat(seq("Tidings", "2 new; items", env)).as(env.toString())
                    .isEqualTo("\u001b]777;notify;Tidings;2 new, items\u0007");
        }
    }

    @Test
    void insideTmuxItIsWrappedForPassthroughWithEveryEscDoubled() {
        assertThat(seq("Tidings", "1 new item in A", Map.of("TMUX", "/tmp/tmux-1000/default,1,0")))
                .isEqualTo("\u001bPtmux;\u001b\u001b]9;Tidings: 1 new item in A\u0007\u001b\\");
    }

    @Test
    void feedTextCannotEndTheSequenceOrStartAnother() {
        String s = seq("Tidings", "in \u001b]52;c;aGk=\u0007 Evil\u009b31m\u0007\r\nFeed\u202e", Map.of("TMUX", "x"));
        String inner = s.substring("\u001bPtmux;\u001b\u001b]9;".length(), s.length() - "\u0007\u001b\\".length());
        assertThat(inner).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b")
                .doesNotContain("\r").doesNotContain("\n").doesNotContain("\u202e");
        assertThat(inner).startsWith("Tidings: in ").contains("Evil");
    }

    @Test
    void longTextIsCutWithoutSplittingACharacter() {
        String body = "a".repeat(TerminalNotification.MAX_TEXT - 1) + "\ud83d\ude00 tail";
        String clean = TerminalNotification.clean(body);
        assertThat(clean).hasSize(TerminalNotification.MAX_TEXT - 1).doesNotContain("\ud83d");
    }

    @Test
    void notifyProgramSplitsWordsAndFillsPlaceholdersPerArgument() {
        NotifyProgram p = NotifyProgram.parse("/usr/bin/notify-send \"Tidings: %n new\" -- %t %f %x");
        assertThat(p.command(3, List.of("A; rm -rf ~", "B"))).containsExactly("/usr/bin/notify-send",
                "Tidings: 3 new", "--", "A; rm -rf ~, B", "2", "%x");
        assertThat(NotifyProgram.parse("%t").command(1, List.of("x"))).containsExactly("%t"); // the program is never feed text
        assertThatThrownBy(() -> NotifyProgram.parse("  ")).hasMessageContaining("expected a program");
        assertThatThrownBy(() -> NotifyProgram.parse("prog \"open")).hasMessageContaining("unterminated quote");
    }

    @Test
    void liveOptionsRefuseUnknownNotifyValues() {
        assertThatThrownBy(() -> LiveOptions.of(0, "bell", null)).hasMessage("notify: expected terminal or off, not 'bell'");
    }

    @Test
    void eachFeedReloadsAtItsOwnIntervalOrTheGlobalOne() {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        Subscription own = new Subscription("https://a.example/f", "", List.of(), new FeedSettings(5, null, null, null, null));
        Subscription global = new Subscription("https://b.example/f");
        Subscription never = new Subscription("https://c.example/f", "", List.of(), new FeedSettings(0, null, null, null, null));
        ReloadSchedule s = new ReloadSchedule(List.of(own, global, never), 15, t0);
        assertThat(s.any()).isTrue();
        assertThat(s.due(t0.plusSeconds(4 * 60))).isEmpty();
        assertThat(s.due(t0.plusSeconds(5 * 60))).containsExactly("https://a.example/f");
        assertThat(s.due(t0.plusSeconds(5 * 60 + 1))).isEmpty();
        assertThat(s.due(t0.plusSeconds(15 * 60))).containsExactly("https://a.example/f", "https://b.example/f");
        assertThat(new ReloadSchedule(List.of(global), 0, t0).any()).isFalse();
    }
}
