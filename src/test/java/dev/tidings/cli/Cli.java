package dev.tidings.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line in-process, as {@code Main} does, capturing what it prints. */
final class Cli {
    /** An empty home for every run that does not bring its own. */
    static final java.nio.file.Path HOME = home();

    private static java.nio.file.Path home() {
        try {
            java.nio.file.Path p = java.nio.file.Files.createTempDirectory("tidings-cli-home");
            p.toFile().deleteOnExit();
            return p;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    final int code;
    final String out;
    final String err;

    private Cli(int code, String out, String err) {
        this.code = code;
        this.out = out;
        this.err = err;
    }

    static Cli run(String... args) {
        return runWith(Map.of(), "", false, args);
    }

    static Cli runWith(Map<String, String> vars, String stdin, boolean terminal, String... args) {
        Map<String, String> env = new HashMap<>(vars);
        env.putIfAbsent("TERM", "xterm-256color");
        env.putIfAbsent("HOME", HOME.toString()); // never the developer's own subscriptions or caches
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new Env(env, in, ZoneOffset.UTC, terminal), new PrintWriter(out), new PrintWriter(err));
        return new Cli(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
}
