package dev.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change queue with two processes at once, and across kill -9 mid-append. */
class ChangeQueueIT {
    @TempDir
    Path dir;

    private Process writer(Path queue, long base, int count, String log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), QueueWriterMain.class.getName(),
                queue.toString(), Long.toString(base), Integer.toString(count))
                .redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
    }

    private Set<String> queued(Path queue) throws Exception {
        Set<String> ids = new HashSet<>();
        new ChangeQueue(queue).all().forEach(c -> ids.add(c.hexId()));
        return ids;
    }

    @Test
    void twoProcessesQueueingAtOnceLoseNothing() throws Exception {
        Path queue = dir.resolve("queue");
        Process a = writer(queue, 0x1000, 300, "a.log");
        Process b = writer(queue, 0x9000, 300, "b.log");
        assertThat(a.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(queued(queue)).hasSize(600);
    }

    @Test
    void everyAcknowledgedChangeSurvivesKillNine() throws Exception {
        Path queue = dir.resolve("queue");
        for (int round = 0; round < 5; round++) {
            Process p = writer(queue, 0x100000L * (round + 1), 1_000_000, "k" + round + ".log");
            Thread.sleep(500 + 150L * round);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            List<String> acked = Files.readAllLines(dir.resolve("k" + round + ".log"), StandardCharsets.UTF_8);
            Set<String> have = queued(queue); // never throws on a torn last line
            for (String id : acked) {
                if (id.length() == 16) { // the last printed line may itself be cut
                    assertThat(have).as("round %d: acknowledged %s", round, id).contains(id);
                }
            }
        }
        new ChangeQueue(queue).append(List.of(new Change(1, Change.Op.STAR, "00000000000000ff")));
        assertThat(queued(queue)).contains("00000000000000ff"); // a change after a torn line is kept
    }
}
