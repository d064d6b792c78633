package dev.tidings.store;

import static dev.tidings.store.SampleArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.model.Library;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Tidings saving into one collection at the same moment (a TUI and a CLI, two terminals):
 * the sidecar lock and the re-read before each change must keep every addition of both.
 */
class CollectionStoreConcurrencyIT {
    private static final int PER_WRITER = 200;

    @TempDir
    Path dir;

    @TempDir
    Path logs;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoProcessesAddingToOneCollectionAtOnceKeepEveryArticleOfBoth() throws Exception {
        Path file = dir.resolve("collections.json");
        long start = System.nanoTime();
        WriterProcess a = WriterProcess.start(file, "Shared", "A", PER_WRITER, false, logs);
        WriterProcess b = WriterProcess.start(file, "Shared", "B", PER_WRITER, false, logs);
        for (WriterProcess w : List.of(a, b)) {
            assertThat(w.process.waitFor(110, TimeUnit.SECONDS)).as("writer finished in time").isTrue();
            assertThat(w.process.exitValue()).as("exit status; stderr: %s", w.errors()).isZero();
            assertThat(w.output()).containsExactly("ready", "done");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        Library lib = new CollectionStore(file).read(); // strict: parses only a whole, well-formed file
        List<String> keys = lib.find("Shared").orElseThrow().articles();
        assertThat(lib.collections()).hasSize(1);
        assertThat(keys).hasSize(2 * PER_WRITER).doesNotHaveDuplicates();
        assertThat(lib.articles()).hasSize(2 * PER_WRITER);
        for (String prefix : List.of("A", "B")) {
            List<String> mine = keys.stream().filter(k -> k.startsWith(prefix + "-")).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < PER_WRITER; i++) {
                expected.add(prefix + "-" + i);
            }
            assertThat(mine).as("%s's articles, in the order %s added them", prefix, prefix).isEqualTo(expected);
        }
        int switches = 0;
        for (int i = 1; i < keys.size(); i++) {
            if (keys.get(i).charAt(0) != keys.get(i - 1).charAt(0)) {
                switches++;
            }
        }
        System.out.printf("two processes x %d adds: %d ms, the writers took turns %d times%n", PER_WRITER, millis,
                switches);
        assertThat(switches).as("the two writers really ran at the same time").isGreaterThanOrEqualTo(2);
        assertThat(SampleArticles.tempFiles(file)).isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoStoresOnOneFileInOneProcessKeepEveryArticleOfBoth() throws Exception {
        Path file = dir.resolve("collections.json");
        new CollectionStore(file).create("Shared");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String prefix : List.of("T", "U")) {
                CollectionStore store = new CollectionStore(file); // each thread its own store, as two windows would
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        store.add("Shared", article(prefix + "-" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> keys = new CollectionStore(file).read().find("Shared").orElseThrow().articles();
        assertThat(keys).hasSize(200);
        assertThat(new HashSet<>(keys)).hasSize(200);
    }
}
