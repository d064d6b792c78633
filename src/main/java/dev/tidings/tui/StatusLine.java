package dev.tidings.tui;

import dev.tidings.text.Sanitize;

/**
 * The bottom row and what lives in it: a message until the next key, the one-line prompt being
 * typed, a count typed before a key (5j), a yes/no question with the effect "y" runs, and the
 * full-URL overlay.
 */
final class StatusLine {
    private String status = "";
    private boolean error;
    private String urlOverlay;
    private ReaderState.Prompt prompt = ReaderState.Prompt.NONE;
    private final StringBuilder input = new StringBuilder();
    private final StringBuilder count = new StringBuilder();
    private String confirmQuestion = "";
    private ReaderState.Effect confirmEffect;

    /** Shows a message until the next key. */
    void show(String message, boolean isError) {
        status = Sanitize.line(message);
        error = isError;
    }

    void clear() {
        status = "";
        error = false;
    }

    /** Shows the count typed so far in place of the message. */
    void showCount() {
        status = count.toString();
    }

    String status() {
        return status;
    }

    boolean isError() {
        return error;
    }

    String urlOverlay() {
        return urlOverlay;
    }

    void showUrl(String url) {
        urlOverlay = url;
    }

    ReaderState.Prompt prompt() {
        return prompt;
    }

    /** Starts a prompt whose input begins with {@code text}. */
    void startPrompt(ReaderState.Prompt p, String text) {
        prompt = p;
        input.setLength(0);
        input.append(text);
    }

    void endPrompt() {
        prompt = ReaderState.Prompt.NONE;
    }

    StringBuilder input() {
        return input;
    }

    StringBuilder count() {
        return count;
    }

    /** Asks a yes/no question; "y" queues {@code effect}. */
    void confirm(String question, ReaderState.Effect effect) {
        confirmQuestion = Sanitize.line(question);
        confirmEffect = effect;
        prompt = ReaderState.Prompt.CONFIRM;
    }

    String confirmQuestion() {
        return confirmQuestion;
    }

    /** The confirmed effect, once: the question is answered. */
    ReaderState.Effect takeConfirmEffect() {
        ReaderState.Effect e = confirmEffect;
        confirmEffect = null;
        return e;
    }
}
