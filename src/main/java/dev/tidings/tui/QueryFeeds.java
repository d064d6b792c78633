package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.app.HeadlineView;
import dev.tidings.rules.Rule;
import dev.tidings.rules.RuleException;
import dev.tidings.subs.QueryFeed;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The query feeds of the feed list (newsboat's {@code query:NAME:RULE}): rows whose articles are
 * every cached entry matching a rule. Members are computed on first use per set of entries and
 * kept; read marks change the unread counts (and the members of rules that read {@code unread}),
 * so counts stay live without a recount on every frame.
 */
final class QueryFeeds {
    /** One query feed; {@code rule} is null and {@code error} says why when its rule cannot be read. */
    record Query(String name, List<String> tags, Rule rule, String error) {
        String selector() {
            return PREFIX + name;
        }

        /** The urls file's query feed with its rule read once (an unreadable rule keeps its error). */
        static Query of(QueryFeed q, ZoneId zone) {
            try {
                return new Query(q.name(), q.tags(), Rule.parse(q.rule(), Clock.systemUTC(), zone), null);
            } catch (RuleException e) {
                return new Query(q.name(), q.tags(), null, e.getMessage());
            }
        }
    }

    static final String PREFIX = "query:";

    private List<Query> queries = List.of();
    private final Map<String, List<Headline>> members = new HashMap<>();
    private final Map<String, int[]> counts = new HashMap<>();
    private List<Headline> computedFor;

    void set(List<Query> q) {
        queries = List.copyOf(q);
        forget();
    }

    List<Query> all() {
        return queries;
    }

    static boolean isQuery(String selector) {
        return selector != null && selector.startsWith(PREFIX);
    }

    Query find(String selector) {
        for (Query q : queries) {
            if (q.selector().equals(selector)) {
                return q;
            }
        }
        return null;
    }

    /** Everything changed (new entries, collections): members and counts are computed again. */
    void forget() {
        members.clear();
        counts.clear();
        computedFor = null;
    }

    /** A read mark changed: counts again, and the members of rules that read it. */
    void readChanged() {
        counts.clear();
        for (Query q : queries) {
            if (q.rule() != null && q.rule().usesReadState()) {
                members.remove(q.selector());
            }
        }
    }

    /** The entries of a query feed (none when its rule is bad), in the order of {@code everything}. */
    List<Headline> entries(String selector, List<Headline> everything, HeadlineView.Context context, Session session) {
        if (computedFor != everything) {
            forget();
            computedFor = everything;
        }
        List<Headline> m = members.get(selector);
        if (m == null) {
            Query q = find(selector);
            m = new ArrayList<>();
            if (q != null && q.rule() != null) {
                for (Headline e : everything) {
                    if (q.rule().test(new HeadlineView(e, context))) {
                        m.add(e);
                    }
                }
                String problem = q.rule().takeProblem();
                if (problem != null) {
                    session.status(q.name() + ": " + problem, true);
                }
            }
            m = List.copyOf(m);
            members.put(selector, m);
        }
        return m;
    }

    /** Unread and total of a query feed. */
    int[] counts(String selector, List<Headline> everything, HeadlineView.Context context, Session session,
                 Predicate<Headline> isRead) {
        if (computedFor != everything) {
            forget();
        }
        int[] c = counts.get(selector);
        if (c == null) {
            c = new int[2];
            for (Headline e : entries(selector, everything, context, session)) {
                c[1]++;
                if (!isRead.test(e)) {
                    c[0]++;
                }
            }
            counts.put(selector, c);
        }
        return c;
    }
}
