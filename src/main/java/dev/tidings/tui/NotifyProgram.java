package dev.tidings.tui;

import dev.tidings.text.Sanitize;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code notify-program = /path/prog args...}: a program started when a background refresh brings
 * new items, with an argument list, never through a shell. The config value is split into words
 * at spaces (double quotes keep spaces, {@code \"} and {@code \\} escape inside them); in each
 * argument {@code %n} becomes the count of new items, {@code %f} the count of feeds they are in,
 * {@code %t} their feeds' names joined by ", " (sanitized, at most 200 characters) and {@code %%}
 * a percent sign. Feed text is only ever one argument's content: it cannot add arguments or
 * options before the program's own. The child's output is discarded and its input is empty; it
 * is not waited for.
 */
final class NotifyProgram {
    private final List<String> words;

    private NotifyProgram(List<String> words) {
        this.words = List.copyOf(words);
    }

    /**
     * The program a config value names.
     *
     * @throws IllegalArgumentException for an empty value or an unterminated quote
     */
    static NotifyProgram parse(String value) {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        boolean quoted = false;
        String v = value == null ? "" : value;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < v.length() && (v.charAt(i + 1) == '"' || v.charAt(i + 1) == '\\')) {
                    w.append(v.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    w.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                w = w == null ? new StringBuilder() : w;
            } else if (Character.isWhitespace(c)) {
                if (w != null) {
                    words.add(w.toString());
                    w = null;
                }
            } else {
                w = w == null ? new StringBuilder() : w;
                w.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("notify-program: unterminated quote");
        }
        if (w != null) {
            words.add(w.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("notify-program: expected a program and its arguments");
        }
        return new NotifyProgram(words);
    }

    /** The argument list for one notification: the placeholders filled in. */
    List<String> command(int newItems, List<String> feedNames) {
        String names = TerminalNotification.clean(String.join(", ", feedNames));
        List<String> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (i == 0) {
                out.add(word); // the program itself: never from feed text
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < word.length(); k++) {
                char c = word.charAt(k);
                if (c == '%' && k + 1 < word.length()) {
                    char p = word.charAt(++k);
                    switch (p) {
                        case 'n' -> sb.append(newItems);
                        case 'f' -> sb.append(feedNames.size());
                        case 't' -> sb.append(names);
                        case '%' -> sb.append('%');
                        default -> sb.append('%').append(p);
                    }
                } else {
                    sb.append(c);
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    /**
     * Starts the program (call it off the UI thread: starting a process can take a while).
     *
     * @return null when started, else the one-line reason for the status line
     */
    String start(int newItems, List<String> feedNames) {
        List<String> cmd = command(newItems, feedNames);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            pb.start(); // not waited for; the JVM reaps it
            return null;
        } catch (IOException | RuntimeException e) {
            return "notify-program: cannot start " + Sanitize.line(cmd.get(0)) + " ("
                    + Sanitize.line(reason(e)) + ")";
        }
    }

    private static String reason(Exception e) {
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf("error=");
        return i >= 0 ? m.substring(i) : m; // "error=2, No such file or directory"
    }
}
