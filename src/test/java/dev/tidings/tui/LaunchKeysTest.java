package dev.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.tidings.app.Headline;
import dev.tidings.app.FeedLoader;
import dev.tidings.app.LoadedFeed;
import dev.tidings.model.Enclosure;
import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "e" opens an enclosure, "|" sends the link to a send-to command, and what running them reports (issue #13). */
class LaunchKeysTest {
    private static final String TITLE = "Fog \"signals\"; $(touch /tmp/pwned) `id`\nline two";

    private static ReaderState state() {
        Item podcast = new Item("ep12", TITLE, "https://harbour.example.net/12", Instant.parse("2026-11-30T06:00:00Z"),
                null, List.of(), List.of(), "", "<p>Notes.</p>",
                List.of(new Enclosure("https://cdn.harbour.example.net/ep12.mp3", "audio/mpeg", 24613210, 3723),
                        new Enclosure("https://cdn.harbour.example.net/ep12.mp4", "video/mp4", -1, -1)),
                List.of());
        Item plain = new Item("text", "No files", "https://harbour.example.net/text", Instant.parse("2026-11-29T06:00:00Z"),
                null, List.of(), List.of(), "", "<p>Text.</p>", List.of(), List.of());
        LoadedFeed feed = new LoadedFeed("harbour.xml",
                new Feed(FeedFormat.RSS_20, "Harbour Hours", "", "", "", List.of(podcast, plain)), null);
        List<Headline> entries = FeedLoader.headlines(List.of(feed));
        ReaderState s = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
        s.setSize(100, 30);
        s.setEntries(entries);
        return s;
    }

    @Test
    void eOpensTheFirstEnclosureOrTheNumberedOneWithItsType() {
        ReaderState s = state();
        Samples.keys(s, "Enter");
        s.drainEffects();
        Samples.keys(s, "e");
        assertThat(s.drainEffects()).containsExactly(new Effect.Open(
                "https://cdn.harbour.example.net/ep12.mp3", "audio/mpeg", TITLE, "Harbour Hours"));
        Samples.keys(s, "2", "e");
        assertThat(s.drainEffects()).extracting(e -> ((Effect.Open) e).type()).containsExactly("video/mp4");
        Samples.keys(s, "3", "e");
        assertThat(s.drainEffects()).isEmpty();
        assertThat(s.statusText()).isEqualTo("No enclosure 3: this article has 2");
        Samples.keys(s, "n", "e");
        assertThat(s.drainEffects()).noneMatch(e -> e instanceof Effect.Open);
        assertThat(s.statusText()).isEqualTo("This article has no enclosures");
    }

    @Test
    void pipeAsksForASendToCommandByNameOrNumber() {
        ReaderState s = state();
        Samples.keys(s, "|");
        assertThat(s.statusText()).startsWith("No send-to commands");
        s.settings().setSendToNames(List.of("pinboard", "later"));
        Samples.keys(s, "|");
        assertThat(s.prompt()).isEqualTo(Prompt.SEND_TO);
        assertThat(s.sendToChoices()).isEqualTo("1 pinboard, 2 later");
        Samples.keys(s, "2", "Enter");
        assertThat(s.drainEffects()).containsExactly(new Effect.SendTo("later",
                "https://harbour.example.net/12", TITLE, "Harbour Hours"));
        Samples.keys(s, "Enter", "|");
        Samples.type(s, "pinboard");
        Samples.keys(s, "Enter");
        assertThat(s.drainEffects()).filteredOn(e -> e instanceof Effect.SendTo)
                .extracting(e -> ((Effect.SendTo) e).command()).containsExactly("pinboard");
        Samples.keys(s, "|");
        Samples.type(s, "nope");
        Samples.keys(s, "Enter");
        assertThat(s.statusText()).isEqualTo("No send-to command 'nope' (known: pinboard, later)");
    }

    @Test
    void aMissingProgramIsAStatusLineMessage() {
        ReaderState s = state();
        EffectRunner runner = new EffectRunner(s, null, Map.of("PATH", "/nonexistent"), null,
                new LinkedBlockingQueue<>(), null);
        runner.launchers(Launchers.parse(List.of("audio/* mpv %u"), List.of("pin no-such-bookmarker %u")));
        assertThat(new Effect.Open("https://cdn.example/a.mp3", "audio/mpeg", "t", "f").accept(runner)).isFalse();
        assertThat(s.statusText()).isEqualTo("open-with: program 'mpv' not found");
        new Effect.SendTo("pin", "https://a.example/", "t", "f").accept(runner);
        assertThat(s.statusText()).isEqualTo("send-to pin: program 'no-such-bookmarker' not found");
    }

    @Test
    void theProgramGetsTheTerminalAndEachArgumentIntactAndItsExitStatusIsReported(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("args.txt");
        Path tool = dir.resolve("bookmarker");
        // the program is this script; its arguments arrive from an argument list, no shell parses them
        Files.writeString(tool, "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]\\n' \"$a\"; done > '" + out + "'\n"
                + "[ \"$1\" = fail ] && exit 3\nexit 0\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        ReaderState s = state();
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        CellScreen screen = new CellScreen(vt, java.io.OutputStream.nullOutputStream(), Glyphs.UNICODE, BidiMode.APP);
        screen.startScreen();
        EffectRunner runner = new EffectRunner(s, screen, Map.of("PATH", dir.toString()), null,
                new LinkedBlockingQueue<>(), null);
        runner.launchers(Launchers.parse(List.of(), List.of("pin bookmarker --title %t %u", "bad bookmarker fail %u")));

        assertThat(new Effect.SendTo("pin", "https://a.example/?q=$(x)", TITLE, "f").accept(runner)).isTrue();
        assertThat(Files.readString(out)).isEqualTo("[--title]\n[" + TITLE + "]\n[https://a.example/?q=$(x)]\n");
        assertThat(s.statusText()).isEqualTo("send-to pin: bookmarker done");
        assertThat(Path.of("/tmp/pwned")).doesNotExist();

        new Effect.SendTo("bad", "https://a.example/", "t", "f").accept(runner);
        assertThat(s.statusText()).isEqualTo("send-to bad: bookmarker exited with status 3");
    }
}
