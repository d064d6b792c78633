package dev.tidings.io;

import java.io.ByteArrayOutputStream;

/**
 * A growing byte buffer with the encodings of Tidings' binary files (the feed cache's headline
 * index, the search index's segments): big-endian ints and longs, and unsigned LEB128 varints.
 * Each file adds its own string and record encodings on top.
 */
public class BinaryOut extends ByteArrayOutputStream {
    public BinaryOut(int size) {
        super(size);
    }

    /** The backing array, valid up to {@link #size()}: for checksums without a copy. */
    public byte[] buffer() {
        return buf;
    }

    public void raw(byte[] b) {
        write(b, 0, b.length);
    }

    public void intValue(int v) {
        write(v >>> 24);
        write(v >>> 16);
        write(v >>> 8);
        write(v);
    }

    public void longValue(long v) {
        intValue((int) (v >>> 32));
        intValue((int) v);
    }

    /** Seven bits a byte, lowest first; the high bit says another byte follows. */
    public void varint(int v) {
        while ((v & ~0x7F) != 0) {
            write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        write(v);
    }
}
