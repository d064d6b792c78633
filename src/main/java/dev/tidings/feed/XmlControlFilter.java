package dev.tidings.feed;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Removes what XML 1.0 forbids but hostile or broken feeds carry raw: C0 control characters
 * (other than tab, newline, carriage return) and whole terminal escape sequences (CSI, OSC, DCS,
 * APC...) with their payload, so the XML parser neither fails on them nor passes them on.
 * A payload ends at its terminator or at the next '<', so markup is never swallowed.
 */
final class XmlControlFilter extends FilterReader {
    private static final int NORMAL = 0;
    private static final int ESC = 1;
    private static final int CSI = 2;
    private static final int STRING = 3;
    private static final int STRING_ESC = 4;

    private int state = NORMAL;

    XmlControlFilter(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        while (true) {
            int n = in.read(buf, off, len);
            if (n <= 0) {
                return n;
            }
            int w = filter(buf, off, n);
            if (w > 0) {
                return w;
            }
        }
    }

    private int filter(char[] buf, int off, int n) {
        int end = off + n;
        if (state == NORMAL) {
            int i = off;
            while (i < end) {
                char c = buf[i];
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    break;
                }
                i++;
            }
            if (i == end) {
                return n; // the usual case: nothing to remove, nothing copied
            }
        }
        int w = off;
        for (int i = off; i < end; i++) {
            char c = buf[i];
            switch (state) {
                case NORMAL:
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        if (c == 0x1b) {
                            state = ESC;
                        }
                        continue;
                    }
                    buf[w++] = c;
                    break;
                case ESC:
                    if (c == '[') {
                        state = CSI;
                    } else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
                        state = STRING;
                    } else if (c >= 0x20 && c <= 0x2f) {
                        // intermediate byte: stay
                    } else if (c == '<') {
                        state = NORMAL;
                        buf[w++] = c;
                    } else {
                        state = NORMAL; // final byte of a two-char escape: dropped
                    }
                    break;
                case CSI:
                    if (c >= 0x40 && c <= 0x7e) {
                        state = NORMAL;
                    } else if (c >= 0x20 && c <= 0x3f && c != '<') {
                        // parameter or intermediate: dropped
                    } else {
                        state = NORMAL;
                        i--; // not part of the sequence: read it again
                    }
                    break;
                case STRING:
                    if (c == 0x07) {
                        state = NORMAL;
                    } else if (c == 0x1b) {
                        state = STRING_ESC;
                    } else if (c == '<') {
                        state = NORMAL;
                        buf[w++] = c;
                    }
                    break;
                case STRING_ESC:
                    state = NORMAL;
                    if (c != '\\') {
                        i--;
                    }
                    break;
                default:
                    throw new IllegalStateException("state " + state);
            }
        }
        return w - off;
    }
}
