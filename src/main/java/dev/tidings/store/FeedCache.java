package dev.tidings.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The last good copy of every subscribed feed, so Tidings starts offline and fetches
 * conditionally. Layout, per feed URL:
 *
 * <pre>
 * &lt;cacheDir&gt;/feeds/&lt;sha256(url), first 32 hex&gt;.xml   (or .json) the raw body as fetched (decoded)
 * &lt;cacheDir&gt;/feeds/&lt;same&gt;.meta.json                  url, finalUrl, etag, lastModified, contentType,
 *                                                     fetchedAt, status, error, retryAfterUntil,
 *                                                     bodyFile, bodySha256, bodyLength
 * </pre>
 *
 * <ul>
 *   <li>Every file is written atomically: a temp file in the same directory, fsynced, renamed over
 *       the old one, then the directory fsynced. A body is written before the meta that points at
 *       it, and the meta records the body's SHA-256: a reader that sees a body from another process
 *       (two Tidings refreshing at once) or from before a kill -9 gets a miss, never a mismatched
 *       body and validators.</li>
 *   <li>Reading never throws: a missing, corrupt or mismatched meta or body is a miss
 *       ({@link Optional#empty()}).</li>
 *   <li>Writes throw {@link IOException} when the disk refuses; the old files are then unchanged.</li>
 * </ul>
 *
 * Thread- and process-safe: writes take an in-JVM lock and an advisory lock on {@code feeds/.lock},
 * so a body and its meta are always written as a pair; reads take no lock.
 */
public final class FeedCache {
    /** {@link Entry#status()} of a feed whose last fetch succeeded (200 or 304). */
    public static final String OK = "ok";
    /** {@link Entry#status()} of a feed whose server answered 410 Gone. */
    public static final String GONE = "gone";
    /** {@link Entry#status()} of a feed whose last fetch failed (the previous body, if any, is kept). */
    public static final String ERROR = "error";

    private static final int VERSION = 1;
    private static final long STALE_TEMP_MS = 60 * 60 * 1000L;
    /** Built on first use: Jackson's start-up should not delay the reader's first frame. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    /**
     * One cached feed.
     *
     * @param url             the feed URL it is cached under
     * @param body            the raw body (decoded, not gzipped), or null when nothing was ever
     *                        fetched successfully (an entry holding only an error or a Retry-After)
     * @param contentType     the Content-Type the body came with, or null
     * @param finalUrl        the URL after redirects: the base for relative links (never null when
     *                        there is a body; else may be null)
     * @param etag            the ETag to send back as If-None-Match, or null
     * @param lastModified    the Last-Modified to send back as If-Modified-Since, or null
     * @param fetchedAt       when the body was last fetched or confirmed (304), or null
     * @param status          {@link #OK}, {@link #GONE} or {@link #ERROR}
     * @param error           the one-line message of the last failure, or null
     * @param retryAfterUntil do not fetch before this instant (server's Retry-After), or null
     */
    public record Entry(String url, byte[] body, String contentType, String finalUrl, String etag,
                        String lastModified, Instant fetchedAt, String status, String error,
                        Instant retryAfterUntil) {
        /** True when a body is cached. */
        public boolean hasBody() {
            return body != null;
        }
    }

    /** One writer at a time per cache directory in this JVM; the lock file covers other processes. */
    private static final ConcurrentHashMap<Path, ReentrantLock> DIR_LOCKS = new ConcurrentHashMap<>();

    private final Path dir;
    private final ReentrantLock writeLock;
    private volatile boolean swept;

    /** @param cacheDir the Tidings cache directory; feeds go to its {@code feeds} subdirectory */
    public FeedCache(Path cacheDir) {
        this.dir = cacheDir.toAbsolutePath().normalize().resolve("feeds");
        this.writeLock = DIR_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
    }

    /** The directory holding the cached feeds. */
    public Path dir() {
        return dir;
    }

    /** The file name stem for a URL: the first 32 hex digits of its SHA-256. */
    static String key(String url) {
        return HexFormat.of().formatHex(sha256(url.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    Path metaFile(String url) {
        return dir.resolve(key(url) + ".meta.json");
    }

    // ---------------------------------------------------------------- reading

    /** The cached entry for a URL; empty when there is none or it is unreadable. Never throws. */
    public Optional<Entry> get(String url) {
        try {
            return Optional.ofNullable(read(url, true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The entry without its body (validators, status, times): what a conditional request and the
     * feed list need, without reading and hashing every cached body. {@code body} is null; whether
     * there is one is {@link #hasBody(String)}. Never throws.
     */
    public Optional<Entry> meta(String url) {
        try {
            return Optional.ofNullable(read(url, false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Entry read(String url, boolean withBody) throws IOException {
        byte[] metaBytes;
        try {
            metaBytes = Files.readAllBytes(metaFile(url));
        } catch (NoSuchFileException e) {
            return null;
        }
        JsonNode n = Mapper.JSON.readTree(metaBytes);
        if (n == null || !n.isObject() || !url.equals(n.path("url").asText(null))) {
            return null;
        }
        String status = text(n, "status");
        if (!OK.equals(status) && !GONE.equals(status) && !ERROR.equals(status)) {
            return null;
        }
        byte[] body = null;
        String bodyFile = text(n, "bodyFile");
        if (bodyFile != null && !withBody) {
            body = new byte[0]; // "there is a body": meta() callers read it with get() when they need it
        } else if (bodyFile != null) {
            String k = key(url);
            if (!bodyFile.equals(k + ".xml") && !bodyFile.equals(k + ".json")) {
                return null; // never follow a path a damaged meta names
            }
            try {
                body = Files.readAllBytes(dir.resolve(bodyFile));
            } catch (NoSuchFileException e) {
                return null;
            }
            if (body.length != n.path("bodyLength").asLong(-1)
                    || !HexFormat.of().formatHex(sha256(body)).equals(text(n, "bodySha256"))) {
                return null; // another writer's body, or one cut short: a miss
            }
        }
        String error = text(n, "error");
        return new Entry(url, body, text(n, "contentType"), text(n, "finalUrl"), text(n, "etag"),
                text(n, "lastModified"), instant(n, "fetchedAt"), status,
                error == null ? null : Sanitize.line(error), instant(n, "retryAfterUntil"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    private static Instant instant(JsonNode n, String field) {
        String s = text(n, field);
        return s == null ? null : Instant.parse(s); // a malformed one throws: the entry is a miss
    }

    // ---------------------------------------------------------------- writing

    /**
     * Caches a successfully fetched body (status {@link #OK}; error and Retry-After cleared).
     *
     * @param url          the feed URL to cache it under
     * @param body         the raw (decoded) body
     * @param contentType  the Content-Type, or null
     * @param finalUrl     the URL after redirects (null means {@code url})
     * @param etag         the ETag, or null
     * @param lastModified the Last-Modified, or null
     * @param now          the fetch time
     */
    public void putBody(String url, byte[] body, String contentType, String finalUrl, String etag,
                        String lastModified, Instant now) throws IOException {
        Objects.requireNonNull(body, "body");
        try (Locked ignored = lock()) {
            String k = key(url);
            String name = k + (looksLikeJson(body) ? ".json" : ".xml");
            String other = k + (name.endsWith(".json") ? ".xml" : ".json");
            writeAtomically(dir.resolve(name), body); // the body first, then the meta that points at it
            Entry e = new Entry(url, body, contentType, finalUrl == null ? url : finalUrl, etag, lastModified,
                    now, OK, null, null);
            writeMeta(e, name, body);
            Files.deleteIfExists(dir.resolve(other));
        }
    }

    /** Records a 304 Not Modified: the body is still good as of {@code now}. */
    public void touch(String url, Instant now) throws IOException {
        touch(url, null, null, now);
    }

    /**
     * Records a 304 Not Modified, updating the validators when the server sent new ones (null keeps
     * the old). Does nothing when there is no cached entry.
     */
    public void touch(String url, String etag, String lastModified, Instant now) throws IOException {
        update(url, old -> old == null ? null : new Entry(url, old.body(), old.contentType(), old.finalUrl(),
                etag != null ? etag : old.etag(), lastModified != null ? lastModified : old.lastModified(),
                now, OK, null, null));
    }

    /** Records 410 Gone; the last body is kept for reading offline. */
    public void markGone(String url, Instant now) throws IOException {
        update(url, old -> old == null
                ? new Entry(url, null, null, null, null, null, now, GONE, null, null)
                : new Entry(url, old.body(), old.contentType(), old.finalUrl(), old.etag(), old.lastModified(),
                        now, GONE, null, null));
    }

    /**
     * Records a failed fetch; the last good body and its validators are kept.
     *
     * @param message    the one-line failure message
     * @param retryUntil do not fetch again before this instant (a Retry-After), or null
     */
    public void markError(String url, String message, Instant retryUntil) throws IOException {
        update(url, old -> old == null
                ? new Entry(url, null, null, null, null, null, null, ERROR, message, retryUntil)
                : new Entry(url, old.body(), old.contentType(), old.finalUrl(), old.etag(), old.lastModified(),
                        old.fetchedAt(), ERROR, message, retryUntil));
    }

    private interface Change {
        Entry apply(Entry old);
    }

    /** Rewrites the meta only; the body file it points at stays as it is. */
    private void update(String url, Change change) throws IOException {
        try (Locked ignored = lock()) {
            Entry old = get(url).orElse(null);
            Entry next = change.apply(old);
            if (next == null) {
                return;
            }
            String name = null;
            if (next.body() != null) {
                name = key(url) + (looksLikeJson(next.body()) ? ".json" : ".xml");
            }
            writeMeta(next, name, next.body());
        }
    }

    private void writeMeta(Entry e, String bodyFile, byte[] body) throws IOException {
        ObjectNode n = Mapper.JSON.createObjectNode();
        n.put("version", VERSION);
        n.put("url", e.url());
        n.put("finalUrl", e.finalUrl());
        n.put("etag", e.etag());
        n.put("lastModified", e.lastModified());
        n.put("contentType", e.contentType());
        n.put("fetchedAt", e.fetchedAt() == null ? null : e.fetchedAt().toString());
        n.put("status", e.status());
        n.put("error", e.error());
        n.put("retryAfterUntil", e.retryAfterUntil() == null ? null : e.retryAfterUntil().toString());
        n.put("bodyFile", bodyFile);
        if (body != null) {
            n.put("bodySha256", HexFormat.of().formatHex(sha256(body)));
            n.put("bodyLength", body.length);
        }
        writeAtomically(metaFile(e.url()), Mapper.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    }

    /** Held while writing: the in-JVM lock, then an advisory lock on {@code feeds/.lock}. */
    private final class Locked implements AutoCloseable {
        private FileChannel channel;
        private FileLock fileLock;

        Locked() throws IOException {
            writeLock.lock();
            try {
                prepare();
                try {
                    channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    fileLock = channel.lock();
                } catch (IOException | UnsupportedOperationException e) {
                    // no advisory locks here: the SHA-256 in the meta still turns a race into a miss
                    closeChannel();
                }
            } catch (IOException | RuntimeException e) {
                writeLock.unlock();
                throw e;
            }
        }

        private void closeChannel() {
            if (channel != null) {
                try {
                    channel.close(); // releases the lock too
                } catch (IOException ignored) {
                    // nothing to do
                }
                channel = null;
            }
        }

        @Override
        public void close() {
            closeChannel();
            writeLock.unlock();
        }
    }

    private Locked lock() throws IOException {
        return new Locked();
    }

    /** Creates the directory (0700 where POSIX) and, once, deletes temp files left by killed writers. */
    private void prepare() throws IOException {
        if (!Files.isDirectory(dir)) {
            if (posix()) {
                Files.createDirectories(dir,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (swept) {
            return;
        }
        swept = true;
        long cutoff = System.currentTimeMillis() - STALE_TEMP_MS; // younger ones may be another process's
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : ds) {
                try {
                    if (Files.getLastModifiedTime(p).toMillis() < cutoff) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException ignored) {
                    // never fatal
                }
            }
        } catch (IOException ignored) {
            // never fatal
        }
    }

    /** Temp file in the same directory (0600 where POSIX), fsync, atomic rename, fsync the directory. */
    private void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            syncDirectory();
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // swept later
                }
            }
        }
    }

    private void syncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot fsync a directory; the rename is still atomic
        }
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** JSON Feed when the first byte after a UTF-8 BOM and whitespace is '{'; XML otherwise. */
    static boolean looksLikeJson(byte[] body) {
        int i = body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb
                && (body[2] & 0xff) == 0xbf ? 3 : 0;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
            i++;
        }
        return i < body.length && body[i] == '{';
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
