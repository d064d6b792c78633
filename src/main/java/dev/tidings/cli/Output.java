package dev.tidings.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * stdout that remembers why writing failed. {@link java.io.PrintWriter} swallows write errors
 * ({@code checkError()} says only that one happened), so {@code dump > /dev/full} and
 * {@code list >&-} used to exit 0 with nothing said. {@link Main} asks {@link #failure()} at the
 * end: a full disk or a closed descriptor is a one-line error and exit 3; a closed pipe
 * ({@code | head}) is what the reader of the pipe asked for, and stays quiet.
 */
final class Output extends OutputStream {
    private final OutputStream out;
    private IOException failure;

    Output(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private IOException failed(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** The first write error, or null when every write went through. */
    IOException failure() {
        return failure;
    }

    /** True when the reader of a pipe went away (EPIPE): not an error for a command-line tool. */
    static boolean isClosedPipe(IOException e) {
        String m = e.getMessage();
        return m != null && m.toLowerCase(Locale.ROOT).contains("broken pipe");
    }
}
