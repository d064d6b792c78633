package dev.tidings.store;

/**
 * The collections file cannot be used as asked: corrupt, of a newer version (read-only), not a
 * regular file, locked, or unwritable. The message is one line naming the file, the problem and
 * the way out.
 */
public class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of problem, for callers that offer a way out. */
    public enum Kind { CORRUPT, NEWER_VERSION, NOT_A_FILE, LOCKED, IO }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
