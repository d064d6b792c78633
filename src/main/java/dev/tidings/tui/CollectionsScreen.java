package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.model.SavedCollection;
import dev.tidings.store.CollectionStore;
import java.util.List;

/**
 * The collections browser: the user's collections, newest first. Enter shows one as a headline
 * list; "n" creates, "r" renames, "D" deletes (after a yes).
 */
final class CollectionsScreen extends ScreenState {
    private final Cursor cursor = new Cursor();
    /** The collection under the cursor: it stays there when the collections change (newest first moves them). */
    private String followName;
    /** A collection just created or renamed here: the cursor goes to it once it is in. */
    private String pendingName;

    CollectionsScreen(Navigator nav) {
        super(nav);
    }

    @Override
    Action.Screen kind() {
        return Action.Screen.COLLECTIONS;
    }

    int selected() {
        return cursor.selected();
    }

    int top() {
        return cursor.top();
    }

    /** The collection under the cursor (newest first), or null. */
    SavedCollection selectedCollection() {
        if (session.library == null || session.library.collections().isEmpty()) {
            return null;
        }
        List<SavedCollection> list = session.library.newestFirst();
        return list.get(Cursor.clamp(cursor.selected(), 0, list.size() - 1));
    }

    private int rows() {
        return Math.max(1, session.bodyRows() - 1);
    }

    @Override
    void act(Action a, int n) {
        SavedCollection c = selectedCollection();
        switch (a) {
            case OPEN:
                if (c != null) {
                    HeadlinesScreen shown = new HeadlinesScreen(nav, c.name());
                    shown.showCollection(c);
                    nav.push(shown);
                }
                break;
            case NEW_COLLECTION:
                if (session.writable()) {
                    session.line.startPrompt(Prompt.NEW_COLLECTION, "");
                }
                break;
            case RENAME_COLLECTION:
                if (c != null && session.writable()) {
                    session.line.startPrompt(Prompt.RENAME, c.name());
                }
                break;
            case DELETE_COLLECTION:
                if (c != null && session.writable()) {
                    int k = c.articles().size();
                    Effect delete = new Effect.Delete(c.name());
                    session.line.confirm("Delete collection '", c.name(), "' with " + k + " article" + (k == 1 ? "" : "s")
                            + "? (y/n)", () -> session.effect(delete));
                }
                break;
            default: throw new IllegalStateException("unhandled action " + a + " on the collections");
        }
    }

    @Override
    void move(long delta) {
        cursor.moveBy(delta, session.collectionCount(), rows());
        remember();
    }

    @Override
    void moveTo(int index) {
        cursor.moveTo(index, session.collectionCount(), rows());
        remember();
    }

    @Override
    void resized() {
        cursor.keepInView(session.collectionCount(), rows());
        remember();
    }

    /**
     * The collections changed: the cursor goes to the collection just created or renamed here, else
     * stays on the one it was on; when that one is gone, on the one that took its place.
     */
    void libraryChanged() {
        if (session.library != null) {
            List<SavedCollection> list = session.library.newestFirst();
            int pending = indexOf(list, pendingName);
            int followed = indexOf(list, followName);
            if (pending >= 0) {
                cursor.select(pending);
                pendingName = null;
            } else if (followed >= 0) {
                cursor.select(followed);
            }
        }
        resized();
    }

    private static int indexOf(List<SavedCollection> list, String name) {
        if (name != null) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).name().equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private void remember() {
        SavedCollection c = selectedCollection();
        followName = c == null ? null : c.name();
    }

    @Override
    void promptEntered(Prompt p, String text) {
        if (p == Prompt.NEW_COLLECTION) {
            if (create(session, text, null)) {
                pendingName = text.strip();
            }
        } else if (p == Prompt.RENAME) {
            rename(text);
        }
    }

    /**
     * Creates a collection named {@code raw} (and saves {@code entry} into it when not null), if the
     * name is good; false (and why in the status line) when it is not.
     */
    static boolean create(Session session, String raw, Headline entry) {
        String name = raw.strip();
        String problem = CollectionStore.nameProblem(name);
        if (problem != null) {
            session.status("The name " + problem + " (1-" + CollectionStore.MAX_NAME_LENGTH
                    + " characters, no control characters)", true);
            return false;
        }
        if (session.library != null && session.library.find(name).isPresent()) {
            session.status("A collection named '" + session.library.find(name).get().name() + "' exists already", true);
            return false;
        }
        session.effect(new Effect.Create(name, entry));
        return true;
    }

    private void rename(String raw) {
        SavedCollection c = selectedCollection();
        String name = raw.strip();
        if (c == null || name.equals(c.name())) {
            return;
        }
        String problem = CollectionStore.nameProblem(name);
        if (problem != null) {
            status("The name " + problem, true);
            return;
        }
        if (session.library.find(name).filter(other -> !other.name().equalsIgnoreCase(c.name())).isPresent()) {
            status("A collection named '" + session.library.find(name).get().name() + "' exists already", true);
            return;
        }
        pendingName = name;
        session.effect(new Effect.Rename(c.name(), name));
    }
}
