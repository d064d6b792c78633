package dev.tidings.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * The quick read of the collections file for the browser, and the byte-level helpers it shares
 * with the strict read. The header (format, version, collections) is read strictly by
 * {@link WireReader}; the articles section only by a byte scan that must agree with Jackson on
 * where each value ends and what each key is. Whenever anything looks unusual the scan answers
 * "no" and the caller does the strict read, which reports the problem.
 */
final class WireScanner {
    private WireScanner() {
    }

    /**
     * The header of a file (format, version, collections) read strictly, and the keys of its
     * articles found by a byte scan that checks the articles section is balanced, has no NUL or
     * other control bytes and no key twice. Null when the file does not have the layout Tidings
     * writes (articles after collections, nothing after articles) or anything at all looks wrong:
     * the caller then reads the file strictly, which reports the problem.
     */
    static Dto.FileDto index(byte[] b, Set<String> articleKeys) {
        if (b.length == 0) {
            return null;
        }
        try (JsonParser p = Wire.FACTORY.createParser(b)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Dto.FileDto f = new Dto.FileDto();
            while (true) {
                if (p.nextToken() != JsonToken.FIELD_NAME) {
                    return null; // no "articles"
                }
                String name = p.currentName();
                p.nextToken();
                if (name.equals("articles")) {
                    break;
                }
                switch (name) {
                    case "format" -> f.format = WireReader.string(p, true);
                    case "version" -> f.version = WireReader.integer(p);
                    case "collections" -> f.collections = WireReader.collections(p);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.START_OBJECT || f.collections == null) {
                return null;
            }
            int end = scanArticles(b, (int) p.currentTokenLocation().getByteOffset(), articleKeys);
            if (end < 0) {
                return null;
            }
            // nothing after the articles but the end of the document
            int i = skipSpace(b, end);
            if (i >= b.length || b[i] != '}') {
                return null;
            }
            return skipSpace(b, i + 1) == b.length ? f : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int skipSpace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * Scans the articles object starting at {@code b[start] == '{'}: each member a key and an
     * object, nesting balanced, strings closed, no control byte in a string and none but white
     * space outside. Adds the keys; returns the index after the closing brace, or -1.
     */
    static int scanArticles(byte[] b, int start, Set<String> keys) {
        int n = b.length;
        int i = skipSpace(b, start + 1);
        if (i < n && b[i] == '}') {
            return i + 1;
        }
        while (true) {
            if (i >= n || b[i] != '"') {
                return -1;
            }
            int close = endOfString(b, i);
            if (close < 0) {
                return -1;
            }
            String key = key(b, i, close);
            if (key == null || !keys.add(key)) {
                return -1;
            }
            i = skipSpace(b, close + 1);
            if (i >= n || b[i] != ':') {
                return -1;
            }
            i = skipSpace(b, i + 1);
            if (i >= n || b[i] != '{') {
                return -1;
            }
            i = endOfValue(b, i);
            if (i < 0) {
                return -1;
            }
            i = skipSpace(b, i);
            if (i >= n) {
                return -1;
            }
            if (b[i] == '}') {
                return i + 1;
            }
            if (b[i] != ',') {
                return -1;
            }
            i = skipSpace(b, i + 1);
        }
    }

    /** {@code b[open] == '"'}: the index of the closing quote, or -1. */
    private static int endOfString(byte[] b, int open) {
        for (int i = open + 1, n = b.length; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                i++;
            } else if (c < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    /** An object or array at {@code b[open]}: the index after its end, or -1. */
    private static int endOfValue(byte[] b, int open) {
        int depth = 0;
        for (int i = open, n = b.length; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == '"') {
                i = endOfString(b, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '{' || c == '[') {
                if (++depth > 60) {
                    return -1;
                }
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    return i + 1;
                }
            } else if (c < 0x20 && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return -1;
            }
        }
        return -1;
    }

    /** The key quoted at {@code b[open, close]}; null when it cannot be decoded. */
    private static String key(byte[] b, int open, int close) {
        for (int i = open + 1; i < close; i++) {
            if (b[i] == '\\' || b[i] < 0) {
                try (JsonParser p = Wire.FACTORY.createParser(b, open, close - open + 1)) {
                    return p.nextToken() == JsonToken.VALUE_STRING ? p.getText() : null;
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return new String(b, open + 1, close - open - 1, StandardCharsets.ISO_8859_1);
    }

    /** The JSON in {@code b[from, from + len)} without the white space between tokens. */
    static byte[] compact(byte[] b, int from, int len) {
        byte[] out = new byte[len];
        int n = 0;
        boolean inString = false;
        for (int i = from, end = from + len; i < end; i++) {
            byte c = b[i];
            if (inString) {
                out[n++] = c;
                if (c == '\\') {
                    out[n++] = b[++i];
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out[n++] = c;
            } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                out[n++] = c;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
