package dev.tidings.search;

import dev.tidings.io.BinaryOut;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Builds one segment file: the documents of one source (a feed, or the collections) with their
 * terms and positions. Layout (big-endian, see {@link Segment} for the reader):
 *
 * <pre>
 * "TDSG" version:int  stamp:str  source:str  docCount:int  termCount:int
 * docsTable:int termTable:int postings:int                      (offsets of the sections)
 * docs        per doc: published:long (Long.MIN_VALUE = none) titleEnd:int authorEnd:int feedEnd:int
 *             id:str title:str link:str author:str feedName:str
 * docsTable   int per doc: the offset of its record
 * terms       per term: length:u8 UTF-8 bytes, sorted by bytes
 * termTable   per term: termOffset:int postingsOffset:int
 * postings    per term: docs:varint, then per doc: docDelta:varint count:varint bytes:varint positionDeltas:varint...
 *             (bytes: the length of the position deltas, so a reader that needs only the documents
 *             or the first position skips the rest)
 * crc32:int   of everything before it
 * </pre>
 *
 * Positions run through the fields of a document in order, {@value #GAP} apart so a phrase never
 * spans two fields: title from 0, then authors, feed name, body.
 */
final class SegmentWriter {
    static final byte[] MAGIC = {'T', 'D', 'S', 'G'};
    static final int VERSION = 2;
    static final int GAP = 8;
    /** Characters of a body indexed; the rest of a longer one is not searchable. */
    static final int MAX_BODY_CHARS = 200_000;
    /** Term positions indexed per document. */
    static final int MAX_POSITIONS = 30_000;

    private SegmentWriter() {
    }

    /** The positions of one term: per document, the document, a count slot, then the positions. */
    private static final class Postings {
        int[] data = new int[8];
        int size;
        int lastDoc = -1;
        int countSlot;
        int docs;

        void add(int doc, int position) {
            if (doc != lastDoc) {
                ensure(3);
                data[size++] = doc;
                countSlot = size;
                data[size++] = 0;
                lastDoc = doc;
                docs++;
            }
            ensure(1);
            data[size++] = position;
            data[countSlot]++;
        }

        private void ensure(int more) {
            if (size + more > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
            }
        }
    }

    /** The segment's bytes. */
    static byte[] write(String source, String stamp, List<Doc> docs) {
        Map<String, Postings> terms = new HashMap<>();
        Out body = new Out(docs.size() * 160 + 256);
        int[] docOffsets = new int[docs.size()];
        for (int d = 0; d < docs.size(); d++) {
            Doc doc = docs.get(d);
            int docId = d;
            int[] left = {MAX_POSITIONS};
            Tokens.Sink sink = (t, p) -> {
                terms.computeIfAbsent(t, k -> new Postings()).add(docId, p);
                return --left[0] > 0;
            };
            int titleEnd = Tokens.index(doc.title(), 0, sink);
            int pos = titleEnd + GAP;
            for (String a : doc.authors()) {
                pos = Tokens.index(a, pos, sink) + GAP;
            }
            int authorEnd = pos;
            int feedEnd = Tokens.index(doc.feedName(), pos, sink);
            if (left[0] > 0) {
                Tokens.index(HtmlText.text(doc.bodyHtml(), MAX_BODY_CHARS), feedEnd + GAP, sink);
            }
            docOffsets[d] = body.size();
            body.longValue(doc.published() == null ? Long.MIN_VALUE : doc.published().toEpochMilli());
            body.intValue(titleEnd);
            body.intValue(authorEnd);
            body.intValue(feedEnd);
            body.string(doc.id());
            body.string(doc.title());
            body.string(doc.link());
            body.string(String.join(", ", doc.authors()));
            body.string(doc.feedName());
        }
        byte[][] keys = new byte[terms.size()][];
        Postings[] lists = new Postings[terms.size()];
        String[] names = terms.keySet().toArray(new String[0]);
        for (int i = 0; i < names.length; i++) {
            keys[i] = names[i].getBytes(StandardCharsets.UTF_8);
        }
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(keys[a], keys[b]));
        byte[][] sorted = new byte[keys.length][];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = keys[order[i]];
            lists[i] = terms.get(names[order[i]]);
        }

        Out header = new Out(256);
        header.raw(MAGIC);
        header.intValue(VERSION);
        header.string(stamp);
        header.string(source);
        header.intValue(docs.size());
        header.intValue(sorted.length);
        int sectionsAt = header.size();
        header.intValue(0);
        header.intValue(0);
        header.intValue(0);
        int docsAt = header.size();

        Out out = new Out(docsAt + body.size() + sorted.length * 24 + 1024);
        out.raw(header.bytes());
        out.raw(body.bytes());
        int docsTable = out.size();
        for (int off : docOffsets) {
            out.intValue(docsAt + off);
        }
        int[] termOffsets = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            termOffsets[i] = out.size();
            out.raw(new byte[] {(byte) sorted[i].length});
            out.raw(sorted[i]);
        }
        Out post = new Out(sorted.length * 8 + 1024);
        Out block = new Out(64);
        int[] postOffsets = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            postOffsets[i] = post.size();
            Postings p = lists[i];
            post.varint(p.docs);
            int prevDoc = 0;
            int at = 0;
            while (at < p.size) {
                int doc = p.data[at];
                int count = p.data[at + 1];
                post.varint(doc - prevDoc);
                post.varint(count);
                prevDoc = doc;
                int prevPos = 0;
                block.reset();
                for (int c = 0; c < count; c++) {
                    int position = p.data[at + 2 + c];
                    block.varint(position - prevPos);
                    prevPos = position;
                }
                post.varint(block.size());
                post.write(block.buffer(), 0, block.size());
                at += 2 + count;
            }
        }
        int termTable = out.size();
        int postings = termTable + sorted.length * 8;
        for (int i = 0; i < sorted.length; i++) {
            out.intValue(termOffsets[i]);
            out.intValue(postings + postOffsets[i]);
        }
        out.raw(post.bytes());
        byte[] bytes = out.bytes();
        putInt(bytes, sectionsAt, docsTable);
        putInt(bytes, sectionsAt + 4, termTable);
        putInt(bytes, sectionsAt + 8, postings);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        byte[] withCrc = Arrays.copyOf(bytes, bytes.length + 4);
        putInt(withCrc, bytes.length, (int) crc.getValue());
        return withCrc;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /** The segment's buffer: {@link BinaryOut}'s encodings, strings with an int length. */
    private static final class Out extends BinaryOut {
        Out(int size) {
            super(size);
        }

        byte[] bytes() {
            return buf.length == count ? buf : toByteArray();
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            intValue(b.length);
            raw(b);
        }
    }
}
