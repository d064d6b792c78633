package dev.tidings.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The check before Tidings writes, renames or locks a path: it must be a regular file or not be
 * there at all, never a directory (the parent of anything), a FIFO, a socket or a device. A path
 * typed by a person ({@code --collections-file /tmp}, {@code /dev/zero}) is refused before anything
 * is created beside it, so a refusal leaves no stray lock or temp file. Symbolic links are judged
 * by what they point at; a dangling link counts as absent.
 */
public final class OwnFiles {
    private OwnFiles() {
    }

    /** A path Tidings will not write, rename or lock; the message names the path and why. */
    public static final class RefusedPath extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedPath(String message) {
            super(message);
        }
    }

    /** Why {@code path} must not be written, renamed or locked, or null when it is a regular file or absent. */
    public static String refusal(Path path) {
        if (path.getFileName() == null) {
            return path + ": is the root directory, not a file";
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // cannot even look at it (no permission on the parent, a loop of links): the write fails
            // with its own reason; nothing about the path says "not a file"
            return null;
        }
        return refusal(path, a);
    }

    /** {@link #refusal(Path)} for attributes already read. */
    public static String refusal(Path path, BasicFileAttributes a) {
        if (a.isRegularFile()) {
            return null;
        }
        if (a.isDirectory()) {
            return path + ": is a directory, not a file; refusing to touch it";
        }
        return path + ": is not a regular file (a FIFO, socket or device); refusing to touch it";
    }

    /** Throws {@link RefusedPath} unless {@code path} is a regular file or absent. */
    public static void requireRegularOrAbsent(Path path) throws RefusedPath {
        String why = refusal(path);
        if (why != null) {
            throw new RefusedPath(why);
        }
    }

    /**
     * Opens (creating it 0600 where POSIX) a sidecar lock file for writing, after checking it and
     * the file it guards; nothing is created when either is refused.
     */
    public static FileChannel openLock(Path lockFile, Path guarded) throws IOException {
        requireRegularOrAbsent(guarded);
        requireRegularOrAbsent(lockFile);
        if (AtomicFiles.posix()) {
            FileAttribute<?> perms = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), perms);
        }
        return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }
}
