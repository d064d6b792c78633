package dev.tidings.feed;

import java.util.Locale;

/**
 * Checks the XML prolog (everything before the root element) before any parser sees it: a DOCTYPE
 * that declares entities is refused (XXE, billion laughs). The StAX parser does not expand them
 * with our settings, but a feed that declares them is hostile or broken, and the user is told.
 * A plain DOCTYPE naming an external DTD is fine: the DTD is never fetched.
 */
final class Prolog {
    private Prolog() {
    }

    /**
     * @param head     the start of the document, decoded leniently (ASCII-compatible)
     * @param complete true when {@code head} is the whole document
     */
    static void check(String head, boolean complete) throws FeedException {
        int i = 0;
        int n = head.length();
        while (true) {
            while (i < n && Character.isWhitespace(head.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return; // no root found in the head: the parser will say what is wrong
            }
            if (head.startsWith("<?", i)) {
                int end = head.indexOf("?>", i + 2);
                if (end < 0) {
                    return;
                }
                i = end + 2;
            } else if (head.startsWith("<!--", i)) {
                int end = head.indexOf("-->", i + 4);
                if (end < 0) {
                    return;
                }
                i = end + 3;
            } else if (head.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                int end = doctypeEnd(head, i + 9);
                if (end < 0) {
                    if (!complete) {
                        throw new FeedException("refused: the feed's DOCTYPE is larger than "
                                + head.length() / 1024 + " KB (entity declarations are not allowed)");
                    }
                    end = n;
                }
                String doctype = head.substring(i, end).toUpperCase(Locale.ROOT);
                if (doctype.contains("<!ENTITY")) {
                    throw new FeedException("refused: the feed declares XML entities in its DOCTYPE"
                            + " (XXE or billion-laughs attack)");
                }
                i = end;
            } else {
                return; // the root element (or junk the parser will report)
            }
        }
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
