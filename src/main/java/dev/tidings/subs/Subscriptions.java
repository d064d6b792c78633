package dev.tidings.subs;

import dev.tidings.io.AtomicFiles;
import dev.tidings.text.Sanitize;
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
 * other non-http(s) source is refused with a problem: never run, never read. One line's grammar is
 * {@link SubscriptionLine}; saving over a hand-edited file is {@link UrlsFileMerge}.
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
                QueryFeed q = SubscriptionLine.query(lines[i]);
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
                sub = SubscriptionLine.read(lines[i], warnings);
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
            String keyParameter = SubscriptionLine.keyParameter(lines[i]);
            if (keyParameter != null) {
                problems.add(where + SubscriptionLine.keyDropped(keyParameter));
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

    // ---------------------------------------------------------------- format

    /** The urls file for {@code subs}: {@link #HEADER} then one line each; {@link #parse} gives the list back. */
    public static String format(List<Subscription> subs) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Subscription s : subs) {
            sb.append(SubscriptionLine.write(s)).append('\n');
        }
        return sb.toString();
    }

    /** One query feed as a line of the urls file, as newsboat writes it: {@code "query:NAME:RULE" tag…}. */
    public static String format(QueryFeed q) {
        return SubscriptionLine.write(q);
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
     * held besides its feeds (comments, lines Tidings refused) is kept: see {@link UrlsFileMerge#merge}.
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
        String merged = UrlsFileMerge.merge(old, subs);
        String text = queries.isEmpty() ? merged : UrlsFileMerge.withQueries(merged, queries);
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