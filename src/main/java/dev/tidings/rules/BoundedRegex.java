package dev.tidings.rules;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression compiled once, matched case-insensitively (as newsboat's {@code =~}) over
 * a view of the text that counts every character the matcher reads. Past {@link #STEP_LIMIT}
 * reads the match stops with {@link GaveUp}: a catastrophic pattern such as {@code (a+)+$} over a
 * 1 MB body costs a bounded, small time instead of hanging the reader. A pattern nested deeper
 * than {@link #MAX_GROUP_DEPTH} groups is refused when the rule is read (the JDK compiles and
 * matches groups by recursion), and a match that still runs out of stack gives up too.
 */
final class BoundedRegex {
    /** Characters one match may read: about 20-50 ms of work. */
    static final long STEP_LIMIT = 10_000_000L;
    static final int MAX_GROUP_DEPTH = 64;
    static final int MAX_LENGTH = 10_000;

    /** A match that read more than {@link #STEP_LIMIT} characters, or ran out of stack. */
    static final class GaveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GaveUp() {
            super(null, null, false, false);
        }
    }

    private final Pattern pattern;
    private final long limit;

    private BoundedRegex(Pattern pattern, long limit) {
        this.pattern = pattern;
        this.limit = limit;
    }

    /**
     * Compiles {@code regex}; {@code column} is where its value starts in the rule.
     *
     * @throws RuleException when it is not a valid pattern, too long or nested too deep
     */
    static BoundedRegex compile(String regex, int column) throws RuleException {
        return compile(regex, column, STEP_LIMIT);
    }

    static BoundedRegex compile(String regex, int column, long limit) throws RuleException {
        if (regex.length() > MAX_LENGTH) {
            throw new RuleException(column, "regular expression longer than " + MAX_LENGTH + " characters");
        }
        if (groupDepth(regex) > MAX_GROUP_DEPTH) {
            throw new RuleException(column, "regular expression nested deeper than " + MAX_GROUP_DEPTH + " groups");
        }
        try {
            return new BoundedRegex(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), limit);
        } catch (PatternSyntaxException e) {
            throw new RuleException(column, "bad regular expression: " + Lexer.shorten(e.getDescription()));
        } catch (StackOverflowError e) {
            throw new RuleException(column, "regular expression too complex");
        }
    }

    /** The deepest nesting of unescaped parentheses outside character classes. */
    static int groupDepth(String regex) {
        int depth = 0;
        int max = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                max = Math.max(max, ++depth);
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        return max;
    }

    /**
     * True when the pattern occurs in {@code text}.
     *
     * @throws GaveUp when the match reads more than the step limit or runs out of stack
     */
    boolean find(String text) {
        try {
            return pattern.matcher(new Counted(text, limit)).find();
        } catch (StackOverflowError e) {
            throw new GaveUp();
        }
    }

    String pattern() {
        return pattern.pattern();
    }

    /** The text as the matcher sees it: every {@code charAt} counts one step. */
    private static final class Counted implements CharSequence {
        private final String text;
        private final int offset;
        private final int length;
        private final long[] steps;
        private final long limit;

        Counted(String text, long limit) {
            this(text, 0, text.length(), new long[1], limit);
        }

        private Counted(String text, int offset, int length, long[] steps, long limit) {
            this.text = text;
            this.offset = offset;
            this.length = length;
            this.steps = steps;
            this.limit = limit;
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > limit) {
                throw new GaveUp();
            }
            return text.charAt(offset + index);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counted(text, offset + start, end - start, steps, limit);
        }

        @Override
        public String toString() {
            steps[0] += length;
            if (steps[0] > limit) {
                throw new GaveUp();
            }
            return text.substring(offset, offset + length);
        }
    }
}
