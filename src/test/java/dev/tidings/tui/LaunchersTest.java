package dev.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchersTest {
    private static final Launchers L = Launchers.parse(List.of(
            "video/* mpv --fs %u",
            "\"youtube\\\\.com/watch\" mpv --ytdl %u",
            "audio/* @background mpv --no-video %u",
            "url:\\.pdf$ zathura",
            "type:application/epub+zip foliate %u"),
            List.of("pinboard pinboard-add --title %t %u", "later @background wallabag add %u"));

    @Test
    void mimeRulesMatchTheEnclosureTypeAndRegexRulesTheUrl() {
        assertThat(L.openWith("https://cdn.example/v.mp4", "video/mp4").orElseThrow().words())
                .containsExactly("mpv", "--fs", "%u");
        assertThat(L.openWith("https://cdn.example/v", "Video/WebM; codecs=vp9").orElseThrow().program()).isEqualTo("mpv");
        assertThat(L.openWith("https://www.YouTube.com/watch?v=x", "").orElseThrow().words()).contains("--ytdl");
        ProgramTemplate audio = L.openWith("https://cdn.example/a.mp3", "audio/mpeg").orElseThrow();
        assertThat(audio.background()).isTrue();
        assertThat(audio.words()).containsExactly("mpv", "--no-video", "%u");
        assertThat(L.openWith("https://docs.example/paper.pdf", "").orElseThrow().program()).isEqualTo("zathura");
        assertThat(L.openWith("https://b.example/book", "application/epub+zip").orElseThrow().program())
                .isEqualTo("foliate");
        // a link has no type: only URL rules apply; nothing matches: the browser
        assertThat(L.openWith("https://news.example/story", "")).isEmpty();
        assertThat(L.openWith("https://news.example/video/story", "")).isEmpty();
    }

    @Test
    void sendToCommandsByNameOrNumber() {
        assertThat(L.commandNames()).containsExactly("pinboard", "later");
        assertThat(L.command("pinboard").orElseThrow().program().words()).containsExactly("pinboard-add", "--title", "%t", "%u");
        assertThat(L.command(" 2 ").orElseThrow().name()).isEqualTo("later");
        assertThat(L.command("2").orElseThrow().program().background()).isTrue();
        assertThat(L.command("3")).isEmpty();
        assertThat(L.command("0")).isEmpty();
        assertThat(L.command("Pinboard")).isEmpty();
    }

    @Test
    void badValuesAreOneLineErrorsNamingTheSetting() {
        assertThatThrownBy(() -> Launchers.parse(List.of("video/*"), List.of()))
                .hasMessage("open-with: 'video/*': expected a MIME type or URL regex and a program, as in"
                        + " 'open-with = video/* mpv %u'");
        assertThatThrownBy(() -> Launchers.parse(List.of("(unclosed mpv"), List.of()))
                .hasMessageStartingWith("open-with: '(unclosed mpv': not a regex: ");
        assertThatThrownBy(() -> Launchers.parse(List.of("x \"mpv"), List.of()))
                .hasMessage("open-with: 'x \"mpv': a double quote is not closed");
        assertThatThrownBy(() -> Launchers.parse(List.of(), List.of("pin @background")))
                .hasMessageStartingWith("send-to: 'pin @background': expected a name and a program");
        assertThatThrownBy(() -> Launchers.parse(List.of(), List.of("12 tool")))
                .hasMessage("send-to: '12 tool': a name cannot be a number");
        assertThatThrownBy(() -> Launchers.parse(List.of(), List.of("a x", "a y"))).hasMessage("send-to: 'a' is named twice");
    }

    @Test
    void programsAreLookedUpOnPath(@TempDir Path dir) throws IOException {
        Path tool = dir.resolve("tool");
        Files.writeString(tool, "#!/bin/sh\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        Path plain = dir.resolve("notexec");
        Files.writeString(plain, "");
        Map<String, String> env = Map.of("PATH", "/nonexistent::" + dir);
        assertThat(Launchers.locate("tool", env)).contains(tool);
        assertThat(Launchers.locate(tool.toString(), Map.of())).contains(tool);
        assertThat(Launchers.locate("notexec", env)).isEmpty();
        assertThat(Launchers.locate("no-such-program-here", env)).isEmpty();
        assertThat(Launchers.locate("nul\u0000name", env)).isEmpty();
        assertThat(Launchers.locate("tool", Map.of())).isEmpty();
    }
}
