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
        // the terms each clause stands for here; a clause with a term found nowhere ends the search
        List<int[][]> expanded = new java.util.ArrayList<>();
        List<Query.Clause> clauses = new java.util.ArrayList<>(q.clauses());
        for (Query.Clause c : clauses) {
            int[][] perTerm = new int[c.terms().size()][];
            for (int t = 0; t < perTerm.length; t++) {
                perTerm[t] = expand(s, c.terms().get(t));
                if (perTerm[t].length == 0) {
                    return;
                }
            }
            expanded.add(perTerm);
        }
        // the rarest clause first: later clauses decode only documents still in the running
        Integer[] order = new Integer[clauses.size()];
        long[] cost = new long[clauses.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            long df = 0;
            for (int index : expanded.get(i)[0]) {
                df += s.docFrequency(index);
            }
            cost[i] = df;
        }
        Arrays.sort(order, (a, b) -> Long.compare(cost[a], cost[b]));
        int[] titleHits = new int[n];
        boolean[] alive = new boolean[n];
        Arrays.fill(alive, true);
        for (int ci : order) {
            Query.Clause c = clauses.get(ci);
            boolean any = c.terms().size() == 1 && (c.field() == Query.Field.ANY || c.field() == Query.Field.TITLE)
                    ? single(s, c, expanded.get(ci)[0], alive, titleHits)
                    : positional(s, c, expanded.get(ci), alive, titleHits);
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

    /** The dictionary indexes a term stands for: itself, or every term it is a prefix of (bounded). */
    private static int[] expand(Segment s, Tokens.Term term) {
        byte[] key = term.text().getBytes(StandardCharsets.UTF_8);
        int at = s.find(key);
        if (!term.prefix()) {
            return at < 0 ? new int[0] : new int[] {at};
        }
        int i = at >= 0 ? at : -at - 1;
        int from = i;
        while (s.startsWith(i, key) && i - from < MAX_EXPANSIONS) {
            i++;
        }
        int[] out = new int[i - from];
        for (int k = 0; k < out.length; k++) {
            out[k] = from + k;
        }
        return out;
    }

    /**
     * One word anywhere or in the title: only each document's first position is needed (positions
     * are sorted, and the title comes first). Returns whether any document is still alive.
     */
    private static boolean single(Segment s, Query.Clause c, int[] indexes, boolean[] alive, int[] titleHits) {
        int n = s.docCount;
        int[] first = new int[n];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int index : indexes) {
            s.firstPositions(index, first, alive);
        }
        boolean any = false;
        for (int d = 0; d < n; d++) {
            if (!alive[d]) {
                continue;
            }
            if (first[d] == Integer.MAX_VALUE) {
                alive[d] = false;
                continue;
            }
            boolean inTitle = first[d] < s.titleEnd(d);
            if (c.field() == Query.Field.TITLE && !inTitle) {
                alive[d] = false;
                continue;
            }
            if (inTitle) {
                titleHits[d]++;
            }
            any = true;
        }
        return any;
    }

    /** A phrase, or a word in the authors or the feed name: positions compared. */
    private static boolean positional(Segment s, Query.Clause c, int[][] expanded, boolean[] alive, int[] titleHits) {
        int n = s.docCount;
        int[][][] pos = new int[expanded.length][][];
        for (int t = 0; t < expanded.length; t++) {
            pos[t] = new int[n][];
            for (int index : expanded[t]) {
                s.positions(index, pos[t], alive);
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
        return any;
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
