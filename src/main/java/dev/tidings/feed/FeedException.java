package dev.tidings.feed;

/** The bytes could be read but are not a feed Tidings can use; the message says why, in one line. */
public class FeedException extends Exception {
    private static final long serialVersionUID = 1L;

    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
