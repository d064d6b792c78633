package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.text.Urls;
import java.util.List;
import java.util.function.Consumer;

/**
 * One screen on the {@link Navigator}'s stack: its own cursor and the actions of its keys.
 * Actions every screen shares (quit, help, collections, redraw, the pane switch, moving by pages)
 * are the navigator's; "back" is a pop unless the screen has something to undo first.
 */
abstract class ScreenState {
    final Navigator nav;
    final Session session;

    ScreenState(Navigator nav) {
        this.nav = nav;
        this.session = nav.session;
    }

    /** Which key table applies. */
    abstract Action.Screen kind();

    /** An action of this screen's own (the key table only sends actions that apply to {@link #kind()}). */
    abstract void act(Action a, int n);

    /** Moves the cursor or scrolls by {@code delta} rows. */
    abstract void move(long delta);

    /** Moves the cursor or scrolls to row {@code index} ({@code Integer.MAX_VALUE}: the end). */
    abstract void moveTo(int index);

    /** Page down by {@code rows}: a move unless the screen does more at its end. */
    void pageDown(long rows) {
        move(rows);
    }

    /** Back: leaves the screen. */
    void back() {
        nav.pop();
    }

    /** A key seen before the key table, or false to let the table have it. */
    boolean intercept(String key) {
        return false;
    }

    /** The window changed size. */
    void resized() {
    }

    /** The prompt's text changed while typing. */
    void promptEdited(Prompt p, String text) {
    }

    /** Esc in a prompt. */
    void promptCancelled(Prompt p) {
    }

    /** Enter in a prompt. */
    void promptEntered(Prompt p, String text) {
    }

    void status(String message, boolean error) {
        session.status(message, error);
    }

    /**
     * The link an "open/copy/show link" key means: link {@code n} of {@code links} when a count was
     * typed and links are given, else the entry's own; refused unless it is http(s).
     */
    void withLink(Headline entry, List<String> links, int n, Consumer<String> then) {
        String url;
        if (links != null && n > 0) {
            if (n > links.size()) {
                status("No link " + n + ": this article has " + links.size() + (links.size() == 1 ? " link" : " links"),
                        true);
                return;
            }
            url = links.get(n - 1);
        } else {
            if (entry == null) {
                return;
            }
            url = entry.item().link();
        }
        if (url.isEmpty()) {
            status("This article has no link", true);
            return;
        }
        if (!Urls.isWeb(url)) {
            status("Not an http(s) link, refused: " + url, true);
            return;
        }
        then.accept(url);
    }

    /** The entry whose link the send-to prompt is for. */
    private Headline sendingEntry;

    /** "|": asks which send-to command gets the entry's link (by name or number). */
    void startSendTo(Headline entry) {
        if (session.sendToNames.isEmpty()) {
            status("No send-to commands: add 'send-to = NAME PROGRAM ARGS…' to the config", true);
            return;
        }
        withLink(entry, null, 0, url -> {
            sendingEntry = entry;
            session.line.startPrompt(Prompt.SEND_TO, "");
        });
    }

    /** Enter in the send-to prompt: the command by name or number runs for the entry's link. */
    void sendToEntered(String text) {
        Headline e = sendingEntry;
        sendingEntry = null;
        String choice = text.strip();
        if (e == null || choice.isEmpty()) {
            return;
        }
        List<String> names = session.sendToNames;
        String name = null;
        if (choice.chars().allMatch(Character::isDigit) && choice.length() < 6) {
            int n = Integer.parseInt(choice);
            name = n >= 1 && n <= names.size() ? names.get(n - 1) : null;
        } else if (names.contains(choice)) {
            name = choice;
        }
        if (name == null) {
            status("No send-to command '" + choice + "' (known: " + String.join(", ", names) + ")", true);
            return;
        }
        session.effect(new Effect.SendTo(name, e.item().link(), e.item().title(), e.feed().name()));
    }

    /** Open, copy or show the link: what the three link keys share. */
    void linkAction(Action a, Headline entry, List<String> links, int n) {
        switch (a) {
            case OPEN_BROWSER: withLink(entry, links, n, url -> session.effect(entry == null ? new Effect.Open(url)
                    : new Effect.Open(url, "", entry.item().title(), entry.feed().name()))); break;
            case COPY_LINK: withLink(entry, links, n, url -> session.effect(new Effect.Copy(url))); break;
            default: withLink(entry, links, n, session.line::showUrl);
        }
    }
}
