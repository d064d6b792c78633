package dev.tidings.tui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens a link in a browser: $BROWSER, else xdg-open (or open on macOS). Always started with an
 * argument list, never through a shell, and only ever for http(s) URLs checked by the caller.
 */
final class Browser {
    private Browser() {
    }

    /** Text-mode browsers take over the terminal: the reader steps aside while they run. */
    static final List<String> TEXT_BROWSERS = List.of("lynx", "w3m", "links", "elinks", "browsh", "carbonyl", "links2");

    /** What to run, or null when there is no way to show a browser here. */
    static List<String> command(String url, Map<String, String> env) {
        return command(url, env, null);
    }

    /**
     * What to run: the config's {@code browser} command when set, else $BROWSER, else xdg-open
     * (open on macOS); null when there is no way to show a browser here.
     */
    static List<String> command(String url, Map<String, String> env, String configured) {
        String browser = configured != null && !configured.isBlank() ? configured.strip()
                : env.getOrDefault("BROWSER", "").strip();
        if (!browser.isEmpty()) {
            String first = browser.split(":")[0].strip(); // BROWSER may list several, first wins
            List<String> argv = new ArrayList<>();
            boolean placed = false;
            for (String word : first.split("\\s+")) {
                if (word.contains("%s")) {
                    argv.add(word.replace("%s", url));
                    placed = true;
                } else if (!word.isEmpty()) {
                    argv.add(word);
                }
            }
            if (!placed) {
                argv.add(url);
            }
            return argv.isEmpty() ? null : argv;
        }
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        if (mac) {
            return List.of("open", url);
        }
        if (!hasDisplay(env)) {
            return null;
        }
        return List.of("xdg-open", url);
    }

    static boolean hasDisplay(Map<String, String> env) {
        return !env.getOrDefault("DISPLAY", "").isEmpty() || !env.getOrDefault("WAYLAND_DISPLAY", "").isEmpty();
    }

    static boolean overSsh(Map<String, String> env) {
        return !env.getOrDefault("SSH_CONNECTION", "").isEmpty() || !env.getOrDefault("SSH_TTY", "").isEmpty();
    }

    static boolean isTextBrowser(List<String> argv) {
        String prog = argv.get(0);
        int slash = prog.lastIndexOf('/');
        return TEXT_BROWSERS.contains(slash >= 0 ? prog.substring(slash + 1) : prog);
    }

    /**
     * True when the browser must run in the terminal, owning it until it exits: a known text
     * browser, or any command where there is no display (no DISPLAY or WAYLAND_DISPLAY; macOS's
     * {@code open} always starts a window). Otherwise it is started detached.
     */
    static boolean inTerminal(List<String> argv, Map<String, String> env) {
        if (isTextBrowser(argv)) {
            return true;
        }
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        return !mac && !hasDisplay(env);
    }

    /** Starts a graphical browser detached from the terminal. */
    static void startDetached(List<String> argv) throws IOException {
        new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
