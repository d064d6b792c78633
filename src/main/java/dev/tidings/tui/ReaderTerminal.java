package dev.tidings.tui;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * The process's own terminal as the reader uses it: stdin through a {@link TtyInput} that can be
 * paused, Lanterna's {@link TtyTerminal} over it, and our {@link CellScreen} writing to stdout.
 * However the reader ends (a return, an exception, or SIGTERM/SIGHUP through a shutdown hook) the
 * alternate screen is left once, under the paint lock, so nothing is drawn over the shell.
 */
final class ReaderTerminal {
    final FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    final TtyInput input = new TtyInput(new FileInputStream(FileDescriptor.in));
    final TtyTerminal terminal;
    final CellScreen screen;
    private Thread restore;

    /** Sets the terminal up ({@code mouse}: reports asked for); the screen is not started yet. */
    ReaderTerminal(Map<String, String> env, BidiMode bidi, boolean mouse) throws IOException {
        terminal = new TtyTerminal(input, out);
        terminal.mouse(mouse);
        screen = new CellScreen(terminal, out, Glyphs.forTerm(env), bidi.resolve(env));
    }

    /** From now on a JVM shutdown (SIGTERM, SIGHUP) shows the cursor and leaves the alternate screen. */
    void restoreOnShutdown() {
        restore = new Thread(() -> {
            synchronized (terminal.paintLock) {
                try {
                    terminal.exitPrivateMode(); // shows the cursor, leaves the alternate screen, once
                } catch (IOException | RuntimeException ignored) {
                    // the terminal may be gone (SIGHUP); Lanterna's own hook restores stty
                }
            }
        }, "tidings-restore");
        Runtime.getRuntime().addShutdownHook(restore);
    }

    /** Leaves the screen (unless it was given back already), closes the terminal, drops the hook. */
    void close() throws IOException {
        try {
            synchronized (terminal.paintLock) {
                if (!terminal.released()) {
                    screen.stopScreen();
                }
            }
        } finally {
            terminal.close();
            if (restore != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(restore);
                } catch (IllegalStateException ignored) {
                    // already shutting down
                }
            }
        }
    }
}
