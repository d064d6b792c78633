package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.model.SavedCollection;

/**
 * "Add to collection": an overlay over the list or article it was opened from, with a tick for
 * each collection the article is in. Space ticks or unticks, "n" creates a collection and saves
 * the article into it, Enter or Esc closes.
 */
final class AddDialog extends ScreenState {
    private final Headline entry;
    private final Cursor cursor = new Cursor();

    AddDialog(Navigator nav, Headline entry) {
        super(nav);
        this.entry = entry;
    }

    @Override
    Action.Screen kind() {
        return Action.Screen.DIALOG;
    }

    Headline entry() {
        return entry;
    }

    int selected() {
        return cursor.selected();
    }

    @Override
    void act(Action a, int n) {
        switch (a) {
            case OPEN: nav.pop(); break;
            case TOGGLE: toggle(); break;
            case NEW_COLLECTION:
                if (session.writable()) {
                    session.line.startPrompt(Prompt.NEW_COLLECTION, "");
                }
                break;
            default: throw new IllegalStateException("unhandled action " + a + " in the dialog");
        }
    }

    @Override
    void move(long delta) {
        cursor.moveBy(delta, session.collectionCount(), Integer.MAX_VALUE);
    }

    @Override
    void moveTo(int index) {
        cursor.moveTo(index, session.collectionCount(), Integer.MAX_VALUE);
    }

    private void toggle() {
        if (session.library == null || session.library.collections().isEmpty() || entry == null || !session.writable()) {
            return;
        }
        SavedCollection c = session.library.collections().get(cursor.selected());
        boolean add = !c.contains(entry.item().id());
        session.effect(new Effect.Toggle(c.name(), entry, add));
    }

    /** The collections changed: the cursor stays on one. */
    void libraryChanged() {
        cursor.keepInView(session.collectionCount(), Integer.MAX_VALUE);
    }

    @Override
    void promptEntered(Prompt p, String text) {
        if (p == Prompt.NEW_COLLECTION) {
            CollectionsScreen.create(session, text, entry);
        }
    }
}
