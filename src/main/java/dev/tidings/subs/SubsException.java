package dev.tidings.subs;

/**
 * A subscriptions file that cannot be read at all (malformed XML, entity declarations, not OPML).
 * The message is one line, "FILE:LINE: what", safe to print.
 */
public final class SubsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SubsException(String message) {
        super(message);
    }

    public SubsException(String message, Throwable cause) {
        super(message, cause);
    }
}
