package dev.tidings.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects matches from all segments and orders them: more clauses matched in the title first,
 * then newer first (undated last), then segment and document order. Each match is one {@code long}
 * that sorts in that order (title hits, date in seconds, arrival), so ordering 100,000 matches is
 * one primitive sort; only the hits returned are read from their segments.
 */
final class Ranking {
    /** Matches ranked at most; more are counted, not kept. */
    static final int MAX_RANKED = (1 << 20) - 1;
    private static final long DATE_BIAS = 1L << 33; // dates from 1698 to 2242 keep their order
    private static final long DATE_MAX = (1L << 34) - 1;

    private long[] order = new long[64]; // (63 - titleHits) << 54 | (DATE_MAX - date) << 20 | arrival
    private long[] refs = new long[64]; // per arrival: segment << 32 | doc
    private int[] hits = new int[64];
    private int size;
    private int total;

    void add(int segment, int doc, int titleHits, long publishedMillis) {
        total++;
        if (size == MAX_RANKED) {
            return;
        }
        if (size == order.length) {
            order = Arrays.copyOf(order, size * 2);
            refs = Arrays.copyOf(refs, size * 2);
            hits = Arrays.copyOf(hits, size * 2);
        }
        long date = publishedMillis == Long.MIN_VALUE ? 0
                : Math.max(1, Math.min(DATE_MAX, Math.floorDiv(publishedMillis, 1000) + DATE_BIAS));
        order[size] = ((long) (63 - Math.min(63, titleHits)) << 54) | ((DATE_MAX - date) << 20) | size;
        refs[size] = ((long) segment << 32) | (doc & 0xFFFFFFFFL);
        hits[size] = titleHits;
        size++;
    }

    /** Forgets the matches of a segment found damaged part-way. */
    void removeSegment(int segment) {
        int w = 0;
        for (int r = 0; r < size; r++) {
            if ((int) (refs[r] >>> 32) != segment) {
                order[w] = (order[r] & ~0xFFFFFL) | w;
                refs[w] = refs[r];
                hits[w] = hits[r];
                w++;
            }
        }
        total -= size - w;
        size = w;
    }

    SearchIndex.Results results(List<Segment> segments, int limit) {
        long[] sorted = Arrays.copyOf(order, size);
        Arrays.sort(sorted);
        int n = Math.min(size, Math.max(0, limit));
        List<Hit> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int arrival = (int) (sorted[i] & 0xFFFFF);
            long ref = refs[arrival];
            out.add(segments.get((int) (ref >>> 32)).hit((int) ref, hits[arrival]));
        }
        return new SearchIndex.Results(total, out);
    }
}
