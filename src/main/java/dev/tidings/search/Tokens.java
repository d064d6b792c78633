package dev.tidings.search;

import dev.tidings.text.Graphemes;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into search terms, the same way for articles and for queries.
 *
 * <ul>
 *   <li>A word is a run of letters, digits and combining marks in any script (Devanagari vowel
 *       signs and viramas, Arabic harakat); ZWNJ and ZWJ inside a word keep it together and are
 *       then dropped, so Persian {@code می‌خواهم} is found typed with or without the ZWNJ.</li>
 *   <li>Scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) are
 *       indexed as overlapping pairs of grapheme clusters plus the last cluster alone: {@code 東京都}
 *       is {@code 東京}, {@code 京都}, {@code 都}. A query of such text is the phrase of its pairs,
 *       so any substring of two or more clusters is found; one cluster alone is a prefix query.</li>
 *   <li>Each term is folded like {@link dev.tidings.text.Find}: NFC, then lower case; a term is cut
 *       at {@value #MAX_TERM} characters.</li>
 * </ul>
 *
 * <pre>terms("Un CAFÉ, s'il vous plaît") = [un, café, s, il, vous, plaît]; terms("") = []</pre>
 */
public final class Tokens {
    /** Longest term kept, in UTF-16 units; longer words are cut (hostile text has megabyte "words"). */
    public static final int MAX_TERM = 64;

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private Tokens() {
    }

    /** Receives terms with their positions. */
    public interface Sink {
        /** @return false to stop (a document's term limit) */
        boolean term(String term, int position);
    }

    /** A query term: {@code prefix} when a lone cluster of a script without spaces stands for every pair it starts. */
    public record Term(String text, int position, boolean prefix) {
    }

    /**
     * Feeds every term of {@code text} to {@code sink}, numbering from {@code start}.
     *
     * @return the position after the last term
     */
    public static int index(String text, int start, Sink sink) {
        return walk(text, start, sink, false);
    }

    /** The terms of a query word or phrase, positions from 0. */
    public static List<Term> query(String text) {
        List<Term> out = new ArrayList<>();
        walk(text, 0, (t, p) -> {
            out.add(new Term(t, p, false));
            return true;
        }, true);
        // a lone cluster of a script without spaces was given as a one-cluster term: make it a prefix
        List<Term> fixed = new ArrayList<>(out.size());
        for (Term t : out) {
            fixed.add(t.text().startsWith(LONE) ? new Term(t.text().substring(1), t.position(), true) : t);
        }
        return fixed;
    }

    /** The terms alone, for tests and the phrase check. */
    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        index(text, 0, (t, p) -> out.add(t));
        return out;
    }

    /** Marks a lone cluster in query mode (never part of folded text: a noncharacter). */
    private static final String LONE = "\uFDD0";

    private static int walk(String s, int start, Sink sink, boolean query) {
        int pos = start;
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            if (spaceless(cp)) {
                int end = i;
                List<String> clusters = new ArrayList<>();
                while (end < n && spaceless(s.codePointAt(end))) {
                    int next = Graphemes.next(s, end);
                    clusters.add(s.substring(end, next));
                    end = next;
                }
                // clusters.size() >= 1
                int k = clusters.size();
                if (k == 1) {
                    if (!sink.term(query ? LONE + fold(clusters.get(0)) : fold(clusters.get(0)), pos)) {
                        return pos;
                    }
                } else {
                    for (int c = 0; c + 1 < k; c++) {
                        if (!sink.term(fold(clusters.get(c) + clusters.get(c + 1)), pos + c)) {
                            return pos + c;
                        }
                    }
                    if (!query && !sink.term(fold(clusters.get(k - 1)), pos + k - 1)) {
                        return pos + k;
                    }
                }
                pos += k;
                i = end;
            } else if (wordChar(cp)) {
                int end = i;
                while (end < n) {
                    int c = s.codePointAt(end);
                    if (wordChar(c) && !spaceless(c)) {
                        end += Character.charCount(c);
                    } else if ((c == ZWNJ || c == ZWJ) && end + 1 < n && wordChar(s.codePointAt(end + 1))
                            && !spaceless(s.codePointAt(end + 1))) {
                        end += 1;
                    } else {
                        break;
                    }
                }
                if (!sink.term(fold(s.substring(i, end)), pos)) {
                    return pos;
                }
                pos++;
                i = end;
            } else {
                i += Character.charCount(cp);
            }
        }
        return pos;
    }

    /** NFC, lower case, ZWNJ/ZWJ dropped, at most {@link #MAX_TERM} units (never a split surrogate pair). */
    static String fold(String word) {
        String f;
        if (ascii(word)) {
            f = word.toLowerCase(Locale.ROOT);
        } else {
            f = Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            if (f.indexOf(ZWNJ) >= 0 || f.indexOf(ZWJ) >= 0) {
                f = f.replace("\u200C", "").replace("\u200D", "");
            }
        }
        if (f.length() > MAX_TERM) {
            int cut = Character.isHighSurrogate(f.charAt(MAX_TERM - 1)) ? MAX_TERM - 1 : MAX_TERM;
            f = f.substring(0, cut);
        }
        return f;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Letters, digits and marks of any script. */
    static boolean wordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    /** A letter or mark of a script written without spaces between words. */
    static boolean spaceless(int cp) {
        if (cp < 0x0E00) {
            return false;
        }
        if (!wordChar(cp) && cp != 0x3005 && cp != 0x30FC) { // 々 and ー are part of words
            return false;
        }
        Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
        switch (sc) {
            case HAN:
            case HIRAGANA:
            case KATAKANA:
            case THAI:
            case LAO:
            case KHMER:
            case MYANMAR:
            case TAI_THAM:
            case TAI_VIET:
                return true;
            case INHERITED:
            case COMMON:
                return cp == 0x3005 || cp == 0x30FC || (cp >= 0xFF66 && cp <= 0xFF9F);
            default:
                return false;
        }
    }
}
