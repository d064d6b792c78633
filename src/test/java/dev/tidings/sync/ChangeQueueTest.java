package dev.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable queue of read/unread/star changes. */
class ChangeQueueTest {
    static final String A = "000661985d36273a";
    static final String B = "000661985d362739";

    @TempDir
    Path dir;

    @Test
    void theLatestChangePerItemAndFlagIsPushedAndAppendsDuringAPushStay() throws Exception {
        ChangeQueue q = new ChangeQueue(dir.resolve("sync/acct/queue"));
        q.append(List.of(new Change(1, Change.Op.READ, A), new Change(2, Change.Op.STAR, A), new Change(3, Change.Op.UNREAD, A)));
        List<Change> read = q.all();
        assertThat(ChangeQueue.latest(read)).containsExactly(new Change(3, Change.Op.UNREAD, A), new Change(2, Change.Op.STAR, A));
        q.append(List.of(new Change(4, Change.Op.READ, B))); // made while the push ran
        q.remove(read);
        assertThat(q.all()).containsExactly(new Change(4, Change.Op.READ, B));
    }

    @Test
    void aTornLastLineFromACrashIsIgnoredAndEnded() throws Exception {
        Path file = dir.resolve("queue");
        ChangeQueue q = new ChangeQueue(file);
        q.append(List.of(new Change(1, Change.Op.READ, A)));
        Files.write(file, "2\tst".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND); // kill -9 mid-write
        assertThat(q.all()).containsExactly(new Change(1, Change.Op.READ, A));
        q.append(List.of(new Change(3, Change.Op.STAR, B)));
        assertThat(q.all()).containsExactly(new Change(1, Change.Op.READ, A), new Change(3, Change.Op.STAR, B));
    }

    @Test
    void aQueueSurvivesARestart() throws Exception {
        Path file = dir.resolve("queue");
        new ChangeQueue(file).append(List.of(new Change(5, Change.Op.UNSTAR, A)));
        assertThat(new ChangeQueue(file).all()).containsExactly(new Change(5, Change.Op.UNSTAR, A));
    }
}
