package dev.tidings.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An advisory lock on a sidecar lock file, shared by every process that writes what it guards
 * (the kernel drops it when the holder dies, even by kill -9). Both paths are checked with
 * {@link OwnFiles} before anything is created. Close it to release.
 */
public final class LockFile implements AutoCloseable {
    /** The lock stayed taken for the whole wait. */
    public static final class Timeout extends IOException {
        private static final long serialVersionUID = 1L;

        Timeout(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code lockFile} (created 0600), waiting up to {@code wait} for another
     * process or another thread of this one to release it.
     *
     * @throws Timeout          when it is still taken after {@code wait}
     * @throws IOException      when either path is refused or the file cannot be opened
     * @throws java.io.InterruptedIOException when interrupted while waiting
     */
    public static LockFile acquire(Path lockFile, Path guarded, Duration wait) throws IOException {
        FileChannel channel = OwnFiles.openLock(lockFile, guarded);
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                try {
                    FileLock l = channel.tryLock();
                    if (l != null) {
                        return new LockFile(channel, l);
                    }
                } catch (OverlappingFileLockException e) {
                    // another thread of this process holds it: wait as for another process
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new Timeout(lockFile + ": still locked by another Tidings after " + wait.toSeconds() + " s");
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException(lockFile + ": interrupted while waiting for the lock");
                }
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
