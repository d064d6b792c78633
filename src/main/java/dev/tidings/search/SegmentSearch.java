package dev.tidings.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a {@link Query} over one {@link Segment}: every clause must match a document; a clause of
 * several terms matches where they stand at the query's relative positions within one field.
 * Reports each matching document with how many clauses matched in its title.
 */
final class SegmentSearch {
    /** Most dictionary terms one prefix may stand for in a segment (a one-letter prefix). */
    static final int MAX_EXPANSIONS = 20_000;

    private SegmentSearch() {
    }

    /** Receives matches. */
    interface Found {
        void doc(int doc, int titleHits);
    }

    static void run(Segment s, Query q, Found found) {
        int n = s.docCount;
        if (n == 0) {
            return;
        }
        int[] titleHits = new int[n];
        boolean[] alive = new boolean[n];
        Arrays.fill(alive, true);
        for (Query.Clause c : q.clauses()) {
            List<Tokens.Term> terms = c.terms();
            int[][][] pos = new int[terms.size()][][];
            for (int t = 0; t < terms.size(); t++) {
                pos[t] = postings(s, terms.get(t));
                if (pos[t] == null) {
                    return; // a term in no document here: nothing in this segment matches
                }
            }
            boolean any = false;
            for (int d = 0; d < n; d++) {
                if (!alive[d]) {
                    continue;
                }
                int where = match(s, d, c, pos);
                if (where == NONE) {
                    alive[d] = false;
                } else {
                    any = true;
                    if (where == IN_TITLE) {
                        titleHits[d]++;
                    }
                }
            }
            if (!any) {
                return;
            }
        }
        for (int d = 0; d < n; d++) {
            if (alive[d]) {
                found.doc(d, titleHits[d]);
            }
        }
    }

    /** Per document the positions of a term (all the terms a prefix stands for), or null when none. */
    private static int[][] postings(Segment s, Tokens.Term term) {
        byte[] key = term.text().getBytes(StandardCharsets.UTF_8);
        int[][] out = new int[s.docCount][];
        int at = s.find(key);
        if (!term.prefix()) {
            if (at < 0) {
                return null;
            }
            s.positions(at, out);
            return out;
        }
        int i = at >= 0 ? at : -at - 1;
        int expanded = 0;
        for (; s.startsWith(i, key) && expanded < MAX_EXPANSIONS; i++, expanded++) {
            s.positions(i, out);
        }
        return expanded == 0 ? null : out;
    }

    private static final int NONE = 0;
    private static final int ELSEWHERE = 1;
    private static final int IN_TITLE = 2;

    /** Whether document {@code d} matches the clause: NONE, ELSEWHERE or IN_TITLE (best place found). */
    private static int match(Segment s, int d, Query.Clause c, int[][][] pos) {
        for (int[][] p : pos) {
            if (p[d] == null) {
                return NONE;
            }
        }
        int titleEnd = s.titleEnd(d);
        int authorEnd = s.authorEnd(d);
        int feedEnd = s.feedEnd(d);
        List<Tokens.Term> terms = c.terms();
        int base = terms.get(0).position();
        int best = NONE;
        for (int start : pos[0][d]) {
            Query.Field f = field(start, titleEnd, authorEnd, feedEnd);
            if (c.field() != Query.Field.ANY && f != c.field()) {
                continue;
            }
            boolean ok = true;
            for (int t = 1; t < terms.size() && ok; t++) {
                int want = start + terms.get(t).position() - base;
                ok = Arrays.binarySearch(pos[t][d], want) >= 0 && field(want, titleEnd, authorEnd, feedEnd) == f;
            }
            if (ok) {
                if (f == Query.Field.TITLE) {
                    return IN_TITLE;
                }
                best = ELSEWHERE;
                if (c.field() != Query.Field.ANY) {
                    return best;
                }
            }
        }
        return best;
    }

    /** The field a position is in; the body is {@link Query.Field#ANY}. */
    private static Query.Field field(int position, int titleEnd, int authorEnd, int feedEnd) {
        if (position < titleEnd) {
            return Query.Field.TITLE;
        }
        if (position < authorEnd) {
            return Query.Field.AUTHOR;
        }
        if (position < feedEnd) {
            return Query.Field.FEED;
        }
        return Query.Field.ANY;
    }
}
