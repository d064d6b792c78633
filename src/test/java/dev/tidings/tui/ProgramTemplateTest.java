package dev.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** open-with and send-to argument lists: placeholders fill one argument each, nothing reaches a shell. */
class ProgramTemplateTest {
    private static final String HOSTILE = "Fog \"signals\"; it's $(rm -rf ~) `id` & | > x\nnext line\t%u";

    @Test
    void configValuesSplitIntoWordsWithQuotes() {
        assertThat(ProgramTemplate.split("mpv --title \"%t\" %u")).containsExactly("mpv", "--title", "%t", "%u");
        assertThat(ProgramTemplate.split("'video/*'   mpv")).containsExactly("video/*", "mpv");
        assertThat(ProgramTemplate.split("youtube\\.com mpv")).containsExactly("youtube\\.com", "mpv");
        assertThat(ProgramTemplate.split("\"youtube\\\\.com\" mpv")).containsExactly("youtube\\.com", "mpv");
        assertThat(ProgramTemplate.split("say \"a \\\"quoted\\\" word\" 'it''s' a\\ b"))
                .containsExactly("say", "a \"quoted\" word", "its", "a b");
        assertThat(ProgramTemplate.split("x \"\" y")).containsExactly("x", "", "y");
        assertThat(ProgramTemplate.split("   ")).isEmpty();
        assertThatThrownBy(() -> ProgramTemplate.split("mpv \"%u")).hasMessage("a double quote is not closed");
        assertThatThrownBy(() -> ProgramTemplate.split("mpv '%u")).hasMessage("a single quote is not closed");
    }

    @Test
    void hostileTitlesStayOneArgumentCharacterForCharacter() {
        ProgramTemplate t = new ProgramTemplate(List.of("bookmark", "--title", "%t", "--feed=%f", "%u"), false);
        List<String> argv = t.argv("https://ex.example/a?b=1&c=$(x)", HOSTILE, "Feed; rm -rf /");
        assertThat(argv).containsExactly("bookmark", "--title", HOSTILE, "--feed=Feed; rm -rf /",
                "https://ex.example/a?b=1&c=$(x)");
    }

    @Test
    void placeholdersInsideAWordAndPercentSigns() {
        ProgramTemplate t = new ProgramTemplate(List.of("tool", "url=%u", "100%%", "%x", "%"), false);
        assertThat(t.argv("https://a.example/", "T", "F"))
                .containsExactly("tool", "url=https://a.example/", "100%", "%x", "%");
        // a value that itself holds a placeholder is not expanded again
        assertThat(new ProgramTemplate(List.of("tool", "%t", "%u"), false).argv("https://a.example/", "%u %f", "F"))
                .containsExactly("tool", "%u %f", "https://a.example/");
    }

    @Test
    void withoutUrlPlaceholderTheUrlComesLast() {
        assertThat(new ProgramTemplate(List.of("mpv", "--no-video"), false).argv("https://a.example/x.mp3", "t", "f"))
                .containsExactly("mpv", "--no-video", "https://a.example/x.mp3");
    }

    @Test
    void aProgramMustBeNamed() {
        assertThatThrownBy(() -> new ProgramTemplate(List.of(), false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProgramTemplate(List.of(""), false)).isInstanceOf(IllegalArgumentException.class);
    }
}
