package dev.tidings.store;

import dev.tidings.io.AtomicFiles;
import dev.tidings.model.Feed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The last good copy of every subscribed feed, so Tidings starts offline and fetches
 * conditionally. Layout, per feed URL:
 *
 * <pre>
 * &lt;cacheDir&gt;/feeds/&lt;sha256(url), first 32 hex&gt;.xml   (or .json) the raw body as fetched (decoded)
 * &lt;cacheDir&gt;/feeds/&lt;same&gt;.meta.json                  the {@link CacheMeta} and the body's name,
 *                                                     SHA-256 and length ({@link MetaFile})
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
    private final Path dir;
    private final CacheDirLock dirLock;

    /** @param cacheDir the Tidings cache directory; feeds go to its {@code feeds} subdirectory */
    public FeedCache(Path cacheDir) {
        this.dir = cacheDir.toAbsolutePath().normalize().resolve("feeds");
        this.dirLock = CacheDirLock.of(dir);
    }

    /** The directory holding the cached feeds. */
    public Path dir() {
        return dir;
    }

    /** The file name stem for a URL: the first 32 hex digits of its SHA-256. */
    public static String key(String url) {
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
     * @param meta      as {@link #meta(String)} returns it
     * @param headlines the items without bodies, from the index, or null when there is no body or
     *                  the index is missing, stale or damaged (then parse the body)
     */
    public record Headlines(CacheMeta meta, Feed headlines) {
    }

    // ---------------------------------------------------------------- reading

    /**
     * The cached body with its meta; empty when there is none, it is unreadable, or the body on
     * disk is not the one the meta names (length and SHA-256). Never throws.
     */
    public Optional<CachedFeed> get(String url) {
        try {
            MetaFile.Stored m = readMeta(url);
            if (m == null || m.bodyFile() == null) {
                return Optional.empty();
            }
            byte[] body;
            try {
                body = Files.readAllBytes(dir.resolve(m.bodyFile()));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            if (body.length != m.bodyLength() || !HexFormat.of().formatHex(sha256(body)).equals(m.bodySha256())) {
                return Optional.empty(); // another writer's body, or one cut short: a miss
            }
            return Optional.of(new CachedFeed(m.meta(), body));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The meta without the body (validators, status, times): what a conditional request and the
     * feed list need, without reading and hashing every cached body. Never throws.
     */
    public Optional<CacheMeta> meta(String url) {
        try {
            MetaFile.Stored m = readMeta(url);
            return m == null ? Optional.empty() : Optional.of(m.meta());
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
            MetaFile.Stored m = readMeta(url);
            if (m == null) {
                return Optional.empty();
            }
            if (m.bodyFile() == null) {
                return Optional.of(new Headlines(m.meta(), null));
            }
            byte[] idx;
            byte[] sha;
            try {
                idx = Files.readAllBytes(indexFile(url));
                sha = HexFormat.of().parseHex(m.bodySha256());
            } catch (IOException | IllegalArgumentException noIndex) {
                return Optional.of(new Headlines(m.meta(), null));
            }
            return Optional.of(new Headlines(m.meta(),
                    sha.length == 32 ? HeadlineIndex.read(idx, m.bodyLength(), sha) : null));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The SHA-256 (hex) of the body the meta names, without reading the body: what a derived
     * index (the full-text index) records to know it is current. Empty when there is no body.
     * Never throws.
     */
    public Optional<String> bodyHash(String url) {
        try {
            MetaFile.Stored m = readMeta(url);
            return m == null || m.bodyFile() == null ? Optional.empty() : Optional.ofNullable(m.bodySha256());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The stored meta for a URL, or null when there is none or it is not usable ({@link MetaFile#read}). */
    private MetaFile.Stored readMeta(String url) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(metaFile(url));
        } catch (NoSuchFileException e) {
            return null;
        }
        return MetaFile.read(bytes, url, key(url));
    }

    // ---------------------------------------------------------------- writing

    /**
     * Caches a successfully fetched body (status {@link CacheStatus#OK}; error and Retry-After
     * cleared), with the headline index built from it.
     *
     * @param url          the feed URL to cache it under
     * @param body         the raw (decoded) body
     * @param contentType  the Content-Type, or null
     * @param finalUrl     the URL after redirects (null means {@code url})
     * @param etag         the ETag, or null
     * @param lastModified the Last-Modified, or null
     * @param now          the fetch time
     * @param headlines    the body parsed with headlines only, written as its index; null writes none
     *                     (the reader then parses the body)
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

    /** {@link #putBody(String, byte[], String, String, String, String, Instant, Feed)} without an index. */
    public void putBody(String url, byte[] body, String contentType, String finalUrl, String etag,
                        String lastModified, Instant now) throws IOException {
        putBody(url, body, contentType, finalUrl, etag, lastModified, now, null);
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
        CacheMeta e = new CacheMeta(url, contentType, finalUrl == null ? url : finalUrl, etag, lastModified, now,
                CacheStatus.OK, null, null, true);
        // the slow part (writing and fsyncing) outside the lock, so parallel refreshes overlap
        Path indexTmp = null;
        Path metaTmp = null;
        try {
            if (headlines != null) {
                indexTmp = AtomicFiles.temp(indexFile(url), HeadlineIndex.write(headlines, length, sha), false);
            }
            metaTmp = AtomicFiles.temp(metaFile(url), MetaFile.write(e, name, HexFormat.of().formatHex(sha), length), true);
            try (CacheDirLock.Held ignored = lock()) {
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
        try (CacheDirLock.Held ignored = lock()) {
            MetaFile.Stored m = readMeta(url);
            if (m != null && m.bodyLength() == body.length && HexFormat.of().formatHex(sha).equals(m.bodySha256())) {
                AtomicFiles.commit(tmp, indexFile(url));
                tmp = null;
            }
        } finally {
            AtomicFiles.deleteQuietly(tmp);
        }
    }

    /**
     * Records a 304 Not Modified, updating the validators when the server sent new ones (null keeps
     * the old). Does nothing when there is no cached entry.
     */
    public void touch(String url, String etag, String lastModified, Instant now) throws IOException {
        update(url, old -> old == null ? null : new CacheMeta(url, old.contentType(), old.finalUrl(),
                etag != null ? etag : old.etag(), lastModified != null ? lastModified : old.lastModified(),
                now, CacheStatus.OK, null, null, old.hasBody()));
    }

    /** Records a 304 Not Modified: the body is still good as of {@code now}. */
    public void touch(String url, Instant now) throws IOException {
        touch(url, null, null, now);
    }

    /**
     * Keeps the entry as it is but asks not to fetch before {@code until}: a successful answer that
     * said the rate-limit window is used up (Reddit's x-ratelimit-remaining: 0). Does nothing when
     * there is no cached entry.
     */
    public void holdOff(String url, Instant until) throws IOException {
        update(url, old -> old == null ? null : old.withStatus(old.status(), old.error(), until));
    }

    /** Records 410 Gone; the last body is kept for reading offline. */
    public void markGone(String url, Instant now) throws IOException {
        update(url, old -> old == null
                ? new CacheMeta(url, null, null, null, null, now, CacheStatus.GONE, null, null, false)
                : new CacheMeta(url, old.contentType(), old.finalUrl(), old.etag(), old.lastModified(), now,
                        CacheStatus.GONE, null, null, old.hasBody()));
    }

    /**
     * Records a failed fetch; the last good body and its validators are kept.
     *
     * @param message    the one-line failure message
     * @param retryUntil do not fetch again before this instant (a Retry-After), or null
     */
    public void markError(String url, String message, Instant retryUntil) throws IOException {
        update(url, old -> old == null
                ? new CacheMeta(url, null, null, null, null, null, CacheStatus.ERROR, message, retryUntil, false)
                : old.withStatus(CacheStatus.ERROR, message, retryUntil));
    }

    /**
     * Rewrites the meta only; the body file it points at, and its hash, stay as they are (the body is
     * not read: a refresh of 200 unchanged feeds must not hash 68 MB). {@code change} gets null when
     * there is no usable meta, and returns null to write nothing.
     */
    private void update(String url, UnaryOperator<CacheMeta> change) throws IOException {
        try (CacheDirLock.Held ignored = lock()) {
            MetaFile.Stored m;
            try {
                m = readMeta(url);
            } catch (IOException | RuntimeException e) {
                m = null; // a damaged meta: as if there were none
            }
            boolean hasBody = m != null && m.bodyFile() != null && Files.isRegularFile(dir.resolve(m.bodyFile()));
            CacheMeta old = m == null ? null : hasBody == m.meta().hasBody() ? m.meta()
                    : new CacheMeta(url, m.meta().contentType(), m.meta().finalUrl(), m.meta().etag(),
                            m.meta().lastModified(), m.meta().fetchedAt(), m.meta().status(), m.meta().error(),
                            m.meta().retryAfterUntil(), false);
            CacheMeta next = change.apply(old);
            if (next == null) {
                return;
            }
            byte[] bytes = next.hasBody() && hasBody
                    ? MetaFile.write(next, m.bodyFile(), m.bodySha256(), m.bodyLength())
                    : MetaFile.write(next, null, null, -1);
            AtomicFiles.write(metaFile(url), bytes);
        }
    }

    /** The write lock of this cache directory: a refresh's renames and the sweep take it. */
    CacheDirLock.Held lock() throws IOException {
        return dirLock.lock();
    }

    private void ensureDir() throws IOException {
        AtomicFiles.createPrivateDirectories(dir);
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

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
