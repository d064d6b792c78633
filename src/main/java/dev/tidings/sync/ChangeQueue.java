package dev.tidings.sync;

import dev.tidings.io.AtomicFiles;
import dev.tidings.io.OwnFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The durable queue of read/unread/star changes not yet on the server ({@code queue} in the account's
 * directory): an append-only log, one line per change ({@code MILLIS<TAB>read<TAB>HEX}), appended under
 * a lock with one write and an fsync, like the read state. A kill -9 leaves at worst a half line at the
 * end, which is ignored. After a push, the pushed lines are removed by an atomic rewrite under the
 * same lock, so changes appended meanwhile (by the reader, by {@code tidings mark}) stay. A change
 * pushed twice (a crash between the push and the rewrite) sets the same state twice: harmless.
 */
public final class ChangeQueue {
    private final Path file;

    public ChangeQueue(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    /** Appends changes (one write, fsynced) under the queue's lock. */
    public void append(Collection<Change> changes) throws SyncException {
        if (changes.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        changes.forEach(c -> sb.append(c.line()));
        try {
            AtomicFiles.createPrivateDirectories(file.getParent());
            try (FileChannel lockChannel = OwnFiles.openLock(lockFile(), file);
                 FileLock lock = lockChannel.lock();
                 FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                         StandardOpenOption.WRITE)) {
                String text = sb.toString();
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
            }
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.LOCAL, file + ": cannot queue the change ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Every change in the log, oldest first (torn or foreign lines skipped). */
    public List<Change> all() throws SyncException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.LOCAL, file + ": cannot read the queue ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<Change> parse(String text) {
        List<Change> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                break; // a half-written last line (crash mid-append): ignored
            }
            Change c = Change.parse(text.substring(start, nl));
            if (c != null) {
                out.add(c);
            }
            start = nl + 1;
        }
        return out;
    }

    /**
     * What to push: per item and flag (read, starred) the latest change by timestamp (a later line
     * wins a tie), so read-then-unread pushes only "unread".
     */
    public static List<Change> latest(List<Change> changes) {
        Map<String, Change> byKey = new LinkedHashMap<>();
        for (Change c : changes) {
            String key = c.hexId() + (c.op() == Change.Op.READ || c.op() == Change.Op.UNREAD ? "/r" : "/s");
            Change prev = byKey.get(key);
            if (prev == null || c.at() >= prev.at()) {
                byKey.put(key, c);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** Removes these changes (pushed or superseded) from the log, keeping everything appended since. */
    public void remove(Collection<Change> done) throws SyncException {
        if (done.isEmpty()) {
            return;
        }
        Set<Change> gone = new HashSet<>(done);
        try (FileChannel lockChannel = OwnFiles.openLock(lockFile(), file);
             FileLock lock = lockChannel.lock()) {
            List<Change> keep = new ArrayList<>();
            for (Change c : all()) {
                if (!gone.contains(c)) {
                    keep.add(c);
                }
            }
            StringBuilder sb = new StringBuilder();
            keep.forEach(c -> sb.append(c.line()));
            AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.LOCAL, file + ": cannot update the queue ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private Path lockFile() {
        return file.resolveSibling(file.getFileName() + ".lock");
    }
}
