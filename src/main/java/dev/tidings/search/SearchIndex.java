package dev.tidings.search;

import dev.tidings.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search index: one segment file per source (a feed URL, or {@link #COLLECTIONS}) in its own
 * directory ({@code $XDG_CACHE_HOME/tidings/search/<sha256(source), 32 hex>.seg}), so refreshing
 * one feed rewrites one file. Each segment records a stamp chosen by the caller (the cached body's
 * SHA-256 and the feed's name): a segment whose stamp differs from the source's is stale.
 *
 * <ul>
 *   <li>Segments are derived data: written with a temp file and an atomic rename, no fsync. A
 *       damaged or foreign file is deleted and reported once through {@link #drainNotes()}; the caller
 *       rebuilds it ({@link #stamp} then says there is none). Nothing here throws on bad files.</li>
 *   <li>Open segments are kept mapped and re-opened when their file changes (size or time), so
 *       another process's update is seen.</li>
 * </ul>
 *
 * Thread-safe. For the cache sweep: {@link #removeFeed(String)} and {@link #update} are all another
 * part needs to keep the index in step with the cache.
 */
public final class SearchIndex {
    /** The source name of the collections' saved articles. */
    public static final String COLLECTIONS = "collections:";

    private final Path dir;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Opened> open = new HashMap<>();

    private record Opened(Segment segment, long size, long modified) {
    }

    /** @param dir the directory of the segment files (created on the first write) */
    public SearchIndex(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * One line per damaged segment found since the last call (each was deleted, to be rebuilt), for
     * the caller to show once: stderr for the command line, the status line in the reader.
     */
    public synchronized List<String> drainNotes() {
        List<String> out = List.copyOf(notes);
        notes.clear();
        return out;
    }

    /** The index directory for a Tidings cache directory. */
    public static Path defaultDir(Path cacheDir) {
        return cacheDir.resolve("search");
    }

    public Path dir() {
        return dir;
    }

    /** The file of a source's segment. */
    public Path file(String source) {
        return dir.resolve(key(source) + ".seg");
    }

    /** The stamp the source's segment was written with, or null when there is none (or it was damaged). */
    public synchronized String stamp(String source) {
        Segment s = segment(source);
        return s == null ? null : s.stamp;
    }

    /**
     * Replaces the source's segment with these documents (old articles no longer in the feed are
     * gone from the index after this).
     */
    public void update(String source, String stamp, List<Doc> docs) throws IOException {
        byte[] bytes = SegmentWriter.write(source, stamp, docs); // the slow part outside the lock
        AtomicFiles.createPrivateDirectories(dir);
        sweepOnce();
        Path target = file(source);
        Path tmp = AtomicFiles.temp(target, bytes, false);
        try {
            synchronized (this) {
                AtomicFiles.commit(tmp, target);
                tmp = null;
                open.remove(target.getFileName().toString());
            }
        } finally {
            AtomicFiles.deleteQuietly(tmp);
        }
    }

    private boolean swept;

    /** Deletes temp files a killed writer left (older than an hour: younger ones may be another process's). */
    private synchronized void sweepOnce() {
        if (swept) {
            return;
        }
        swept = true;
        long cutoff = System.currentTimeMillis() - 60 * 60 * 1000L;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : ds) {
                if (Files.getLastModifiedTime(p).toMillis() < cutoff) {
                    AtomicFiles.deleteQuietly(p);
                }
            }
        } catch (IOException e) {
            // never fatal
        }
    }

    /** Removes a source's articles from the index (an unsubscribed feed, a feed dropped from the cache). */
    public synchronized void removeFeed(String source) throws IOException {
        Path f = file(source);
        open.remove(f.getFileName().toString());
        Files.deleteIfExists(f);
    }

    /** Removes every segment whose source is not in {@code keep}; returns how many were removed. */
    public synchronized int retain(Collection<String> keep) {
        Set<String> names = new HashSet<>();
        for (String s : keep) {
            names.add(key(s) + ".seg");
        }
        int removed = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.seg")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (!names.contains(name)) {
                    open.remove(name);
                    AtomicFiles.deleteQuietly(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            // no directory yet: nothing to remove
        }
        return removed;
    }

    /** Bytes on disk of all segments. */
    public long sizeOnDisk() {
        long total = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.seg")) {
            for (Path p : ds) {
                total += Files.size(p);
            }
        } catch (IOException e) {
            // none
        }
        return total;
    }

    /**
     * What a search found.
     *
     * @param total how many articles matched
     * @param hits  the best {@code limit} of them, best first: more clauses matched in the title,
     *              then newer, then (for equal dates) in source order
     */
    public record Results(int total, List<Hit> hits) {
    }

    /** Searches the segments of these sources (those without a segment are skipped). */
    public Results search(Query query, Collection<String> sources, int limit) {
        List<Segment> segments = new ArrayList<>();
        synchronized (this) {
            for (String source : sources) {
                Segment s = segment(source);
                if (s != null) {
                    segments.add(s);
                }
            }
        }
        Ranking ranking = new Ranking();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            int seg = i;
            try {
                SegmentSearch.run(s, query, (doc, titleHits) -> ranking.add(seg, doc, titleHits, s.published(doc)));
            } catch (RuntimeException e) { // IndexOutOfBounds and the like: the file lied past its checks
                drop(s.source, "damaged (" + e.getClass().getSimpleName() + ")");
                ranking.removeSegment(seg);
            }
        }
        return ranking.results(segments, limit);
    }

    /** The open segment of a source, opening (and checking) it when its file is new or changed. */
    private Segment segment(String source) {
        Path f = file(source);
        String name = f.getFileName().toString();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(f, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            open.remove(name);
            return null;
        } catch (IOException e) {
            return null;
        }
        if (!a.isRegularFile()) {
            notes.add(f + ": not a regular file; search skips it");
            return null;
        }
        Opened o = open.get(name);
        if (o != null && o.size == a.size() && o.modified == a.lastModifiedTime().toMillis()) {
            return o.segment;
        }
        try {
            Segment s = Segment.open(f);
            if (!s.source.equals(source)) {
                throw new Segment.Corrupt("written for another source");
            }
            open.put(name, new Opened(s, a.size(), a.lastModifiedTime().toMillis()));
            return s;
        } catch (IOException | RuntimeException e) {
            drop(source, e.getMessage());
            return null;
        }
    }

    private synchronized void drop(String source, String why) {
        Path f = file(source);
        open.remove(f.getFileName().toString());
        AtomicFiles.deleteQuietly(f);
        notes.add("search index: " + f.getFileName() + " was damaged (" + why + "); it is rebuilt");
    }

    /** The 32-hex name of a source's segment file (what the cache sweep compares). */
    public static String keyOf(String source) {
        return key(source);
    }

    static String key(String source) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
