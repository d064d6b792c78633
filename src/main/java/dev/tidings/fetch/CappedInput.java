package dev.tidings.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream read under a cap: past {@code cap} bytes every read fails with {@link TooLarge}, and
 * {@link #exceeded()} stays true, so the caller can name the real problem even when a reader above
 * (a parser, GZIPInputStream) swallowed the failure or turned it into an error of its own. Files,
 * stdin and the bytes of an HTTP body off the wire all go through it.
 *
 * <pre>
 * CappedInput in = new CappedInput(System.in, 50L << 20);
 * ... parse(in) ...   // throws somewhere after 50 MiB
 * if (in.exceeded()) { ... "stdin: larger than 50 MiB" ... }
 * </pre>
 */
public final class CappedInput extends FilterInputStream {
    private final long cap;
    private long count;

    public CappedInput(InputStream in, long cap) {
        super(in);
        if (cap <= 0) {
            throw new IllegalArgumentException("cap must be positive, was " + cap);
        }
        this.cap = cap;
    }

    /** True once more than the cap was offered. */
    public boolean exceeded() {
        return count > cap;
    }

    /** The cap, in bytes. */
    public long cap() {
        return cap;
    }

    @Override
    public int read() throws IOException {
        check();
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        check();
        int n = super.read(buf, off, (int) Math.min(len, cap + 1 - count));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    /** Skips by reading: a pipe cannot seek ("Illegal seek"), and skipped bytes count too. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long left = n;
        while (left > 0) {
            int r = read(buf, 0, (int) Math.min(left, buf.length));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - Math.max(left, 0);
    }

    /**
     * What can be read without blocking, as far as the stream knows; 0 when it cannot tell. A pipe's
     * channel throws "Illegal seek" here, and BufferedInputStream asks: feeds over 64 KiB read
     * through a FIFO or {@code <(curl ...)} failed half-way.
     */
    @Override
    public int available() {
        try {
            return super.available();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws IOException {
        count += n;
        check();
    }

    private void check() throws IOException {
        if (count > cap) {
            throw new TooLarge(cap);
        }
    }

    /** More than the cap was offered: "larger than 50 MiB". */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long cap) {
            super("larger than " + HttpFailures.size(cap));
        }
    }
}
