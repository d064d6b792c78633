package dev.tidings.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Where an account's password comes from. Only the source is stored (in the accounts file), never
 * the password: a variable's name, a file's path, a command's argument list, or "prompt" (asked on
 * the terminal by {@code account add}; an expired token then needs {@code account add} again).
 */
public sealed interface PasswordSource {
    /** Asked on the terminal; cannot be read again without one. */
    PasswordSource PROMPT = new Prompt();

    /** The largest password accepted from a file or command (a runaway command is cut off). */
    int MAX_BYTES = 4096;

    record Prompt() implements PasswordSource {
    }

    /** An environment variable ({@code --password-env VAR}). */
    record Env(String variable) implements PasswordSource {
        public Env {
            if (variable == null || !variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("--password-env needs a variable name (letters, digits, '_')");
            }
        }
    }

    /** A file readable by its owner only ({@code --password-file PATH}); its first line is the password. */
    record File(String path) implements PasswordSource {
        public File {
            if (path == null || path.isBlank() || !Path.of(path).isAbsolute()) {
                throw new IllegalArgumentException("--password-file needs an absolute path");
            }
        }
    }

    /**
     * A program run with this argument list, never through a shell ({@code --password-command pass show
     * rss}); the first line of its output is the password.
     */
    record Command(List<String> argv) implements PasswordSource {
        public Command {
            if (argv == null || argv.isEmpty() || argv.get(0).isBlank()) {
                throw new IllegalArgumentException("--password-command needs a program and its arguments");
            }
            argv = List.copyOf(argv);
        }
    }

    /** The password, read now. {@code env} is the process environment. */
    static String read(PasswordSource source, Map<String, String> env) throws SyncException {
        if (source instanceof Env e) {
            String v = env.get(e.variable());
            if (v == null || v.isEmpty()) {
                throw new SyncException(SyncException.Kind.LOCAL, "the environment variable " + e.variable()
                        + " (--password-env) is not set");
            }
            return v;
        }
        if (source instanceof File f) {
            return firstLine(fromFile(Path.of(f.path())), "--password-file " + f.path());
        }
        if (source instanceof Command c) {
            return firstLine(run(c.argv()), "the password command '" + Account.show(c.argv().get(0)) + "'");
        }
        throw new SyncException(SyncException.Kind.AUTH, "no stored way to read the password (it was typed at a prompt)");
    }

    private static byte[] fromFile(Path p) throws SyncException {
        try {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new SyncException(SyncException.Kind.LOCAL, p + ": not a regular file (--password-file)");
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            for (PosixFilePermission bad : List.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE)) {
                if (perms.contains(bad)) {
                    throw new SyncException(SyncException.Kind.LOCAL, p + ": other users can read or change it;"
                            + " run 'chmod 600 " + p + "' (--password-file must be 0600)");
                }
            }
            if (Files.size(p) > MAX_BYTES) {
                throw new SyncException(SyncException.Kind.LOCAL, p + ": larger than " + MAX_BYTES + " bytes (--password-file)");
            }
            return Files.readAllBytes(p);
        } catch (UnsupportedOperationException e) {
            throw new SyncException(SyncException.Kind.LOCAL, p + ": cannot check its permissions on this file system");
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.LOCAL, p + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] run(List<String> argv) throws SyncException {
        String name = Account.show(argv.get(0));
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(argv); // an argument list: no shell ever sees it
            pb.redirectInput(ProcessBuilder.Redirect.INHERIT); // a pinentry or gpg may ask on the terminal
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            p = pb.start();
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.LOCAL, "the password command '" + name + "' cannot be started");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            byte[] buf = new byte[512];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_BYTES) {
                    p.destroyForcibly();
                    throw new SyncException(SyncException.Kind.LOCAL, "the password command '" + name
                            + "' printed more than " + MAX_BYTES + " bytes");
                }
                out.write(buf, 0, n);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SyncException(SyncException.Kind.LOCAL, "the password command '" + name + "' took over 60 s");
            }
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.LOCAL, "the password command '" + name + "' failed to answer");
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SyncException(SyncException.Kind.LOCAL, "interrupted while waiting for the password command");
        }
        if (p.exitValue() != 0) {
            throw new SyncException(SyncException.Kind.LOCAL, "the password command '" + name + "' exited with "
                    + p.exitValue());
        }
        return out.toByteArray();
    }

    private static String firstLine(byte[] bytes, String what) throws SyncException {
        String s = new String(bytes, StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl);
        }
        if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            throw new SyncException(SyncException.Kind.LOCAL, what + " gave an empty password");
        }
        return s;
    }
}
