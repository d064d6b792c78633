package dev.tidings.subs;

/** Reads a subscriptions file of either kind, told apart by content, never by name. */
public final class Import {
    private Import() {
    }

    /**
     * OPML when the first character after a byte order mark and whitespace is {@code <}; a
     * newsboat-style urls file otherwise.
     *
     * @throws SubsException when the content looks like XML but is not well-formed OPML
     */
    public static Subscriptions.Parsed importFile(byte[] bytes, String fileName) {
        if (looksLikeXml(bytes)) {
            return Opml.parse(bytes, fileName);
        }
        return Subscriptions.parse(Subscriptions.decode(bytes), fileName);
    }

    static boolean looksLikeXml(byte[] b) {
        int i = 0;
        int step = 1;
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            i = 3;
        } else if (b.length >= 2 && ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF)) {
            i = 3; // UTF-16BE: the low byte of each unit
            step = 2;
        } else if (b.length >= 2 && ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE)) {
            i = 2; // UTF-16LE
            step = 2;
        }
        for (; i < b.length; i += step) {
            int c = b[i] & 0xff;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                continue;
            }
            return c == '<';
        }
        return false;
    }
}
