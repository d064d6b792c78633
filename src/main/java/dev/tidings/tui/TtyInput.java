package dev.tidings.tui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The terminal's input as Lanterna reads it, with two things a plain stream cannot do:
 * <ul>
 * <li>It can be <b>paused</b> while someone else owns the terminal (a text browser, the shell after
 * Ctrl-Z). It never blocks inside {@code read(2)}: it reads only what {@code available()} says is
 * there, and sleeps a few milliseconds between looks, so once {@link #pause} returns not one more
 * byte is taken from the terminal until {@link #resume}.</li>
 * <li>Pastes and mouse reports are taken out by an {@link InputSplitter} and queued as
 * {@linkplain #nextEvent events}, so they never turn into keys.</li>
 * </ul>
 * A terminal that went away (hang-up) makes {@code available()} fail: that is end of input.
 */
final class TtyInput extends InputStream {
    /** A held escape-sequence start is passed on as it is after this long without a byte (the Esc key). */
    private static final long HOLD_MS = 25;
    /** A paste whose end marker never comes is closed after this long without a byte. */
    private static final long PASTE_IDLE_MS = 1000;
    /** Idle polling slows down to this interval (ms) and starts again at 1 ms after each byte. */
    private static final int MAX_SLEEP_MS = 20;

    private final InputStream raw;
    private final Object gate = new Object();
    private boolean paused; // guarded by gate
    private final ByteArrayOutputStream decoded = new ByteArrayOutputStream();
    private final Queue<Object> events = new ConcurrentLinkedQueue<>();
    private final InputSplitter splitter = new InputSplitter(decoded, events);
    private final byte[] chunk = new byte[4096];
    private byte[] pending = new byte[0];
    private int pendingPos;
    private boolean eof;

    TtyInput(InputStream raw) {
        this.raw = raw;
    }

    /** Stops reading the terminal; returns once no read is under way. */
    void pause() {
        synchronized (gate) {
            paused = true;
        }
    }

    /** Reads the terminal again. */
    void resume() {
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
    }

    /** The paste (a String) or {@link InputSplitter.Mouse} a marker character stands for, or null. */
    Object nextEvent() {
        return events.poll();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pendingPos >= pending.length) {
            if (eof) {
                return -1;
            }
            fill();
            pending = decoded.toByteArray();
            pendingPos = 0;
            decoded.reset();
        }
        int n = Math.min(len, pending.length - pendingPos);
        System.arraycopy(pending, pendingPos, b, off, n);
        pendingPos += n;
        return n;
    }

    /** Decoded bytes waiting, plus what the terminal has (Lanterna asks before it waits for the rest of a key). */
    @Override
    public int available() throws IOException {
        int mine = pending.length - pendingPos;
        synchronized (gate) {
            return paused ? mine : mine + raw.available();
        }
    }

    /** Reads one chunk from the terminal into the splitter, or flushes what it holds after a pause in the input. */
    private void fill() throws IOException {
        long last = System.nanoTime();
        int sleep = 1;
        while (true) {
            synchronized (gate) {
                while (paused) {
                    try {
                        gate.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while the terminal was lent out");
                    }
                    last = System.nanoTime();
                }
                int ready = raw.available();
                if (ready > 0) {
                    int n = raw.read(chunk, 0, Math.min(ready, chunk.length));
                    if (n < 0) {
                        splitter.flush();
                        eof = true;
                    } else {
                        splitter.feed(chunk, 0, n);
                    }
                    return;
                }
            }
            long idleMs = (System.nanoTime() - last) / 1_000_000;
            if (splitter.holding() && idleMs >= (splitter.inPaste() ? PASTE_IDLE_MS : HOLD_MS)) {
                splitter.flush();
                return;
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a key");
            }
            sleep = Math.min(MAX_SLEEP_MS, sleep * 2);
        }
    }
}
