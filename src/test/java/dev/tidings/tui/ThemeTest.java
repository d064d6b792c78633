package dev.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThemeTest {

    @ParameterizedTest
    @ValueSource(strings = {"default", "dark", "light", "high-contrast", "mono"})
    void everyBundledThemeLoadsAndStylesEverything(String name) throws Exception {
        String text = Files.readString(Path.of("themes", name + ".theme"));
        assertThat(Theme.check(name, text)).isEmpty();
        for (Ui ui : Ui.values()) {
            assertThat(text).as("%s styles %s", name, ui.configName()).containsPattern("(?m)^" + ui.configName() + "\\s*=");
        }
        Theme t = Theme.load(name, Theme.Depth.TRUECOLOR);
        assertThat(t.look(Ui.SELECTION)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "dark", "light", "high-contrast", "mono"})
    void selectionIsVisibleEvenWithoutColour(String name) throws Exception {
        Theme t = Theme.load(name, Theme.Depth.NONE);
        Theme.Look sel = t.look(Ui.SELECTION);
        Theme.Look body = t.look(Ui.BODY);
        boolean differs = sel.sgr().contains(SGR.REVERSE) || !sel.sgr().equals(body.sgr());
        assertThat(differs).as("selection must stand out in %s with NO_COLOR", name).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Theme.Depth.class)
    void coloursAreFittedToTheTerminal(Theme.Depth depth) throws Exception {
        Theme t = Theme.load("dark", depth);
        TextColor fg = t.look(Ui.SELECTION).bg();
        switch (depth) {
            case NONE: assertThat(fg).isEqualTo(TextColor.ANSI.DEFAULT); break;
            case ANSI16: assertThat(fg).isInstanceOf(TextColor.ANSI.class); break;
            case INDEXED256: assertThat(fg).isInstanceOf(TextColor.Indexed.class); break;
            default: assertThat(fg).isInstanceOf(TextColor.RGB.class);
        }
    }

    @Test
    void depthComesFromTheEnvironment() {
        assertThat(Theme.depth(Map.of("NO_COLOR", "1", "COLORTERM", "truecolor"))).isEqualTo(Theme.Depth.NONE);
        assertThat(Theme.depth(Map.of("COLORTERM", "truecolor"))).isEqualTo(Theme.Depth.TRUECOLOR);
        assertThat(Theme.depth(Map.of("TERM", "xterm-256color"))).isEqualTo(Theme.Depth.INDEXED256);
        assertThat(Theme.depth(Map.of("TERM", "linux"))).isEqualTo(Theme.Depth.ANSI16);
    }

    @Test
    void aBadThemeFileNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.theme");
        Files.writeString(file, "# comment\ntitle = bold\nlink_ref = chartreuse\n");
        assertThatThrownBy(() -> Theme.load(file.toString(), Theme.Depth.TRUECOLOR))
                .isInstanceOf(Theme.ThemeException.class)
                .hasMessage(file + ":3: 'chartreuse' is neither a colour nor an attribute");
        Files.writeString(file, "titel = red\n");
        assertThatThrownBy(() -> Theme.load(file.toString(), Theme.Depth.TRUECOLOR))
                .hasMessage(file + ":1: unknown style 'titel'");
        assertThatThrownBy(() -> Theme.load("solarized", Theme.Depth.TRUECOLOR))
                .hasMessageStartingWith("theme 'solarized' not found");
    }

    @Test
    void aUserThemeOverridesOnlyWhatItNames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.theme");
        Files.writeString(file, "caption = #ff0000 default italic # red captions\n");
        Theme t = Theme.load(file.toString(), Theme.Depth.TRUECOLOR);
        assertThat(t.look(Ui.CAPTION).fg()).isEqualTo(new TextColor.RGB(255, 0, 0));
        assertThat(t.look(Ui.SELECTION).sgr()).contains(SGR.REVERSE);
    }
}
