package dev.tidings.fetch;

/**
 * A feed source could not be read: missing file, directory, HTTP error, timeout, too large. The
 * message is one line naming the source and the problem, ready for stderr.
 *
 * <p>For an HTTP error answer (4xx/5xx) {@link #status()} is the status code and
 * {@link #retryAfter()} the raw Retry-After header, if any, so callers can tell 410 Gone or a
 * 429/503 back-off from other failures without parsing the message.
 */
public class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String retryAfter;
    private final byte[] errorBody;

    public SourceException(String message) {
        this(message, 0, null);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.retryAfter = null;
        this.errorBody = null;
    }

    /**
     * An HTTP error answer.
     *
     * @param message    one line naming the URL and the problem
     * @param status     the HTTP status code, or 0 when the failure was not an HTTP answer
     * @param retryAfter the Retry-After header as sent (seconds or an HTTP date), or null
     */
    public SourceException(String message, int status, String retryAfter) {
        this(message, status, retryAfter, null);
    }

    /**
     * An HTTP error answer with the start of its body, when it was JSON (an API's error document).
     *
     * @param errorBody at most 16 KiB of the body, or null
     */
    public SourceException(String message, int status, String retryAfter, byte[] errorBody) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
        this.errorBody = errorBody;
    }

    /** The start of a JSON error answer's body, or null. */
    public byte[] errorBody() {
        return errorBody;
    }

    /** The HTTP status code of an error answer; 0 when the failure was not an HTTP answer. */
    public int status() {
        return status;
    }

    /** The Retry-After header of an error answer as sent (seconds or an HTTP date), or null. */
    public String retryAfter() {
        return retryAfter;
    }
}
