package dev.tidings.sync;

/** A sync failure, with a one-line message that names the account or server and never holds a secret. */
public final class SyncException extends Exception {
    /** What failed, for exit codes and for deciding whether to log in again. */
    public enum Kind {
        /** The server refused the credentials or the session token. */
        AUTH,
        /** The server answered with an error status (5xx, 4xx other than 401/403), or too slowly, too much. */
        SERVER,
        /** The server could not be reached. */
        NETWORK,
        /** The server answered something that is not the Google Reader API. */
        PROTOCOL,
        /** A local problem: the accounts file, a password source, the queue or state file. */
        LOCAL
    }

    private final Kind kind;

    public SyncException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SyncException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
