package dev.tidings.store;

import dev.tidings.io.AtomicFiles;
import dev.tidings.io.LockFile;
import dev.tidings.io.TempFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The writers' lock of one cache directory: an in-JVM lock (one writer per directory in this
 * process) and then the advisory {@link LockFile} {@code .lock} in it (other processes). The first
 * time it is taken, temp files left by killed writers and older than {@link #STALE_TEMP} are
 * removed ({@link TempFiles}); younger ones may be another process's write in progress.
 */
final class CacheDirLock {
    /** Temp files younger than this may be another process's write in progress. */
    static final Duration STALE_TEMP = Duration.ofHours(1);
    /** How long a writer waits for another process's lock before writing without it. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);
    private static final ConcurrentHashMap<Path, CacheDirLock> LOCKS = new ConcurrentHashMap<>();

    private final Path dir;
    private final ReentrantLock inJvm = new ReentrantLock();
    private volatile boolean swept;

    private CacheDirLock(Path dir) {
        this.dir = dir;
    }

    /** The one lock of {@code dir} (absolute, normalized) in this JVM. */
    static CacheDirLock of(Path dir) {
        return LOCKS.computeIfAbsent(dir, CacheDirLock::new);
    }

    /** Held while writing; close to release. */
    final class Held implements AutoCloseable {
        private LockFile file;

        private Held() throws IOException {
            inJvm.lock();
            try {
                AtomicFiles.createPrivateDirectories(dir);
                if (!swept) {
                    swept = true;
                    TempFiles.sweep(dir, ".", STALE_TEMP);
                }
                try {
                    file = LockFile.acquire(dir.resolve(".lock"), dir.resolve(".lock"), LOCK_WAIT);
                } catch (LockFile.Timeout | UnsupportedOperationException e) {
                    // no advisory locks here, or a stuck holder: the SHA-256 in a meta still turns a
                    // race into a miss
                }
            } catch (IOException | RuntimeException e) {
                inJvm.unlock();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                if (file != null) {
                    file.close();
                }
            } catch (IOException ignored) {
                // closing the channel released the lock anyway
            } finally {
                inJvm.unlock();
            }
        }
    }

    Held lock() throws IOException {
        return new Held();
    }
}
