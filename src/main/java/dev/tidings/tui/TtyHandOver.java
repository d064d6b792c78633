package dev.tidings.tui;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Lends the terminal out and takes it back: to a program run in it (a text browser) until it
 * exits, and to the shell on Ctrl-Z until {@code fg}. Lending it out stops reading the terminal
 * (not one key is taken from the other program), leaves the alternate screen (bracketed paste and
 * mouse reports off, cursor shown) and gives the tty its cooked settings back; taking it back
 * restores raw mode and the alternate screen, and the reader then repaints every cell.
 *
 * <p>Java cannot stop itself the way a C program re-raises SIGTSTP, so Ctrl-Z is handled in two
 * steps: the SIGTSTP handler posts an event to the reader's queue, and the UI thread, after
 * giving the terminal back, sends itself SIGSTOP with {@code kill -STOP PID} (an argument list,
 * no shell). The shell sees the job stopped; {@code fg} sends SIGCONT and the same call returns.
 */
final class TtyHandOver {
    private final TtyTerminal terminal;
    private final CellScreen screen;
    private final TtyInput input;
    /** True while a program runs in the terminal: Ctrl-Z then stops the reader as it is. */
    private volatile boolean childRunning;

    TtyHandOver(TtyTerminal terminal, CellScreen screen, TtyInput input) {
        this.terminal = terminal;
        this.screen = screen;
        this.input = input;
    }

    /**
     * Calls {@code onSuspend} on SIGTSTP (Ctrl-Z) while the reader owns the terminal; while a
     * program runs in it, the reader just stops beside it (the program had the tty set up its way).
     * False when this JVM does not let us handle the signal (Ctrl-Z then stops as before).
     */
    boolean handleSuspend(Runnable onSuspend) {
        try {
            Signal.handle(new Signal("TSTP"), sig -> {
                if (childRunning) {
                    stopSelf();
                } else {
                    onSuspend.run();
                }
            });
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Runs {@code argv} in the terminal, with the terminal as its stdin/stdout/stderr, and waits for it. */
    int runInTerminal(List<String> argv) throws IOException, InterruptedException {
        Signal interrupt = new Signal("INT");
        // Ctrl-C in the program also reaches us (same process group): it is the program's key, not a quit
        SignalHandler before = Signal.handle(interrupt, sig -> { });
        lend(false);
        childRunning = true;
        try {
            return new ProcessBuilder(argv).inheritIO().start().waitFor();
        } finally {
            childRunning = false;
            Signal.handle(interrupt, before);
            takeBack();
        }
    }

    /** Ctrl-Z: gives the terminal to the shell, stops until {@code fg}, then takes it back. */
    void suspend() throws IOException {
        lend(true);
        try {
            stopSelf();
        } finally {
            takeBack();
        }
    }

    private void lend(boolean toShell) throws IOException {
        input.pause();
        synchronized (terminal.paintLock) {
            if (!terminal.released()) {
                screen.stopScreen();
            }
        }
        terminal.cooked(toShell);
    }

    private void takeBack() throws IOException {
        terminal.raw();
        screen.startScreen();
        input.resume();
    }

    /** SIGSTOP to this process; returns after SIGCONT. */
    private static void stopSelf() {
        try {
            Process p = new ProcessBuilder("kill", "-STOP", Long.toString(ProcessHandle.current().pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): the reader keeps running, the terminal is taken back at once
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
