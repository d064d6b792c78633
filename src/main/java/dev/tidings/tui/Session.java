package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.app.IgnoreRules;
import dev.tidings.model.Item;
import dev.tidings.model.Library;
import dev.tidings.store.ReadState;
import dev.tidings.subs.QueryFeed;
import dev.tidings.text.Sanitize;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What every screen of the reader shares: the feeds' headlines, the feed list's rows, read marks,
 * the collections, reader mode's cache, the window size, the status line and the effects queued
 * for the shell. The screens on the {@link Navigator}'s stack read and change it; none of them
 * owns it.
 */
final class Session {
    final KeyMap keys;
    final ZoneId zone;
    final StatusLine line = new StatusLine();
    private final List<Effect> effects = new ArrayList<>();

    int width = 80;
    int height = 24;
    boolean quit;
    /** {@code --offline}: nothing is fetched, not even on R, r or v. */
    boolean offline;
    /** The feeds given on the command line (r and R read them again); empty with subscriptions. */
    List<String> commandLineFeeds = List.of();

    // the feeds
    private List<Headline> everything = List.of();
    private boolean feedsMode;
    private List<FeedRow> feedRows = List.of();
    private List<ListRow> listRows = List.of();
    private Map<String, int[]> unreadBySource;
    private List<Headline> preview = List.of();
    private List<Headline> previewFor;
    private String previewSelector;
    private boolean previewUnreadOnly;
    int pending;
    int total;
    final List<String> loadErrors = new ArrayList<>();

    // read marks
    private ReadState read = new ReadState(Path.of("read-state"));
    boolean unreadOnly;

    // collections
    Library library;
    String libraryError;
    boolean libraryReadOnly;

    // rules: the config's ignore-article lines, query feeds, the headline order
    final IgnoreFilter ignore = new IgnoreFilter();
    final QueryFeeds queries = new QueryFeeds();
    SortOrder sort = SortOrder.DATE_DESC;
    private Map<String, List<String>> tagsBySource = Map.of();

    // reader mode and the bodies of headline-only entries
    final Map<String, Item> fullText = new HashMap<>();
    final Set<String> readerModeFeeds = new HashSet<>();
    /** The send-to commands' names from the config, in order. */
    List<String> sendToNames = List.of();
    String extracting;
    Function<Headline, Item> bodies = e -> null;

    // items refreshes brought while the reader was open
    final Arrivals arrivals = new Arrivals();

    /** Arrived items still unread: the title bar's "N new". */
    int newCount() {
        return arrivals.unread(read::isRead);
    }

    Session(KeyMap keys, ZoneId zone) {
        this.keys = keys;
        this.zone = zone;
    }

    /** The config's ignore-article rules, query feeds (each rule read now) and headline order. */
    void setRules(IgnoreRules ignoreRules, List<QueryFeed> queryFeeds, SortOrder order) {
        ignore.set(ignoreRules);
        List<QueryFeeds.Query> qs = new ArrayList<>();
        for (QueryFeed q : queryFeeds) {
            qs.add(QueryFeeds.Query.of(q, zone));
        }
        queries.set(qs);
        sort = order == null ? SortOrder.DATE_DESC : order;
    }

    /** "1 pinboard, 2 wallabag": the send-to prompt's choices. */
    String sendToChoices() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sendToNames.size(); i++) {
            out.add((i + 1) + " " + sendToNames.get(i));
        }
        return String.join(", ", out);
    }

    void status(String message, boolean error) {
        line.show(message, error);
    }

    void effect(Effect e) {
        effects.add(e);
    }

    List<Effect> drainEffects() {
        List<Effect> out = new ArrayList<>(effects);
        effects.clear();
        return out;
    }

    /** Rows below the title bar and above the status line. */
    int bodyRows() {
        return Math.max(1, height - 2);
    }

    // ---------------------------------------------------------------- the feeds

    List<Headline> everything() {
        return everything;
    }

    /** Every loaded entry, before the ignore rules: what they are applied to again. */
    private List<Headline> unfiltered = List.of();

    List<Headline> unfiltered() {
        return unfiltered;
    }

    void setEverything(List<Headline> entries) {
        unfiltered = entries;
        everything = List.copyOf(ignore.keep(entries, ruleContext(), this));
        queries.forget();
        unreadBySource = null;
        previewFor = null;
    }

    boolean feedsMode() {
        return feedsMode;
    }

    List<FeedRow> feedRows() {
        return feedRows;
    }

    List<ListRow> listRows() {
        return listRows;
    }

    /** The feed list's rows: all feeds, then feeds without a tag, then each tag with its feeds. */
    void setFeedRows(List<FeedRow> rows) {
        feedsMode = true;
        feedRows = List.copyOf(rows);
        Map<String, List<String>> tags = new HashMap<>();
        for (FeedRow r : feedRows) {
            tags.put(r.source(), r.tags());
        }
        tagsBySource = tags;
        List<ListRow> out = new ArrayList<>();
        out.add(new ListRow("All feeds", null, null, 0));
        for (QueryFeeds.Query q : queries.all()) { // query feeds right under "All feeds"
            out.add(new ListRow(q.error() == null ? q.name() : q.name() + "  (" + q.error() + ")",
                    q.selector(), null, 0));
        }
        Map<String, List<FeedRow>> byTag = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (FeedRow r : feedRows) {
            if (r.tags().isEmpty()) {
                out.add(new ListRow(r.name(), "feed:" + r.source(), r, 0));
            }
            for (String t : r.tags()) {
                byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<String, List<FeedRow>> t : byTag.entrySet()) {
            out.add(new ListRow(t.getKey(), "tag:" + t.getKey(), null, 0));
            for (FeedRow r : t.getValue()) {
                out.add(new ListRow(r.name(), "feed:" + r.source(), r, 1));
            }
        }
        listRows = out;
    }

    /** The entries a feed-list selector ("feed:URL", "tag:NAME", null for all) stands for. */
    List<Headline> select(List<Headline> entries, String selector) {
        if (selector == null) {
            return entries;
        }
        if (QueryFeeds.isQuery(selector)) {
            return queries.entries(selector, entries, ruleContext(), this);
        }
        Set<String> sources = new HashSet<>();
        if (selector.startsWith("feed:")) {
            sources.add(selector.substring(5));
        } else {
            String tag = selector.substring(4);
            for (FeedRow r : feedRows) {
                if (r.tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag))) {
                    sources.add(r.source());
                }
            }
        }
        List<Headline> out = new ArrayList<>();
        for (Headline e : entries) {
            if (sources.contains(e.feed().source())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Unread and total articles per feed source, computed once per change. */
    int[] counts(String source) {
        if (unreadBySource == null) {
            Map<String, int[]> m = new HashMap<>();
            for (Headline e : everything) {
                int[] c = m.computeIfAbsent(e.feed().source(), k -> new int[2]);
                c[1]++;
                if (!isRead(e)) {
                    c[0]++;
                }
            }
            unreadBySource = m;
        }
        return unreadBySource.getOrDefault(source, new int[2]);
    }

    /** Unread and total of a feed-list row. */
    int[] counts(ListRow row) {
        if (row.feed() != null) {
            return counts(row.feed().source());
        }
        if (QueryFeeds.isQuery(row.selector())) {
            return queries.counts(row.selector(), everything, ruleContext(), this, this::isRead);
        }
        int[] sum = new int[2];
        for (FeedRow r : feedRows) {
            if (row.selector() == null || r.tags().stream().anyMatch(t -> t.equalsIgnoreCase(row.selector().substring(4)))) {
                int[] c = counts(r.source());
                sum[0] += c[0];
                sum[1] += c[1];
            }
        }
        return sum;
    }

    /** The headlines a feed-list selector would open (unread only when so chosen), cached per selector. */
    List<Headline> preview(String sel) {
        if (previewFor != everything || !Objects.equals(previewSelector, sel) || previewUnreadOnly != unreadOnly) {
            List<Headline> chosen = select(everything, sel);
            if (unreadOnly) {
                List<Headline> unread = new ArrayList<>();
                for (Headline e : chosen) {
                    if (!isRead(e)) {
                        unread.add(e);
                    }
                }
                chosen = unread;
            }
            preview = chosen;
            previewFor = everything;
            previewSelector = sel;
            previewUnreadOnly = unreadOnly;
        }
        return preview;
    }

    // ---------------------------------------------------------------- read marks

    void setReadState(ReadState state) {
        read = state;
    }

    boolean isRead(Headline e) {
        return read.isRead(e.item().id(), e.item().link());
    }

    void markRead(Headline e, boolean isRead) {
        if (isRead(e) == isRead) {
            return;
        }
        if (unreadBySource != null) { // one count changes: no recount of every entry on the UI thread
            int[] c = unreadBySource.get(e.feed().source());
            if (c != null) {
                c[0] = Math.max(0, Math.min(c[1], c[0] + (isRead ? -1 : 1)));
            }
        }
        previewFor = null;
        effect(new Effect.PersistRead(read.mark(e.item().id(), e.item().link(), isRead)));
        queries.readChanged();
    }

    void toggleRead(Headline e) {
        if (e == null) {
            return;
        }
        markRead(e, !isRead(e));
        status(isRead(e) ? "Marked read" : "Marked unread", false);
    }

    /** Marks these entries read in one write; returns how many were unread. */
    int markAllRead(List<Headline> entries) {
        StringBuilder lines = new StringBuilder();
        int n = 0;
        for (Headline e : entries) {
            if (!isRead(e)) {
                lines.append(read.mark(e.item().id(), e.item().link(), true));
                n++;
            }
        }
        if (n > 0) {
            effect(new Effect.PersistRead(lines.toString()));
            unreadBySource = null;
            previewFor = null;
            queries.readChanged();
        }
        return n;
    }

    // ---------------------------------------------------------------- rules

    /** What a rule may ask about an entry here: read marks, collections, the urls file's tags, loaded bodies. */
    dev.tidings.app.HeadlineView.Context ruleContext() {
        Map<String, List<String>> tags = tagsBySource;
        return new dev.tidings.app.HeadlineView.Context(this::isRead, this::collectionsOf, tags::get, e -> bodies.apply(e));
    }

    private List<String> collectionsOf(Headline e) {
        if (library == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (dev.tidings.model.SavedCollection c : library.collectionsOf(e.item().id())) {
            names.add(c.name());
        }
        return names;
    }

    // ---------------------------------------------------------------- collections

    boolean isSaved(Headline e) {
        return library != null && library.isSaved(e.item().id());
    }

    /** Which entries are starred on a sync server: set when synced feeds are shown, else none. */
    java.util.function.Predicate<Headline> starred = e -> false;

    void setLibraryError(String message) {
        libraryError = Sanitize.line(message);
    }

    /** True when the collections can be shown; otherwise says why in the status line. */
    boolean collectionsUsable() {
        if (libraryError != null) {
            status("Collections unavailable: " + libraryError, true);
            return false;
        }
        if (library == null) {
            status("Collections are still loading…", false);
            return false;
        }
        return true;
    }

    /** True when the collections can be changed; otherwise says why. */
    boolean writable() {
        if (!collectionsUsable()) {
            return false;
        }
        if (libraryReadOnly) {
            status("The collections file was written by a newer Tidings: it is read-only here", true);
            return false;
        }
        return true;
    }

    int collectionCount() {
        return library == null ? 0 : library.collections().size();
    }
}
