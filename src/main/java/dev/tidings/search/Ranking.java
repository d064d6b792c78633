package dev.tidings.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects matches from all segments and orders them: more clauses matched in the title first,
 * then newer first (undated last), then segment and document order. Matches are kept as
 * primitives; only the hits returned are read from their segments.
 */
final class Ranking {
    private long[] keys = new long[64]; // per match: (segment << 32 | doc)
    private int[] titleHits = new int[64];
    private long[] dates = new long[64];
    private int size;

    void add(int segment, int doc, int hits, long published) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            titleHits = Arrays.copyOf(titleHits, size * 2);
            dates = Arrays.copyOf(dates, size * 2);
        }
        keys[size] = ((long) segment << 32) | (doc & 0xFFFFFFFFL);
        titleHits[size] = hits;
        dates[size] = published;
        size++;
    }

    /** Forgets the matches of a segment found damaged part-way. */
    void removeSegment(int segment) {
        int w = 0;
        for (int r = 0; r < size; r++) {
            if ((int) (keys[r] >>> 32) != segment) {
                keys[w] = keys[r];
                titleHits[w] = titleHits[r];
                dates[w] = dates[r];
                w++;
            }
        }
        size = w;
    }

    SearchIndex.Results results(List<Segment> segments, int limit) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Integer.compare(titleHits[b], titleHits[a]);
            if (c != 0) {
                return c;
            }
            c = Long.compare(dates[b], dates[a]); // Long.MIN_VALUE (no date) sorts last
            return c != 0 ? c : Long.compare(keys[a], keys[b]);
        });
        int n = Math.min(size, Math.max(0, limit));
        List<Hit> hits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long k = keys[order[i]];
            hits.add(segments.get((int) (k >>> 32)).hit((int) k, titleHits[order[i]]));
        }
        return new SearchIndex.Results(size, hits);
    }
}
