package dev.tidings.feed;

import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import dev.tidings.text.Sanitize;
import java.util.List;
import java.util.Locale;

/**
 * What a feed's text may become in the model: one-line fields cut, bodies capped, links of other
 * schemes dropped. Every parser builds its {@link Item}s through {@link ItemBuilder} and its
 * {@link Feed} through {@link #feed}, so the rules hold whatever the format.
 *
 * <pre>
 * line("a".repeat(5000))          = "aaa…a…"  (1,000 characters, the last one "…")
 * link("javascript:alert(1)")     = ""
 * link("../story.html")           = "../story.html"  (relative: resolved later, or dropped by writers)
 * body(a 5 MiB article)           = its first 4 MiB, then "(article cut at 4 MiB)"
 * </pre>
 */
public final class FieldCaps {
    private FieldCaps() {
    }

    /** Titles, names, categories, captions and credits: at most this many characters, "…" included. */
    public static final int MAX_LINE = 1000;
    /** Links and ids longer than this are not links (dropped) or ids (replaced by a hash of them). */
    public static final int MAX_URL = 8192;
    /** One body (summary or content), in characters of HTML. */
    public static final int MAX_BODY = 4 * 1024 * 1024;
    /** What a parser needs to keep of one element's text to apply the caps above (the rest is skipped). */
    static final int MAX_READ = MAX_BODY + 1;

    private static final String ELLIPSIS = "…";
    private static final String CUT_NOTE = "<p>(article cut at " + MAX_BODY / (1024 * 1024) + " MiB)</p>";

    /**
     * A one-line field: sanitized, then cut to {@link #MAX_LINE} characters with "…" (never inside a
     * surrogate pair). Work is bounded too: only the first few thousand characters are looked at.
     */
    public static String line(String s) {
        if (s == null) {
            return "";
        }
        // sanitizing only shrinks text, so a generous prefix is all that can survive: cut it first
        String head = s.length() > MAX_LINE * 8 ? s.substring(0, cutIndex(s, MAX_LINE * 8)) : s;
        String clean = Sanitize.line(head);
        if (clean.length() <= MAX_LINE) {
            return clean;
        }
        return clean.substring(0, cutIndex(clean, MAX_LINE - ELLIPSIS.length())).stripTrailing() + ELLIPSIS;
    }

    /**
     * A link as the model keeps it: sanitized; "" when longer than {@link #MAX_URL} or when it names
     * a scheme other than http and https ({@code javascript:}, {@code file:}, {@code data:}...). A
     * relative link stays (a parser resolves it against the feed's URL when it knows one).
     */
    public static String link(String s) {
        if (s == null || s.length() > MAX_URL * 2) {
            return "";
        }
        String u = Sanitize.line(s);
        if (u.length() > MAX_URL) {
            return "";
        }
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return u; // no scheme: relative
            }
            if (c == ':') {
                String scheme = u.substring(0, i).toLowerCase(Locale.ROOT);
                return scheme.equals("http") || scheme.equals("https") ? u : "";
            }
        }
        return u;
    }

    /**
     * A body: sanitized, and past {@link #MAX_BODY} characters cut there (not inside a surrogate
     * pair) with a closing paragraph "(article cut at 4 MiB)".
     */
    public static String body(String s) {
        if (s == null) {
            return "";
        }
        if (s.length() <= MAX_BODY) {
            return Sanitize.body(s);
        }
        return Sanitize.body(s.substring(0, cutIndex(s, MAX_BODY))) + CUT_NOTE;
    }

    /** A feed whose title, description and links follow the same rules as its items'. */
    static Feed feed(FeedFormat format, String title, String link, String description, String image, List<Item> items) {
        return new Feed(format, line(title), link(link), line(description), link(image), items);
    }

    /** {@code max}, or one less when that would split a surrogate pair. */
    private static int cutIndex(String s, int max) {
        return max > 0 && max < s.length() && Character.isLowSurrogate(s.charAt(max))
                && Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    }
}
