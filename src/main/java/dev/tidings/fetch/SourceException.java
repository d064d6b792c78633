package dev.tidings.fetch;

/**
 * A feed source could not be read: missing file, directory, HTTP error, timeout, too large. The
 * message is one line naming the source and the problem, ready for stderr.
 */
public class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
