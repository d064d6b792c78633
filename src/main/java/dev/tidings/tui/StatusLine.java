package dev.tidings.tui;

import dev.tidings.text.Sanitize;
import dev.tidings.text.Width;

/**
 * The bottom row and what lives in it: a message until the next key, the one-line prompt being
 * typed, a count typed before a key (5j), a yes/no question with the effect "y" runs, and the
 * full-URL overlay.
 */
final class StatusLine {
    private String status = "";
    private boolean error;
    private String urlOverlay;
    private Prompt prompt = Prompt.NONE;
    private final StringBuilder input = new StringBuilder();
    private final StringBuilder count = new StringBuilder();
    /** How every yes/no question ends. */
    private static final String ANSWER_KEYS = " (y/n)";
    private String confirmBefore = "";
    private String confirmSubject = "";
    private String confirmAfter = "";
    private Runnable onYes;

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

    Prompt prompt() {
        return prompt;
    }

    /** Starts a prompt whose input begins with {@code text}. */
    void startPrompt(Prompt p, String text) {
        prompt = p;
        input.setLength(0);
        input.append(text);
    }

    void endPrompt() {
        prompt = Prompt.NONE;
    }

    StringBuilder input() {
        return input;
    }

    StringBuilder count() {
        return count;
    }

    /**
     * Asks a yes/no question, {@code before + subject + after}; "y" runs {@code yes}. The subject (a
     * title, a name) is what gets shortened when the window is narrow: the answer keys at the end
     * stay visible.
     */
    void confirm(String before, String subject, String after, Runnable yes) {
        confirmBefore = Sanitize.line(before);
        confirmSubject = Sanitize.line(subject);
        confirmAfter = Sanitize.line(after);
        onYes = yes;
        prompt = Prompt.CONFIRM;
    }

    /** The question as asked. */
    String confirmQuestion() {
        return confirmBefore + confirmSubject + confirmAfter;
    }

    /**
     * The question in at most {@code columns} columns: its subject is shortened first (to no less
     * than 8 columns), then the rest; the answer keys "(y/n)" at the end always stay.
     */
    String confirmQuestion(int columns) {
        String full = confirmQuestion();
        if (Width.of(full) <= columns) {
            return full;
        }
        String keys = confirmAfter.endsWith(ANSWER_KEYS) ? ANSWER_KEYS : "";
        String after = confirmAfter.substring(0, confirmAfter.length() - keys.length());
        int room = columns - Width.of(confirmBefore) - Width.of(after) - Width.of(keys);
        String subject = Width.ellipsize(confirmSubject, Math.max(room, Math.min(8, Width.of(confirmSubject))));
        return Width.ellipsize(confirmBefore + subject + after, Math.max(1, columns - Width.of(keys))) + keys;
    }

    /** A key while a prompt is open: typed into it, or Enter/Esc hand the text to {@code top}. */
    void promptKey(String name, ScreenState top, Session session) {
        Prompt p = prompt;
        if (p == Prompt.CONFIRM) {
            endPrompt();
            Runnable yes = onYes;
            onYes = null;
            if (name.equals("y") || name.equals("Y")) {
                yes.run();
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
                } else if (p != Prompt.FILTER) {
                    endPrompt();
                    return;
                }
                break;
            case "Space":
                input.append(' ');
                break;
            default:
                if (name.codePointCount(0, name.length()) == 1 && input.length() < 400) {
                    if (p == Prompt.FOLLOW && !Character.isDigit(name.charAt(0))) {
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
