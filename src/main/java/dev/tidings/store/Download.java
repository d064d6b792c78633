package dev.tidings.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A feed body on its way into the {@link FeedCache}: a temp file in the cache directory that the
 * fetcher streams into, hashed (SHA-256) and counted as it is written, so a refresh never holds a
 * body in memory (several 50 MiB bodies in parallel ran the JVM out of memory). Read it back with
 * {@link #open()} to validate it, then hand it to
 * {@link FeedCache#putBody(String, Download, String, String, String, String, java.time.Instant, dev.tidings.model.Feed)},
 * which renames it into place. Closing deletes the file unless it was committed.
 *
 * <pre>
 * try (Download d = cache.download()) {
 *     fetcher.fetch(uri, etag, lastModified, d.stream());
 *     Feed f = Feeds.parse(d.open(), ...);
 *     cache.putBody(url, d, ...);
 * }
 * </pre>
 */
public final class Download implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final MessageDigest sha = sha256();
    private long length;
    private byte[] digest;
    private boolean committed;

    Download(Path dir) throws IOException {
        this.file = Files.createTempFile(dir, ".download." + ProcessHandle.current().pid() + ".", ".tmp");
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        this.channel = ch;
    }

    /** Where the body is written; closing it is not needed (and not harmful). */
    public OutputStream stream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (digest != null) {
                    throw new IOException("the download is finished");
                }
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
                sha.update(b, off, len);
                length += len;
            }
        };
    }

    /** The body written so far, from its start (finishes writing: nothing more may be written). */
    public InputStream open() throws IOException {
        finish();
        return new BufferedInputStream(Files.newInputStream(file), 65536);
    }

    /** Bytes written. */
    public long length() {
        return length;
    }

    /** Stops writing: the SHA-256 is final. */
    byte[] finish() {
        if (digest == null) {
            digest = sha.digest();
        }
        return digest;
    }

    /** The first bytes, for telling JSON from XML. */
    byte[] head(int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    /** Makes the bytes durable before they are renamed into place. */
    void force() throws IOException {
        channel.force(true);
    }

    Path file() {
        return file;
    }

    /** A second download with the same bytes (a body cached under two URLs). */
    Download copy(Path dir) throws IOException {
        finish();
        Download d = new Download(dir);
        try (InputStream in = Files.newInputStream(file); OutputStream out = d.stream()) {
            in.transferTo(out);
        } catch (IOException e) {
            d.close();
            throw e;
        }
        return d;
    }

    /** The temp file was renamed into place: closing must not delete it. */
    void committed() {
        committed = true;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file goes anyway
        }
        if (!committed) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stray temp file is swept later
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
