package dev.tidings.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text search as a reader expects it: case-insensitive and canonical (NFC) on both sides, so
 * {@code naïve} typed precomposed finds {@code nai\u0308ve} stored decomposed; ZWNJ and ZWJ are
 * part of the text and must match. Matches are whole grapheme clusters of the original text.
 *
 * <pre>contains("Un café crème", "CAFÉ") = true, ranges("e\u0301té", "été") = [[0, 4]], fold("") = ""</pre>
 */
public final class Find {
    private Find() {
    }

    /** NFC, then lower case: the form both sides are compared in. */
    public static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** True when {@code text} contains {@code needle} (as given to {@link #fold} or not). */
    public static boolean contains(String text, String needle) {
        String q = fold(needle);
        return q.isEmpty() || (simple(text) ? lower(text) : folded(text, null, null)).contains(q);
    }

    /** The [start, end) ranges in {@code text} (original indexes, whole clusters) that match. */
    public static List<int[]> ranges(String text, String needle) {
        String q = fold(needle);
        List<int[]> out = new ArrayList<>();
        if (q.isEmpty()) {
            return out;
        }
        if (simple(text)) {
            String l = lower(text);
            for (int at = l.indexOf(q); at >= 0; at = l.indexOf(q, at + q.length())) {
                out.add(new int[] {at, at + q.length()});
            }
            return out;
        }
        int[] starts = new int[text.length() * 3 + 4];
        int[] ends = new int[starts.length];
        String f = folded(text, starts, ends);
        for (int at = f.indexOf(q); at >= 0; at = f.indexOf(q, at + q.length())) {
            out.add(new int[] {starts[at], ends[at + q.length() - 1]});
        }
        return out;
    }

    /** No character that NFC or lower-casing could merge, split or lengthen. */
    private static boolean simple(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x300 || c == 0x130) {
                return false;
            }
        }
        return true;
    }

    private static String lower(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            cs[i] = Character.toLowerCase(cs[i]);
        }
        return new String(cs);
    }

    /** The folded text cluster by cluster; for each folded char, its cluster's original start and end. */
    private static String folded(String text, int[] starts, int[] ends) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int end = Graphemes.next(text, i);
            String f = fold(text.substring(i, end));
            if (starts != null) {
                for (int k = 0; k < f.length() && sb.length() + k < starts.length; k++) {
                    starts[sb.length() + k] = i;
                    ends[sb.length() + k] = end;
                }
            }
            sb.append(f);
            i = end;
        }
        return sb.toString();
    }
}
