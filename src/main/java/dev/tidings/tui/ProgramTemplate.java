package dev.tidings.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * A program and its arguments as the config names them ({@code mpv --no-video %u}), filled in per
 * use and always started as an argument list, never through a shell. Placeholders: {@code %u} the
 * URL, {@code %t} the article's title, {@code %f} the feed's name, {@code %%} a percent sign. A
 * placeholder fills part or all of one argument and never makes more: a title such as
 * {@code a "b"; $(rm -rf ~)} stays one argument, character for character. Without {@code %u}
 * anywhere the URL is added as the last argument.
 *
 * @param words      the program, then its arguments, with placeholders
 * @param background started beside the reader (output discarded, exit status not seen) instead
 *                   of in the terminal while the reader waits
 */
public record ProgramTemplate(List<String> words, boolean background) {
    public ProgramTemplate {
        words = List.copyOf(words);
        if (words.isEmpty() || words.get(0).isEmpty()) {
            throw new IllegalArgumentException("no program named");
        }
    }

    /** The program's name as written: "mpv", "/usr/local/bin/wallabag". */
    public String program() {
        return words.get(0);
    }

    /** The argument list for one use. */
    public List<String> argv(String url, String title, String feed) {
        List<String> out = new ArrayList<>(words.size() + 1);
        boolean hasUrl = false;
        for (String w : words) {
            StringBuilder sb = new StringBuilder(w.length());
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (c == '%' && i + 1 < w.length()) {
                    char p = w.charAt(i + 1);
                    String v = switch (p) {
                        case 'u' -> url;
                        case 't' -> title;
                        case 'f' -> feed;
                        case '%' -> "%";
                        default -> null;
                    };
                    if (v != null) {
                        hasUrl |= p == 'u';
                        sb.append(v);
                        i++;
                        continue;
                    }
                }
                sb.append(c);
            }
            out.add(sb.toString());
        }
        if (!hasUrl) {
            out.add(url);
        }
        return out;
    }

    /**
     * Splits a config value into words: white space separates, {@code "..."} and {@code '...'}
     * group, a backslash escapes a quote, a backslash or a space (elsewhere it stays, so
     * {@code youtube\.com} is a regex as written).
     *
     * <pre>{@code
     * split("mpv --title \"%t\" %u")   -> [mpv, --title, %t, %u]
     * split("'video/*' mpv")           -> [video/*, mpv]
     * split("")                        -> []
     * }</pre>
     *
     * @throws IllegalArgumentException for a quote that is not closed
     */
    public static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\' && i + 1 < value.length() && "\"'\\ ".indexOf(value.charAt(i + 1)) >= 0
                    && !(quote == '"' && value.charAt(i + 1) == '\'')) {
                word.append(value.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a " + (quote == '"' ? "double" : "single") + " quote is not closed");
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }
}
