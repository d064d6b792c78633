package dev.tidings.text;

import java.util.Locale;

/**
 * The one check, for feeds and OPML alike, that refuses XML whose DOCTYPE declares entities (XXE,
 * billion laughs) before any parser sees it. The safe StAX factories ({@link SafeXml}) would not
 * expand them, but a document that declares them is hostile or broken and the user is told. A
 * plain DOCTYPE naming an external DTD (old RSS 0.91, OPML 1.0) passes: the DTD is never fetched.
 *
 * <p>Only the prolog is read (byte order mark, white space, XML declaration, processing
 * instructions, comments, DOCTYPE); the scan stops at the root element, in linear time.
 */
public final class XmlDoctype {
    private XmlDoctype() {
    }

    /** Why a prolog was refused, with where (char indexes into the text checked). */
    public record Refusal(Kind kind, int doctypeAt, int entityAt) {
    }

    public enum Kind {
        /** The DOCTYPE's internal subset declares an entity ({@code <!ENTITY}). */
        ENTITIES,
        /** The DOCTYPE does not end within the text checked, which is not the whole document. */
        TOO_LARGE
    }

    /**
     * Checks the start of a document: null when it may be parsed.
     * <pre>{@code
     * check("<?xml version='1.0'?><!DOCTYPE rss SYSTEM 'x.dtd'><rss/>", true)  -> null
     * check("<!DOCTYPE r [<!ENTITY a 'x'>]><r/>", true)  -> Refusal(ENTITIES, 0, 14)
     * check("", true) -> null (the parser says what is wrong)
     * }</pre>
     *
     * @param head     the start of the document, decoded leniently (any ASCII-compatible reading;
     *                 UTF-16 with its zero bytes dropped)
     * @param complete true when {@code head} is the whole document
     */
    public static Refusal check(String head, boolean complete) {
        int n = head.length();
        int i = byteOrderMark(head);
        while (true) {
            while (i < n && Character.isWhitespace(head.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return null;
            }
            if (head.startsWith("<?", i)) {
                int end = head.indexOf("?>", i + 2);
                if (end < 0) {
                    return null;
                }
                i = end + 2;
            } else if (head.startsWith("<!--", i)) {
                int end = head.indexOf("-->", i + 4);
                if (end < 0) {
                    return null;
                }
                i = end + 3;
            } else if (head.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                int end = doctypeEnd(head, i + 9);
                if (end < 0) {
                    if (!complete) {
                        return new Refusal(Kind.TOO_LARGE, i, -1);
                    }
                    end = n;
                }
                int entity = indexOfIgnoreCase(head, "<!ENTITY", i, end);
                if (entity >= 0) {
                    return new Refusal(Kind.ENTITIES, i, entity);
                }
                i = end;
            } else {
                return null; // the root element (or junk the parser will report)
            }
        }
    }

    /** For the DOCTYPE text a StAX parser reports as its DTD event: true when it declares entities. */
    public static boolean declaresEntities(String doctype) {
        return doctype != null && doctype.toUpperCase(Locale.ROOT).contains("<!ENTITY");
    }

    /** Chars of a byte order mark at the start, however the bytes were decoded. */
    private static int byteOrderMark(String s) {
        if (s.startsWith("\uFEFF")) {
            return 1;
        }
        if (s.startsWith("\u00EF\u00BB\u00BF")) {
            return 3;
        }
        if (s.startsWith("\u00FE\u00FF") || s.startsWith("\u00FF\u00FE")) {
            return 2;
        }
        return 0;
    }

    private static int indexOfIgnoreCase(String s, String what, int from, int to) {
        for (int i = from; i + what.length() <= to; i++) {
            if (s.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Index after the DOCTYPE's closing '>', honouring quotes and the [internal subset]; -1 if cut off. */
    private static int doctypeEnd(String s, int i) {
        int bracket = 0;
        char quote = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                bracket++;
            } else if (c == ']') {
                bracket--;
            } else if (c == '>' && bracket <= 0) {
                return i + 1;
            }
        }
        return -1;
    }
}
