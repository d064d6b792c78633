package dev.tidings.store;

import dev.tidings.io.BinaryOut;
import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import dev.tidings.text.Sanitize;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The compact headline index written next to a cached feed body ({@code <key>.idx}): the feed's
 * title and, per item, what the headline list, unread counts, the filter and read-state matching
 * need (id, title, link, dates, authors, categories) without bodies, enclosures or images.
 * Reading 200 of them is what an offline start costs instead of parsing 68 MB of XML.
 *
 * <pre>
 * "TIDX" version(1 byte)
 * bodyLength(long) bodySha256(32 bytes)       the body this index was built from
 * format title link description image         strings: varint byte length + UTF-8
 * itemCount(varint), per item: id title link published updated authors[] categories[]
 *   instant: 0 = null, 1 = seconds(long) nanos(int)
 *   list: varint count + strings
 * crc32 of everything before it (int)
 * </pre>
 *
 * An index is used only when its body length and SHA-256 equal the meta's, so a body replaced by a
 * refresh or another process makes it stale; a truncated or damaged one fails its CRC or a bounds
 * check. Either way {@link #read} returns null and the caller parses the body. The strings are
 * sanitized again when read: the file is data, not trusted output.
 */
final class HeadlineIndex {
    static final int VERSION = 1;
    private static final byte[] MAGIC = {'T', 'I', 'D', 'X'};
    /** Refuse absurd counts before allocating for them (a damaged length field). */
    private static final int MAX_ITEMS = 1_000_000;

    private HeadlineIndex() {
    }

    /** The index of a headline feed built from the body with this length and SHA-256. */
    static byte[] write(Feed feed, long bodyLength, byte[] bodySha256) {
        Out out = new Out(64 + feed.items().size() * 160);
        out.raw(MAGIC);
        out.write(VERSION);
        out.longValue(bodyLength);
        out.raw(bodySha256);
        out.string(feed.format().name());
        out.string(feed.title());
        out.string(feed.link());
        out.string(feed.description());
        out.string(feed.image());
        out.varint(feed.items().size());
        for (Item i : feed.items()) {
            out.string(i.id());
            out.string(i.title());
            out.string(i.link());
            out.instant(i.published());
            out.instant(i.updated());
            out.strings(i.authors());
            out.strings(i.categories());
        }
        CRC32 crc = new CRC32();
        crc.update(out.buffer(), 0, out.size());
        out.intValue((int) crc.getValue());
        return out.toByteArray();
    }

    /**
     * The headline feed in {@code bytes}, or null when it is not an index of the body with this
     * length and SHA-256, or is damaged in any way. Never throws.
     */
    static Feed read(byte[] bytes, long bodyLength, byte[] bodySha256) {
        try {
            return parse(bytes, bodyLength, bodySha256);
        } catch (RuntimeException e) {
            return null; // any damage the checks below did not name: parse the body instead
        }
    }

    private static Feed parse(byte[] b, long bodyLength, byte[] bodySha256) {
        if (b == null || b.length < MAGIC.length + 1 + 8 + 32 + 4
                || !Arrays.equals(b, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        In in = new In(b, b.length - 4);
        int stored = (b[b.length - 4] & 0xff) << 24 | (b[b.length - 3] & 0xff) << 16
                | (b[b.length - 2] & 0xff) << 8 | (b[b.length - 1] & 0xff);
        if ((int) crc.getValue() != stored) {
            return null; // cut short or damaged
        }
        in.pos = MAGIC.length;
        if (in.u8() != VERSION) {
            return null;
        }
        if (in.longValue() != bodyLength || !Arrays.equals(b, in.pos, in.pos + 32, bodySha256, 0, 32)) {
            return null; // built from another body: stale
        }
        in.pos += 32;
        FeedFormat format = FeedFormat.valueOf(in.string());
        String title = in.line();
        String link = in.line();
        String description = in.line();
        String image = in.line();
        int n = in.varint();
        if (n > MAX_ITEMS) {
            return null;
        }
        List<Item> items = new ArrayList<>(Math.min(n, 4096));
        for (int k = 0; k < n; k++) {
            String id = in.line();
            String itemTitle = in.line();
            String itemLink = in.line();
            Instant published = in.instant();
            Instant updated = in.instant();
            List<String> authors = in.lines();
            List<String> categories = in.lines();
            if (id.isEmpty()) {
                return null;
            }
            items.add(new Item(id, itemTitle, itemLink, published, updated, authors, categories, "", "",
                    List.of(), List.of()));
        }
        if (in.pos != in.end) {
            return null; // trailing bytes: not what we wrote
        }
        return new Feed(format, title, link, description, image, items);
    }

    /** The index's buffer: {@link BinaryOut}'s encodings, strings with a varint length. */
    private static final class Out extends BinaryOut {
        Out(int size) {
            super(size);
        }

        void string(String s) {
            byte[] u = s.getBytes(StandardCharsets.UTF_8);
            varint(u.length);
            write(u, 0, u.length);
        }

        void strings(List<String> list) {
            varint(list.size());
            for (String s : list) {
                string(s);
            }
        }

        void instant(Instant i) {
            if (i == null) {
                write(0);
                return;
            }
            write(1);
            longValue(i.getEpochSecond());
            intValue(i.getNano());
        }
    }

    /** Bounds-checked reads; running past {@code end} throws, which {@link #read} turns into null. */
    private static final class In {
        final byte[] b;
        final int end;
        int pos;

        In(byte[] b, int end) {
            this.b = b;
            this.end = end;
        }

        int u8() {
            if (pos >= end) {
                throw new IndexOutOfBoundsException("index cut short");
            }
            return b[pos++] & 0xff;
        }

        int varint() {
            int v = 0;
            for (int shift = 0; shift < 32; shift += 7) {
                int x = u8();
                v |= (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    if (v < 0) {
                        throw new IllegalStateException("negative length");
                    }
                    return v;
                }
            }
            throw new IllegalStateException("varint too long");
        }

        int intValue() {
            return u8() << 24 | u8() << 16 | u8() << 8 | u8();
        }

        long longValue() {
            return (long) intValue() << 32 | (intValue() & 0xffffffffL);
        }

        String string() {
            int n = varint();
            if (n > end - pos) {
                throw new IndexOutOfBoundsException("string runs past the end");
            }
            String s = new String(b, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        /**
         * A one-line string, sanitized again: the file could have been written by anyone. Plain
         * printable ASCII without leading, trailing or doubled spaces (nearly every id, link and
         * headline) is what {@link Sanitize#line} returns unchanged, so it skips the second scan.
         */
        String line() {
            int n = varint();
            if (n > end - pos) {
                throw new IndexOutOfBoundsException("string runs past the end");
            }
            int from = pos;
            pos += n;
            boolean plain = n == 0 || (b[from] != ' ' && b[from + n - 1] != ' ');
            for (int i = from; plain && i < from + n; i++) {
                int c = b[i];
                plain = c >= 0x20 && c < 0x7f && (c != ' ' || b[i + 1] != ' ');
            }
            return plain ? new String(b, from, n, StandardCharsets.ISO_8859_1)
                    : Sanitize.line(new String(b, from, n, StandardCharsets.UTF_8));
        }

        List<String> lines() {
            int n = varint();
            if (n == 0) {
                return List.of();
            }
            if (n > end - pos) {
                throw new IndexOutOfBoundsException("list runs past the end");
            }
            List<String> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                out.add(line());
            }
            return out;
        }

        Instant instant() {
            int tag = u8();
            if (tag == 0) {
                return null;
            }
            if (tag != 1) {
                throw new IllegalStateException("bad instant tag");
            }
            long seconds = longValue();
            int nanos = intValue();
            return Instant.ofEpochSecond(seconds, nanos); // out of range throws: a damaged index
        }
    }
}
