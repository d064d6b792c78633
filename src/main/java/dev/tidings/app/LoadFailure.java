package dev.tidings.app;

/**
 * A source that could not be used.
 *
 * @param source  what the user named
 * @param message one line: what went wrong
 * @param kind    which exit code family it belongs to
 */
public record LoadFailure(String source, String message, Kind kind) {
    public enum Kind {
        /** The bytes could not be read (missing file, HTTP error, timeout). */
        UNREADABLE,
        /** The bytes are not a valid feed, or break a safety limit. */
        INVALID
    }
}
