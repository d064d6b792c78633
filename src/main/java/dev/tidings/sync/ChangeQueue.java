package dev.tidings.sync;

import dev.tidings.io.AppendLog;
import java.io.IOException;
import java.nio.file.Path;
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
    private final AppendLog log;

    public ChangeQueue(Path file) {
        this.log = new AppendLog(file);
    }

    public Path file() {
        return log.file();
    }

    /** Appends changes (one write, fsynced) under the queue's lock. */
    public void append(Collection<Change> changes) throws SyncException {
        if (changes.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        changes.forEach(c -> sb.append(c.line()));
        try {
            log.append(sb.toString(), null);
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.LOCAL, file() + ": cannot queue the change ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Every change in the log, oldest first (torn or foreign lines skipped). */
    public List<Change> all() throws SyncException {
        try {
            return parse(log.read());
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.LOCAL, file() + ": cannot read the queue ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<Change> parse(String text) {
        List<Change> out = new ArrayList<>();
        for (String line : AppendLog.lines(text)) {
            Change c = Change.parse(line);
            if (c != null) {
                out.add(c);
            }
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
        try {
            log.locked(() -> {
                StringBuilder sb = new StringBuilder();
                for (Change c : parse(log.read())) {
                    if (!gone.contains(c)) {
                        sb.append(c.line());
                    }
                }
                log.rewrite(sb.toString());
            });
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.LOCAL, file() + ": cannot update the queue ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
