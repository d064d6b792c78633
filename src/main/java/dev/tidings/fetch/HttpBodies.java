package dev.tidings.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A response body read under Tidings' own limits: gzip decoded here (java.net.http never does),
 * the bytes off the wire capped (so a gzip bomb's input is bounded too) and the decoded bytes
 * capped at {@link FetchLimits#maxBytes()}; into memory, or streamed into the caller's sink.
 */
final class HttpBodies {
    private HttpBodies() {
    }

    static final int CHUNK = 16 * 1024;
    /** How much of a JSON error answer is read for the service's message. */
    static final int ERROR_BODY_BYTES = 16 * 1024;

    /**
     * Reads and decodes a 2xx body into {@code sink}, or into memory when it is null (then
     * returned; else an empty array). The stream itself enforces the deadline and honours
     * interrupts; failures are sticky there, so one swallowed inside GZIPInputStream still counts.
     */
    static byte[] read(BodyStream raw, HttpHeaders headers, OutputStream sink, FetchLimits limits,
            HttpFailures failures) throws SourceException {
        try (raw) {
            ByteArrayOutputStream memory = sink == null ? new ByteArrayOutputStream(CHUNK) : null;
            decodeCapped(raw, headers, memory != null ? memory : new SinkStream(sink), limits.maxBytes(), failures);
            raw.rethrowFailure();
            return memory != null ? memory.toByteArray() : new byte[0];
        } catch (IOException e) {
            throw failures.body(e);
        }
    }

    private static void decodeCapped(InputStream raw, HttpHeaders headers, OutputStream out, long max,
            HttpFailures failures) throws IOException, SourceException {
        String encoding = headers.firstValue("Content-Encoding").orElse(null);
        boolean gzip = encoding != null && isGzip(encoding);
        if (encoding != null && !gzip && !encoding.trim().equalsIgnoreCase("identity")) {
            throw failures.fail("unsupported Content-Encoding " + HttpFailures.clean(encoding));
        }
        long rawCap = gzip ? max + (max >> 6) + 1024 : max;
        long announced = headers.firstValueAsLong("Content-Length").orElse(-1L);
        if (announced > rawCap) {
            throw failures.tooLarge();
        }
        CappedInput capped = new CappedInput(raw, rawCap);
        copyAtMost(gzip ? new GZIPInputStream(capped, CHUNK) : capped, out, max);
        if (capped.exceeded()) { // a reader above may have swallowed the throw
            throw new CappedInput.TooLarge(rawCap);
        }
    }

    /**
     * The start of an error answer's body when it is JSON (an API's error document names the
     * problem: a bad key, a quota); null otherwise or when it cannot be read quickly.
     */
    static byte[] errorBody(BodyStream raw, HttpHeaders headers) {
        String type = headers.firstValue("Content-Type").orElse(null);
        if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
            closeQuietly(raw);
            return null;
        }
        try (raw) {
            String encoding = headers.firstValue("Content-Encoding").orElse(null);
            InputStream in = encoding != null && isGzip(encoding) ? new GZIPInputStream(raw, CHUNK) : raw;
            return in.readNBytes(ERROR_BODY_BYTES);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isGzip(String encoding) {
        String e = encoding.trim().toLowerCase(Locale.ROOT);
        return e.equals("gzip") || e.equals("x-gzip");
    }

    /** Copies everything, failing with {@link CappedInput.TooLarge} past {@code max} bytes. */
    private static void copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buf = new byte[CHUNK];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            total += n;
            if (total > max) {
                throw new CappedInput.TooLarge(max);
            }
            out.write(buf, 0, n);
        }
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing left to do with it
        }
    }

    /** The sink refused a write (full disk): not the server's fault, and said so. */
    static final class SinkException extends IOException {
        private static final long serialVersionUID = 1L;

        SinkException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The caller's sink, its failures marked as its own. */
    private static final class SinkStream extends OutputStream {
        private final OutputStream out;

        SinkStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new SinkException(e);
            }
        }
    }
}
