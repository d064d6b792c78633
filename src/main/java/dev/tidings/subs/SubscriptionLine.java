package dev.tidings.subs;

import dev.tidings.text.Sanitize;
import dev.tidings.text.UrlKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of the urls file, read and written: its tokens (quoted ones may hold spaces, {@code \"}
 * and {@code \\} escape inside quotes, an unquoted {@code #} starts a comment), the subscription or
 * query feed it holds, and why a source is refused.
 *
 * <pre>
 * read("https://a.example/f news \"~A News\"", null) = Subscription(https://a.example/f, "A News", [news])
 * read("# a comment", null)                           = null
 * read("exec:rm -rf ~", null)                         throws "exec: sources are never run by Tidings"
 * write(that subscription)                            = "https://a.example/f news \"~A News\""
 * </pre>
 */
final class SubscriptionLine {
    private SubscriptionLine() {
    }

    /**
     * The subscription on one line; null for blank and comment lines. A setting with a bad value
     * is left out and explained in {@code warnings} (when not null); the feed stays.
     *
     * @throws IllegalArgumentException why the line is refused (a bad quote, a non-http(s) source)
     */
    static Subscription read(String line, List<String> warnings) {
        List<String> tokens = tokenize(line);
        if (tokens.isEmpty()) {
            return null;
        }
        String source = tokens.get(0);
        String refusal = refusal(source);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        source = UrlKeys.strip(source).url();
        String name = "";
        List<String> tags = new ArrayList<>();
        FeedSettings settings = FeedSettings.NONE;
        for (String t : tokens.subList(1, tokens.size())) {
            if (t.startsWith("~")) {
                name = t.substring(1);
            } else if (t.startsWith("!")) {
                tags.add(t.substring(1));
            } else if (FeedSettings.isSetting(t)) {
                try {
                    settings = settings.with(t);
                } catch (IllegalArgumentException e) {
                    if (warnings != null) {
                        warnings.add(e.getMessage() + "; setting ignored");
                    }
                }
            } else {
                tags.add(t);
            }
        }
        return new Subscription(source, name, tags, settings);
    }

    /** A line's subscription, or null for blank, comment and refused lines. */
    static Subscription readOrNull(String line) {
        try {
            return read(line, null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The query feed on a line, or null when the line holds none.
     *
     * @throws IllegalArgumentException for a bad quote or a query that does not parse
     */
    static QueryFeed query(String line) {
        if (line.indexOf(':') < 0) {
            return null;
        }
        List<String> tokens = tokenize(line);
        if (tokens.isEmpty() || !QueryFeed.isQuery(tokens.get(0))) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        for (String t : tokens.subList(1, tokens.size())) {
            if (!t.startsWith("~")) { // a query feed's name is in its source
                tags.add(t.startsWith("!") ? t.substring(1) : t);
            }
        }
        return QueryFeed.of(tokens.get(0), tags);
    }

    /** The API key parameter in a line's URL (apiKey, api-key…), or null. */
    static String keyParameter(String line) {
        if (line.indexOf('?') < 0) {
            return null;
        }
        List<String> tokens = tokenize(line);
        return tokens.isEmpty() ? null : UrlKeys.strip(tokens.get(0)).parameter();
    }

    /** The warning for a URL whose key was dropped: it names the parameter, never the key. */
    static String keyDropped(String parameter) {
        return "the URL carries an API key (" + Sanitize.line(parameter) + "=…): Tidings does not keep or send it"
                + " from here; put the key in the config (see \"Sources\" in README.md)";
    }

    /**
     * Why a source cannot be a Tidings subscription, or null when it is a usable http(s) URL.
     * Shared with the OPML import so both refuse the same things with the same words.
     */
    static String refusal(String source) {
        String s = source == null ? "" : source.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"exec:", "filter:"}) {
            if (lower.startsWith(scheme)) {
                return scheme + " sources are never run by Tidings";
            }
        }
        if (lower.startsWith("query:")) {
            return "a query feed is written \"query:NAME:RULE\"";
        }
        if (lower.startsWith("file:")) {
            return "file: sources are never read by Tidings";
        }
        try {
            new Subscription(s);
            return null;
        } catch (IllegalArgumentException e) {
            return "'" + Subscriptions.show(s) + "' is not an http(s) URL";
        }
    }

    /** Splits one line into tokens; an empty list for blank and comment lines. */
    static List<String> tokenize(String line) {
        List<String> tokens = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n || line.charAt(i) == '#') {
                return tokens;
            }
            StringBuilder tok = new StringBuilder();
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                char c = line.charAt(i++);
                if (c != '"') {
                    tok.append(c);
                    continue;
                }
                boolean closed = false;
                while (i < n) {
                    char q = line.charAt(i++);
                    if (q == '\\' && i < n && (line.charAt(i) == '"' || line.charAt(i) == '\\')) {
                        tok.append(line.charAt(i++));
                    } else if (q == '"') {
                        closed = true;
                        break;
                    } else {
                        tok.append(q);
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("unterminated quote");
                }
            }
            tokens.add(tok.toString());
        }
    }

    /** One subscription as a line of the urls file. */
    static String write(Subscription s) {
        StringBuilder sb = new StringBuilder(s.url());
        for (String t : s.tags()) {
            sb.append(' ').append(quote(t));
        }
        if (!s.name().isEmpty()) {
            sb.append(' ').append(quote("~" + s.name()));
        }
        for (String setting : s.settings().tokens()) {
            sb.append(' ').append(quote(setting));
        }
        return sb.toString();
    }

    /** One query feed as a line of the urls file, as newsboat writes it: {@code "query:NAME:RULE" tag…}. */
    static String write(QueryFeed q) {
        StringBuilder sb = new StringBuilder(quote(q.source()));
        for (String t : q.tags()) {
            sb.append(' ').append(quote(t));
        }
        return sb.toString();
    }

    /** A token as written: bare when it can be, else in quotes with {@code \"} and {@code \\}. */
    private static String quote(String token) {
        boolean plain = !token.isEmpty() && token.charAt(0) != '#';
        for (int i = 0; i < token.length() && plain; i++) {
            char c = token.charAt(i);
            plain = !Character.isWhitespace(c) && c != '"' && c != '\\';
        }
        if (plain) {
            return token;
        }
        return '"' + token.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
