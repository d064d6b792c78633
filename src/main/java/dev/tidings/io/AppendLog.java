package dev.tidings.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only log of text lines that two processes can write at once and a kill -9 cannot
 * corrupt: each append is one write at the end under a lock on a sidecar file ({@code NAME.lock},
 * so a rewrite may replace the log), then an fsync. A crash leaves at worst a half line at the
 * end: {@link #lines} skips it, and the next append ends it before writing, never extends it.
 *
 * <pre>
 * AppendLog log = new AppendLog(dir.resolve("read-state"));
 * log.append("R\tid\tlink\n", size -> { if (size > LIMIT) log.rewrite(compacted()); });
 * for (String line : AppendLog.lines(log.read())) { ... }
 * </pre>
 */
public final class AppendLog {
    /** Work done under the log's lock. */
    public interface Locked {
        void run() throws IOException;
    }

    /** Work done under the lock after an append, given the log's size then. */
    public interface AfterAppend {
        void run(long size) throws IOException;
    }

    private final Path file;

    public AppendLog(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    /**
     * Appends {@code lines} (each ending in a newline) with one write and an fsync under the lock,
     * creating the directory (0700) and the file when missing; then runs {@code after} under the
     * same lock.
     */
    public void append(String lines, AfterAppend after) throws IOException {
        AtomicFiles.createPrivateDirectories(file.getParent());
        try (FileChannel lockChannel = OwnFiles.openLock(lockFile(), file);
             FileLock lock = lockChannel.lock();
             FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                     StandardOpenOption.WRITE)) {
            String text = lines;
            long size = ch.size();
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                ch.read(last, size - 1);
                if (last.get(0) != '\n') {
                    text = "\n" + text; // a torn line from a crash: end it, do not extend it
                }
            }
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            long at = size;
            while (buf.hasRemaining()) {
                at += ch.write(buf, at);
            }
            ch.force(false);
            if (after != null) {
                after.run(ch.size());
            }
        }
    }

    /** Runs {@code work} under the log's lock (to read, then {@link #rewrite}, with no append between). */
    public void locked(Locked work) throws IOException {
        try (FileChannel lockChannel = OwnFiles.openLock(lockFile(), file);
             FileLock lock = lockChannel.lock()) {
            work.run();
        }
    }

    /** Replaces the whole log atomically; call it under the lock. */
    public void rewrite(String lines) throws IOException {
        AtomicFiles.write(file, lines.getBytes(StandardCharsets.UTF_8));
    }

    /** The log's text (bytes that are not UTF-8 read as U+FFFD); empty when there is no file. */
    public String read() throws IOException {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    /** The complete lines of a log's text, without their newlines; a half-written last line is left out. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                break; // a half-written last line (crash mid-append): ignored
            }
            out.add(text.substring(start, nl));
            start = nl + 1;
        }
        return out;
    }

    private Path lockFile() {
        return file.resolveSibling(file.getFileName() + ".lock");
    }
}
