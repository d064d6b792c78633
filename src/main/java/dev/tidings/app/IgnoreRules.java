package dev.tidings.app;

import dev.tidings.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The killfile: newsboat's {@code ignore-article FEED RULE} lines. FEED is {@code *} (every feed),
 * a feed's URL, or {@code regex:PATTERN} matched case-insensitively against the feed's URL. An
 * entry matched by any applicable rule is hidden wherever entries are shown: the reader at
 * start-up and after each refresh, {@code list}, {@code dump}. Hiding keeps the other entries'
 * numbers, so {@code dump --item N} still means what {@code list} showed.
 */
public final class IgnoreRules {
    /** One ignore-article line, read. */
    public record Ignore(String feed, Rule rule) {
    }

    public static final IgnoreRules NONE = new IgnoreRules(List.of());

    private final List<Ignore> rules;
    private final List<Pattern> scopes;

    private IgnoreRules(List<Ignore> rules) {
        this.rules = List.copyOf(rules);
        List<Pattern> s = new ArrayList<>();
        for (Ignore i : rules) {
            s.add(i.feed().regionMatches(true, 0, "regex:", 0, 6)
                    ? Pattern.compile(i.feed().substring(6), Pattern.CASE_INSENSITIVE) : null);
        }
        this.scopes = s;
    }

    /**
     * The rules; a {@code regex:} scope must be a valid pattern.
     *
     * @throws IllegalArgumentException for a bad {@code regex:} scope
     */
    public static IgnoreRules of(List<Ignore> rules) {
        return rules.isEmpty() ? NONE : new IgnoreRules(rules);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** True when some rule reads this field ("content", "unread", "tags", "collection"). */
    public boolean mentions(String field) {
        return rules.stream().anyMatch(i -> i.rule().mentions(field));
    }

    /** True when some rule for the entry's feed matches it. */
    public boolean hides(Headline e, HeadlineView.Context context) {
        HeadlineView view = null;
        for (int i = 0; i < rules.size(); i++) {
            if (!applies(i, e.feed().source())) {
                continue;
            }
            if (view == null) {
                view = new HeadlineView(e, context);
            }
            if (rules.get(i).rule().test(view)) {
                return true;
            }
        }
        return false;
    }

    /** The entries no rule hides, in order (numbers kept); the same list when there are no rules. */
    public List<Headline> keep(List<Headline> entries, HeadlineView.Context context) {
        if (rules.isEmpty()) {
            return entries;
        }
        List<Headline> out = new ArrayList<>(entries.size());
        for (Headline e : entries) {
            if (!hides(e, context)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first "rule gave up" message not reported yet, or null. */
    public String takeProblem() {
        for (Ignore i : rules) {
            String p = i.rule().takeProblem();
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private boolean applies(int i, String source) {
        String feed = rules.get(i).feed();
        if (feed.equals("*")) {
            return true;
        }
        Pattern p = scopes.get(i);
        if (p != null) {
            return p.matcher(source).find();
        }
        return trim(feed).equals(trim(source));
    }

    private static String trim(String url) {
        String s = url.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
