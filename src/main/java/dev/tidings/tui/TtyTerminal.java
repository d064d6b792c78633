package dev.tidings.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Lanterna's text terminal (never its Swing window), asking {@code stty} for the window size
 * instead of a cursor-position query that stalls start-up where the terminal does not answer.
 */
final class TtyTerminal extends UnixTerminal {
    /** Held while a frame is drawn and while the alternate screen is left, so neither cuts into the other. */
    final Object paintLock = new Object();
    private volatile boolean released;

    TtyTerminal(InputStream in, OutputStream out) throws IOException {
        super(in, out, StandardCharsets.UTF_8, CtrlCBehaviour.TRAP);
    }

    /**
     * Leaves the alternate screen once, under the paint lock. Lanterna's own shutdown hook (SIGTERM,
     * SIGHUP) calls this too: taking the lock means a frame being drawn finishes first and none is
     * drawn after, so nothing lands on the user's shell and the cursor is shown again.
     */
    @Override
    public void exitPrivateMode() throws IOException {
        synchronized (paintLock) {
            if (released) {
                return;
            }
            released = true;
            super.exitPrivateMode();
            flush();
        }
    }

    /** Enters the alternate screen (again, after a text browser ran in the terminal). */
    @Override
    public void enterPrivateMode() throws IOException {
        synchronized (paintLock) {
            super.enterPrivateMode();
            released = false;
        }
    }

    /** True once the alternate screen was left: nothing may be drawn any more. */
    boolean released() {
        return released;
    }

    @Override
    protected TerminalSize findTerminalSize() throws IOException {
        TerminalSize size = sttySize();
        return size != null ? size : super.findTerminalSize();
    }

    /** "rows cols" from stty on the controlling terminal, or null. */
    static TerminalSize sttySize() {
        try {
            Process p = new ProcessBuilder("stty", "size")
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            String[] parts = out.split("\\s+");
            if (parts.length != 2) {
                return null;
            }
            int rows = Integer.parseInt(parts[0]);
            int cols = Integer.parseInt(parts[1]);
            return rows > 0 && cols > 0 ? new TerminalSize(cols, rows) : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
