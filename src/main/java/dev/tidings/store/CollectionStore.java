package dev.tidings.store;

import dev.tidings.io.AtomicFiles;
import dev.tidings.io.LockFile;
import dev.tidings.io.OwnFiles;
import dev.tidings.io.TempFiles;
import dev.tidings.model.SavedCollection;
import dev.tidings.model.Image;
import dev.tidings.model.Item;
import dev.tidings.model.Library;
import dev.tidings.model.SavedArticle;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The collections file: one pretty-printed, versioned JSON document that nothing can lose.
 *
 * <ul>
 *   <li>Reads are strict: an empty, NUL-filled, truncated or malformed file, duplicate keys,
 *       trailing garbage, or the wrong shape is reported (naming the file and the problem) and the
 *       file is left byte for byte as it was. A newer schema version opens read-only.</li>
 *   <li>Writes are atomic: a temp file in the same directory, fsynced, renamed over the old file,
 *       then the directory fsynced. Directory 0700, file 0600. No temp file is left behind.</li>
 *   <li>Every change takes an advisory lock on a sidecar lock file, re-reads the file if another
 *       process changed it, applies the change to what is there now, and writes. Two processes
 *       saving at once both keep their change.</li>
 * </ul>
 */
public final class CollectionStore {
    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_NAME_LENGTH = 100;
    private static final long LOCK_WAIT_MS = 10_000;

    /** Writes bytes to a channel; tests replace it to simulate a full disk. */
    interface Sink extends AtomicFiles.Writer {
    }

    private final Path file;
    private final Path lockFile;
    private final Clock clock;
    private AtomicFiles.Writer sink = AtomicFiles.PLAIN;

    /** The file's content as last read or written, and its stamp; null: read it again. */
    private Dto.FileDto cached;
    private Object cachedStamp;
    /** The last content read, kept when {@code cached} is dropped: its articles' views are reused. */
    private Dto.FileDto lastRead;
    /** The model view of {@code cached}, built once per change. */
    private Library cachedLibrary;
    /** Bytes the quick index read, kept for the strict read that follows it while the stamp holds. */
    private byte[] indexBytes;
    private Object indexStamp;
    private boolean readOnly;
    private boolean swept;

    public CollectionStore(Path file) {
        this(file, Clock.systemUTC());
    }

    CollectionStore(Path file, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.clock = clock;
    }

    void sink(Sink s) {
        this.sink = s;
    }

    public Path file() {
        return file;
    }

    /** True when the file was written by a newer Tidings: it can be read, never written. */
    public synchronized boolean readOnly() {
        return readOnly;
    }

    // ---------------------------------------------------------------- reading

    /**
     * What is in the file now (empty when there is no file yet), read strictly. Articles are
     * checked but built on first use: {@code articles().get(key)} costs one article's parse.
     */
    public synchronized Library read() throws StoreException {
        return toLibrary(current());
    }

    /**
     * The collections only (names, dates, article keys), for the collections browser and
     * {@code collections list}: {@code articles()} is empty. Reads the header strictly and checks
     * the articles section quickly (balanced, no NUL or control bytes, unique keys that every
     * collection's references find); whatever it cannot vouch for it leaves to the strict read,
     * which it then does and whose error it throws. The strict read still comes before any change
     * is written and before articles are shown.
     */
    public synchronized Library readIndex() throws StoreException {
        Object stamp = stamp();
        if (stamp == null || (cached != null && Objects.equals(stamp, cachedStamp))) {
            return read();
        }
        byte[] bytes = readBytes();
        Set<String> keys = new HashSet<>();
        Dto.FileDto index = WireScanner.index(bytes, keys);
        if (index == null) {
            return toLibrary(adopt(parse(bytes), stamp)); // let the strict read say what is wrong
        }
        checkHeader(index);
        validateCollections(index, keys);
        readOnly = index.version > SCHEMA_VERSION;
        indexBytes = bytes;
        indexStamp = stamp;
        List<SavedCollection> collections = new ArrayList<>();
        for (Dto.CollectionDto c : index.collections) {
            collections.add(new SavedCollection(c.name, WireMapper.instant(c.created), c.articles));
        }
        return new Library(collections, Map.of());
    }

    private Dto.FileDto current() throws StoreException {
        Object stamp = stamp();
        if (cached != null && Objects.equals(stamp, cachedStamp)) {
            return cached;
        }
        if (stamp == null) {
            readOnly = false; // no file (any more): a new one starts at our version
            return adopt(Dto.FileDto.fresh(), null);
        }
        byte[] bytes = indexBytes != null && Objects.equals(stamp, indexStamp) ? indexBytes : readBytes();
        return adopt(parse(bytes), stamp);
    }

    private Dto.FileDto adopt(Dto.FileDto dto, Object stamp) {
        indexBytes = null;
        indexStamp = null;
        cached = dto;
        cachedStamp = stamp;
        cachedLibrary = null;
        lastRead = dto;
        return dto;
    }

    /** Size, modification time and file key: changes whenever anyone writes the file. Null: no file. */
    private Object stamp() throws StoreException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            checkRegular(a);
            return List.of(a.size(), a.lastModifiedTime().toMillis(), a.lastModifiedTime().toInstant().getNano(),
                    String.valueOf(a.fileKey()));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, file + ": cannot read (" + reason(e) + ")", e);
        }
    }

    private void checkRegular(BasicFileAttributes a) throws StoreException {
        String why = OwnFiles.refusal(file, a);
        if (why != null) {
            throw new StoreException(StoreException.Kind.NOT_A_FILE, why);
        }
    }

    private byte[] readBytes() throws StoreException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, file + ": cannot read (" + reason(e) + ")", e);
        }
    }

    /** The strict read of a file's bytes; articles equal to ones read before keep their views. */
    Dto.FileDto parse(byte[] bytes) throws StoreException {
        Dto.FileDto dto;
        try {
            dto = WireReader.parse(bytes, lastRead);
        } catch (WireReader.Bad e) {
            throw corrupt(e.getMessage());
        }
        checkHeader(dto);
        if (dto.articles == null) {
            throw corrupt("lacks \"collections\" or \"articles\"");
        }
        readOnly = dto.version > SCHEMA_VERSION;
        validateCollections(dto, dto.articles.keySet());
        for (Map.Entry<String, Dto.Article> e : dto.articles.entrySet()) {
            if (e.getKey().isEmpty() || Sanitize.line(e.getKey()).isEmpty()) {
                throw corrupt("has an article with an empty key");
            }
            if (e.getValue() == null) {
                throw corrupt("article '" + Sanitize.line(e.getKey()) + "' is null");
            }
        }
        return dto;
    }

    private void checkHeader(Dto.FileDto dto) throws StoreException {
        if (dto.version == null || dto.version < 1) {
            throw corrupt("has no schema \"version\" (expected " + SCHEMA_VERSION + ")");
        }
        if (dto.format != null && !dto.format.equals(Dto.FORMAT)) {
            throw corrupt("has \"format\": \"" + Sanitize.line(dto.format) + "\", not \"" + Dto.FORMAT + "\"");
        }
        if (dto.collections == null) {
            throw corrupt("lacks \"collections\" or \"articles\"");
        }
    }

    private void validateCollections(Dto.FileDto dto, Set<String> articleKeys) throws StoreException {
        Set<String> names = new HashSet<>();
        for (Dto.CollectionDto c : dto.collections) {
            if (c == null || c.name == null || c.articles == null) {
                throw corrupt("has a collection without a \"name\" or \"articles\"");
            }
            String problem = nameProblem(c.name);
            if (problem != null) {
                throw corrupt("has a collection whose name " + problem);
            }
            if (!names.add(c.name.toLowerCase(Locale.ROOT))) {
                throw corrupt("has two collections named '" + Sanitize.line(c.name) + "'");
            }
            for (String key : c.articles) {
                if (key == null || !articleKeys.contains(key)) {
                    throw corrupt("collection '" + Sanitize.line(c.name) + "' lists article '" + Sanitize.line(key)
                            + "' that is not in \"articles\"");
                }
            }
        }
    }

    private StoreException corrupt(String what) {
        return new StoreException(StoreException.Kind.CORRUPT, file + ": " + what
                + "; the file was left untouched (move it aside with 'tidings collections move-aside')");
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return Sanitize.line(((FileSystemException) e).getReason());
        }
        return Sanitize.line(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    // ---------------------------------------------------------------- the model view

    /** The model view: articles are built on first use and kept (see {@link Dto.Article}). */
    private Library toLibrary(Dto.FileDto dto) {
        if (dto == cached && cachedLibrary != null) {
            return cachedLibrary;
        }
        List<SavedCollection> collections = new ArrayList<>();
        for (Dto.CollectionDto c : dto.collections) {
            collections.add(new SavedCollection(c.name, WireMapper.instant(c.created), c.articles));
        }
        Library lib = new Library(collections, Library.lazyArticles(dto.articles));
        if (dto == cached) {
            cachedLibrary = lib;
        }
        return lib;
    }

    // ---------------------------------------------------------------- names

    /** Null when the name is acceptable, else what is wrong with it. */
    public static String nameProblem(String name) {
        if (name == null || name.strip().isEmpty()) {
            return "is empty";
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            return "is longer than " + MAX_NAME_LENGTH + " characters";
        }
        boolean bad = name.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Sanitize.isBidiControl(cp)
                || cp == 0x2028 || cp == 0x2029 || Character.getType(cp) == Character.SURROGATE);
        if (bad) {
            return "has a control character";
        }
        if (!name.equals(name.strip())) {
            return "starts or ends with a space";
        }
        return null;
    }

    private static String checkName(String name) throws CollectionException {
        String n = name == null ? "" : name.strip();
        String problem = nameProblem(n);
        if (problem != null) {
            throw new CollectionException("the collection name " + problem + " (1-" + MAX_NAME_LENGTH
                    + " characters, no control characters)");
        }
        return n;
    }

    private static Dto.CollectionDto find(Dto.FileDto dto, String name) {
        for (Dto.CollectionDto c : dto.collections) {
            if (c.name.equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    private static CollectionException noSuch(Dto.FileDto dto, String name) {
        List<String> known = new ArrayList<>();
        for (Dto.CollectionDto c : dto.collections) {
            known.add(c.name);
        }
        return new CollectionException("no collection named '" + Sanitize.line(name) + "'"
                + (known.isEmpty() ? "; there are no collections yet" : ". Known: " + String.join(", ", known)));
    }

    // ---------------------------------------------------------------- changes

    /** A change to the file's content; it sees what is in the file at the moment of writing. */
    private interface Change {
        void apply(Dto.FileDto dto) throws CollectionException;
    }

    /** Creates an empty collection. */
    public Library create(String name) throws StoreException, CollectionException {
        String n = checkName(name);
        return update(dto -> {
            if (find(dto, n) != null) {
                throw new CollectionException("a collection named '" + Sanitize.line(find(dto, n).name)
                        + "' exists already");
            }
            Dto.CollectionDto c = new Dto.CollectionDto();
            c.name = n;
            c.created = clock.instant().toString();
            dto.collections.add(c);
        });
    }

    /** Renames a collection; a change of case only is allowed. */
    public Library rename(String oldName, String newName) throws StoreException, CollectionException {
        String n = checkName(newName);
        return update(dto -> {
            Dto.CollectionDto c = find(dto, oldName);
            if (c == null) {
                throw noSuch(dto, oldName);
            }
            Dto.CollectionDto other = find(dto, n);
            if (other != null && other != c) {
                throw new CollectionException("a collection named '" + Sanitize.line(other.name) + "' exists already");
            }
            c.name = n;
        });
    }

    /** Deletes a collection; articles no other collection holds go with it. */
    public Library delete(String name) throws StoreException, CollectionException {
        return update(dto -> {
            Dto.CollectionDto c = find(dto, name);
            if (c == null) {
                throw noSuch(dto, name);
            }
            dto.collections.remove(c);
            collectGarbage(dto);
        });
    }

    /** Saves an article into a collection (its snapshot is stored once, shared by collections). */
    public Library add(String name, SavedArticle article) throws StoreException, CollectionException {
        return update(dto -> {
            Dto.CollectionDto c = find(dto, name);
            if (c == null) {
                throw noSuch(dto, name);
            }
            put(dto, article);
            if (!c.articles.contains(article.key())) {
                c.articles.add(article.key());
            }
        });
    }

    /** Removes an article from a collection. */
    public Library remove(String name, String key) throws StoreException, CollectionException {
        return update(dto -> {
            Dto.CollectionDto c = find(dto, name);
            if (c == null) {
                throw noSuch(dto, name);
            }
            if (!c.articles.remove(key)) {
                throw new CollectionException("collection '" + Sanitize.line(c.name) + "' has no article '"
                        + Sanitize.line(key) + "'");
            }
            collectGarbage(dto);
        });
    }

    /**
     * Stores an article's snapshot: a new one, or the known members of one already there (its
     * unknown members and when it was first saved are kept). Only this article is serialized.
     */
    private void put(Dto.FileDto dto, SavedArticle s) {
        Dto.Article existing = dto.articles.get(s.key());
        Dto.ArticleDto a = WireMapper.toWire(s, existing != null ? existing.dto(true) : new Dto.ArticleDto(),
                clock.instant());
        byte[] json = WireWriter.oneLine(a);
        if (existing != null && existing.sameBytes(json, 0, json.length)) {
            return; // saved again unchanged: keep the article (and its view) as it is
        }
        dto.articles.put(s.key(), new Dto.Article(s.key(), json, 0, json.length, WireMapper.toArticle(s.key(), a)));
    }

    private static void collectGarbage(Dto.FileDto dto) {
        Set<String> used = new HashSet<>();
        for (Dto.CollectionDto c : dto.collections) {
            used.addAll(c.articles);
        }
        dto.articles.keySet().retainAll(used);
    }

    /**
     * Under the lock: re-read the file if anyone changed it, apply the change to that, write it
     * atomically. On any failure the file keeps its old content and the cache is dropped.
     */
    private synchronized Library update(Change change) throws StoreException, CollectionException {
        stamp(); // refuses a directory, FIFO or device before anything is created beside it
        refuseLockFile();
        createDirectory();
        try (LockFile lock = acquire()) {
            sweepTempFiles();
            Dto.FileDto dto = current();
            if (readOnly) {
                throw new StoreException(StoreException.Kind.NEWER_VERSION, file
                        + ": written by a newer Tidings (schema version " + dto.version + ", this one knows "
                        + SCHEMA_VERSION + "); it is open read-only and was not changed");
            }
            boolean written = false;
            try {
                change.apply(dto);
                cachedLibrary = null;
                write(dto);
                written = true;
            } finally {
                if (!written) {
                    cached = null; // the change touched the cached copy only: read the file again next time
                }
            }
            cachedStamp = stamp();
            return toLibrary(dto);
        } catch (IOException e) {
            cached = null;
            throw new StoreException(StoreException.Kind.IO, file + ": cannot save (" + reason(e)
                    + "); the file was not changed", e);
        }
    }

    /** The lock on {@link #lockFile}: {@link LockFile}, its waits turned into our errors. */
    private LockFile acquire() throws IOException, StoreException {
        try {
            return LockFile.acquire(lockFile, file, java.time.Duration.ofMillis(LOCK_WAIT_MS));
        } catch (LockFile.Timeout e) {
            throw new StoreException(StoreException.Kind.LOCKED, file + ": locked by another Tidings for more than "
                    + LOCK_WAIT_MS / 1000 + " s (lock file " + lockFile + ")");
        } catch (java.io.InterruptedIOException e) {
            throw new StoreException(StoreException.Kind.LOCKED, file + ": interrupted while waiting for the lock");
        }
    }

    private void createDirectory() throws StoreException {
        Path dir = file.getParent();
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        try {
            AtomicFiles.createPrivateDirectories(dir);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, dir + ": cannot create the directory (" + reason(e) + ")", e);
        }
    }

    private void refuseLockFile() throws StoreException {
        String why = OwnFiles.refusal(lockFile);
        if (why != null) {
            throw new StoreException(StoreException.Kind.NOT_A_FILE, why + " (the lock file of " + file + ")");
        }
    }

    /** Temp files left by a writer killed mid-write; safe to delete while we hold the lock. */
    private void sweepTempFiles() {
        if (swept) {
            return;
        }
        swept = true;
        Path target;
        try {
            target = target(); // temp files are made beside the file a save replaces
        } catch (IOException e) {
            return;
        }
        // every save writes its temp file under this lock: any left now is a killed writer's
        TempFiles.sweep(target.getParent(), "." + target.getFileName() + ".", java.time.Duration.ZERO);
    }

    /**
     * Replaces the file atomically. When the collections file is a symbolic link (a dotfiles
     * repository, a synced folder), the link is followed and its target replaced: the link stays a
     * link, and the temp file is created beside the target so the rename stays atomic.
     */
    private void write(Dto.FileDto dto) throws IOException {
        AtomicFiles.write(target(), WireWriter.serialize(dto), sink);
    }

    /** The file a save replaces: {@link #file} with every symbolic link followed (dangling ones too). */
    Path target() throws IOException {
        Path p = file;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINK_HOPS) {
                throw new IOException("too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(p);
            p = p.resolveSibling(link).normalize();
        }
        return p;
    }

    /** Symbolic links followed before giving up, as Linux does (ELOOP). */
    private static final int MAX_LINK_HOPS = 40;

    /**
     * Moves a damaged file aside to a named backup ("collections.json.bad-20261125T085400Z") so
     * Tidings can start a new one. Returns the backup's path, or null when there was no file.
     */
    public synchronized Path moveAside() throws StoreException {
        Path damaged;
        try {
            damaged = file.toRealPath(); // a symbolic link: the file it points at is the damaged one
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, file + ": cannot move aside (" + reason(e) + ")", e);
        }
        String why = OwnFiles.refusal(damaged);
        if (why != null) {
            // only ever a regular file: never the machine's /tmp or /dev/zero
            throw new StoreException(StoreException.Kind.NOT_A_FILE, why + "; move-aside renames only a collections file");
        }
        String stamp = clock.instant().toString().replace(":", "").replaceAll("\\.\\d+", "");
        Path backup = damaged.resolveSibling(damaged.getFileName() + ".bad-" + stamp);
        int n = 1;
        while (Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
            backup = damaged.resolveSibling(damaged.getFileName() + ".bad-" + stamp + "-" + n++);
        }
        try {
            Files.move(damaged, backup, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, file + ": cannot move aside (" + reason(e) + ")", e);
        }
        cached = null;
        cachedStamp = null;
        readOnly = false;
        return backup;
    }
}
