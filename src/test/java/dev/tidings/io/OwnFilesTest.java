package dev.tidings.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnFilesTest {
    @TempDir
    Path dir;

    @Test
    void aRegularFileOrNothingMayBeWritten() throws Exception {
        Path f = dir.resolve("state");
        assertThat(OwnFiles.refusal(f)).isNull();
        Files.writeString(f, "x");
        assertThat(OwnFiles.refusal(f)).isNull();
        Path dangling = dir.resolve("dangling");
        Files.createSymbolicLink(dangling, dir.resolve("nowhere"));
        assertThat(OwnFiles.refusal(dangling)).isNull();
    }

    @Test
    void directoriesDevicesAndTheRootAreRefusedWithTheirName() throws Exception {
        assertThat(OwnFiles.refusal(dir)).startsWith(dir + ": ").contains("is a directory");
        Path dev = Path.of("/dev/null");
        if (Files.exists(dev)) {
            assertThat(OwnFiles.refusal(dev)).startsWith("/dev/null: ").contains("not a regular file");
        }
        assertThat(OwnFiles.refusal(Path.of("/"))).contains("root directory");
        Path linkToDir = dir.resolve("link");
        Files.createSymbolicLink(linkToDir, Files.createDirectory(dir.resolve("sub")));
        assertThat(OwnFiles.refusal(linkToDir)).contains("is a directory");
    }

    @Test
    void anAtomicWriteNeverReplacesADirectoryAndLeavesNothingBehind() throws Exception {
        Path target = Files.createDirectory(dir.resolve("target"));
        Files.writeString(target.resolve("inside"), "kept");
        assertThatThrownBy(() -> AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(OwnFiles.RefusedPath.class).hasMessageContaining("is a directory");
        assertThat(target.resolve("inside")).hasContent("kept");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("target");
        }
    }

    @Test
    void aLockIsNotCreatedWhenTheGuardedPathIsRefused() throws Exception {
        Path guarded = Files.createDirectory(dir.resolve("guarded"));
        Path lock = dir.resolve("guarded.lock");
        assertThatThrownBy(() -> OwnFiles.openLock(lock, guarded)).isInstanceOf(OwnFiles.RefusedPath.class);
        assertThat(lock).doesNotExist();
        Path file = dir.resolve("file");
        try (var ch = OwnFiles.openLock(dir.resolve("file.lock"), file)) {
            assertThat(ch.isOpen()).isTrue();
        }
        assertThat(dir.resolve("file.lock")).isRegularFile();
    }
}
