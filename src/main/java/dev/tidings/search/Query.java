package dev.tidings.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed search query: clauses that must all match (AND).
 *
 * <ul>
 *   <li>{@code word}: the word anywhere (title, authors, feed name, body);</li>
 *   <li>{@code "two words"}: the words next to each other, in that order;</li>
 *   <li>{@code word*}: any word starting with {@code word};</li>
 *   <li>{@code title:}, {@code author:}, {@code feed:} before any of these: only in that field.
 *       Another {@code name:} is just text ({@code http://x} searches for http and x).</li>
 * </ul>
 *
 * A word that is several terms ({@code e-mail}, {@code 東京}) is a phrase. Quotes left open close
 * at the end.
 *
 * <pre>parse("title:\"climate deal\" paris*") = [title:"climate deal", paris*]; parse("  ") throws</pre>
 */
public record Query(List<Clause> clauses) {
    /** Longest query taken, in characters. */
    public static final int MAX_LENGTH = 1_000;
    /** Most clauses taken. */
    public static final int MAX_CLAUSES = 32;

    /** Where a clause must match. */
    public enum Field { ANY, TITLE, AUTHOR, FEED }

    /**
     * One clause: its terms at their relative positions (one term is a word; more are a phrase);
     * a term marked {@link Tokens.Term#prefix()} stands for every term starting with it.
     */
    public record Clause(Field field, List<Tokens.Term> terms) {
        public Clause {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("a clause needs at least one term");
            }
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (field != Field.ANY) {
                sb.append(field.name().toLowerCase(Locale.ROOT)).append(':');
            }
            if (terms.size() > 1) {
                sb.append('"');
            }
            for (int i = 0; i < terms.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(terms.get(i).text()).append(terms.get(i).prefix() ? "*" : "");
            }
            if (terms.size() > 1) {
                sb.append('"');
            }
            return sb.toString();
        }
    }

    public Query {
        clauses = List.copyOf(clauses);
    }

    /**
     * Parses a query.
     *
     * @throws IllegalArgumentException with a one-line reason when the query has no word to search
     *                                  for, or is longer than {@value #MAX_LENGTH} characters
     */
    public static Query parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("query longer than " + MAX_LENGTH + " characters");
        }
        List<Clause> clauses = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n && clauses.size() < MAX_CLAUSES) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            Field field = Field.ANY;
            int colon = fieldEnd(text, i);
            if (colon > 0) {
                field = Field.valueOf(text.substring(i, colon).toUpperCase(Locale.ROOT));
                i = colon + 1;
            }
            String chunk;
            boolean quoted = i < n && text.charAt(i) == '"';
            if (quoted) {
                int close = text.indexOf('"', i + 1);
                chunk = text.substring(i + 1, close < 0 ? n : close);
                i = close < 0 ? n : close + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                chunk = text.substring(i, end);
                i = end;
            }
            boolean prefix = !quoted && chunk.endsWith("*");
            List<Tokens.Term> terms = Tokens.query(prefix ? chunk.substring(0, chunk.length() - 1) : chunk);
            if (terms.isEmpty()) {
                continue; // punctuation alone
            }
            if (prefix) {
                Tokens.Term last = terms.get(terms.size() - 1);
                terms = new ArrayList<>(terms);
                terms.set(terms.size() - 1, new Tokens.Term(last.text(), last.position(), true));
            }
            clauses.add(new Clause(field, terms));
        }
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException(text.isBlank() ? "empty query"
                    : "nothing to search for in \"" + text.strip() + "\" (only punctuation)");
        }
        return new Query(clauses);
    }

    /** The index of the ':' ending a known field name at {@code i}, or -1. */
    private static int fieldEnd(String text, int i) {
        for (Field f : Field.values()) {
            String name = f.name().toLowerCase(Locale.ROOT);
            if (f != Field.ANY && text.regionMatches(true, i, name, 0, name.length())
                    && i + name.length() < text.length() && text.charAt(i + name.length()) == ':'
                    && i + name.length() + 1 < text.length()
                    && !Character.isWhitespace(text.charAt(i + name.length() + 1))) {
                return i + name.length();
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Clause c : clauses) {
            sb.append(sb.length() == 0 ? "" : " ").append(c);
        }
        return sb.toString();
    }
}
