package dev.tidings.search;

/**
 * The words of an article body for the index: tags become spaces, {@code <script>} and
 * {@code <style>} contents and comments are skipped, character references are decoded (numeric
 * ones and the common named ones; any other named one is a space). One pass, linear time, never
 * throws, whatever the markup; it is not a renderer, only good enough to find words.
 *
 * <pre>text("&lt;p&gt;Caf&amp;eacute; &amp;amp; more&lt;/p&gt;") = " Café & more "; text("") = ""</pre>
 */
public final class HtmlText {
    private HtmlText() {
    }

    /** Plain text of at most {@code max} characters (a longer body is cut: the rest is not indexed). */
    public static String text(String html, int max) {
        int n = html.length();
        StringBuilder out = new StringBuilder(Math.min(n, max));
        int i = 0;
        while (i < n && out.length() < max) {
            char c = html.charAt(i);
            if (c == '<' && i + 1 < n) {
                char d = html.charAt(i + 1);
                if (html.startsWith("<!--", i)) {
                    int end = html.indexOf("-->", i + 4);
                    i = end < 0 ? n : end + 3;
                    out.append(' ');
                } else if (Character.isLetter(d) || d == '/' || d == '!' || d == '?') {
                    int end = html.indexOf('>', i + 1);
                    if (end < 0) {
                        break;
                    }
                    String skipTo = rawTextEnd(html, i + 1);
                    i = end + 1;
                    if (skipTo != null) {
                        int close = indexOfIgnoreCase(html, skipTo, i);
                        i = close < 0 ? n : close;
                    }
                    out.append(' ');
                } else {
                    out.append(c);
                    i++;
                }
            } else if (c == '&') {
                i = reference(html, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** "</script" or "</style" when the tag at {@code at} opens one of them, else null. */
    private static String rawTextEnd(String html, int at) {
        if (html.regionMatches(true, at, "script", 0, 6) && !letterAt(html, at + 6)) {
            return "</script";
        }
        if (html.regionMatches(true, at, "style", 0, 5) && !letterAt(html, at + 5)) {
            return "</style";
        }
        return null;
    }

    private static boolean letterAt(String s, int i) {
        return i < s.length() && Character.isLetterOrDigit(s.charAt(i));
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        char first = what.charAt(0);
        for (int i = s.indexOf(first, from); i >= 0; i = s.indexOf(first, i + 1)) {
            if (s.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Decodes the reference at {@code i} (an '&') into {@code out}; returns where to go on. */
    private static int reference(String s, int i, StringBuilder out) {
        int n = s.length();
        int end = i + 1;
        while (end < n && end - i <= 32 && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '#')) {
            end++;
        }
        if (end >= n || s.charAt(end) != ';' || end == i + 1) {
            out.append('&');
            return i + 1;
        }
        String name = s.substring(i + 1, end);
        if (name.charAt(0) == '#') {
            int cp = -1;
            try {
                cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
            } catch (NumberFormatException e) {
                cp = -1;
            }
            if (cp > 0 && cp <= Character.MAX_CODE_POINT && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                out.appendCodePoint(cp);
            } else {
                out.append(' ');
            }
            return end + 1;
        }
        out.append(named(name));
        return end + 1;
    }

    private static String named(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": case "rsquo": case "lsquo": return "'";
            case "eacute": return "é";
            case "egrave": return "è";
            case "agrave": return "à";
            case "aacute": return "á";
            case "ccedil": return "ç";
            case "ouml": return "ö";
            case "uuml": return "ü";
            case "auml": return "ä";
            case "szlig": return "ß";
            case "oacute": return "ó";
            case "iacute": return "í";
            case "uacute": return "ú";
            case "ntilde": return "ñ";
            case "shy": case "zwj": return "";
            case "zwnj": return "\u200C";
            default: return " "; // nbsp, dashes, quotes and the rest: a word boundary
        }
    }
}
