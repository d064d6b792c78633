package dev.tidings.subs;

import dev.tidings.text.Sanitize;
import java.util.List;
import java.util.Locale;

/**
 * A query feed (newsboat's {@code "query:NAME:RULE" tag…} line): a feed made of every cached
 * article that matches {@code rule}. The rule is kept as written; it is read (and its errors
 * reported) where it is used. {@code name} is one line without {@code :}; tags as for
 * {@link Subscription}.
 */
public record QueryFeed(String name, String rule, List<String> tags) {
    /** What starts a query feed's source in the urls file. */
    public static final String PREFIX = "query:";

    public QueryFeed {
        name = Sanitize.line(name == null ? "" : name).strip();
        if (name.isEmpty() || name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a query feed needs a name without ':' (\"query:NAME:RULE\")");
        }
        if (rule == null || rule.isBlank() || !Sanitize.line(rule).equals(rule)) {
            throw new IllegalArgumentException("query feed '" + name + "' has no rule on one line (\"query:NAME:RULE\")");
        }
        tags = new Subscription("https://query.invalid/", "", tags == null ? List.of() : tags).tags();
    }

    /** True when a urls-file source is a query feed's ({@code query:…}, any case). */
    public static boolean isQuery(String source) {
        return source != null && source.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * The query feed of a source {@code query:NAME:RULE} with these tags.
     *
     * @throws IllegalArgumentException when there is no name or no rule
     */
    public static QueryFeed of(String source, List<String> tags) {
        String rest = source.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a query feed is written \"query:NAME:RULE\"");
        }
        return new QueryFeed(rest.substring(0, colon), rest.substring(colon + 1), tags);
    }

    /** The source as the urls file writes it: {@code query:NAME:RULE}. */
    public String source() {
        return PREFIX + name + ":" + rule;
    }

    /** Query feeds compare by name, ignoring case. */
    String key() {
        return name.toLowerCase(Locale.ROOT);
    }

}
