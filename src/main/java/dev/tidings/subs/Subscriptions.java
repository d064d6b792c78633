package dev.tidings.subs;

import dev.tidings.io.AtomicFiles;
import dev.tidings.text.Sanitize;
import dev.tidings.text.UrlKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The subscriptions file: plain text, hand-editable, compatible with newsboat's {@code urls}:
 * <pre>
 * # a comment
 * https://example.org/feed.xml news "tech news" !hidden "~Example News"
 * </pre>
 * One feed a line: the URL, then tags; quoted tokens may hold spaces ({@code \"} and {@code \\}
 * escape inside quotes); a token starting with {@code ~} is the display name; a {@code !} before a
 * tag (newsboat's hidden tag) is dropped; {@code key=value} tokens for the keys of
 * {@link FeedSettings#KEYS} are the feed's own settings; an unquoted token starting with {@code #}
 * comments out the rest of the line. A {@code "query:NAME:RULE"} source is a {@link QueryFeed}
 * (kept as written, tags after it as usual). {@code exec:}, {@code filter:}, {@code file:} and any
 * other non-http(s) source is refused with a problem: never run, never read.
 */
public final class Subscriptions {
    private Subscriptions() {
    }

    /** The first line {@link #format} writes. */
    public static final String HEADER = "# Tidings subscriptions: URL \"tag\" \"~name\" \u2014 one feed a line";

    /** Files larger than this are refused by {@link #load}. */
    static final long MAX_FILE_BYTES = 16L << 20;

    /**
     * What a file held: the usable subscriptions, the query feeds, and one line per problem
     * ("urls:7: why; line skipped").
     */
    public record Parsed(List<Subscription> subscriptions, List<String> problems, List<QueryFeed> queries) {
        public Parsed {
            subscriptions = List.copyOf(subscriptions);
            problems = List.copyOf(problems);
            queries = List.copyOf(queries);
        }

        public Parsed(List<Subscription> subscriptions, List<String> problems) {
            this(subscriptions, problems, List.of());
        }

        static Parsed empty() {
            return new Parsed(List.of(), List.of());
        }
    }

    // ---------------------------------------------------------------- parse

    public static Parsed parse(String text, String fileName) {
        String file = Sanitize.line(fileName);
        List<Subscription> subs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<QueryFeed> queries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        if (text == null) {
            return Parsed.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String where = file + ":" + lineNo + ": ";
            Subscription sub;
            List<String> warnings = new ArrayList<>();
            try {
                QueryFeed q = queryLine(lines[i]);
                if (q != null) {
                    Integer first = seen.putIfAbsent(PREFIX_KEY + q.key(), lineNo);
                    if (first != null) {
                        problems.add(where + "a query feed named '" + show(q.name()) + "' is already on line " + first
                                + "; line skipped");
                    } else {
                        queries.add(q);
                    }
                    continue;
                }
                sub = line(lines[i], warnings);
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage() + "; line skipped");
                continue;
            }
            if (sub == null) {
                continue;
            }
            for (String w : warnings) {
                problems.add(where + w);
            }
            String keyParameter = keyParameter(lines[i]);
            if (keyParameter != null) {
                problems.add(where + keyDropped(keyParameter));
            }
            Integer first = seen.putIfAbsent(key(sub.url()), lineNo);
            if (first != null) {
                problems.add(where + "'" + show(sub.url()) + "' is already on line " + first + "; line skipped");
                continue;
            }
            subs.add(sub);
        }
        return new Parsed(subs, problems, queries);
    }

    /** Query feeds' names share the duplicate check with URLs under this prefix. */
    private static final String PREFIX_KEY = "\u0000query:";

    /** The query feed on a line, or null when the line holds none. */
    private static QueryFeed queryLine(String line) {
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

    /** One query feed as a line of the urls file, as newsboat writes it: {@code "query:NAME:RULE" tag…}. */
    public static String format(QueryFeed q) {
        StringBuilder sb = new StringBuilder(quote(q.source()));
        for (String t : q.tags()) {
            sb.append(' ').append(quote(t));
        }
        return sb.toString();
    }

    /**
     * {@code text} (a urls file) with the query feeds it does not hold yet (by name, any case)
     * appended, one line each; the rest untouched.
     */
    static String withQueries(String text, List<QueryFeed> add) {
        List<QueryFeed> have = parse(text == null ? "" : text, "").queries();
        StringBuilder out = new StringBuilder(text == null || text.isEmpty() ? HEADER + "\n" : text);
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (QueryFeed q : have) {
            names.add(q.key());
        }
        for (QueryFeed q : add) {
            if (names.add(q.key())) {
                out.append(format(q)).append('\n');
            }
        }
        return out.toString();
    }

    /** The API key parameter in a line's URL (apiKey, api-key…), or null. */
    private static String keyParameter(String line) {
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
     * The subscription on one line; null for blank and comment lines. A setting with a bad value
     * is left out and explained in {@code warnings} (when not null); the feed stays.
     *
     * @throws IllegalArgumentException why the line is refused (a bad quote, a non-http(s) source)
     */
    private static Subscription line(String line, List<String> warnings) {
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
    private static Subscription lineOrNull(String line) {
        try {
            return line(line, null);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
            return "'" + show(s) + "' is not an http(s) URL";
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

    // ---------------------------------------------------------------- format

    /** The urls file for {@code subs}: {@link #HEADER} then one line each; {@link #parse} gives the list back. */
    public static String format(List<Subscription> subs) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Subscription s : subs) {
            sb.append(format(s)).append('\n');
        }
        return sb.toString();
    }

    /** One subscription as a line of the urls file. */
    static String format(Subscription s) {
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

    /**
     * The file's new text: {@code old} with its subscription lines brought in line with {@code subs},
     * and nothing else touched. Comments, blank lines, refused lines ({@code exec:}, bad quotes) and
     * the lines of unchanged feeds stay byte for byte; a changed feed's line is rewritten where it
     * is; a removed feed's lines go; new feeds are appended. A feed whose URL changed in place (a
     * permanent redirect) keeps its line's position. Line endings follow the old file.
     */
    static String merge(String old, List<Subscription> subs) {
        if (old == null || old.isBlank()) {
            return format(subs);
        }
        String bom = old.startsWith("\uFEFF") ? "\uFEFF" : "";
        String text = old.substring(bom.length());
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // the final newline
        }
        Map<String, Integer> wanted = new HashMap<>();
        for (int i = 0; i < subs.size(); i++) {
            wanted.putIfAbsent(key(subs.get(i).url()), i);
        }
        // the file's accepted subscriptions, in order, as parse() sees them
        List<Subscription> was = parse(text, "").subscriptions();
        java.util.Set<String> wasKeys = new java.util.HashSet<>();
        for (Subscription w : was) {
            wasKeys.add(key(w.url()));
        }
        boolean[] written = new boolean[subs.size()];
        java.util.Set<String> seen = new java.util.HashSet<>();
        StringBuilder out = new StringBuilder(bom);
        int position = -1; // index of the line's subscription among the accepted ones
        for (String l : lines) {
            Subscription sub = lineOrNull(l);
            if (sub == null) {
                out.append(l).append(nl);
                continue;
            }
            String k = key(sub.url());
            if (!seen.add(k)) { // a duplicate the parser skips: kept unless its feed was removed
                if (wanted.containsKey(k)) {
                    out.append(l).append(nl);
                }
                continue;
            }
            position++;
            Integer now = wanted.get(k);
            if (now == null && position < subs.size() && !written[position]
                    && !wasKeys.contains(key(subs.get(position).url()))) {
                now = position; // same place, new URL: the feed moved
            }
            if (now == null || written[now]) {
                continue; // removed
            }
            written[now] = true;
            Subscription target = subs.get(now);
            out.append(target.equals(sub) ? l : format(target)).append(nl);
        }
        for (int i = 0; i < subs.size(); i++) {
            if (!written[i]) {
                out.append(format(subs.get(i))).append(nl);
            }
        }
        return out.toString();
    }

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

    // ---------------------------------------------------------------- files

    /** Reads and parses {@code file}; a missing file is an empty list with no problem. */
    public static Parsed load(Path file) throws IOException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IOException(file + ": larger than " + (MAX_FILE_BYTES >> 20) + " MB; not a subscriptions file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Parsed.empty();
        }
        return parse(decode(bytes), String.valueOf(file.getFileName()));
    }

    /** UTF-8, malformed bytes replaced rather than fatal: a hand-edited file may hold Latin-1. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen with REPLACE
        }
    }

    /**
     * Writes {@code subs} to {@code file} atomically: a temp file in the same directory, fsync, atomic
     * rename, directory fsync. The file is 0600; a missing directory is created 0700. A crash leaves
     * either the old file or the new one, at worst plus a stray {@code .NAME.*.tmp}. What the file
     * held besides its feeds (comments, lines Tidings refused) is kept: see {@link #merge}.
     */
    public static void save(Path file, List<Subscription> subs) throws IOException {
        save(file, subs, List.of());
    }

    /**
     * Writes {@code subs} as {@link #save(Path, List)} does, and appends the query feeds in
     * {@code queries} the file does not name yet.
     */
    public static void save(Path file, List<Subscription> subs, List<QueryFeed> queries) throws IOException {
        Path abs = file.toAbsolutePath();
        AtomicFiles.createPrivateDirectories(abs.getParent());
        String old = null;
        try {
            if (Files.size(abs) <= MAX_FILE_BYTES) {
                old = decode(Files.readAllBytes(abs));
            }
        } catch (NoSuchFileException e) {
            // a new file
        }
        String merged = merge(old, subs);
        String text = queries.isEmpty() ? merged : withQueries(merged, queries);
        AtomicFiles.write(abs, text.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- list edits (pure)

    /** {@code list} plus {@code sub} at the end; refuses a URL already there (a trailing slash does not count). */
    public static List<Subscription> add(List<Subscription> list, Subscription sub) {
        if (indexOf(list, sub.url()) >= 0) {
            throw new IllegalArgumentException("already subscribed: " + show(sub.url()));
        }
        List<Subscription> out = new ArrayList<>(list);
        out.add(sub);
        return List.copyOf(out);
    }

    /** {@code list} without {@code url}. */
    public static List<Subscription> remove(List<Subscription> list, String url) {
        int i = require(list, url);
        List<Subscription> out = new ArrayList<>(list);
        out.remove(i);
        return List.copyOf(out);
    }

    /** {@code list} with {@code url}'s display name set to {@code newName} ("" or null clears it). */
    public static List<Subscription> rename(List<Subscription> list, String url, String newName) {
        int i = require(list, url);
        List<Subscription> out = new ArrayList<>(list);
        out.set(i, list.get(i).withName(newName));
        return List.copyOf(out);
    }

    /** {@code list} with {@code oldUrl} replaced by {@code newUrl} in place (a permanent redirect); name and tags kept. */
    public static List<Subscription> replaceUrl(List<Subscription> list, String oldUrl, String newUrl) {
        int i = require(list, oldUrl);
        int j = indexOf(list, newUrl);
        if (j >= 0 && j != i) {
            throw new IllegalArgumentException("already subscribed: " + show(newUrl));
        }
        List<Subscription> out = new ArrayList<>(list);
        out.set(i, list.get(i).withUrl(newUrl));
        return List.copyOf(out);
    }

    private static int require(List<Subscription> list, String url) {
        int i = indexOf(list, url);
        if (i < 0) {
            throw new IllegalArgumentException("not subscribed: " + show(url));
        }
        return i;
    }

    static int indexOf(List<Subscription> list, String url) {
        String k = key(url);
        for (int i = 0; i < list.size(); i++) {
            if (key(list.get(i).url()).equals(k)) {
                return i;
            }
        }
        return -1;
    }

    /** The identity of a feed URL: scheme and host case-insensitive, trailing slashes ignored. */
    static String key(String url) {
        if (url == null) {
            return "";
        }
        String s = url.strip();
        try {
            URI u = new URI(s);
            if (u.getScheme() != null && u.getRawAuthority() != null) {
                String rest = s.substring(s.indexOf(u.getRawAuthority(), u.getScheme().length()) + u.getRawAuthority().length());
                s = u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getRawAuthority().toLowerCase(Locale.ROOT) + rest;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // compare as written
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Untrusted text for a message: one safe line, at most 80 characters. */
    static String show(String s) {
        String l = Sanitize.line(s);
        return l.length() <= 80 ? l : l.substring(0, 79) + "\u2026";
    }
}
