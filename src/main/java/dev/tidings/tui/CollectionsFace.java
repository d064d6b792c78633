package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.model.Library;
import dev.tidings.model.SavedCollection;

/**
 * The collections as the view and the tests read them: the collections file as last read (or why
 * it cannot be used), the browser's cursor, and the add-to-collection dialog's entry and cursor.
 * {@link ReaderState#collections()} hands it out.
 */
public final class CollectionsFace {
    private final Navigator nav;

    CollectionsFace(Navigator nav) {
        this.nav = nav;
    }

    /** The collections file as last read or written; null until it has been read. */
    public Library library() {
        return nav.session.library;
    }

    /** Why the collections file cannot be used, or null. */
    public String libraryError() {
        return nav.session.libraryError;
    }

    /** The collection under the browser's cursor (newest first), or null. */
    public SavedCollection browserCollection() {
        return nav.browser().selectedCollection();
    }

    public int browserSelected() {
        return nav.browser().selected();
    }

    public int browserTop() {
        return nav.browser().top();
    }

    /** The article the dialog saves, or null when the dialog is closed. */
    public Headline dialogEntry() {
        return nav.dialog() == null ? null : nav.dialog().entry();
    }

    public int dialogSelected() {
        return nav.dialog() == null ? 0 : nav.dialog().selected();
    }
}
