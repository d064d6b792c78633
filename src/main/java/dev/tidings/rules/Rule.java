package dev.tidings.rules;

import java.time.Clock;
import java.time.ZoneId;

/**
 * A rule read once and then tested against many articles:
 * <pre>
 * Rule r = Rule.parse("unread = yes and (title =~ \"rust\" or tags # linux) and age &lt; 7d");
 * r.test(view)   // true when the article matches
 * </pre>
 * Parsing checks everything (fields, operators, values, regexes, nesting); testing never throws.
 * A regex that reads more than {@link BoundedRegex#STEP_LIMIT} characters of one field gives up:
 * that condition counts as no match and {@link #takeProblem()} says so, once. Safe to share
 * between threads.
 */
public final class Rule {
    /** Rules longer than this are refused before they are read. */
    public static final int MAX_LENGTH = 1 << 20;

    private final String text;
    private final Node root;
    private final Trouble trouble;

    private Rule(String text, Node root, Trouble trouble) {
        this.text = text;
        this.root = root;
        this.trouble = trouble;
    }

    /** Reads a rule; ages count from the system clock, dates are days in the system's time zone. */
    public static Rule parse(String text) throws RuleException {
        return parse(text, Clock.systemUTC(), ZoneId.systemDefault());
    }

    /**
     * Reads a rule; {@code age} counts from {@code clock} when tested, a date such as 2026-11-01
     * is that day in {@code zone}.
     *
     * @throws RuleException what is wrong and at which column
     */
    public static Rule parse(String text, Clock clock, ZoneId zone) throws RuleException {
        if (text == null) {
            throw new RuleException(1, "expected a rule, found nothing");
        }
        if (text.length() > MAX_LENGTH) {
            throw new RuleException(MAX_LENGTH + 1, "rule longer than " + MAX_LENGTH + " characters");
        }
        Trouble trouble = new Trouble();
        Node root = new Parser(Lexer.tokens(text), new Conditions(clock, zone), trouble).parse();
        return new Rule(text, root, trouble);
    }

    /** True when the article matches. Never throws: a condition that gave up is no match. */
    public boolean test(ItemView v) {
        return root.test(v);
    }

    /** The rule as written. */
    public String text() {
        return text;
    }

    /** True when the rule reads the body ({@code content}): callers may then need full articles. */
    public boolean usesContent() {
        return root.mentions(Field.CONTENT);
    }

    /** True when some condition reads the field of this name ("tags", "collection"; newsboat's names too). */
    public boolean mentions(String field) {
        Field f = Field.byName(field);
        return f != null && root.mentions(f);
    }

    /** True when whether an article matches can change with its read mark. */
    public boolean usesReadState() {
        return root.mentions(Field.UNREAD);
    }

    /**
     * "rule gave up on content =~ "(a+)+$" at column 1 (too slow); counted as no match" the first
     * time any test gave up; null otherwise, and on every later call.
     */
    public String takeProblem() {
        return trouble.take();
    }

    @Override
    public String toString() {
        return text;
    }
}
