package dev.tidings.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The append-only log under the read state and the sync change queue. */
class AppendLogTest {
    @TempDir
    Path dir;

    @Test
    void appendsLinesCreatingAPrivateDirectoryAndReadsThemBack() throws IOException {
        AppendLog log = new AppendLog(dir.resolve("new/log"));
        assertThat(log.read()).isEmpty();
        log.append("a\n", null);
        log.append("b\nc\n", null);
        assertThat(AppendLog.lines(log.read())).containsExactly("a", "b", "c");
        if (AtomicFiles.posix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new"))))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void aHalfLineLeftByACrashIsSkippedAndEndedNotExtended() throws IOException {
        Path file = dir.resolve("log");
        Files.writeString(file, "one\ntorn", StandardCharsets.UTF_8);
        AppendLog log = new AppendLog(file);
        assertThat(AppendLog.lines(log.read())).containsExactly("one");
        log.append("two\n", null);
        assertThat(Files.readString(file)).isEqualTo("one\ntorn\ntwo\n");
        assertThat(AppendLog.lines(log.read())).containsExactly("one", "torn", "two");
    }

    @Test
    void workAfterAnAppendSeesTheNewSizeAndMayRewriteTheLog() throws IOException {
        AppendLog log = new AppendLog(dir.resolve("log"));
        List<Long> sizes = new ArrayList<>();
        log.append("12345\n", sizes::add);
        log.append("6789\n", size -> {
            sizes.add(size);
            log.rewrite("compacted\n");
        });
        assertThat(sizes).containsExactly(6L, 11L);
        assertThat(AppendLog.lines(log.read())).containsExactly("compacted");
        log.locked(() -> log.rewrite(""));
        assertThat(log.read()).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8ReadAsReplacementCharacters() throws IOException {
        Path file = dir.resolve("log");
        Files.write(file, new byte[] {'a', (byte) 0xff, '\n'});
        assertThat(AppendLog.lines(new AppendLog(file).read())).containsExactly("a\ufffd");
    }
}
