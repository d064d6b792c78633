package dev.tidings.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reader's screen: {@link View} draws a frame into {@link Cells}, {@link #refresh} sends what
 * changed through {@link FrameWriter} straight to the terminal's output stream. Lanterna still
 * sets the terminal up (raw mode, alternate screen, cursor, size, keys); no cell content goes
 * through its output path. With {@code bidi} in app mode, bidi-aware terminals are switched to
 * explicit mode (BDSM, {@code CSI 8 h}) so they do not reorder our reordered lines again; in
 * terminal mode they are switched to implicit mode ({@code CSI 8 l}).
 */
final class CellScreen {
    private final Terminal terminal;
    private final OutputStream out;
    private final FrameWriter writer;
    private final BidiMode bidi;
    /** The size the last resize reported, until the reader thread takes it. */
    private final AtomicReference<TerminalSize> pending = new AtomicReference<>();
    private TerminalSize size;
    private Cells back;
    private Cells front;

    CellScreen(Terminal terminal, OutputStream out, Glyphs glyphs, BidiMode bidi) throws IOException {
        this.terminal = terminal;
        this.out = out;
        this.writer = new FrameWriter(glyphs);
        this.bidi = bidi;
        this.size = terminal.getTerminalSize();
        this.back = new Cells(size.getColumns(), size.getRows());
        terminal.addResizeListener((t, s) -> pending.set(s));
    }

    void startScreen() throws IOException {
        terminal.enterPrivateMode();
        terminal.setCursorVisible(false);
        if (bidi.reorders()) {
            raw("\u001b[8h"); // BDSM explicit: we already reordered
        } else if (bidi == BidiMode.TERMINAL) {
            raw("\u001b[8l"); // BDSM implicit: the terminal reorders
        }
        terminal.flush();
        front = null;
    }

    void stopScreen() throws IOException {
        if (bidi.reorders()) {
            raw("\u001b[8l"); // back to the default (implicit) for the shell
        }
        raw("\u001b[0m");
        terminal.setCursorVisible(true);
        terminal.exitPrivateMode();
        terminal.flush();
    }

    /** The new size when the terminal was resized since the last call, else null. */
    TerminalSize doResizeIfNecessary() {
        // taken and cleared in one step: a size set by the signal thread between a read and a
        // clear was lost, leaving a storm of resizes laid out for the size before the last
        TerminalSize s = pending.getAndSet(null);
        if (s == null || s.equals(size)) {
            return null;
        }
        size = s;
        back = new Cells(s.getColumns(), s.getRows());
        front = null;
        return s;
    }

    TerminalSize getTerminalSize() {
        return size;
    }

    /** True when right-to-left lines are put in display order by Tidings (bidi = app). */
    boolean reorders() {
        return bidi.reorders();
    }

    /** The frame being drawn. */
    Cells cells() {
        return back;
    }

    void clear(Theme.Look blank) {
        back.clear(blank);
    }

    /** Sends the frame: every cell when {@code complete}, else only what changed since the last one. */
    void refresh(boolean complete) throws IOException {
        byte[] bytes = writer.frame(complete ? null : front, back);
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
        front = copy(back);
    }

    private static Cells copy(Cells c) {
        Cells k = new Cells(c.cols, c.rows);
        System.arraycopy(c.text, 0, k.text, 0, c.text.length);
        System.arraycopy(c.width, 0, k.width, 0, c.width.length);
        System.arraycopy(c.look, 0, k.look, 0, c.look.length);
        return k;
    }

    /**
     * Writes a notification sequence ({@link TerminalNotification#bytes}, already sanitized)
     * between frames; it draws nothing, so the next frame is unchanged.
     */
    void notification(byte[] sequence) throws IOException {
        synchronized (out) {
            out.write(sequence);
            out.flush();
        }
    }

    private void raw(String s) throws IOException {
        synchronized (out) {
            out.write(s.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
