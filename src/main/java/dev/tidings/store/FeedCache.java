package dev.tidings.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tidings.model.Feed;
import dev.tidings.text.Sanitize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import dev.tidings.io.AtomicFiles;
import dev.tidings.io.OwnFiles;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
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
 * &lt;cacheDir&gt;/feeds/&lt;same&gt;.idx                        the headline index of that body ({@link HeadlineIndex})
 * </pre>
 *
 * <ul>
 *   <li>Every file is written atomically: a temp file in the same directory, fsynced, renamed over
 *       the old one, then the directory fsynced. A body is written before the meta that points at
 *       it, and the meta records the body's SHA-256: a reader that sees a body from another process
 *       (two Tidings refreshing at once) or from before a kill -9 gets a miss, never a mismatched
 *       body and validators. Bodies and metas are fsynced before the (locked) renames, so parallel
 *       refreshes fsync in parallel; the directory is fsynced once per pair.</li>
 *   <li>The headline index is derived data: renamed into place without an fsync, and used only when
 *       it names the body's length and SHA-256 and passes its CRC; otherwise the body is parsed.</li>
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
    /** Jackson's streaming core only: the meta is a flat object, and databind costs start-up time. */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
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
        String k = KEYS.get(url);
        if (k == null) {
            k = HexFormat.of().formatHex(sha256(url.getBytes(StandardCharsets.UTF_8)), 0, 16);
            if (KEYS.size() < 10_000) {
                KEYS.put(url, k);
            }
        }
        return k;
    }

    /** Keys already computed: a start reads three files per feed, each named by its key. */
    private static final ConcurrentHashMap<String, String> KEYS = new ConcurrentHashMap<>();

    Path metaFile(String url) {
        return dir.resolve(key(url) + ".meta.json");
    }

    Path indexFile(String url) {
        return dir.resolve(key(url) + ".idx");
    }

    /**
     * A feed's cache meta and, when its index is current, its headlines.
     *
     * @param meta      as {@link #meta(String)} returns it (no body bytes)
     * @param headlines the items without bodies, from the index, or null when there is no body or
     *                  the index is missing, stale or damaged (then parse the body)
     */
    public record Headlines(Entry meta, Feed headlines) {
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

    /**
     * The meta and, when the headline index matches the body the meta names, the headlines: what
     * an offline start needs per feed, without reading or parsing the body. Never throws.
     */
    public Optional<Headlines> headlines(String url) {
        try {
            Meta m = readMeta(url);
            if (m == null) {
                return Optional.empty();
            }
            Entry e = m.entry(url, m.bodyFile != null ? new byte[0] : null); // as meta() has it
            if (m.bodyFile == null || m.bodySha256 == null || m.bodyLength < 0) {
                return Optional.of(new Headlines(e, null));
            }
            byte[] idx;
            try {
                idx = Files.readAllBytes(indexFile(url));
            } catch (IOException noIndex) {
                return Optional.of(new Headlines(e, null));
            }
            byte[] sha;
            try {
                sha = HexFormat.of().parseHex(m.bodySha256);
            } catch (IllegalArgumentException bad) {
                return Optional.of(new Headlines(e, null));
            }
            return Optional.of(new Headlines(e, sha.length == 32 ? HeadlineIndex.read(idx, m.bodyLength, sha) : null));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The SHA-256 (hex) of the cached body as its meta records it, without reading the body; empty
     * when nothing is cached. What derived data (the search index) compares to see it is stale.
     */
    public Optional<String> bodyHash(String url) {
        try {
            Meta m = readMeta(url);
            return m == null || m.bodyFile == null ? Optional.empty() : Optional.ofNullable(m.bodySha256);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The meta file's fields; null fields were absent. */
    private static final class Meta {
        final Map<String, String> text = new HashMap<>();
        String bodyFile;
        String bodySha256;
        long bodyLength = -1;

        String get(String field) {
            return text.get(field);
        }

        Entry entry(String url, byte[] body) {
            String error = get("error");
            return new Entry(url, body, get("contentType"), get("finalUrl"), get("etag"), get("lastModified"),
                    instant(get("fetchedAt")), get("status"), error == null ? null : Sanitize.line(error),
                    instant(get("retryAfterUntil")));
        }
    }

    /** The meta for a URL, or null when there is none, it is for another URL or its status is unknown. */
    private Meta readMeta(String url) throws IOException {
        byte[] metaBytes;
        try {
            metaBytes = Files.readAllBytes(metaFile(url));
        } catch (NoSuchFileException e) {
            return null;
        }
        Meta m = new Meta();
        try (JsonParser p = Json.FACTORY.createParser(metaBytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING) {
                    m.text.put(field, p.getText());
                } else if (v == JsonToken.VALUE_NUMBER_INT && field.equals("bodyLength")) {
                    m.bodyLength = p.getLongValue();
                } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                return null;
            }
        }
        if (!url.equals(m.get("url"))) {
            return null;
        }
        String status = m.get("status");
        if (!OK.equals(status) && !GONE.equals(status) && !ERROR.equals(status)) {
            return null;
        }
        m.bodyFile = m.get("bodyFile");
        m.bodySha256 = m.get("bodySha256");
        if (m.bodyFile != null) {
            String k = key(url);
            if (!m.bodyFile.equals(k + ".xml") && !m.bodyFile.equals(k + ".json")) {
                return null; // never follow a path a damaged meta names
            }
        }
        instant(m.get("fetchedAt")); // a malformed time makes the entry a miss, whichever way it is read
        instant(m.get("retryAfterUntil"));
        return m;
    }

    private Entry read(String url, boolean withBody) throws IOException {
        Meta m = readMeta(url);
        if (m == null) {
            return null;
        }
        byte[] body = null;
        if (m.bodyFile != null && !withBody) {
            body = new byte[0]; // "there is a body": meta() callers read it with get() when they need it
        } else if (m.bodyFile != null) {
            try {
                body = Files.readAllBytes(dir.resolve(m.bodyFile));
            } catch (NoSuchFileException e) {
                return null;
            }
            if (body.length != m.bodyLength || !HexFormat.of().formatHex(sha256(body)).equals(m.bodySha256)) {
                return null; // another writer's body, or one cut short: a miss
            }
        }
        return m.entry(url, body);
    }

    private static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        Instant quick = isoInstant(s);
        return quick != null ? quick : Instant.parse(s); // a malformed one throws: the entry is a miss
    }

    /**
     * {@link Instant#toString()}'s own form, "2026-11-25T10:57:12.123456Z", read without
     * java.time's formatter (200 metas at start-up); null for anything else, which Instant.parse reads.
     */
    static Instant isoInstant(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
                return null;
            }
            int f = digits(s, 20, n - 1);
            if (f < 0) {
                return null;
            }
            nanos = f;
            for (int k = n - 21; k < 9; k++) {
                nanos *= 10;
            }
        } else if (n != 20) {
            return null;
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        try {
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null; // February 30th and the like: let Instant.parse say so
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
        putBody(url, body, contentType, finalUrl, etag, lastModified, now, null);
    }

    /**
     * Caches a successfully fetched body with the headline index built from it.
     *
     * @param headlines the body parsed with headlines only, written as its index; null writes none
     *                  (the reader then parses the body)
     */
    public void putBody(String url, byte[] body, String contentType, String finalUrl, String etag,
                        String lastModified, Instant now, Feed headlines) throws IOException {
        Objects.requireNonNull(body, "body");
        ensureDir();
        Path bodyTmp = AtomicFiles.temp(dir.resolve(key(url) + ".xml"), body, true);
        try {
            commitBody(url, bodyTmp, looksLikeJson(body), body.length, sha256(body), contentType, finalUrl, etag,
                    lastModified, now, headlines);
            bodyTmp = null;
        } finally {
            AtomicFiles.deleteQuietly(bodyTmp);
        }
    }

    /**
     * A new temp file in the cache directory for a body to be streamed into (see {@link Download});
     * close it when done: an uncommitted one is deleted.
     */
    public Download download() throws IOException {
        ensureDir();
        return new Download(dir);
    }

    /**
     * Caches a body that was streamed into {@code body}: its file is renamed into place, so the
     * body is never held in memory. When the same body is cached under two URLs, the first call is
     * given {@link #copyOf(Download)}.
     */
    public void putBody(String url, Download body, String contentType, String finalUrl, String etag,
                        String lastModified, Instant now, Feed headlines) throws IOException {
        byte[] sha = body.finish();
        body.force();
        commitBody(url, body.file(), looksLikeJson(body.head(4096)), body.length(), sha, contentType, finalUrl, etag,
                lastModified, now, headlines);
        body.committed();
    }

    /** A second temp file with the same bytes, for caching one body under two URLs. */
    public Download copyOf(Download body) throws IOException {
        return body.copy(dir);
    }

    /** Renames a body's temp file into place with its index and meta; the temp is gone only on success. */
    private void commitBody(String url, Path bodyTmp, boolean json, long length, byte[] sha, String contentType,
                            String finalUrl, String etag, String lastModified, Instant now, Feed headlines)
            throws IOException {
        String k = key(url);
        String name = k + (json ? ".json" : ".xml");
        String other = k + (json ? ".xml" : ".json");
        Entry e = new Entry(url, null, contentType, finalUrl == null ? url : finalUrl, etag, lastModified,
                now, OK, null, null);
        // the slow part (writing and fsyncing) outside the lock, so parallel refreshes overlap
        Path indexTmp = null;
        Path metaTmp = null;
        try {
            if (headlines != null) {
                indexTmp = AtomicFiles.temp(indexFile(url), HeadlineIndex.write(headlines, length, sha), false);
            }
            metaTmp = AtomicFiles.temp(metaFile(url), metaBytes(e, name, HexFormat.of().formatHex(sha), length), true);
            try (Locked ignored = lock()) {
                // the body first, then its index, then the meta that points at them
                AtomicFiles.commit(bodyTmp, dir.resolve(name));
                if (indexTmp != null) {
                    AtomicFiles.commit(indexTmp, indexFile(url));
                    indexTmp = null;
                } else {
                    Files.deleteIfExists(indexFile(url));
                }
                AtomicFiles.commit(metaTmp, metaFile(url));
                metaTmp = null;
                Files.deleteIfExists(dir.resolve(other));
                AtomicFiles.syncDirectory(dir);
            }
        } finally {
            AtomicFiles.deleteQuietly(indexTmp);
            AtomicFiles.deleteQuietly(metaTmp);
        }
    }

    /**
     * Writes the headline index of the cached body (after an offline start parsed a body that had
     * none). Written only when {@code body} is still the body the meta names. Never fsynced: a lost or
     * torn index is detected and rebuilt.
     */
    public void putIndex(String url, byte[] body, Feed headlines) throws IOException {
        ensureDir();
        byte[] sha = sha256(body);
        Path tmp = AtomicFiles.temp(indexFile(url), HeadlineIndex.write(headlines, body.length, sha), false);
        try (Locked ignored = lock()) {
            Meta m = readMeta(url);
            if (m != null && m.bodyLength == body.length && HexFormat.of().formatHex(sha).equals(m.bodySha256)) {
                AtomicFiles.commit(tmp, indexFile(url));
                tmp = null;
            }
        } finally {
            AtomicFiles.deleteQuietly(tmp);
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

    /**
     * Keeps the entry as it is but asks not to fetch before {@code until}: a successful answer that
     * said the rate-limit window is used up (Reddit's x-ratelimit-remaining: 0). Does nothing when
     * there is no cached entry.
     */
    public void holdOff(String url, Instant until) throws IOException {
        update(url, old -> old == null ? null : new Entry(url, old.body(), old.contentType(), old.finalUrl(),
                old.etag(), old.lastModified(), old.fetchedAt(), old.status(), old.error(), until));
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

    /**
     * Rewrites the meta only; the body file it points at, and its hash, stay as they are (the body is
     * not read: a refresh of 200 unchanged feeds must not hash 68 MB).
     */
    private void update(String url, Change change) throws IOException {
        try (Locked ignored = lock()) {
            Meta m;
            try {
                m = readMeta(url);
            } catch (IOException | RuntimeException e) {
                m = null; // a damaged meta: as if there were none
            }
            boolean hasBody = m != null && m.bodyFile != null && m.bodySha256 != null && m.bodyLength >= 0
                    && Files.isRegularFile(dir.resolve(m.bodyFile));
            Entry old = m == null ? null : m.entry(url, hasBody ? new byte[0] : null);
            Entry next = change.apply(old);
            if (next == null) {
                return;
            }
            byte[] bytes = next.body() != null && hasBody
                    ? metaBytes(next, m.bodyFile, m.bodySha256, m.bodyLength)
                    : metaBytes(next, null, null, -1);
            AtomicFiles.write(metaFile(url), bytes);
        }
    }

    private static byte[] metaBytes(Entry e, String bodyFile, String bodySha256, long bodyLength) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("version", VERSION);
            g.writeStringField("url", e.url());
            g.writeStringField("finalUrl", e.finalUrl());
            g.writeStringField("etag", e.etag());
            g.writeStringField("lastModified", e.lastModified());
            g.writeStringField("contentType", e.contentType());
            g.writeStringField("fetchedAt", e.fetchedAt() == null ? null : e.fetchedAt().toString());
            g.writeStringField("status", e.status());
            g.writeStringField("error", e.error());
            g.writeStringField("retryAfterUntil", e.retryAfterUntil() == null ? null : e.retryAfterUntil().toString());
            g.writeStringField("bodyFile", bodyFile);
            if (bodyFile != null) {
                g.writeStringField("bodySha256", bodySha256);
                g.writeNumberField("bodyLength", bodyLength);
            }
            g.writeEndObject();
        }
        return out.toByteArray();
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
                    channel = OwnFiles.openLock(dir.resolve(".lock"), dir.resolve(".lock"));
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
        ensureDir();
        if (swept) {
            return;
        }
        swept = true;
        sweep();
    }

    private void ensureDir() throws IOException {
        AtomicFiles.createPrivateDirectories(dir);
    }

    private void sweep() {
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
