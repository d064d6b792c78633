package dev.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tidings [FEED...]} opens the reader without picocli's parser; everything else still goes
 * through it, and both paths answer alike.
 */
class ReaderWithoutOptionsTest {
    @TempDir
    Path home;

    private Env env(String term) {
        return new Env(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_DATA_HOME", home.resolve("data").toString(), "XDG_CACHE_HOME", home.resolve("cache").toString(),
                "XDG_STATE_HOME", home.resolve("state").toString(), "TERM", term),
                new java.io.ByteArrayInputStream(new byte[0]), ZoneOffset.UTC, false);
    }

    @Test
    void argumentsThatNeedTheParserAreLeftToIt() {
        PrintWriter err = new PrintWriter(new StringWriter());
        for (String[] args : new String[][] {{"--theme", "dark"}, {"-h"}, {"--help"}, {"help"}, {"list"},
            {"feed.xml", "--offline=false"}, {"@args.txt"}, {"--"}, {"--", "--offline"}, {"--offline", "list"},
            {"dump", "--item", "1"}}) {
            assertThat(TidingsCommand.withoutOptions(env("xterm"), args, err)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void plainFeedsOpenTheReaderAndSayWhatTheParsedPathSays() throws Exception {
        Path feed = Files.writeString(home.resolve("news.xml"), "<rss version=\"2.0\"><channel/></rss>");
        StringWriter direct = new StringWriter();
        Integer code = TidingsCommand.withoutOptions(env("dumb"), new String[] {feed.toString(), "-"},
                new PrintWriter(direct));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(direct.toString()).startsWith("tidings: the full-screen reader needs a terminal (TERM=dumb")
                .contains("'tidings list " + feed + " -'");

        StringWriter parsed = new StringWriter(); // the same arguments with an option go through picocli
        int parsedCode = Main.run(new String[] {"--bidi", "auto", feed.toString(), "-"}, env("dumb"),
                new PrintWriter(new StringWriter()), new PrintWriter(parsed));
        assertThat(parsedCode).isEqualTo(code);
        assertThat(parsed.toString()).isEqualTo(direct.toString());
    }

    @Test
    void offlineIsTheOneOptionTakenWithoutTheParser() throws Exception {
        Path feed = Files.writeString(home.resolve("news.xml"), "<rss version=\"2.0\"><channel/></rss>");
        StringWriter direct = new StringWriter();
        Integer code = TidingsCommand.withoutOptions(env("dumb"), new String[] {"--offline", feed.toString()},
                new PrintWriter(direct));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        StringWriter parsed = new StringWriter(); // --debug is left to picocli
        Main.run(new String[] {"--debug", feed.toString(), "--offline"}, env("dumb"), new PrintWriter(new StringWriter()),
                new PrintWriter(parsed));
        assertThat(parsed.toString()).isEqualTo(direct.toString()).contains("'tidings list " + feed + "'");
    }

    @Test
    void aMistypedCommandIsCaughtOnBothPaths() {
        StringWriter direct = new StringWriter();
        assertThat(TidingsCommand.withoutOptions(env("xterm"), new String[] {"lsit"}, new PrintWriter(direct)))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(direct.toString()).contains("did you mean 'tidings list'");
        StringWriter parsed = new StringWriter();
        Main.run(new String[] {"--offline", "lsit"}, env("xterm"), new PrintWriter(new StringWriter()),
                new PrintWriter(parsed));
        assertThat(parsed.toString()).isEqualTo(direct.toString());
    }
}
