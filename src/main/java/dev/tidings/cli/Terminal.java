package dev.tidings.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Facts about the process's terminal, learned without starting Lanterna. */
final class Terminal {
    private Terminal() {
    }

    /** stdout as UTF-8 whatever the locale says, buffered. */
    static PrintWriter stdout(java.io.OutputStream stdout) {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16),
                false);
    }

    static PrintWriter stderr() {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
                true);
    }

    /** True when file descriptor {@code fd} (0, 1 or 2) is a terminal. */
    static boolean isTty(int fd) {
        try {
            Path link = Path.of("/proc/self/fd/" + fd);
            if (Files.exists(Path.of("/proc/self/fd"))) {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux: fall through
        }
        return System.console() != null;
    }

    /** True when file descriptor {@code fd} is a pipe or a regular file (where a feed could be waiting). */
    static boolean isPipeOrFile(int fd) {
        try {
            Path link = Path.of("/proc/self/fd/" + fd);
            if (Files.exists(Path.of("/proc/self/fd"))) {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("pipe:") || Files.isRegularFile(link);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux: say no
        }
        return false;
    }

    /** Colour only on a terminal, and never with NO_COLOR set or TERM=dumb. */
    static boolean useColor(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return false;
        }
        String term = env.getOrDefault("TERM", "");
        return !term.equals("dumb") && !term.isEmpty() && isTty(1);
    }

    /** The terminal's width in columns when stdout is one, else 80. */
    static int width(Map<String, String> env) {
        if (!isTty(1)) {
            return 80;
        }
        String columns = env.get("COLUMNS");
        if (columns != null) {
            try {
                int c = Integer.parseInt(columns.trim());
                if (c > 0) {
                    return c;
                }
            } catch (NumberFormatException e) {
                // ask stty
            }
        }
        try {
            Process p = new ProcessBuilder("stty", "size")
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0) {
                String[] parts = out.split("\\s+");
                if (parts.length == 2) {
                    int c = Integer.parseInt(parts[1]);
                    if (c > 0) {
                        return c;
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 80;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 80;
    }
}
