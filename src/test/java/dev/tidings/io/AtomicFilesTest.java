package dev.tidings.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private long temps() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    @Test
    void replacesTheFilePrivatelyAndLeavesNoTempFile() throws IOException {
        Path f = dir.resolve("state");
        AtomicFiles.write(f, "one".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(f, "two".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(f)).isEqualTo("two");
        if (AtomicFiles.posix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        }
        assertThat(temps()).isZero();
    }

    @Test
    void aWriteThatFailsPartWayLeavesTheOldContentAndNoTempFile() throws IOException {
        Path f = dir.resolve("state");
        AtomicFiles.write(f, "old content".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.Writer fullDisk = (ch, bytes) -> {
            bytes.limit(3);
            ch.write(bytes);
            throw new IOException("No space left on device");
        };
        assertThatThrownBy(() -> AtomicFiles.write(f, "new content".getBytes(StandardCharsets.UTF_8), fullDisk))
                .hasMessageContaining("No space left");
        assertThat(Files.readString(f)).isEqualTo("old content");
        assertThat(temps()).isZero();
    }

    @Test
    void tempFilesAreNamedAfterTheirTargetForSweeping() throws IOException {
        Path f = dir.resolve("collections.json");
        Path tmp = AtomicFiles.temp(f, new byte[] {1, 2}, false);
        assertThat(tmp.getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(tmp.getFileName().toString()).startsWith(".collections.json." + ProcessHandle.current().pid() + ".").endsWith(".tmp");
        AtomicFiles.commit(tmp, f);
        assertThat(Files.readAllBytes(f)).containsExactly(1, 2);
        assertThat(temps()).isZero();
    }

    @Test
    void directoriesAreCreatedPrivate() throws IOException {
        Path d = dir.resolve("a/b");
        AtomicFiles.createPrivateDirectories(d);
        assertThat(d).isDirectory();
        if (AtomicFiles.posix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(d))).isEqualTo("rwx------");
        }
        AtomicFiles.deleteQuietly(dir.resolve("missing"));
    }
}
