package dev.tidings.store;

import dev.tidings.io.OwnFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every file Tidings wrote in its cache directory, found by name: in {@code feeds/} the
 * {@code <key>.xml|.json} bodies, {@code <key>.meta.json} metas and {@code <key>.idx} headline
 * indexes, and our temp files ({@code .*.tmp}); in {@code pages/} the reader-mode pages
 * {@code <key>.json}. A key is 32 lower-case hex digits. Anything else (another program's file, a
 * directory, a link, a name we never write) is not listed, so nothing here can lead to removing it.
 */
public final class CacheInventory {
    private CacheInventory() {
    }

    /** What a cache file is. */
    public enum Kind {
        BODY("bodies"), META("metas"), INDEX("indexes"), PAGE("pages"), SEARCH("search segments"), TEMP("temp files");

        private final String plural;

        Kind(String plural) {
            this.plural = plural;
        }

        /** "bodies", "metas"…: how reports name the kind. */
        public String plural() {
            return plural;
        }
    }

    /**
     * One file of ours.
     *
     * @param key      the 32-hex key it is named by (a feed URL's for feed files, an article link's
     *                 for pages); "" for temp files
     * @param modified when it was last written
     */
    public record File(Path path, Kind kind, String key, long bytes, Instant modified) {
    }

    private static final Pattern FEED_FILE = Pattern.compile("([0-9a-f]{32})\\.(xml|json|meta\\.json|idx)");
    private static final Pattern PAGE_FILE = Pattern.compile("([0-9a-f]{32})\\.json");
    private static final Pattern SEARCH_FILE = Pattern.compile("([0-9a-f]{32})\\.seg");

    /** The {@code feeds} directory of a cache directory. */
    public static Path feedsDir(Path cacheDir) {
        return cacheDir.toAbsolutePath().normalize().resolve("feeds");
    }

    /** The {@code pages} directory (reader mode's page cache) of a cache directory. */
    public static Path pagesDir(Path cacheDir) {
        return cacheDir.toAbsolutePath().normalize().resolve("pages");
    }

    /** The {@code search} directory (the full-text index's segments) of a cache directory. */
    public static Path searchDir(Path cacheDir) {
        return cacheDir.toAbsolutePath().normalize().resolve("search");
    }

    /** Our files in {@code cacheDir}'s feeds, pages and search directories; empty when they do not exist. */
    public static List<File> scan(Path cacheDir) {
        List<File> out = new ArrayList<>();
        scanDir(feedsDir(cacheDir), Kind.BODY, out);
        scanDir(pagesDir(cacheDir), Kind.PAGE, out);
        scanDir(searchDir(cacheDir), Kind.SEARCH, out);
        return out;
    }

    /** {@code dirKind}: BODY for the feeds directory, PAGE for pages, SEARCH for the index. */
    private static void scanDir(Path dir, Kind dirKind, List<File> out) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return; // a link or a file where our directory should be: not ours to look into
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                File f = classify(p, dirKind);
                if (f != null) {
                    out.add(f);
                }
            }
        } catch (IOException ignored) {
            // unreadable: nothing listed, nothing removed
        }
    }

    private static File classify(Path p, Kind dirKind) {
        String name = p.getFileName().toString();
        boolean feeds = dirKind == Kind.BODY;
        Kind kind;
        String key = "";
        if (feeds && name.startsWith(".") && name.endsWith(".tmp") && name.length() > 5) {
            kind = Kind.TEMP;
        } else if (feeds) {
            var m = FEED_FILE.matcher(name);
            if (!m.matches()) {
                return null;
            }
            key = m.group(1);
            kind = switch (m.group(2)) {
                case "xml", "json" -> Kind.BODY;
                case "meta.json" -> Kind.META;
                default -> Kind.INDEX;
            };
        } else {
            var m = (dirKind == Kind.SEARCH ? SEARCH_FILE : PAGE_FILE).matcher(name);
            if (!m.matches()) {
                return null;
            }
            key = m.group(1);
            kind = dirKind;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || OwnFiles.refusal(p, a) != null) {
                return null;
            }
            return new File(p, kind, key, a.size(), a.lastModifiedTime().toInstant());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Removes one listed file while holding the feed cache's write lock (no refresh renames a
     * file meanwhile), after checking again that it is still a regular file of ours with the same
     * name. Returns the bytes freed; 0 when it was gone or is no longer ours.
     */
    public static long remove(FeedCache cache, File f) throws IOException {
        try (CacheDirLock.Held ignored = cache.lock()) {
            File now = classify(f.path(), switch (f.kind()) {
                case PAGE, SEARCH -> f.kind();
                default -> Kind.BODY;
            });
            if (now == null || now.kind() != f.kind()) {
                return 0;
            }
            return Files.deleteIfExists(f.path()) ? now.bytes() : 0;
        }
    }
}
