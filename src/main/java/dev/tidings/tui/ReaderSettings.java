package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.app.IgnoreRules;
import dev.tidings.model.Item;
import dev.tidings.subs.QueryFeed;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the shell tells the reader once, before or as it starts, rather than as events: the config
 * (reader-mode feeds, send-to commands, rules, order), the command line (its feeds,
 * {@code --offline}) and where article bodies and stars come from. {@link ReaderState#settings()}
 * hands it out; it writes into the state's {@link Session}.
 */
public final class ReaderSettings {
    private final Session session;

    ReaderSettings(Session session) {
        this.session = session;
    }

    /** The feeds given on the command line ("sample" without any), which r and R read again. */
    public void setCommandLineFeeds(List<String> specs) {
        session.commandLineFeeds = List.copyOf(specs);
    }

    /** {@code --offline}: refreshing and reader mode say so instead of fetching. */
    public void setOffline(boolean offline) {
        session.offline = offline;
    }

    /** Where the full item of a headline-only entry comes from; null while it is not loaded. */
    public void setBodies(Function<Headline, Item> bodies) {
        session.bodies = bodies;
    }

    /** The send-to commands' names, in config order (the prompt offers them by name or number). */
    public void setSendToNames(List<String> names) {
        session.sendToNames = List.copyOf(names);
    }

    /** Feeds (by source or name) whose articles open in reader mode. */
    public void setReaderModeFeeds(Collection<String> feeds) {
        session.readerModeFeeds.clear();
        session.readerModeFeeds.addAll(feeds);
    }

    /**
     * What the config asks of the articles: the {@code ignore-article} rules (applied to every
     * list of entries given from now on), the query feeds of the urls file (rows of the feed list)
     * and the headline order.
     */
    public void setRules(IgnoreRules ignore, List<QueryFeed> queries, SortOrder sort) {
        session.setRules(ignore, queries, sort);
    }

    /** Where stars come from: the synced accounts' starred ids (thread-safe sets, read on the UI thread). */
    public void starredBy(Predicate<Headline> starred) {
        session.starred = starred == null ? e -> false : starred;
    }
}
