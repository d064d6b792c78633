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
 * terminal, off), {@code sort} (the headline order, see {@code tui.SortOrder}), {@code open-with}
 * and {@code send-to} (programs for links, enclosures and bookmarking tools, see
 * {@link dev.tidings.tui.Launchers}), {@code reload-time}, {@code max-items}, {@code keep-days}
 * (whole numbers; a feed's own setting in the urls file wins), {@code notify} ({@code terminal} or
 * {@code off}), {@code notify-program} (a program and its arguments), and the news API keys
 * ({@code newsapi-api-key}, {@code newsapi-api-key-file}… see {@link dev.tidings.subs.ApiKeys}).
 * Lines in newsboat's form {@code ignore-article "FEED" "RULE"} are read by {@link #ignoreArticles}
 * (a bad one is reported and skipped, never fatal).
 */
final class Config {
    /** Settings given once per rule or command: their values are kept in order, joined by newlines. */
    static final List<String> REPEATABLE_PROGRAMS = List.of("open-with", "send-to");
    static final List<String> KEYS = keys();

    private static List<String> keys() {
        List<String> k = new java.util.ArrayList<>(List.of("theme", "reader-mode", "bidi", "mouse", "browser", "sort"));
        k.addAll(REPEATABLE_PROGRAMS);
        k.addAll(List.of("reload-time", "max-items", "keep-days", "notify", "notify-program")); // issue #13
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
            if (line.isEmpty() || line.startsWith("#") || isIgnoreArticle(line)) {
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

    /** The keyword of newsboat's killfile lines. */
    static final String IGNORE_ARTICLE = "ignore-article";

    private static boolean isIgnoreArticle(String line) {
        return line.startsWith(IGNORE_ARTICLE) && (line.length() == IGNORE_ARTICLE.length()
                || Character.isWhitespace(line.charAt(IGNORE_ARTICLE.length())));
    }

    /**
     * One {@code ignore-article} line: its number, the feed ({@code *}, a URL, {@code regex:…}) and
     * the rule, unquoted; or the reason it cannot be read ({@code problem} not null).
     */
    record IgnoreLine(int line, String feed, String rule, String problem) {
    }

    /**
     * The {@code ignore-article "FEED" "RULE"} lines of {@code file}, in newsboat's quoting: each
     * argument plain or in double quotes, {@code \"} and {@code \\} escaped inside. Empty when the
     * file does not exist or cannot be read (the settings reader reports that).
     */
    static List<IgnoreLine> ignoreArticles(Path file) {
        List<IgnoreLine> out = new java.util.ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return out;
        }
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (!isIgnoreArticle(line)) {
                continue;
            }
            List<String> args = new java.util.ArrayList<>();
            String problem = arguments(line.substring(IGNORE_ARTICLE.length()), args);
            if (problem == null && args.size() != 2) {
                problem = "expected ignore-article \"FEED\" \"RULE\" (FEED: *, a feed URL or regex:PATTERN)";
            }
            out.add(problem == null ? new IgnoreLine(n, args.get(0), args.get(1), null) : new IgnoreLine(n, "", "", problem));
        }
        return out;
    }

    /** Splits newsboat-style arguments into {@code out}; a problem, or null. */
    private static String arguments(String text, List<String> out) {
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n || text.charAt(i) == '#') {
                return null;
            }
            StringBuilder arg = new StringBuilder();
            if (text.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n && (text.charAt(i) == '"' || text.charAt(i) == '\\')) {
                        arg.append(text.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        arg.append(c);
                    }
                }
                if (!closed) {
                    return "unterminated quote";
                }
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    arg.append(text.charAt(i++));
                }
            }
            out.add(arg.toString());
        }
    }

    /**
     * A whole-number setting from 0 to {@code max}; {@code fallback} when it is not set.
     *
     * @throws ConfigException naming the setting and what was expected
     */
    static int number(Map<String, String> config, String key, int max, int fallback) throws ConfigException {
        String v = config.get(key);
        if (v == null) {
            return fallback;
        }
        if (v.isEmpty() || v.length() > 9 || !v.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(v) > max) {
            throw new ConfigException("config: " + key + ": expected a whole number from 0 to " + max + ", not '"
                    + Sanitize.line(v) + "'");
        }
        return Integer.parseInt(v);
    }

    /** The global max-items and keep-days. */
    static dev.tidings.app.Retention retention(Map<String, String> config) throws ConfigException {
        return new dev.tidings.app.Retention(number(config, "max-items", 1_000_000, 0),
                number(config, "keep-days", 36_500, 0));
    }

    /**
     * The global retention for commands that only read the cache ({@code list}, {@code dump},
     * {@code cache}): none when the config cannot be read (the reader reports that).
     */
    static dev.tidings.app.Retention retentionOrNone(Map<String, String> env) {
        try {
            return retention(read(dir(env).resolve("config")));
        } catch (ConfigException e) {
            return dev.tidings.app.Retention.NONE;
        }
    }
}
