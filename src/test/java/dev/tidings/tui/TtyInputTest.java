package dev.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue #12: while a text browser or the shell has the terminal, the reader takes not one byte from it. */
class TtyInputTest {
    /** A terminal's input: bytes typed are there until someone reads them. */
    static final class Typed extends InputStream {
        private final StringBuilder waiting = new StringBuilder();
        volatile boolean hungUp;

        synchronized void type(String s) {
            waiting.append(s);
        }

        synchronized int left() {
            return waiting.length();
        }

        @Override
        public synchronized int available() throws IOException {
            if (hungUp) {
                throw new IOException("Input/output error");
            }
            return waiting.length();
        }

        @Override
        public synchronized int read() {
            throw new AssertionError("TtyInput must read in chunks it knows are there");
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = Math.min(len, waiting.length());
            byte[] bytes = waiting.substring(0, n).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(bytes, 0, b, off, n);
            waiting.delete(0, n);
            return n;
        }
    }

    @Test
    void pausedItLeavesEveryByteForTheProgramThatOwnsTheTerminal() throws Exception {
        Typed tty = new Typed();
        TtyInput in = new TtyInput(tty);
        tty.type("j");
        byte[] buf = new byte[16];
        assertThat(in.read(buf, 0, buf.length)).isEqualTo(1);

        in.pause();
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                int n = in.read(buf, 0, buf.length);
                return new String(buf, 0, n, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        tty.type("lynx's line\n");
        Thread.sleep(300);
        assertThat(tty.left()).as("bytes taken while paused").isEqualTo(12);
        assertThat(reader).isNotDone();
        tty.read(new byte[64], 0, 64); // the browser reads its line
        tty.type("k");
        in.resume();
        assertThat(reader.get(5, TimeUnit.SECONDS)).isEqualTo("k");
    }

    @Test
    void aTerminalThatHungUpEndsTheInput() {
        Typed tty = new Typed();
        tty.hungUp = true;
        TtyInput in = new TtyInput(tty);
        assertThatThrownBy(() -> in.read(new byte[4], 0, 4)).isInstanceOf(IOException.class);
    }

    @Test
    void pastesAndMouseReportsComeOutAsMarkersWithTheirEventsInOrder() throws Exception {
        Typed tty = new Typed();
        TtyInput in = new TtyInput(tty);
        tty.type("/\u001b[200~abc\u001b[201~\u001b[<0;5;6M");
        byte[] buf = new byte[64];
        StringBuilder got = new StringBuilder();
        while (got.length() < 3) {
            got.append(new String(buf, 0, in.read(buf, 0, buf.length), StandardCharsets.UTF_8));
        }
        assertThat(got.toString()).isEqualTo("/" + InputSplitter.PASTE + InputSplitter.MOUSE);
        assertThat(in.nextEvent()).isEqualTo("abc");
        assertThat(in.nextEvent()).isEqualTo(new InputSplitter.Mouse(0, 5, 6, false));
    }
}
