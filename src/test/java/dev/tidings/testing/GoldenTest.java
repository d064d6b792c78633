package dev.tidings.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenTest {
    @TempDir
    Path dir;

    @Test
    void aMissingGoldenFileFailsAndIsNotWritten() {
        Path file = dir.resolve("screen.txt");
        assertThatThrownBy(() -> Golden.assertMatches(file, "new output\n"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("missing golden file")
                .hasMessageContaining("-Dtest=GoldenTest -Dgolden.update=true");
        assertThat(file).doesNotExist();
    }

    @Test
    void aDifferentOutputFailsAndTheSameOnePasses() throws Exception {
        Path file = Files.writeString(dir.resolve("screen.txt"), "old\n");
        assertThatThrownBy(() -> Golden.assertMatches(file, "new\n")).isInstanceOf(AssertionError.class);
        Golden.assertMatches(file, "old\n");
    }
}
