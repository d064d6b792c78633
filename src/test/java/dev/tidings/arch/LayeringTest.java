package dev.tidings.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers pointing down (docs/architecture.md) by reading every import line: each
 * package may import only the packages and libraries listed for it.
 */
class LayeringTest {
    static final Path SRC = Path.of("src/main/java/dev/tidings");

    /** package -> allowed import prefixes besides java.* and its own package. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("text", Set.of()),
            Map.entry("feed", Set.of("dev.tidings.model.", "dev.tidings.text.", "com.fasterxml.jackson.core.", "org.jsoup.")),
            Map.entry("fetch", Set.of("dev.tidings.text.")),
            Map.entry("render", Set.of("dev.tidings.model.", "dev.tidings.text.", "org.jsoup.")),
            Map.entry("extract", Set.of("dev.tidings.text.", "com.fasterxml.jackson.core.", "org.jsoup.")),
            Map.entry("io", Set.of()),
            Map.entry("store", Set.of("dev.tidings.io.", "dev.tidings.model.", "dev.tidings.text.", "com.fasterxml.jackson.")),
            Map.entry("rules", Set.of("dev.tidings.model.", "dev.tidings.text.")),
            Map.entry("app", Set.of("dev.tidings.rules.", "dev.tidings.subs.", "dev.tidings.sync.", "dev.tidings.model.", "dev.tidings.text.", "dev.tidings.feed.", "dev.tidings.fetch.",
                    "dev.tidings.render.", "dev.tidings.store.", "dev.tidings.extract.")),
            Map.entry("tui", Set.of("dev.tidings.rules.", "dev.tidings.subs.", "dev.tidings.sync.", "dev.tidings.model.", "dev.tidings.text.", "dev.tidings.render.", "dev.tidings.app.",
                    "dev.tidings.feed.", "dev.tidings.fetch.", "dev.tidings.store.", "dev.tidings.extract.",
                    "com.googlecode.lanterna.")),
            Map.entry("cli", Set.of("dev.tidings.", "picocli.", "com.fasterxml.jackson.", "org.jsoup.")),
            Map.entry("subs", Set.of("dev.tidings.io.", "dev.tidings.text.")),
            Map.entry("sync", Set.of("dev.tidings.io.", "dev.tidings.text.", "dev.tidings.fetch.", "com.fasterxml.jackson.")));

    @Test
    void everyPackageImportsOnlyWhatItsLayerAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SRC)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SRC.relativize(file).getName(0).toString();
                Set<String> allowed = ALLOWED.get(pkg);
                assertThat(allowed).as("package %s has no layering rule", pkg).isNotNull();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.startsWith("import ")) {
                        continue;
                    }
                    String imported = line.replace("import static ", "").replace("import ", "").replace(";", "").trim();
                    if (imported.startsWith("java.") || imported.startsWith("javax.")
                            || imported.startsWith("dev.tidings." + pkg + ".")) {
                        continue;
                    }
                    if (allowed.stream().noneMatch(imported::startsWith)) {
                        violations.add(file + ": " + imported);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
