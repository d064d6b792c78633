package dev.tidings.store;

import dev.tidings.io.AtomicFiles;
import dev.tidings.io.LockFile;
import dev.tidings.model.Library;
import dev.tidings.model.SavedArticle;
import dev.tidings.model.SavedCollection;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
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

    /** Writes bytes to a channel; tests replace it to simulate a full disk. */
    interface Sink extends AtomicFiles.Writer {
    }

    private final Path file;
    private final CollectionFile disk;
    private final CollectionEdits edits;
    private final Clock clock;

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

    public CollectionStore(Path file) {
        this(file, Clock.systemUTC());
    }

    CollectionStore(Path file, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.disk = new CollectionFile(this.file);
        this.edits = new CollectionEdits(clock);
        this.clock = clock;
    }

    void sink(Sink s) {
        disk.sink(s);
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
        Object stamp = disk.stamp();
        if (stamp == null || (cached != null && Objects.equals(stamp, cachedStamp))) {
            return read();
        }
        byte[] bytes = disk.readBytes();
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
        Object stamp = disk.stamp();
        if (cached != null && Objects.equals(stamp, cachedStamp)) {
            return cached;
        }
        if (stamp == null) {
            readOnly = false; // no file (any more): a new one starts at our version
            return adopt(Dto.FileDto.fresh(), null);
        }
        byte[] bytes = indexBytes != null && Objects.equals(stamp, indexStamp) ? indexBytes : disk.readBytes();
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

    // ---------------------------------------------------------------- changes

    /** Creates an empty collection. */
    public Library create(String name) throws StoreException, CollectionException {
        return update(edits.create(name));
    }

    /** Renames a collection; a change of case only is allowed. */
    public Library rename(String oldName, String newName) throws StoreException, CollectionException {
        return update(edits.rename(oldName, newName));
    }

    /** Deletes a collection; articles no other collection holds go with it. */
    public Library delete(String name) throws StoreException, CollectionException {
        return update(edits.delete(name));
    }

    /** Saves an article into a collection (its snapshot is stored once, shared by collections). */
    public Library add(String name, SavedArticle article) throws StoreException, CollectionException {
        return update(edits.add(name, article));
    }

    /** Removes an article from a collection. */
    public Library remove(String name, String key) throws StoreException, CollectionException {
        return update(edits.remove(name, key));
    }

    /**
     * Under the lock: re-read the file if anyone changed it, apply the change to that, write it
     * atomically. On any failure the file keeps its old content and the cache is dropped.
     */
    private synchronized Library update(CollectionEdits.Change change) throws StoreException, CollectionException {
        disk.prepareChange();
        try (LockFile lock = disk.lock()) {
            disk.sweepTempFiles();
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
                disk.write(WireWriter.serialize(dto));
                written = true;
            } finally {
                if (!written) {
                    cached = null; // the change touched the cached copy only: read the file again next time
                }
            }
            cachedStamp = disk.stamp();
            return toLibrary(dto);
        } catch (IOException e) {
            cached = null;
            throw new StoreException(StoreException.Kind.IO, file + ": cannot save (" + CollectionFile.reason(e)
                    + "); the file was not changed", e);
        }
    }

    /**
     * Moves a damaged file aside to a named backup ("collections.json.bad-20261125T085400Z") so
     * Tidings can start a new one. Returns the backup's path, or null when there was no file.
     */
    public synchronized Path moveAside() throws StoreException {
        Path backup = disk.moveAside(clock.instant());
        if (backup == null) {
            return null;
        }
        cached = null;
        cachedStamp = null;
        readOnly = false;
        return backup;
    }
}
