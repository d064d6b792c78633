package dev.tidings.store;

import static dev.tidings.store.SampleArticles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tidings.model.Library;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments while a writer saves article after article: the file must always hold
 * either the old or the new content, never a mix, never less than was confirmed saved.
 *
 * <p>Each iteration starts a new writer JVM ({@link StoreWriterMain} "forever", prefix "iN"),
 * waits for its first add to return ("ready"), lets it write for 0-40 ms and SIGKILLs it.
 * {@code -Dkill.iterations=N} and {@code -Dkill.seed=S} repeat a run.
 */
class CollectionStoreKillIT {
    private static final String FILE = "collections.json";

    @TempDir
    Path dir;

    @TempDir
    Path logs;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void killingAWriterAtRandomMomentsNeverCorruptsTheFileNorLosesAConfirmedSave() throws Exception {
        int iterations = Integer.getInteger("kill.iterations", 25);
        long seed = Long.getLong("kill.seed", System.nanoTime());
        System.out.printf("CollectionStoreKillIT: %d iterations, -Dkill.seed=%d%n", iterations, seed);
        Random random = new Random(seed);
        Path file = dir.resolve(FILE);
        List<String> before = List.of();
        int orphans = 0;
        long started = System.nanoTime();

        for (int i = 0; i < iterations; i++) {
            String prefix = "i" + i;
            WriterProcess w = WriterProcess.start(file, "Kill", prefix, 0, true, logs);
            String first = w.awaitFirstLine(60);
            if (!"ready".equals(first)) {
                w.kill();
                fail("iteration %d (seed %d): the writer did not get ready (printed %s); stderr: %s", i, seed, first,
                        w.errors());
            }
            Thread.sleep(random.nextInt(41));
            w.kill();
            assertThat(w.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(w.process.exitValue()).as("iteration %d: killed by SIGKILL, not ended by an error: %s", i,
                    w.errors()).isEqualTo(137);

            String where = "iteration " + i + " (seed " + seed + ")";
            Library lib = new CollectionStore(file).read(); // throws if the file is anything but whole and valid
            List<String> keys = lib.find("Kill").orElseThrow().articles();
            assertThat(keys).as(where + ": keys are unique").doesNotHaveDuplicates();
            assertThat(lib.articles().keySet()).as(where + ": every listed article is stored, nothing else")
                    .isEqualTo(new HashSet<>(keys));
            assertThat(keys.size()).as(where + ": the count never decreases").isGreaterThanOrEqualTo(before.size());
            assertThat(keys.subList(0, before.size())).as(where + ": what was there is still there, in order")
                    .isEqualTo(before);
            List<String> added = keys.subList(before.size(), keys.size());
            assertThat(added).as(where + ": at least the confirmed first add").isNotEmpty();
            for (int n = 0; n < added.size(); n++) {
                assertThat(added.get(n)).as(where + ": additions are a gap-free sequence").isEqualTo(prefix + "-" + n);
            }

            Set<String> names = names();
            Set<String> temps = names.stream().filter(n -> n.endsWith(".tmp")).collect(Collectors.toSet());
            assertThat(temps).as(where + ": at most the one temp file the killed writer was writing").hasSizeLessThanOrEqualTo(1);
            for (String t : temps) {
                assertThat(t).as(where + ": an orphan of the killed writer").startsWith("." + FILE + "."
                        + w.process.pid() + ".");
                orphans++;
            }
            names.removeAll(temps);
            assertThat(names).as(where + ": files in the directory").isSubsetOf(FILE, FILE + ".lock").contains(FILE);
            before = keys;
        }

        new CollectionStore(file).add("Kill", article("after-the-last-kill"));
        assertThat(names()).as("the next write swept the orphan").containsExactlyInAnyOrder(FILE, FILE + ".lock");
        assertThat(new CollectionStore(file).read().articles()).hasSize(before.size() + 1);
        System.out.printf("CollectionStoreKillIT: %d kills in %d s, %d articles saved, %d kills left an orphaned temp"
                + " file (killed mid-write)%n", iterations, (System.nanoTime() - started) / 1_000_000_000L,
                before.size(), orphans);
    }

    private Set<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(java.util.TreeSet::new));
        }
    }
}
