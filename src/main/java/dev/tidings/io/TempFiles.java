package dev.tidings.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Temp files left behind by a writer killed mid-write ({@link AtomicFiles#temp} names them
 * {@code .NAME.PID.RANDOM.tmp}; {@code store.Download} {@code .download.PID.RANDOM.tmp}). Only
 * regular files whose name starts with the given prefix (which starts with a dot) and ends in
 * {@code .tmp} are ever listed or removed: nothing else in a directory is touched.
 */
public final class TempFiles {
    private TempFiles() {
    }

    /**
     * Our temp files in {@code dir} named {@code prefix...tmp} and last modified more than
     * {@code olderThan} ago (zero: all of them; use it only while holding the lock every writer
     * takes). Never throws: an unreadable directory has none.
     */
    public static List<Path> stale(Path dir, String prefix, Duration olderThan) {
        if (prefix.isEmpty() || prefix.charAt(0) != '.') {
            throw new IllegalArgumentException("a temp file prefix starts with '.', was '" + prefix + "'");
        }
        List<Path> out = new ArrayList<>();
        long cutoff = System.currentTimeMillis() - olderThan.toMillis(); // younger ones may be another process's
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (!name.startsWith(prefix) || !name.endsWith(".tmp") || name.length() <= prefix.length() + 4) {
                    continue;
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isRegularFile() && (olderThan.isZero() || a.lastModifiedTime().toMillis() < cutoff)) {
                        out.add(p);
                    }
                } catch (IOException ignored) {
                    // gone meanwhile
                }
            }
        } catch (IOException ignored) {
            // not listable: nothing to sweep
        }
        return out;
    }

    /** Removes {@link #stale} temp files; returns how many bytes they held. Never throws. */
    public static long sweep(Path dir, String prefix, Duration olderThan) {
        long freed = 0;
        for (Path p : stale(dir, prefix, olderThan)) {
            try {
                long size = Files.size(p);
                if (Files.deleteIfExists(p)) {
                    freed += size;
                }
            } catch (IOException ignored) {
                // someone else's problem; never fatal
            }
        }
        return freed;
    }
}
