package dev.tidings.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.testing.IsolatedHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code bin/tidings}, as README's run command uses it: it runs the packaged jar,
 * builds its start-up archive in the background after the first run, and gives the same output
 * with the archive, without it, and with {@code TIDINGS_NO_CDS=1}.
 */
class LauncherIT {
    static final Path LAUNCHER = Path.of("bin", "tidings").toAbsolutePath();

    @TempDir
    Path home;

    @BeforeAll
    static void needTheJar() {
        assertThat(Path.of("target", "tidings.jar")).as("the packaged jar (mvn verify packages it first)").isRegularFile();
        assertThat(LAUNCHER).isExecutable();
    }

    record Run(int code, String out, String err) {
    }

    Run run(Map<String, String> extra, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        IsolatedHome.apply(pb.environment(), home);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("TIDINGS_NO_CDS");
        pb.environment().putAll(extra);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = p.waitFor();
        return new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private List<Path> cacheFiles() throws IOException {
        Path dir = home.resolve("cache/tidings");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void firstRunBuildsTheArchiveInTheBackgroundAndLaterRunsGiveTheSameOutput() throws Exception {
        // archives an older jar left: the new commands' archive replaces the old commands' one
        Path oldCli = Files.createDirectories(home.resolve("cache/tidings")).resolve("tidings-1-cli.jsa");
        Path oldReader = home.resolve("cache/tidings/tidings-1-reader.jsa");
        Files.writeString(oldCli, "an archive of an older jar");
        Files.writeString(oldReader, "an archive of an older jar");
        Run first = run(Map.of(), "list");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Alpine valley races to finish flood walls");
        assertThat(first.err()).isEmpty();

        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline
                && (cacheFiles().stream().noneMatch(p -> p.toString().endsWith("-cli.jsa") && !p.equals(oldCli))
                || cacheFiles().stream().anyMatch(p -> p.toString().endsWith(".lock")))) {
            Thread.sleep(100);
        }
        assertThat(oldReader).as("the reader's archive goes when the reader's new one is built").exists();
        Files.delete(oldReader);
        assertThat(cacheFiles()).as("one archive for the commands, the old one gone, no list, temp file or lock left")
                .singleElement().satisfies(p -> assertThat(p.getFileName().toString()).matches("tidings-\\d+-cli\\.jsa"));

        Run again = run(Map.of(), "list");
        assertThat(again).isEqualTo(first);
        Run dump = run(Map.of(), "dump", "--item", "1");
        assertThat(dump.code()).isZero();
        assertThat(dump.out()).contains("Source: AFP").contains("Read more: ");
        assertThat(dump.err()).isEmpty();
        assertThat(run(Map.of("TIDINGS_NO_CDS", "1"), "list")).isEqualTo(first);
    }

    @Test
    void errorsAndExitCodesPassThrough() throws Exception {
        Run missing = run(Map.of("TIDINGS_NO_CDS", "1"), "list", home.resolve("nope.xml").toString());
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).startsWith("tidings: ").contains("nope.xml").doesNotContain("Exception");
        Run bad = run(Map.of(), "list", "--no-such-flag");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
    }
}
