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

    /** A key while a prompt is open: typed into it, or Enter/Esc hand the text to {@code top}. */
    void promptKey(String name, ScreenState top, Session session) {
        ReaderState.Prompt p = prompt;
        if (p == ReaderState.Prompt.CONFIRM) {
            endPrompt();
            ReaderState.Effect effect = takeConfirmEffect();
            if (name.equals("y") || name.equals("Y")) {
                session.effect(effect);
            } else {
                session.status("Cancelled", false);
            }
            return;
        }
        switch (name) {
            case "Esc":
            case "C-c":
            case "C-g":
                top.promptCancelled(p);
                endPrompt();
                return;
            case "Enter":
                endPrompt();
                top.promptEntered(p, input.toString());
                return;
            case "Backspace":
                if (input.length() > 0) {
                    input.setLength(input.offsetByCodePoints(input.length(), -1));
                } else if (p != ReaderState.Prompt.FILTER) {
                    endPrompt();
                    return;
                }
                break;
            case "Space":
                input.append(' ');
                break;
            default:
                if (name.codePointCount(0, name.length()) == 1 && input.length() < 400) {
                    if (p == ReaderState.Prompt.FOLLOW && !Character.isDigit(name.charAt(0))) {
                        return;
                    }
                    input.append(name);
                } else {
                    return;
                }
        }
        top.promptEdited(p, input.toString());
    }
}
