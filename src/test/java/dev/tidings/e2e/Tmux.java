package dev.tidings.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A private tmux server ({@code tmux -L NAME -f /dev/null}) for end-to-end tests: it never reads
 * the user's tmux configuration and never touches the user's sessions. Screens are read with
 * {@code capture-pane}, keys are typed with {@code send-keys}, and every wait polls the screen
 * instead of sleeping.
 */
final class Tmux implements AutoCloseable {
    static final Duration POLL = Duration.ofMillis(100);
    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final String socket;
    /** The server's socket file, learnt from the first session, removed when the server is killed. */
    private Path socketPath;

    Tmux(String socket) {
        this.socket = socket;
    }

    String socket() {
        return socket;
    }

    /**
     * A private tmux server for one test class ({@code prefix} and this JVM's pid name its socket),
     * cleared of what a crashed run with the same pid left; null when tmux is not on PATH, which
     * fails instead when {@code TIDINGS_E2E_REQUIRED=1}.
     */
    static Tmux forSuite(String prefix) {
        if (!onPath()) {
            if ("1".equals(System.getenv("TIDINGS_E2E_REQUIRED"))) {
                org.junit.jupiter.api.Assertions.fail(
                        "TIDINGS_E2E_REQUIRED=1 but tmux is not on PATH: install tmux to run the end-to-end tests");
            }
            return null; // each test reports itself skipped
        }
        Tmux t = new Tmux(prefix + "-" + ProcessHandle.current().pid());
        t.close();
        return t;
    }

    /** The packaged jar the tests drive: {@code -Dtidings.jar}, else {@code target/tidings.jar}; absolute. */
    static String packagedJar() {
        String prop = System.getProperty("tidings.jar");
        Path path = prop != null ? Path.of(prop) : Path.of("target", "tidings.jar");
        org.assertj.core.api.Assertions.assertThat(path)
                .as("the packaged jar (run 'mvn verify', which packages it first)").isRegularFile();
        return path.toAbsolutePath().toString();
    }

    /** The java of the JVM running the tests. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** True when an executable {@code tmux} is on PATH. */
    static boolean onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "tmux"))) {
                return true;
            }
        }
        return false;
    }

    /** Quotes {@code s} for a POSIX shell command line. */
    static String sh(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Result of one tmux command. */
    record Result(int exit, String out) {
    }

    /** Runs {@code tmux -L SOCKET -f /dev/null ARGS...} and returns its exit status and output. */
    Result run(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("TMUX"); // even when the build itself runs inside tmux
        env.remove("TMUX_PANE");
        env.put("LC_ALL", "C.UTF-8"); // the server treats pane output as UTF-8
        env.put("LANG", "C.UTF-8");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("tmux did not answer within " + COMMAND_TIMEOUT_SECONDS + " s: " + cmd);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + cmd, e);
        }
    }

    /** Like {@link #run} but fails the test when tmux reports an error. */
    String ok(String... args) {
        Result r = run(args);
        if (r.exit() != 0) {
            throw new AssertionError("tmux " + String.join(" ", args) + " failed (" + r.exit() + "): " + r.out());
        }
        return r.out();
    }

    /** Starts a detached session of the given size running {@code shellCommand} (through sh -c). */
    void newSession(String name, int width, int height, String shellCommand) {
        String[] args = {"new-session", "-d", "-x", Integer.toString(width), "-y", Integer.toString(height), "-s",
                name, shellCommand};
        Result r = run(args);
        for (int retry = 0; r.exit() != 0 && retry < 5 && r.out().contains("server exited unexpectedly"); retry++) {
            pause(Duration.ofMillis(200)); // the previous server was still going away
            r = run(args);
        }
        if (r.exit() != 0) {
            throw new AssertionError("tmux new-session " + name + " failed (" + r.exit() + "): " + r.out());
        }
        if (socketPath == null) {
            Result path = run("display-message", "-p", "-t", name, "#{socket_path}");
            if (path.exit() == 0 && !path.out().isBlank()) {
                socketPath = Path.of(path.out().strip());
            }
        }
    }

    /** Sends tmux key names (j, Enter, Escape, C-c, Space, ...) one after another. */
    void keys(String target, String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", target));
        args.addAll(Arrays.asList(keys));
        ok(args.toArray(String[]::new));
    }

    /** Types {@code text} literally. */
    void type(String target, String text) {
        ok("send-keys", "-t", target, "-l", text);
    }

    /** The visible screen, one line a row, trailing blanks trimmed by tmux. */
    String capture(String target) {
        return ok("capture-pane", "-p", "-t", target);
    }

    /** The visible screen with lines the terminal wrapped joined back together. */
    String captureJoined(String target) {
        return ok("capture-pane", "-p", "-J", "-t", target);
    }

    /** A tmux format ({@code #{cursor_flag}}, {@code #{pane_pid}}...) evaluated for the pane. */
    String display(String target, String format) {
        return ok("display-message", "-p", "-t", target, format).strip();
    }

    void resize(String target, int width, int height) {
        ok("resize-window", "-t", target, "-x", Integer.toString(width), "-y", Integer.toString(height));
    }

    /**
     * Captures the screen every {@link #POLL} until {@code condition} holds and returns that
     * screen; after {@code timeout} fails the test with the last screen.
     */
    String waitFor(String target, String what, Predicate<String> condition, Duration timeout) {
        return waitFor(target, what, condition, timeout, false);
    }

    String waitFor(String target, String what, Predicate<String> condition, Duration timeout, boolean joined) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = "";
        while (true) {
            screen = joined ? captureJoined(target) : capture(target);
            if (condition.test(screen)) {
                return screen;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; the last screen of " + target + " was:\n" + frame(screen));
            }
            pause(POLL);
        }
    }

    /** The screen with a margin, so that blank rows and trailing text show in a failure message. */
    static String frame(String screen) {
        StringBuilder sb = new StringBuilder();
        String[] rows = (screen.endsWith("\n") ? screen.substring(0, screen.length() - 1) : screen).split("\n", -1);
        for (int i = 0; i < rows.length; i++) {
            sb.append(String.format("%3d|%s|%n", i, rows[i]));
        }
        return sb.toString();
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Like {@link #waitFor} but also waits until the screen has stopped changing (two captures a
     * poll apart are equal): the program has finished drawing and is waiting for input.
     */
    String waitForStill(String target, String what, Predicate<String> condition, Duration timeout) {
        String[] last = {null};
        return waitFor(target, what + " (and the screen still)", screen -> {
            boolean still = condition.test(screen) && screen.equals(last[0]);
            last[0] = screen;
            return still;
        }, timeout);
    }

    /** Kills the private server and every process in its panes, and waits until it has gone. */
    @Override
    public void close() {
        run("kill-server");
        for (int i = 0; i < 20 && run("list-sessions").exit() == 0; i++) {
            pause(POLL);
        }
        if (socketPath != null && run("list-sessions").exit() != 0) {
            try {
                Files.deleteIfExists(socketPath); // tmux leaves the socket file behind
            } catch (IOException e) {
                // only litter in the temporary directory
            }
        }
    }
}
