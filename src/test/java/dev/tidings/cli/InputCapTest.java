package dev.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.fetch.Sources;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #16: stdin and files are capped like HTTP bodies, whatever a parser makes of the cut. */
class InputCapTest {
    @TempDir
    Path home;

    /** An endless run of one byte. */
    private static final class Endless extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'a');
            served += len;
            return len;
        }
    }

    private Cli run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> vars = Map.of("HOME", home.toString(), "TERM", "dumb");
        int code = Main.run(args, new Env(vars, stdin, ZoneOffset.UTC, false), new PrintWriter(out), new PrintWriter(err));
        return new Cli(code, out.toString(), err.toString());
    }

    private record Cli(int code, String out, String err) {
    }

    @Test
    void anEndlessTitleOnStdinStopsAtTheCapWithOneLine() {
        Endless endless = new Endless();
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(
                "<rss version=\"2.0\"><channel><title>x</title><item><title>".getBytes(StandardCharsets.UTF_8)), endless);
        Cli c = run(in, "list", "-");
        assertThat(c.code).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(c.err).isEqualTo("tidings: stdin: larger than 50 MiB (the limit for a feed, as for HTTP)\n");
        assertThat(c.out).isEmpty();
        assertThat(endless.served).isLessThan(Sources.MAX_BYTES + (1 << 20)); // stopped reading at the cap
    }

    @Test
    void anEndlessJsonFeedOnStdinStopsAtTheCapToo() {
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(
                "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[],\"x\":\"".getBytes(StandardCharsets.UTF_8)),
                new Endless());
        Cli c = run(in, "dump", "-");
        assertThat(c.code).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(c.err).isEqualTo("tidings: stdin: larger than 50 MiB (the limit for a feed, as for HTTP)\n");
    }
}
