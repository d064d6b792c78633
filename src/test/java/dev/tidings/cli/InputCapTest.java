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
        assertThat(c.err).isEqualTo("tidings: stdin: larger than 50 MiB (the limit for stdin and pipes)\n");
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
        assertThat(c.err).isEqualTo("tidings: stdin: larger than 50 MiB (the limit for stdin and pipes)\n");
    }

    @Test
    void aPipeIsCappedLikeStdin() throws Exception {
        Path fifo = home.resolve("feed.pipe");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        Thread writer = new Thread(() -> {
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(fifo)) {
                out.write("<rss version=\"2.0\"><channel><title>".getBytes(StandardCharsets.UTF_8));
                byte[] chunk = new byte[1 << 16];
                java.util.Arrays.fill(chunk, (byte) 'a');
                for (long n = 0; n < Sources.MAX_BYTES + (2 << 20); n += chunk.length) {
                    out.write(chunk);
                }
            } catch (java.io.IOException e) {
                // the reader stopped at the cap and closed the pipe
            }
        });
        writer.setDaemon(true);
        writer.start();
        Cli c = run(new ByteArrayInputStream(new byte[0]), "list", fifo.toString());
        assertThat(c.code).as(c.toString()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(c.err).isEqualTo("tidings: " + fifo + ": larger than 50 MiB (the limit for stdin and pipes)\n");
        writer.join(10_000);
    }

    @Test
    void cappedInputFailsPastItsCapAndSaysSo() throws Exception {
        dev.tidings.fetch.CappedInput in = new dev.tidings.fetch.CappedInput(new ByteArrayInputStream(new byte[100]), 64);
        byte[] buf = new byte[1000];
        assertThat(in.read(buf, 0, 64)).isEqualTo(64);
        assertThat(in.exceeded()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> in.read(buf, 0, 1000))
                .isInstanceOf(java.io.IOException.class).hasMessage("larger than 64 bytes");
        assertThat(in.exceeded()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(in::read).hasMessage("larger than 64 bytes"); // sticky
        dev.tidings.fetch.CappedInput exact = new dev.tidings.fetch.CappedInput(new ByteArrayInputStream(new byte[64]), 64);
        assertThat(exact.readAllBytes()).hasSize(64);
        assertThat(exact.exceeded()).isFalse();
    }
}
