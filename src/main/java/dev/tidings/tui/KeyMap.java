package dev.tidings.tui;

import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key table: which key does which {@link Action}. Keys are named as in the keys file:
 * a character ("j", "G", "/"), or Enter, Esc, Space, Tab, Backspace, Up, Down, Left, Right,
 * PgUp, PgDn, Home, End, Delete, F1..F12, and C-x for Ctrl-x.
 *
 * <p>The keys file ({@code $XDG_CONFIG_HOME/tidings/keys}) holds lines
 * {@code bind KEY ACTION} and {@code unbind KEY}; {@code #} starts a comment. A bad line is reported
 * with its number and the defaults stay in force.
 */
public final class KeyMap {
    /** Each key's actions; the first that applies to the screen wins (Space pages a list, ticks a box). */
    private final Map<String, List<Action>> bindings = new LinkedHashMap<>();

    private KeyMap() {
    }

    /** The default bindings. */
    public static KeyMap defaults() {
        KeyMap m = new KeyMap();
        m.bind(Action.DOWN, "j", "Down", "C-n");
        m.bind(Action.UP, "k", "Up", "C-p");
        m.bind(Action.PAGE_DOWN, "Space", "PgDn", "C-f");
        m.bind(Action.PAGE_UP, "PgUp", "b", "C-b");
        m.bind(Action.HALF_DOWN, "C-d");
        m.bind(Action.HALF_UP, "C-u");
        m.bind(Action.TOP, "g", "Home");
        m.bind(Action.BOTTOM, "G", "End");
        m.bind(Action.OPEN, "Enter", "l", "Right");
        m.bind(Action.BACK, "q", "h", "Left", "Esc");
        m.bind(Action.QUIT, "Q", "C-c");
        m.bind(Action.NEXT_ARTICLE, "n");
        m.bind(Action.PREV_ARTICLE, "p");
        m.bind(Action.NEXT_UNREAD, "U");
        m.bind(Action.FOLLOW_LINK, "f");
        m.bind(Action.SEARCH, "/");
        m.bind(Action.FILTER_RULE, "F");
        m.bind(Action.SORT, "S");
        m.bind(Action.PREV_MATCH, "N");
        m.bind(Action.OPEN_BROWSER, "o");
        m.bind(Action.COPY_LINK, "y");
        m.bind(Action.SHOW_URL, "Y");
        m.bind(Action.OPEN_ENCLOSURE, "e");
        m.bind(Action.SEND_TO, "|");
        m.bind(Action.TOGGLE_READ, "m");
        m.bind(Action.MARK_FEED_READ, "A");
        m.bind(Action.STAR, "s");
        m.bind(Action.UNREAD_ONLY, "u");
        m.bind(Action.READER_MODE, "v");
        m.bind(Action.REFRESH, "r");
        m.bind(Action.REFRESH_ALL, "R");
        m.bind(Action.ADD_TO_COLLECTION, "a");
        m.bind(Action.COLLECTIONS, "c");
        m.bind(Action.TOGGLE, "Space");
        m.bind(Action.NEW_COLLECTION, "n");
        m.bind(Action.RENAME_COLLECTION, "r");
        m.bind(Action.DELETE_COLLECTION, "D");
        m.bind(Action.REMOVE_FROM_COLLECTION, "d");
        m.bind(Action.HELP, "?", "F1");
        m.bind(Action.SWITCH_PANE, "Tab");
        m.bind(Action.REDRAW, "C-l");
        return m;
    }

    private void bind(Action a, String... keys) {
        for (String k : keys) {
            bindings.computeIfAbsent(k, x -> new ArrayList<>()).add(a);
        }
    }

    /** A user's binding: the action goes first for that key, the key's other screens keep theirs. */
    private void rebind(String key, Action a) {
        List<Action> list = bindings.computeIfAbsent(key, x -> new ArrayList<>());
        list.removeIf(old -> old == a || a.screensOverlap(old));
        list.add(0, a);
    }

    /** The action a key does on a screen, or null. */
    public Action lookup(String key, Action.Screen screen) {
        List<Action> list = bindings.get(key);
        if (list == null) {
            return null;
        }
        for (Action a : list) {
            if (a.appliesTo(screen)) {
                return a;
            }
        }
        return null;
    }

    /** Keys bound to an action, in binding order. */
    public List<String> keysFor(Action a) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, List<Action>> e : bindings.entrySet()) {
            if (e.getValue().contains(a)) {
                keys.add(e.getKey());
            }
        }
        return keys;
    }

    /** Every action with its keys, for the help screen and README. */
    public Map<Action, List<String>> table() {
        Map<Action, List<String>> t = new EnumMap<>(Action.class);
        for (Action a : Action.values()) {
            t.put(a, keysFor(a));
        }
        return t;
    }

    /** The result of reading a keys file: the map to use and the problems found. */
    public record Loaded(KeyMap keys, List<String> errors) {
    }

    /**
     * The defaults with the user's keys file applied. A missing file is no error. Each bad line is
     * reported ("keys:3: unknown action 'jump'") and skipped; the defaults stay for it.
     */
    public static Loaded load(Path file) {
        KeyMap m = defaults();
        List<String> errors = new ArrayList<>();
        if (file == null) {
            return new Loaded(m, errors);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Loaded(m, errors);
        } catch (IOException e) {
            errors.add(file + ": cannot read (" + Sanitize.line(e.getMessage()) + ")");
            return new Loaded(m, errors);
        }
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            String where = file + ":" + n + ": ";
            if (parts[0].equals("bind") && parts.length == 3) {
                String key = normalizeKey(parts[1]);
                Action a = Action.byConfigName(parts[2]);
                if (key == null) {
                    errors.add(where + "unknown key '" + Sanitize.line(parts[1]) + "'");
                } else if (a == null) {
                    errors.add(where + "unknown action '" + Sanitize.line(parts[2]) + "'");
                } else {
                    m.rebind(key, a);
                }
            } else if (parts[0].equals("unbind") && parts.length == 2) {
                String key = normalizeKey(parts[1]);
                if (key == null) {
                    errors.add(where + "unknown key '" + Sanitize.line(parts[1]) + "'");
                } else {
                    m.bindings.remove(key);
                }
            } else {
                errors.add(where + "expected 'bind KEY ACTION' or 'unbind KEY'");
            }
        }
        return new Loaded(m, errors);
    }

    private static final List<String> NAMED = List.of("Enter", "Esc", "Space", "Tab", "Backspace", "Up", "Down",
            "Left", "Right", "PgUp", "PgDn", "Home", "End", "Delete", "Insert", "F1", "F2", "F3", "F4", "F5", "F6",
            "F7", "F8", "F9", "F10", "F11", "F12");

    /** The canonical name of a key as written in the keys file, or null if it names no key. */
    static String normalizeKey(String k) {
        for (String named : NAMED) {
            if (named.equalsIgnoreCase(k)) {
                return named;
            }
        }
        if (k.length() == 3 && (k.startsWith("C-") || k.startsWith("c-")) && Character.isLetter(k.charAt(2))) {
            return "C-" + Character.toLowerCase(k.charAt(2));
        }
        if (k.codePointCount(0, k.length()) == 1 && !Character.isISOControl(k.codePointAt(0))
                && !Character.isDigit(k.codePointAt(0)) && !k.isBlank()) {
            return k; // digits are counts, never bindable
        }
        return null;
    }
}
