package dev.tidings.store;

import dev.tidings.io.AtomicFiles;
import dev.tidings.io.LockFile;
import dev.tidings.io.OwnFiles;
import dev.tidings.io.TempFiles;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The collections file on disk, whatever it holds: its stamp and bytes, the sidecar lock taken for
 * every change, the atomic replace (through symbolic links) and the move aside of a damaged file.
 * Every failure is a {@link StoreException} naming the file. Not thread-safe: {@link CollectionStore}
 * calls it under its own monitor.
 */
final class CollectionFile {
    private static final long LOCK_WAIT_MS = 10_000;
    /** Symbolic links followed before giving up, as Linux does (ELOOP). */
    private static final int MAX_LINK_HOPS = 40;

    private final Path file;
    private final Path lockFile;
    private AtomicFiles.Writer sink = AtomicFiles.PLAIN;
    private boolean swept;

    /** @param file absolute and normalized */
    CollectionFile(Path file) {
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
    }

    Path path() {
        return file;
    }

    /** Writes bytes to a channel; tests replace it to simulate a full disk. */
    void sink(AtomicFiles.Writer s) {
        this.sink = s;
    }

    // ---------------------------------------------------------------- reading

    /** Size, modification time and file key: changes whenever anyone writes the file. Null: no file. */
    Object stamp() throws StoreException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            checkRegular(a);
            return List.of(a.size(), a.lastModifiedTime().toMillis(), a.lastModifiedTime().toInstant().getNano(),
                    String.valueOf(a.fileKey()));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, file + ": cannot read (" + reason(e) + ")", e);
        }
    }

    private void checkRegular(BasicFileAttributes a) throws StoreException {
        String why = OwnFiles.refusal(file, a);
        if (why != null) {
            throw new StoreException(StoreException.Kind.NOT_A_FILE, why);
        }
    }

    byte[] readBytes() throws StoreException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, file + ": cannot read (" + reason(e) + ")", e);
        }
    }

    /** An I/O failure in a few words: "permission denied", the file system's reason, or the message. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return Sanitize.line(((FileSystemException) e).getReason());
        }
        return Sanitize.line(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    // ---------------------------------------------------------------- changing

    /**
     * What a change checks before it locks: the file and its lock file are regular files or
     * absent (a directory, FIFO or device is refused before anything is created beside it), and the
     * directory exists (created 0700 when missing).
     */
    void prepareChange() throws StoreException {
        stamp();
        refuseLockFile();
        createDirectory();
    }

    /** The lock on the sidecar lock file: {@link LockFile}, its waits turned into our errors. */
    LockFile lock() throws IOException, StoreException {
        try {
            return LockFile.acquire(lockFile, file, Duration.ofMillis(LOCK_WAIT_MS));
        } catch (LockFile.Timeout e) {
            throw new StoreException(StoreException.Kind.LOCKED, file + ": locked by another Tidings for more than "
                    + LOCK_WAIT_MS / 1000 + " s (lock file " + lockFile + ")");
        } catch (InterruptedIOException e) {
            throw new StoreException(StoreException.Kind.LOCKED, file + ": interrupted while waiting for the lock");
        }
    }

    private void createDirectory() throws StoreException {
        Path dir = file.getParent();
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        try {
            AtomicFiles.createPrivateDirectories(dir);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, dir + ": cannot create the directory (" + reason(e) + ")", e);
        }
    }

    private void refuseLockFile() throws StoreException {
        String why = OwnFiles.refusal(lockFile);
        if (why != null) {
            throw new StoreException(StoreException.Kind.NOT_A_FILE, why + " (the lock file of " + file + ")");
        }
    }

    /** Temp files left by a writer killed mid-write, once per store; safe to delete while we hold the lock. */
    void sweepTempFiles() {
        if (swept) {
            return;
        }
        swept = true;
        Path target;
        try {
            target = target(); // temp files are made beside the file a save replaces
        } catch (IOException e) {
            return;
        }
        // every save writes its temp file under this lock: any left now is a killed writer's
        TempFiles.sweep(target.getParent(), "." + target.getFileName() + ".", Duration.ZERO);
    }

    /**
     * Replaces the file atomically. When the collections file is a symbolic link (a dotfiles
     * repository, a synced folder), the link is followed and its target replaced: the link stays a
     * link, and the temp file is created beside the target so the rename stays atomic.
     */
    void write(byte[] content) throws IOException {
        AtomicFiles.write(target(), content, sink);
    }

    /** The file a save replaces: the file with every symbolic link followed (dangling ones too). */
    private Path target() throws IOException {
        Path p = file;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINK_HOPS) {
                throw new IOException("too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(p);
            p = p.resolveSibling(link).normalize();
        }
        return p;
    }

    /**
     * Moves a damaged file aside to a named backup ("collections.json.bad-20261125T085400Z", the
     * time {@code now}). Returns the backup's path, or null when there was no file.
     */
    Path moveAside(Instant now) throws StoreException {
        Path damaged;
        try {
            damaged = file.toRealPath(); // a symbolic link: the file it points at is the damaged one
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, file + ": cannot move aside (" + reason(e) + ")", e);
        }
        String why = OwnFiles.refusal(damaged);
        if (why != null) {
            // only ever a regular file: never the machine's /tmp or /dev/zero
            throw new StoreException(StoreException.Kind.NOT_A_FILE, why + "; move-aside renames only a collections file");
        }
        String stamp = now.toString().replace(":", "").replaceAll("\\.\\d+", "");
        Path backup = damaged.resolveSibling(damaged.getFileName() + ".bad-" + stamp);
        int n = 1;
        while (Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
            backup = damaged.resolveSibling(damaged.getFileName() + ".bad-" + stamp + "-" + n++);
        }
        try {
            Files.move(damaged, backup, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, file + ": cannot move aside (" + reason(e) + ")", e);
        }
        return backup;
    }
}
