package dev.tidings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import dev.tidings.app.FullFeed;
import dev.tidings.app.LoadFailure;
import dev.tidings.app.LoadedFeed;
import dev.tidings.model.Item;
import java.util.List;
import java.util.Map;

/** What the reader's UI thread handles, in order: posted by the input thread, loaders and workers. */
sealed interface ReaderEvent {
    record Key(KeyStroke key) implements ReaderEvent {
    }

    record Resize() implements ReaderEvent {
    }

    /** Ctrl-Z (SIGTSTP): give the terminal to the shell until {@code fg}. */
    record Suspend() implements ReaderEvent {
    }

    /** Text pasted into the terminal (bracketed paste): never keys. */
    record Paste(String text) implements ReaderEvent {
    }

    /** A mouse report; acted on only with {@code mouse = on}. */
    record Mouse(InputSplitter.Mouse report) implements ReaderEvent {
    }

    /**
     * A feed is in: from the command line, the cache, or a refresh (then it replaces the old copy);
     * {@code background} when the refresh was a reload-time one.
     */
    record Loaded(int index, LoadedFeed feed, boolean refresh, boolean background) implements ReaderEvent {

        Loaded(int index, LoadedFeed feed) {
            this(index, feed, false, false);
        }

        Loaded(int index, LoadedFeed feed, boolean refresh) {
            this(index, feed, refresh, false);
        }
    }

    /**
     * The start from the cache: every feed whose headline index was current (by position in the urls
     * file), the feed list's rows with the cache's dates and errors, and how many feeds are done.
     */
    record Started(Map<Integer, LoadedFeed> feeds, List<FeedRow> rows, int done) implements ReaderEvent {
    }

    /** A subscribed feed parsed in full for its article bodies, or why it could not be. */
    record Body(String source, FullFeed feed, String error) implements ReaderEvent {
    }

    /** One feed of a refresh finished; the feed list's rows as they are now, and what to say. */
    record Refreshed(List<FeedRow> rows, String message, boolean error, boolean step) implements ReaderEvent {
    }

    /** A background refresh (reload-time) finished: time to tell the user what arrived. */
    record Reloaded() implements ReaderEvent {
    }

    /** A refresh of n feeds begins: the progress count starts. */
    record RefreshStarted(int feeds) implements ReaderEvent {
    }

    record Failed(LoadFailure failure) implements ReaderEvent {
    }

    record Tick() implements ReaderEvent {
    }

    record Eof() implements ReaderEvent {
    }

    /** The collections file was read or written: its content now, and what to tell the user. */
    record Library(dev.tidings.model.Library library, boolean readOnly, String message) implements ReaderEvent {
    }

    /** The collections file could not be read or written. */
    record StoreFailed(String message, boolean unusable) implements ReaderEvent {
    }

    /** A search of every article finished: the headlines found, best first, or why it failed. */
    record Searched(String query, List<dev.tidings.app.Headline> found, String error) implements ReaderEvent {
    }

    record Extracted(String itemId, Item full) implements ReaderEvent {
    }

    record ExtractFailed(String itemId, String reason) implements ReaderEvent {
    }
}
