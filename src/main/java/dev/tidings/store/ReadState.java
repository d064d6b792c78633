package dev.tidings.store;

import dev.tidings.io.AtomicFiles;
import dev.tidings.io.OwnFiles;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which articles were read, kept across runs in an append-only log
 * ({@code $XDG_DATA_HOME/tidings/read-state}): one line per change, {@code R<TAB>id<TAB>link} or
 * {@code U<TAB>id<TAB>link}. Appending one short line under a lock is cheap (marking read costs no
 * visible delay), two processes appending at once lose nothing, and a kill -9 can at worst leave a
 * half line at the end, which is ignored. An article counts as read when its id or its link was
 * marked, so feeds that reorder or re-send items do not bring read articles back.
 */
public final class ReadState {
    private static final long COMPACT_BYTES = 4L * 1024 * 1024;

    private final Path file;
    private final Set<String> ids = new HashSet<>();
    private final Set<String> links = new HashSet<>();

    public ReadState(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    /** Reads the log (again): what every process has marked so far. A missing file is an empty state. */
    public synchronized void load() throws StoreException {
        ids.clear();
        links.clear();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, file + ": cannot read (" + Sanitize.line(e.getMessage()) + ")", e);
        }
        replay(new String(bytes, StandardCharsets.UTF_8), ids, links);
    }

    private static void replay(String text, Set<String> ids, Set<String> links) {
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                break; // a half-written last line (crash mid-append): ignored
            }
            String line = text.substring(start, nl);
            start = nl + 1;
            String[] f = line.split("\t", -1);
            if (f.length != 3 || !(f[0].equals("R") || f[0].equals("U"))) {
                continue;
            }
            boolean read = f[0].equals("R");
            if (!f[1].isEmpty()) {
                if (read) {
                    ids.add(f[1]);
                } else {
                    ids.remove(f[1]);
                }
            }
            if (!f[2].isEmpty()) {
                if (read) {
                    links.add(f[2]);
                } else {
                    links.remove(f[2]);
                }
            }
        }
    }

    /** True when the article with this id or link was marked read. */
    public synchronized boolean isRead(String id, String link) {
        return (!id.isEmpty() && ids.contains(id)) || (!link.isEmpty() && links.contains(link));
    }

    /** Marks in memory only (the caller persists with {@link #append}); returns the line to append. */
    public synchronized String mark(String id, String link, boolean read) {
        String i = clean(id);
        String l = clean(link);
        if (read) {
            if (!i.isEmpty()) {
                ids.add(i);
            }
            if (!l.isEmpty()) {
                links.add(l);
            }
        } else {
            ids.remove(i);
            links.remove(l);
        }
        return (read ? "R" : "U") + "\t" + i + "\t" + l + "\n";
    }

    private static String clean(String s) {
        return Sanitize.line(s).replace('\t', ' ');
    }

    /** Appends change lines to the log under its lock (one write), compacting it when it has grown large. */
    public void append(String lines) throws StoreException {
        try {
            Path dir = file.getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            // every writer holds the lock (a sidecar file, so compaction may replace the log) while it
            // writes at the end, so "the end" cannot move under it
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel lockChannel = OwnFiles.openLock(lockFile, file);
                 FileLock lock = lockChannel.lock();
                 FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                         StandardOpenOption.WRITE)) {
                String text = lines;
                long size = ch.size();
                if (size > 0) {
                    ByteBuffer last = ByteBuffer.allocate(1);
                    ch.read(last, size - 1);
                    if (last.get(0) != '\n') {
                        text = "\n" + text; // a torn line from a crash: end it, do not extend it
                    }
                }
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                long at = size;
                while (buf.hasRemaining()) {
                    at += ch.write(buf, at);
                }
                ch.force(false);
                if (ch.size() > COMPACT_BYTES) {
                    compact();
                }
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, file + ": cannot save read state ("
                    + Sanitize.line(e.getMessage()) + ")", e);
        }
    }

    /** Rewrites the log as one line per read article (under the caller's lock), atomically. */
    private void compact() throws IOException {
        Set<String> i = new HashSet<>();
        Set<String> l = new HashSet<>();
        replay(Files.readString(file, StandardCharsets.UTF_8), i, l);
        StringBuilder sb = new StringBuilder();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (String id : i) {
            sb.append("R\t").append(id).append("\t\n");
            seen.put(id, true);
        }
        for (String link : l) {
            sb.append("R\t\t").append(link).append('\n');
        }
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** $XDG_DATA_HOME/tidings/read-state, else ~/.local/share/tidings/read-state. */
    public static Path defaultPath(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "tidings", "read-state");
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home", ".")), ".local", "share", "tidings",
                "read-state");
    }
}
