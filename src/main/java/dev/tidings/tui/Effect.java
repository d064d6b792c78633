package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.model.Library;
import java.util.List;

/**
 * What the shell must do for the {@link ReaderState}: the screens queue effects (open a browser,
 * copy to the clipboard, save to a collection, refresh...) and the shell drains and runs them.
 * Each effect hands itself to the matching method of a {@link Visitor}: a new effect has to be
 * added there, and then every runner fails to compile until it handles it.
 */
public sealed interface Effect {
    <R> R accept(Visitor<R> v);

    /** One method per effect. */
    interface Visitor<R> {
        R open(Open e);

        R copy(Copy e);

        R redraw(Redraw e);

        R toggle(Toggle e);

        R create(Create e);

        R rename(Rename e);

        R delete(Delete e);

        R remove(Remove e);

        R extract(Extract e);

        R persistRead(PersistRead e);

        R refresh(Refresh e);

        R loadBody(LoadBody e);

        R star(Star e);

        R sendTo(SendTo e);
        R search(Search e);
    }

    /**
     * Open this http(s) URL with its open-with program, else the browser; {@code type} is the
     * enclosure's MIME type ("" for a link), {@code title} and {@code feed} fill %t and %f.
     */
    record Open(String url, String type, String title, String feed) implements Effect {
        /** A link: no MIME type, no title or feed for the placeholders. */
        public Open(String url) {
            this(url, "", "", "");
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.open(this);
        }
    }

    /** Put this URL on the clipboard (OSC 52). */
    record Copy(String url) implements Effect {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.copy(this);
        }
    }

    /** Repaint the whole screen. */
    record Redraw() implements Effect {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.redraw(this);
        }
    }

    /** Save the article into the collection ({@code add}) or take it out. */
    record Toggle(String collection, Headline entry, boolean add) implements Effect {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.toggle(this);
        }
    }

    /** Create a collection, and save {@code entry} into it when not null. */
    record Create(String name, Headline entry) implements Effect {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.create(this);
        }
    }

    record Rename(String from, String to) implements Effect {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.rename(this);
        }
    }

    record Delete(String name) implements Effect {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.delete(this);
        }
    }

    /** Take the article with this key out of the collection. */
    record Remove(String collection, String key) implements Effect {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.remove(this);
        }
    }

    /** Fetch the article's web page and extract its full text (reader mode). */
    record Extract(Headline entry) implements Effect {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.extract(this);
        }
    }

    /** Run the send-to command named {@code command} for this link. */
    record SendTo(String command, String url, String title, String feed) implements Effect {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.sendTo(this);
        }
    }

    /** Star or unstar a synced article: the reader flips it and queues the change. */
    record Star(Headline entry) implements Effect {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.star(this);
        }
    }

    /** Append these read-state lines to the read-state log. */
    record PersistRead(String lines) implements Effect {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.persistRead(this);
        }
    }

    /** Refresh these subscribed feeds (by URL) in the background. */
    record Refresh(List<String> urls) implements Effect {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.refresh(this);
        }
    }

    /**
     * Search every cached article (off the UI thread); the headlines and the library as they are
     * now turn the hits into entries.
     */
    record Search(String query, List<Headline> headlines, Library library) implements Effect {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.search(this);
        }
    }

    /** Parse this headline-only entry's feed in full: its article body is not loaded yet. */
    record LoadBody(Headline entry) implements Effect {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.loadBody(this);
        }
    }
}
