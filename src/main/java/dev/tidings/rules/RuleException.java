package dev.tidings.rules;

/**
 * A rule that cannot be used, with the column (1-based) where the problem is:
 * {@code rule: column 9: expected a value, found end of rule}. The message is one line.
 */
public final class RuleException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int column;

    RuleException(int column, String problem) {
        super("rule: column " + column + ": " + problem);
        this.column = column;
    }

    /** The 1-based column of the problem. */
    public int column() {
        return column;
    }
}
