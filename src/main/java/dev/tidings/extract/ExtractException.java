package dev.tidings.extract;

/** No article could be extracted; the message is a one-line reason ("the page is mostly links"). */
public class ExtractException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExtractException(String message) {
        super(message);
    }
}
