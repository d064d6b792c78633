package dev.tidings.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A {@link StoreWriterMain} in its own JVM: the "other Tidings" of the multi-process ITs. */
final class WriterProcess {
    final Process process;
    final Path stderr;
    private final CompletableFuture<String> firstLine = new CompletableFuture<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private WriterProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                    firstLine.complete(line);
                }
            } catch (IOException e) {
                // the process is gone
            } finally {
                firstLine.complete(null);
            }
        }, "stdout of " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** The current java binary and class path; a small heap and a quick-starting JIT. */
    static WriterProcess start(Path file, String collection, String prefix, long count, boolean forever, Path logDir)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"),
                StoreWriterMain.class.getName(), file.toString(), collection, prefix, Long.toString(count)));
        if (forever) {
            cmd.add("forever");
        }
        Path err = Files.createTempFile(logDir, "writer-" + prefix + "-", ".err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        return new WriterProcess(p, err);
    }

    /** The first line the writer printed ("ready"), or null when it ended without one or took too long. */
    String awaitFirstLine(long seconds) throws InterruptedException {
        try {
            return firstLine.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** Everything the writer printed on stdout, once it has ended. */
    List<String> output() throws InterruptedException {
        reader.join(10_000);
        return List.copyOf(lines);
    }

    String errors() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    void kill() {
        process.destroyForcibly();
    }
}
