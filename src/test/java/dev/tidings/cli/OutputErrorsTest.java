package dev.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #16: write errors on stdout are one line and exit 3; a closed pipe stays quiet; Errors are one line. */
class OutputErrorsTest {
    @TempDir
    Path home;

    /** Accepts {@code room} bytes, then fails every write with {@code message}. */
    private static final class Failing extends OutputStream {
        private final String message;
        private long room;

        Failing(String message, long room) {
            this.message = message;
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > room) {
                throw new IOException(message);
            }
            room -= len;
        }
    }

    private int run(OutputStream stdout, StringWriter err, String... args) throws IOException {
        Map<String, String> vars = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("c").toString(),
                "XDG_CACHE_HOME", home.resolve("k").toString(), "XDG_DATA_HOME", home.resolve("d").toString(),
                "TERM", "dumb");
        Files.createDirectories(home);
        return Main.run(args, new Env(vars, new ByteArrayInputStream(new byte[0]), ZoneOffset.UTC, false),
                new Output(stdout), new PrintWriter(err));
    }

    @Test
    void aFullDiskIsOneLineAndExit3() throws IOException {
        for (String[] args : new String[][] {{"dump"}, {"list"}, {"list", "--format", "json"},
                {"dump", "--format", "ndjson"}, {"dump", "--format", "markdown"}}) {
            StringWriter err = new StringWriter();
            int code = run(new Failing("No space left on device", 100), err, args);
            assertThat(code).as(String.join(" ", args)).isEqualTo(ExitCodes.UNREADABLE);
            assertThat(err.toString()).isEqualTo("tidings: cannot write the output (No space left on device)\n");
        }
    }

    @Test
    void aClosedDescriptorIsOneLineAndExit3() throws IOException {
        StringWriter err = new StringWriter();
        int code = run(new Failing("Bad file descriptor", 0), err, "list");
        assertThat(code).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(err.toString()).isEqualTo("tidings: cannot write the output (Bad file descriptor)\n");
    }

    @Test
    void aClosedPipeStaysQuiet() throws IOException {
        StringWriter err = new StringWriter();
        int code = run(new Failing("Broken pipe", 10), err, "dump");
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void outputThatFitsIsNoError() throws IOException {
        StringWriter err = new StringWriter();
        int code = run(new Failing("No space left on device", Long.MAX_VALUE), err, "list");
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void anOutOfMemoryErrorIsOneLineWithoutAStackTrace() {
        StringWriter err = new StringWriter();
        int code = Main.fatal(new OutOfMemoryError("Java heap space"), new PrintWriter(err), false);
        assertThat(code).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err.toString()).startsWith("tidings: out of memory (Java heap space)")
                .endsWith("(run with --debug for details)\n").doesNotContain("\tat ");
        assertThat(err.toString().lines()).hasSize(1);
        // wrapped by a worker pool, it still reads as what it is
        assertThat(Main.oneLine(new IllegalStateException("loading feeds failed", new OutOfMemoryError("x"))))
                .startsWith("out of memory (x)");
        assertThat(Main.oneLine(new StackOverflowError())).isEqualTo("internal error: stack overflow");
    }
}
