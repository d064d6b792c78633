package dev.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read state with two Tidings processes at once, and across a kill -9 mid-append. */
class ReadStateIT {
    @TempDir
    Path dir;

    private Process marker(Path file, String prefix, int count) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ReadStateMarkerMain.class.getName(), file.toString(), prefix, String.valueOf(count))
                .redirectErrorStream(true).redirectOutput(dir.resolve(prefix + ".log").toFile()).start();
    }

    @Test
    void twoProcessesMarkingAtOnceLoseNothing() throws Exception {
        Path file = dir.resolve("read-state");
        Process a = marker(file, "A", 500);
        Process b = marker(file, "B", 500);
        assertThat(a.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).as(Files.readString(dir.resolve("A.log"))).isZero();
        assertThat(b.exitValue()).as(Files.readString(dir.resolve("B.log"))).isZero();
        ReadState state = new ReadState(file);
        state.load();
        List<String> missing = new ArrayList<>();
        for (String p : List.of("A", "B")) {
            for (int i = 0; i < 500; i++) {
                if (!state.isRead(p + "-" + i, "")) {
                    missing.add(p + "-" + i);
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(1000);
    }

    @Test
    void aKillMidAppendLeavesEverythingBeforeItReadable() throws Exception {
        Path file = dir.resolve("read-state");
        for (int round = 0; round < 5; round++) {
            Process p = marker(file, "K" + round, 100_000);
            // kill while it appends: wait for its first line (a loaded machine starts a JVM slowly)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(file) || !Files.readString(file).contains("K" + round + "-0\t")) {
                assertThat(System.nanoTime()).as("round %d never wrote", round).isLessThan(deadline);
                Thread.sleep(10);
            }
            Thread.sleep(20L * round);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            ReadState state = new ReadState(file);
            state.load(); // never throws on a half line
            assertThat(state.isRead("K" + round + "-0", "")).as("round %d wrote before the kill", round)
                    .isEqualTo(new File(file.toString()).length() > 0 && Files.readString(file).contains("K" + round + "-0\t"));
        }
        Files.writeString(file, Files.readString(file) + "R\thalf-a-li", StandardCharsets.UTF_8); // a torn tail
        ReadState state = new ReadState(file);
        state.load();
        assertThat(state.isRead("half-a-li", "")).isFalse();
        state.append(state.mark("after", "", true));
        ReadState again = new ReadState(file);
        again.load();
        assertThat(again.isRead("after", "")).as("a mark after a torn line is not lost").isTrue();
    }
}
