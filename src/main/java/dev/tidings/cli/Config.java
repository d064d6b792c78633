package dev.tidings.cli;

import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where Tidings keeps its settings ($XDG_CONFIG_HOME/tidings, else ~/.config/tidings) and the
 * small {@code config} file there: {@code key = value} lines, {@code #} comments. Known keys:
 * {@code theme} (a bundled theme name or a path), {@code reader-mode}, {@code bidi} (auto, app,
 * terminal, off), {@code open-with} and {@code send-to} (programs for links, enclosures and
 * bookmarking tools, see {@link dev.tidings.tui.Launchers}), and the news API keys ({@code newsapi-api-key}, {@code newsapi-api-key-file}…
 * see {@link dev.tidings.subs.ApiKeys}).
 */
final class Config {
    /** Settings given once per rule or command: their values are kept in order, joined by newlines. */
    static final List<String> REPEATABLE_PROGRAMS = List.of("open-with", "send-to");
    static final List<String> KEYS = keys();

    private static List<String> keys() {
        List<String> k = new java.util.ArrayList<>(List.of("theme", "reader-mode", "bidi", "mouse", "browser"));
        k.addAll(REPEATABLE_PROGRAMS);
        k.addAll(dev.tidings.subs.ApiKeys.settings());
        return List.copyOf(k);
    }

    private Config() {
    }

    static Path dir(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "tidings");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home", "."));
        return Path.of(home, ".config", "tidings");
    }

    /** A config file that could not be used; the message names the file and line. */
    static final class ConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        ConfigException(String message) {
            super(message);
        }
    }

    /** The settings in {@code file}; empty when it does not exist. */
    static Map<String, String> read(Path file) throws ConfigException {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return values;
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + Sanitize.line(e.getMessage()) + ")");
        }
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(file + ":" + n + ": expected 'key = value'");
            }
            String key = line.substring(0, eq).strip();
            if (!KEYS.contains(key)) {
                throw new ConfigException(file + ":" + n + ": unknown setting '" + Sanitize.line(key)
                        + "' (known: " + String.join(", ", KEYS) + ")");
            }
            String value = line.substring(eq + 1).strip();
            // reader-mode may be given for several feeds: the values are joined by newlines
            values.merge(key, value, (a, b) -> key.equals("reader-mode") || REPEATABLE_PROGRAMS.contains(key)
                    ? a + "\n" + b : b);
        }
        return values;
    }
}
