package dev.tidings.store;

/**
 * A request about collections that cannot be done: no such collection, a name that is empty, too
 * long, has control characters or is taken. The file is fine; the message says what would work.
 */
public class CollectionException extends Exception {
    private static final long serialVersionUID = 1L;

    public CollectionException(String message) {
        super(message);
    }
}
