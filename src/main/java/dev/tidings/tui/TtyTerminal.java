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
 * Raw mode here keeps the suspend key (Ctrl-Z sends SIGTSTP, which the reader handles) but turns
 * the interrupt and quit keys off: Ctrl-C is a key, and Ctrl-\ never makes the JVM print a thread
 * dump over the screen. Bracketed paste (and mouse reports, when asked for) are switched on with
 * the alternate screen and off whenever it is left (quit, SIGTERM, Ctrl-Z, a text browser).
 */
final class TtyTerminal extends UnixTerminal {
    /** Held while a frame is drawn and while the alternate screen is left, so neither cuts into the other. */
    final Object paintLock = new Object();
    private volatile boolean released;

    // Lanterna sets the tty up from its constructor with five stty processes; we do it with one.
    // These fields are written while the super constructor runs, so they have no initializers.
    /** True once the constructor is done (false while Lanterna's constructor sets the tty up). */
    private boolean constructed;
    /** {@code stty -g} from before any change: what the tty goes back to. */
    private String savedSettings;
    /** The size stty reported at start; forgotten at the first SIGWINCH. */
    private volatile TerminalSize startSize;
    /** True once the settings were restored: later mode changes are moot. */
    private volatile boolean restored;
    /** Mouse reports asked for (config {@code mouse = on}). */
    private volatile boolean mouse;

    /** The stty arguments of the reader's raw mode. */
    private static final String RAW = "-icanon min 1 -echo intr undef quit undef";
    private static final String PASTE_ON = "\u001b[?2004h";
    private static final String PASTE_OFF = "\u001b[?2004l";
    /** Button presses and the wheel (1000), reported in SGR form (1006): any column, no bytes over 127. */
    private static final String MOUSE_ON = "\u001b[?1000h\u001b[?1006h";
    private static final String MOUSE_OFF = "\u001b[?1006l\u001b[?1000l";

    TtyTerminal(InputStream in, OutputStream out) throws IOException {
        super(in, out, StandardCharsets.UTF_8, CtrlCBehaviour.TRAP);
        constructed = true;
    }

    /** Asks the terminal for mouse reports from the next time the alternate screen is entered. */
    void mouse(boolean on) {
        mouse = on;
    }

    /**
     * Saves the settings, switches canonical mode, echo and the interrupt key off, and reads the
     * size, in one shell run instead of Lanterna's five stty processes (each costs a fork and exec).
     */
    @Override
    protected void saveTerminalSettings() throws IOException {
        if (constructed) {
            super.saveTerminalSettings();
            return;
        }
        String out = run("/bin/stty -g && /bin/stty " + RAW + " && /bin/stty size");
        String[] lines = out == null ? new String[0] : out.split("\n");
        if (lines.length < 1 || lines[0].isBlank()) {
            throw new IOException("stty could not read the terminal's settings");
        }
        savedSettings = lines[0].trim();
        startSize = lines.length > 1 ? parseSize(lines[1]) : null;
    }

    @Override
    protected void restoreTerminalSettings() throws IOException {
        if (savedSettings == null) {
            super.restoreTerminalSettings();
            return;
        }
        restored = true;
        run("/bin/stty " + savedSettings); // -g output: hex fields and colons only
    }

    /**
     * Gives the tty back as the user's shell had it (canonical input, echo, the interrupt, quit
     * and suspend keys), for the shell after Ctrl-Z or, with {@code quitKey} false, for a program
     * run in the terminal (whose Ctrl-\\ would otherwise reach the JVM too and print a thread dump).
     */
    void cooked(boolean quitKey) throws IOException {
        if (savedSettings == null || restored) {
            return;
        }
        run("/bin/stty " + savedSettings + (quitKey ? "" : " && /bin/stty quit undef"));
    }

    /** The reader's raw mode again, after {@link #cooked}; the window size is asked for again too. */
    void raw() throws IOException {
        if (savedSettings == null || restored) {
            return;
        }
        run("/bin/stty " + RAW);
        startSize = null;
        getTerminalSize(); // a resize while the terminal was lent out reaches the listeners now
    }

    @Override
    protected void canonicalMode(boolean enabled) throws IOException {
        if (skipModeChange()) {
            return;
        }
        super.canonicalMode(enabled);
    }

    @Override
    protected void keyEchoEnabled(boolean enabled) throws IOException {
        if (skipModeChange()) {
            return;
        }
        super.keyEchoEnabled(enabled);
    }

    @Override
    protected void keyStrokeSignalsEnabled(boolean enabled) throws IOException {
        if (skipModeChange()) {
            return;
        }
        super.keyStrokeSignalsEnabled(enabled);
    }

    /** The start-up changes were made by {@link #saveTerminalSettings}; after a restore nothing is left to change. */
    private boolean skipModeChange() {
        return (!constructed && savedSettings != null) || restored;
    }

    /** SIGWINCHs seen; each is handled on its own thread, and only the latest one asks stty. */
    private final java.util.concurrent.atomic.AtomicLong resizes = new java.util.concurrent.atomic.AtomicLong();
    private final Object resizeLock = new Object();

    /**
     * Every SIGWINCH runs on a thread of its own. Under load an earlier one's stty could answer
     * after a later one's and leave the old size in force (a storm of resizes ending on a frame laid
     * out for a size the window no longer has): the handlers take turns, and one that a newer signal
     * overtook before its turn does nothing, so the last size asked for is the last one applied.
     */
    @Override
    protected void registerTerminalResizeListener(Runnable onResize) throws IOException {
        super.registerTerminalResizeListener(() -> {
            long mine = resizes.incrementAndGet();
            synchronized (resizeLock) {
                if (mine != resizes.get()) {
                    return; // a newer resize follows and will ask
                }
                startSize = null;
                onResize.run();
            }
        });
    }

    /** Runs a shell command line with the controlling terminal as its input; its output, or null. */
    private static String run(String commandLine) throws IOException {
        if (!commandLine.matches("[-/a-zA-Z0-9 :&]+")) {
            throw new IOException("refusing to run an unexpected stty command");
        }
        Process p = new ProcessBuilder("/bin/sh", "-c", commandLine)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("stty did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running stty", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("stty failed on this terminal");
        }
        return out;
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
            writeToTerminal((PASTE_OFF + (mouse ? MOUSE_OFF : "")).getBytes(StandardCharsets.US_ASCII));
            super.exitPrivateMode();
            flush();
        }
    }

    /** Enters the alternate screen (again, after a text browser ran in the terminal). */
    @Override
    public void enterPrivateMode() throws IOException {
        synchronized (paintLock) {
            super.enterPrivateMode();
            writeToTerminal((PASTE_ON + (mouse ? MOUSE_ON : "")).getBytes(StandardCharsets.US_ASCII));
            flush();
            released = false;
        }
    }

    /** True once the alternate screen was left: nothing may be drawn any more. */
    boolean released() {
        return released;
    }

    @Override
    protected TerminalSize findTerminalSize() throws IOException {
        TerminalSize size = startSize;
        if (size == null) {
            size = sttySize();
        }
        return size != null ? size : super.findTerminalSize();
    }

    /** "rows cols" as stty prints it, or null. */
    static TerminalSize parseSize(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 2) {
            return null;
        }
        try {
            int rows = Integer.parseInt(parts[0]);
            int cols = Integer.parseInt(parts[1]);
            return rows > 0 && cols > 0 ? new TerminalSize(cols, rows) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "rows cols" from stty on the controlling terminal, or null. */
    static TerminalSize sttySize() {
        try {
            String out = run("/bin/stty size");
            return out == null ? null : parseSize(out);
        } catch (IOException e) {
            return null;
        }
    }
}
