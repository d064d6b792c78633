package dev.tidings.app;

import dev.tidings.sync.Change;
import dev.tidings.sync.ChangeQueue;
import dev.tidings.sync.GReaderClient;
import dev.tidings.sync.SyncException;
import dev.tidings.sync.SyncState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first step of a sync: the changes made here (read, unread, star, unstar) sent to the server in
 * batches. The later change wins: a change queued before the last sync (its push failed while a later
 * sync went through) loses to a change of the same flag found on the server, which is dated by the
 * last sync. A change leaves the queue only after the server took it.
 */
final class ChangePush {
    private ChangePush() {
    }

    /** Sends the queued changes (the latest per item and flag), then removes them from the queue. */
    static int push(GReaderClient c, ChangeQueue queue, SyncState before) throws SyncException {
        List<Change> all = queue.all();
        if (all.isEmpty()) {
            return 0;
        }
        List<Change> latest = ChangeQueue.latest(all);
        boolean anyOld = latest.stream().anyMatch(x -> x.at() <= before.lastSync());
        Set<String> unreadNow = anyOld ? new HashSet<>(c.allIds(GReaderClient.READING_LIST, GReaderClient.READ, 0, 1_000_000)) : null;
        Set<String> starredNow = anyOld ? new HashSet<>(c.allIds(GReaderClient.STARRED, null, 0, 100_000)) : null;
        Map<Change.Op, List<String>> byOp = new LinkedHashMap<>();
        for (Change x : latest) {
            if (x.at() <= before.lastSync() && changedElsewhere(x, before, unreadNow, starredNow)) {
                continue; // the server's change is dated by the last sync: later than this one, so it wins
            }
            byOp.computeIfAbsent(x.op(), k -> new ArrayList<>()).add(x.hexId());
        }
        int n = 0;
        for (Map.Entry<Change.Op, List<String>> e : byOp.entrySet()) {
            List<String> ids = e.getValue();
            for (int i = 0; i < ids.size(); i += Sync.BATCH) {
                List<String> part = ids.subList(i, Math.min(ids.size(), i + Sync.BATCH));
                switch (e.getKey()) {
                    case READ -> c.editTag(part, GReaderClient.READ, null);
                    case UNREAD -> c.editTag(part, null, GReaderClient.READ);
                    case STAR -> c.editTag(part, GReaderClient.STARRED, null);
                    case UNSTAR -> c.editTag(part, null, GReaderClient.STARRED);
                }
                n += part.size();
            }
        }
        queue.remove(all); // only now: a failure above keeps every change for the next sync
        return n;
    }

    private static boolean changedElsewhere(Change x, SyncState before, Set<String> unreadNow, Set<String> starredNow) {
        return switch (x.op()) {
            case READ, UNREAD -> before.unread().contains(x.hexId()) != unreadNow.contains(x.hexId());
            case STAR, UNSTAR -> before.starred().contains(x.hexId()) != starredNow.contains(x.hexId());
        };
    }
}
