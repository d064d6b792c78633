package dev.tidings.search;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * One segment file read back (written by {@link SegmentWriter}): mapped, not copied into the heap,
 * checked once when opened (magic, version, section offsets, CRC-32), then read with absolute
 * gets so several threads can search it. A damaged file is {@link Corrupt}; every read past what
 * the checks covered is bounds-checked by the buffer and turns into {@code Corrupt} at the caller.
 */
final class Segment {
    /** The file is not a segment we wrote, or it was damaged. */
    static final class Corrupt extends IOException {
        private static final long serialVersionUID = 1L;

        Corrupt(String message) {
            super(message);
        }
    }

    private final ByteBuffer buf;
    final String stamp;
    final String source;
    final int docCount;
    final int termCount;
    private final int docsTable;
    private final int termTable;

    private Segment(ByteBuffer buf) throws Corrupt {
        this.buf = buf;
        int limit = buf.limit();
        if (limit < 40 || buf.get(0) != 'T' || buf.get(1) != 'D' || buf.get(2) != 'S' || buf.get(3) != 'G') {
            throw new Corrupt("not a search segment");
        }
        if (buf.getInt(4) != SegmentWriter.VERSION) {
            throw new Corrupt("segment version " + buf.getInt(4));
        }
        CRC32 crc = new CRC32();
        ByteBuffer all = buf.duplicate();
        all.position(0).limit(limit - 4);
        crc.update(all);
        if ((int) crc.getValue() != buf.getInt(limit - 4)) {
            throw new Corrupt("checksum mismatch");
        }
        int[] at = {8};
        stamp = string(at);
        source = string(at);
        docCount = buf.getInt(at[0]);
        termCount = buf.getInt(at[0] + 4);
        docsTable = buf.getInt(at[0] + 8);
        termTable = buf.getInt(at[0] + 12);
        int postings = buf.getInt(at[0] + 16);
        if (docCount < 0 || termCount < 0 || docsTable < 0 || termTable < docsTable
                || (long) docsTable + 4L * docCount > termTable || (long) termTable + 8L * termCount != postings
                || postings > limit - 4) {
            throw new Corrupt("bad section offsets");
        }
    }

    /** Maps and checks a segment file. */
    static Segment open(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new Corrupt("larger than 2 GiB");
            }
            return of(ch.map(FileChannel.MapMode.READ_ONLY, 0, size));
        }
    }

    /** A segment over bytes already read (tests). */
    static Segment of(ByteBuffer bytes) throws Corrupt {
        try {
            return new Segment(bytes);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new Corrupt("truncated");
        }
    }

    private String string(int[] at) {
        int len = buf.getInt(at[0]);
        if (len < 0 || len > buf.limit() - at[0] - 4) {
            throw new IndexOutOfBoundsException("string length " + len);
        }
        byte[] b = new byte[len];
        buf.get(at[0] + 4, b);
        at[0] += 4 + len;
        return new String(b, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- terms

    /** The index of {@code term} (UTF-8) in the sorted dictionary, or -(insertion point) - 1. */
    int find(byte[] term) {
        int lo = 0;
        int hi = termCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(mid, term, false);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    /** True when the term at {@code index} starts with {@code prefix}. */
    boolean startsWith(int index, byte[] prefix) {
        return index < termCount && compare(index, prefix, true) == 0;
    }

    /** Compares the term at {@code index} with {@code key}; with {@code prefixOnly}, only its first key.length bytes. */
    private int compare(int index, byte[] key, boolean prefixOnly) {
        int off = buf.getInt(termTable + 8 * index);
        int len = buf.get(off) & 0xFF;
        int n = Math.min(len, key.length);
        for (int i = 0; i < n; i++) {
            int c = (buf.get(off + 1 + i) & 0xFF) - (key[i] & 0xFF);
            if (c != 0) {
                return c;
            }
        }
        if (prefixOnly && len >= key.length) {
            return 0;
        }
        return len - key.length;
    }

    /** How many documents hold the term at {@code index}. */
    int docFrequency(int index) {
        return varint(new int[] {buf.getInt(termTable + 8 * index + 4)});
    }

    /**
     * The positions of a term per document: {@code out[doc]} is a sorted array, or null when the term
     * is not in that document. Merged into what {@code out} already holds (a prefix's several terms).
     * Documents not {@code alive} are skipped without decoding.
     */
    void positions(int index, int[][] out, boolean[] alive) {
        int[] cursor = {buf.getInt(termTable + 8 * index + 4)};
        int docs = varint(cursor);
        int doc = 0;
        for (int d = 0; d < docs; d++) {
            doc += varint(cursor);
            int count = varint(cursor);
            int bytes = varint(cursor);
            int blockEnd = cursor[0] + bytes;
            if (doc < 0 || doc >= docCount || count < 0 || bytes < count || blockEnd > buf.limit()) {
                throw new IndexOutOfBoundsException("posting out of range");
            }
            if (!alive[doc]) {
                cursor[0] = blockEnd;
                continue;
            }
            int[] p = new int[count];
            int pos = 0;
            for (int c = 0; c < count; c++) {
                pos += varint(cursor);
                p[c] = pos;
            }
            cursor[0] = blockEnd;
            int[] old = out[doc];
            if (old == null) {
                out[doc] = p;
            } else {
                int[] merged = Arrays.copyOf(old, old.length + p.length);
                System.arraycopy(p, 0, merged, old.length, p.length);
                Arrays.sort(merged);
                out[doc] = merged;
            }
        }
    }

    /**
     * The first (lowest) position of a term per live document, lowered into {@code first} (which
     * holds {@link Integer#MAX_VALUE} where no term was seen yet); the other positions are skipped.
     */
    void firstPositions(int index, int[] first, boolean[] alive) {
        int[] cursor = {buf.getInt(termTable + 8 * index + 4)};
        int docs = varint(cursor);
        int doc = 0;
        for (int d = 0; d < docs; d++) {
            doc += varint(cursor);
            int count = varint(cursor);
            int bytes = varint(cursor);
            int blockEnd = cursor[0] + bytes;
            if (doc < 0 || doc >= docCount || count <= 0 || bytes < count || blockEnd > buf.limit()) {
                throw new IndexOutOfBoundsException("posting out of range");
            }
            if (alive[doc]) {
                int p = varint(cursor);
                if (p < first[doc]) {
                    first[doc] = p;
                }
            }
            cursor[0] = blockEnd;
        }
    }

    private int varint(int[] cursor) {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = buf.get(cursor[0]++);
            v |= (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IndexOutOfBoundsException("varint too long");
    }

    // ---------------------------------------------------------------- documents

    private int docOffset(int doc) {
        return buf.getInt(docsTable + 4 * doc);
    }

    /** The date of a document in epoch milliseconds, Long.MIN_VALUE when it has none. */
    long published(int doc) {
        return buf.getLong(docOffset(doc));
    }

    /** Where the title, authors and feed name end: positions below each belong to that field. */
    int titleEnd(int doc) {
        return buf.getInt(docOffset(doc) + 8);
    }

    int authorEnd(int doc) {
        return buf.getInt(docOffset(doc) + 12);
    }

    int feedEnd(int doc) {
        return buf.getInt(docOffset(doc) + 16);
    }

    /** The stored fields of a document as a hit. */
    Hit hit(int doc, int titleHits) {
        int[] at = {docOffset(doc) + 20};
        long published = published(doc);
        String id = string(at);
        String title = string(at);
        String link = string(at);
        String author = string(at);
        String feedName = string(at);
        return new Hit(source, id, title, link, author, feedName,
                published == Long.MIN_VALUE ? null : Instant.ofEpochMilli(published), titleHits);
    }
}
