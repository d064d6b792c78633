package dev.tidings.tui;

import dev.tidings.app.Entry;
import dev.tidings.render.Article;
import dev.tidings.render.ArticleRenderer;
import dev.tidings.render.Layout;
import dev.tidings.render.Line;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything the reader shows, with no Lanterna in sight: tests drive it with key names and read
 * it back. Keys go through the {@link KeyMap} to {@link Action}s; side effects the state cannot
 * perform itself (open a browser, copy to the clipboard, redraw) are queued as {@link Effect}s for
 * the terminal shell to carry out.
 */
public final class ReaderState {
    /** The smallest window that is fully usable. */
    public static final int MIN_WIDTH = 40;
    public static final int MIN_HEIGHT = 12;
    /** From this height on the feed list is a pane above the headline list; below it they take turns. */
    public static final int SPLIT_MIN_HEIGHT = 20;
    /** Article text never gets wider than this, however wide the window: long lines are hard to read. */
    public static final int MAX_TEXT_WIDTH = 100;

    /** What the shell must do for the state. */
    public sealed interface Effect {
        /** Open this http(s) URL in the browser. */
        record Open(String url) implements Effect {
        }

        /** Put this URL on the clipboard (OSC 52). */
        record Copy(String url) implements Effect {
        }

        /** Repaint the whole screen. */
        record Redraw() implements Effect {
        }

        /** Save the article into the collection ({@code add}) or take it out. */
        record Toggle(String collection, Entry entry, boolean add) implements Effect {
        }

        /** Create a collection, and save {@code entry} into it when not null. */
        record Create(String name, Entry entry) implements Effect {
        }

        record Rename(String from, String to) implements Effect {
        }

        record Delete(String name) implements Effect {
        }

        /** Take the article with this key out of the collection. */
        record Remove(String collection, String key) implements Effect {
        }

        /** Fetch the article's web page and extract its full text (reader mode). */
        record Extract(Entry entry) implements Effect {
        }

        /** Append these read-state lines to the read-state log. */
        /** Star or unstar a synced article: the reader flips it and queues the change. */
        record Star(Entry entry) implements Effect {
        }

        record PersistRead(String lines) implements Effect {
        }

        /** Refresh these subscribed feeds (by URL) in the background. */
        record Refresh(List<String> urls) implements Effect {
        }

        /** Parse this headline-only entry's feed in full: its article body is not loaded yet. */
        record LoadBody(Entry entry) implements Effect {
        }
    }

    /** One subscribed feed as the feed list shows it. */
    public record FeedRow(String source, String name, List<String> tags, java.time.Instant updated, String error) {
        public FeedRow {
            tags = List.copyOf(tags);
            error = error == null ? "" : Sanitize.line(error);
        }
    }

    /** A row of the feed list: all feeds, a tag group, or one feed. */
    public record ListRow(String label, String selector, FeedRow feed, int depth) {
    }

    /** The one-line input the status row is showing, if any. */
    public enum Prompt { NONE, FILTER, FIND, FOLLOW, NEW_COLLECTION, RENAME, CONFIRM }

    private final KeyMap keys;
    private List<Entry> all = List.of();
    private String[] haystacks = new String[0];
    private List<Entry> visible = List.of();
    private String filter = "";
    private int selected;
    private int listTop;

    private Action.Screen screen = Action.Screen.LIST;
    private Action.Screen helpReturn = Action.Screen.LIST;
    private int helpTop;

    private Entry current;
    private int currentIndex = -1;
    private Article article;
    private java.time.ZoneId zone;
    private List<Line> lines = List.of();
    private List<Integer> blockOfLine = List.of();
    private int layoutWidth = -1;
    private int articleTop;

    private String find = "";
    private List<Integer> findLines = List.of();
    private int findIndex = -1;

    private Prompt prompt = Prompt.NONE;
    private final StringBuilder input = new StringBuilder();
    private final StringBuilder count = new StringBuilder();

    private String status = "";
    private boolean statusError;
    private String urlOverlay;

    private int width = 80;
    private int height = 24;
    private boolean quit;

    // the feed list (subscriptions)
    private boolean feedsMode;
    private List<FeedRow> feedRows = List.of();
    private List<ListRow> listRows = List.of();
    private List<Entry> everything = List.of();
    private String selector;
    private String selectorLabel = "";
    private int feedsSelected;
    private int feedsTop;
    private java.util.Map<String, int[]> unreadBySource;
    private List<Entry> preview = List.of();
    private List<Entry> previewFor;
    private String previewSelector;
    private boolean previewUnreadOnly;

    private dev.tidings.store.ReadState read = new dev.tidings.store.ReadState(java.nio.file.Path.of("read-state"));
    private boolean unreadOnly;
    private String feedsLabel = "";

    // collections
    private dev.tidings.model.Library library;
    private String libraryError;
    private boolean libraryReadOnly;
    private Entry dialogEntry;
    private int dialogSelected;
    private int browserSelected;
    private int browserTop;
    /** The collection shown as the headline list, or null for the feeds. */
    private String viewing;
    private List<Entry> feedEntries = List.of();
    private int feedSelected;
    private String feedFilter = "";
    private String confirmQuestion = "";
    private Effect confirmEffect;
    private Action.Screen dialogReturn = Action.Screen.LIST;

    // reader mode
    private final java.util.Map<String, dev.tidings.model.Item> fullText = new java.util.HashMap<>();
    private final java.util.Set<String> readerModeFeeds = new java.util.HashSet<>();
    private String extracting;
    private boolean showingFull;
    private final List<Effect> effects = new ArrayList<>();
    private int pending;
    private int total;
    private final List<String> loadErrors = new ArrayList<>();

    public ReaderState(KeyMap keys, java.time.ZoneId zone) {
        this.keys = keys;
        this.zone = zone;
    }

    // ---------------------------------------------------------------- inputs from the shell

    /** Replaces the feeds' headlines (after a feed loaded), keeping the selection on the same item. */
    public void setEntries(List<Entry> entries) {
        everything = List.copyOf(entries);
        unreadBySource = null;
        previewFor = null;
        List<Entry> shown = select(everything);
        if (viewing != null) {
            feedEntries = shown;
            return;
        }
        showEntries(shown);
    }

    // ---------------------------------------------------------------- the feed list

    /** Subscriptions mode: the feed list is the top screen. Rows come from the urls file and the cache. */
    public void setFeedRows(List<FeedRow> rows) {
        boolean first = !feedsMode;
        feedsMode = true;
        feedRows = List.copyOf(rows);
        List<ListRow> out = new ArrayList<>();
        out.add(new ListRow("All feeds", null, null, 0));
        java.util.Map<String, List<FeedRow>> byTag = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (FeedRow r : feedRows) {
            if (r.tags().isEmpty()) {
                out.add(new ListRow(r.name(), "feed:" + r.source(), r, 0));
            }
            for (String t : r.tags()) {
                byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
            }
        }
        for (java.util.Map.Entry<String, List<FeedRow>> t : byTag.entrySet()) {
            out.add(new ListRow(t.getKey(), "tag:" + t.getKey(), null, 0));
            for (FeedRow r : t.getValue()) {
                out.add(new ListRow(r.name(), "feed:" + r.source(), r, 1));
            }
        }
        listRows = out;
        if (first) {
            screen = Action.Screen.FEEDS;
        }
        feedsSelected = clamp(feedsSelected, 0, listRows.size() - 1);
        clampFeeds();
    }

    private List<Entry> select(List<Entry> entries) {
        return select(entries, selector);
    }

    private List<Entry> select(List<Entry> entries, String selector) {
        if (selector == null) {
            return entries;
        }
        java.util.Set<String> sources = new HashSet<>();
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
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (sources.contains(e.feed().source())) {
                out.add(e);
            }
        }
        return out;
    }

    private void openFeedRow() {
        if (listRows.isEmpty()) {
            return;
        }
        ListRow row = listRows.get(feedsSelected);
        selector = row.selector();
        selectorLabel = row.selector() == null ? "all feeds" : row.label();
        filter = "";
        screen = Action.Screen.LIST;
        selected = 0;
        listTop = 0;
        showEntries(select(everything));
        selected = 0;
        listTop = 0;
    }

    /** Unread and total articles per feed source, computed once per change. */
    public int[] counts(String source) {
        if (unreadBySource == null) {
            java.util.Map<String, int[]> m = new java.util.HashMap<>();
            for (Entry e : everything) {
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
    public int[] counts(ListRow row) {
        if (row.feed() != null) {
            return counts(row.feed().source());
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

    // ---------------------------------------------------------------- the split: feed pane above headlines

    /**
     * True when the feed list and the headline list share the screen: subscriptions, a window at
     * least {@link #SPLIT_MIN_HEIGHT} rows high, and neither a collection nor an article shown.
     */
    public boolean split() {
        Action.Screen s = screen == Action.Screen.DIALOG ? dialogReturn : screen;
        return splitLayout() && (s == Action.Screen.FEEDS || s == Action.Screen.LIST);
    }

    /** The pane sizes the feed list and the headline list have whenever they are shown. */
    private boolean splitLayout() {
        return feedsMode && viewing == null && height >= SPLIT_MIN_HEIGHT;
    }

    /** Rows of the feed list: a pane of about two fifths of the window when split, else all rows. */
    public int feedPaneRows() {
        int body = bodyRows();
        if (!splitLayout()) {
            return body;
        }
        return clamp(listRows.size(), 3, Math.max(3, body * 2 / 5));
    }

    /** Rows of the headline list: below the feed pane and its one-line caption when split. */
    public int headlineRows() {
        int body = bodyRows();
        return splitLayout() ? Math.max(1, body - feedPaneRows() - 1) : body;
    }

    /** The screen row where the headline list starts. */
    public int headlineOrigin() {
        return split() ? 2 + feedPaneRows() : 1;
    }

    /** Headlines the feed list's selected row would open: what the lower pane shows while the feed list has the focus. */
    public List<Entry> preview() {
        if (listRows.isEmpty()) {
            return List.of();
        }
        String sel = listRows.get(feedsSelected).selector();
        if (previewFor != everything || !java.util.Objects.equals(previewSelector, sel)
                || previewUnreadOnly != unreadOnly) {
            List<Entry> chosen = select(everything, sel);
            if (unreadOnly) {
                List<Entry> unread = new ArrayList<>();
                for (Entry e : chosen) {
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

    /** The feed list's row the headlines come from (the highlighted one while the feed list has the focus). */
    public ListRow feedRowShown() {
        return listRows.isEmpty() ? null : listRows.get(feedsSelected);
    }

    /** Tab: the focus goes from the feed list to its headlines and back. */
    private void switchPane() {
        if (!feedsMode || viewing != null) {
            status("Tab switches between the feed list and the headlines (with subscriptions)", false);
        } else if (screen == Action.Screen.FEEDS) {
            openFeedRow();
        } else if (screen == Action.Screen.LIST) {
            if (!filter.isEmpty()) {
                filter = "";
                applyFilter();
            }
            screen = Action.Screen.FEEDS;
        }
    }

    private void clampFeeds() {
        int r = feedPaneRows();
        int n = listRows.size();
        feedsSelected = clamp(feedsSelected, 0, Math.max(0, n - 1));
        if (feedsSelected < feedsTop) {
            feedsTop = feedsSelected;
        } else if (feedsSelected >= feedsTop + r) {
            feedsTop = feedsSelected - r + 1;
        }
        feedsTop = clamp(feedsTop, 0, Math.max(0, n - r));
    }

    private void refresh(boolean all) {
        List<String> urls = new ArrayList<>();
        if (all || !feedsMode) {
            for (FeedRow r : feedRows) {
                urls.add(r.source());
            }
        } else if (screen == Action.Screen.FEEDS) {
            ListRow row = listRows.get(feedsSelected);
            for (FeedRow r : feedRows) {
                if (row.selector() == null || ("feed:" + r.source()).equals(row.selector())
                        || (row.selector().startsWith("tag:")
                        && r.tags().stream().anyMatch(t -> t.equalsIgnoreCase(row.selector().substring(4))))) {
                    urls.add(r.source());
                }
            }
        } else {
            Entry e = selectedEntry();
            if (e != null) {
                urls.add(e.feed().source());
            }
        }
        if (!feedsMode) {
            status("Refreshing needs subscriptions: add feeds with 'tidings feeds add URL'", false);
            return;
        }
        if (!urls.isEmpty()) {
            effects.add(new Effect.Refresh(urls));
            status("Refreshing " + urls.size() + (urls.size() == 1 ? " feed" : " feeds") + "…", false);
        }
    }

    public boolean feedsMode() {
        return feedsMode;
    }

    public List<ListRow> listRows() {
        return listRows;
    }

    public List<FeedRow> feedRows() {
        return feedRows;
    }

    public int feedsSelected() {
        return feedsSelected;
    }

    public int feedsTop() {
        return feedsTop;
    }

    public String selectorLabel() {
        return selectorLabel;
    }

    private void showEntries(List<Entry> entries) {
        String selectedId = selectedEntry() == null ? null : selectedEntry().item().id();
        all = List.copyOf(entries);
        haystacks = new String[all.size()];
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (Entry e : all) {
            names.add(e.feed().name());
            if (names.size() > 1) {
                break;
            }
        }
        feedsLabel = names.isEmpty() ? "" : names.size() == 1 ? names.iterator().next() : "all feeds";
        applyFilter();
        if (selectedId != null) {
            for (int i = 0; i < visible.size(); i++) {
                if (visible.get(i).item().id().equals(selectedId)) {
                    selected = i;
                    break;
                }
            }
        }
        clampList();
    }

    /** Feeds still loading in the background, out of how many. */
    public void setLoading(int pending, int total) {
        this.pending = pending;
        this.total = total;
    }

    /** A feed failed: shown in the status line; the rest keeps working. */
    public void addLoadError(String message) {
        loadErrors.add(Sanitize.line(message));
        status(message, true);
    }

    /** The window's size in cells. Re-lays the article and keeps the reading position. */
    public void setSize(int w, int h) {
        width = Math.max(1, w);
        height = Math.max(1, h);
        if (article != null) {
            relayout();
        }
        clampList();
        clampHelp();
    }

    /** Shows a message in the status line until the next key. */
    public void status(String message, boolean error) {
        status = Sanitize.line(message);
        statusError = error;
    }

    public List<Effect> drainEffects() {
        List<Effect> out = new ArrayList<>(effects);
        effects.clear();
        return out;
    }

    /** One key press, named as in {@link KeyMap} ("j", "Enter", "C-d"). */
    public void key(String name) {
        if (urlOverlay != null) {
            urlOverlay = null;
            return;
        }
        if (prompt != Prompt.NONE) {
            promptKey(name);
            return;
        }
        status = "";
        statusError = false;
        if (name.length() == 1 && Character.isDigit(name.charAt(0)) && !(count.length() == 0 && name.equals("0"))) {
            if (count.length() < 6) {
                count.append(name);
            }
            status = count.toString();
            return;
        }
        int n = 0;
        if (count.length() > 0) {
            n = Integer.parseInt(count.toString());
            count.setLength(0);
        }
        if (tooSmall()) {
            Action a = keys.lookup(name, screen);
            if (a == Action.QUIT || a == Action.BACK) {
                apply(a, n);
            }
            return;
        }
        if (name.equals("Esc") && screen == Action.Screen.ARTICLE && !find.isEmpty()) {
            clearFind(); // Esc first ends the search, as the status line says; the next one goes back
            return;
        }
        Action a = keys.lookup(name, screen);
        if (a == null) {
            if (!name.isEmpty()) {
                status("Key " + name + " does nothing here (? shows the keys)", false);
            }
            return;
        }
        apply(a, n);
    }

    // ---------------------------------------------------------------- actions

    void apply(Action a, int n) {
        int times = Math.max(1, n);
        switch (a) {
            case DOWN: move(times); break;
            case UP: move(-times); break;
            case PAGE_DOWN: move(page() * times); break;
            case PAGE_UP: move(-page() * times); break;
            case HALF_DOWN: move(Math.max(1, page() / 2) * times); break;
            case HALF_UP: move(-Math.max(1, page() / 2) * times); break;
            case TOP: moveTo(n > 0 ? n - 1 : 0); break;
            case BOTTOM: moveTo(Integer.MAX_VALUE); break;
            case OPEN: open(n); break;
            case BACK: back(); break;
            case QUIT: quit = true; break;
            case NEXT_ARTICLE:
                if (!findLines.isEmpty()) {
                    nextMatch(1);
                } else {
                    sibling(times);
                }
                break;
            case PREV_ARTICLE: sibling(-times); break;
            case FOLLOW_LINK:
                if (n > 0) {
                    follow(n);
                } else {
                    startPrompt(Prompt.FOLLOW);
                }
                break;
            case SEARCH: startPrompt(screen == Action.Screen.LIST ? Prompt.FILTER : Prompt.FIND); break;
            case NEXT_MATCH: nextMatch(1); break;
            case PREV_MATCH: nextMatch(-1); break;
            case OPEN_BROWSER: withLink(n, url -> effects.add(new Effect.Open(url))); break;
            case COPY_LINK: withLink(n, url -> effects.add(new Effect.Copy(url))); break;
            case SHOW_URL: withLink(n, url -> urlOverlay = url); break;
            case TOGGLE_READ: toggleRead(); break;
            case MARK_FEED_READ: markFeedRead(); break;
            case STAR: {
                Entry e = screen == Action.Screen.ARTICLE ? current : selectedEntry();
                if (e != null) {
                    effects.add(new Effect.Star(e));
                }
                break;
            }
            case REFRESH: refresh(false); break;
            case REFRESH_ALL: refresh(true); break;
            case UNREAD_ONLY: toggleUnreadOnly(); break;
            case ADD_TO_COLLECTION: openDialog(); break;
            case READER_MODE: toggleReaderMode(); break;
            case COLLECTIONS: openBrowser(); break;
            case TOGGLE: toggleInDialog(); break;
            case NEW_COLLECTION:
                if (writable()) {
                    startPrompt(Prompt.NEW_COLLECTION);
                }
                break;
            case RENAME_COLLECTION: {
                dev.tidings.model.Collection c = browserCollection();
                if (c != null && writable()) {
                    startPrompt(Prompt.RENAME);
                    input.append(c.name());
                }
                break;
            }
            case DELETE_COLLECTION: {
                dev.tidings.model.Collection c = browserCollection();
                if (c != null && writable()) {
                    confirm("Delete collection '" + c.name() + "' with " + count(c.articles().size(), "article")
                            + "? (y/n)", new Effect.Delete(c.name()));
                }
                break;
            }
            case REMOVE_FROM_COLLECTION: {
                Entry e = selectedEntry();
                if (viewing == null) {
                    status("d removes an article from a collection: open one with c first", false);
                } else if (e != null && writable()) {
                    confirm("Remove '" + e.item().title() + "' from '" + viewing + "'? (y/n)",
                            new Effect.Remove(viewing, e.item().id()));
                }
                break;
            }
            case HELP:
                helpReturn = screen;
                screen = Action.Screen.HELP;
                helpTop = 0;
                break;
            case REDRAW: effects.add(new Effect.Redraw()); break;
            case SWITCH_PANE: switchPane(); break;
            default: throw new IllegalStateException("unhandled action " + a);
        }
    }

    private void move(int delta) {
        switch (screen) {
            case FEEDS:
                if (!listRows.isEmpty()) {
                    feedsSelected = clamp((long) feedsSelected + delta, 0, listRows.size() - 1);
                    clampFeeds();
                }
                return;
            case DIALOG: {
                int n = library == null ? 0 : library.collections().size();
                if (n > 0) {
                    dialogSelected = clamp((long) dialogSelected + delta, 0, n - 1);
                }
                return;
            }
            case COLLECTIONS: {
                int n = library == null ? 0 : library.collections().size();
                if (n > 0) {
                    browserSelected = clamp((long) browserSelected + delta, 0, n - 1);
                    clampBrowser();
                }
                return;
            }
            case LIST:
                if (visible.isEmpty()) {
                    return;
                }
                selected = clamp((long) selected + delta, 0, visible.size() - 1);
                clampList();
                break;
            case ARTICLE:
                articleTop = clamp((long) articleTop + delta, 0, maxArticleTop());
                break;
            default:
                helpTop = clamp((long) helpTop + delta, 0, Math.max(0, helpRows().size() - bodyRows()));
        }
    }

    private void moveTo(int index) {
        switch (screen) {
            case FEEDS:
                move(index == Integer.MAX_VALUE ? Integer.MAX_VALUE / 2 : index - feedsSelected);
                return;
            case DIALOG:
            case COLLECTIONS:
                move(index == Integer.MAX_VALUE ? Integer.MAX_VALUE / 2 : index - (screen == Action.Screen.DIALOG
                        ? dialogSelected : browserSelected));
                return;
            case LIST:
                if (!visible.isEmpty()) {
                    selected = clamp(index, 0, visible.size() - 1);
                    clampList();
                }
                break;
            case ARTICLE:
                articleTop = clamp(index, 0, maxArticleTop());
                break;
            default:
                helpTop = clamp(index, 0, Math.max(0, helpRows().size() - bodyRows()));
        }
    }

    private void open(int n) {
        if (screen == Action.Screen.FEEDS) {
            openFeedRow();
            return;
        }
        if (screen == Action.Screen.DIALOG) {
            screen = dialogReturn;
            return;
        }
        if (screen == Action.Screen.COLLECTIONS) {
            dev.tidings.model.Collection c = browserCollection();
            if (c != null) {
                viewCollection(c);
            }
            return;
        }
        if (screen == Action.Screen.LIST) {
            Entry e = selectedEntry();
            if (e != null) {
                openArticle(e);
            }
        } else if (screen == Action.Screen.ARTICLE) {
            if (n > 0) {
                follow(n);
            } else {
                status("Type a link number, then Enter, to follow it", false);
            }
        }
    }

    private void back() {
        switch (screen) {
            case HELP:
                screen = helpReturn;
                break;
            case DIALOG:
                screen = dialogReturn;
                break;
            case COLLECTIONS:
                screen = feedsMode && viewing == null ? Action.Screen.FEEDS : Action.Screen.LIST;
                if (viewing != null) {
                    leaveCollection();
                    if (feedsMode) {
                        screen = Action.Screen.FEEDS;
                    }
                }
                break;
            case ARTICLE:
                screen = Action.Screen.LIST;
                clearFind();
                break;
            default:
                if (!filter.isEmpty()) {
                    filter = "";
                    applyFilter();
                } else if (viewing != null) {
                    screen = Action.Screen.COLLECTIONS; // from a collection's list back to the browser
                } else if (screen == Action.Screen.LIST && feedsMode) {
                    screen = Action.Screen.FEEDS; // from a feed's headlines back to the feed list
                } else {
                    quit = true;
                }
        }
    }

    private void sibling(int delta) {
        if (current == null || visible.isEmpty()) {
            return;
        }
        int idx = currentIndex;
        int target = idx + delta;
        if (idx < 0 || target < 0) {
            status("This is the first article", false);
            return;
        }
        if (target >= visible.size()) {
            status("This is the last article", false);
            return;
        }
        selected = target;
        clampList();
        openArticle(visible.get(target));
    }

    private void openArticle(Entry e) {
        showingFull = false;
        current = e;
        currentIndex = visible.indexOf(e);
        currentItem = e.item();
        waitingBody = false;
        if (e.feed().headlinesOnly()) { // from the cache's headline index: the body comes from the feed
            dev.tidings.model.Item full = bodies.apply(e);
            if (full != null) {
                currentItem = full;
            } else {
                waitingBody = true;
                effects.add(new Effect.LoadBody(e));
            }
        }
        article = Article.of(waitingBody ? placeholder(e.item(), "Loading the article…") : currentItem,
                e.feed().name(), e.feed().base());
        markRead(e, true);
        screen = Action.Screen.ARTICLE;
        layoutWidth = -1;
        articleTop = 0;
        clearFind();
        relayout();
        if (readerModeFeeds.contains(e.feed().source()) || readerModeFeeds.contains(e.feed().name())) {
            toggleReaderMode(); // this feed reads in reader mode by default
        }
    }

    // ---------------------------------------------------------------- bodies of headline-only entries

    /** Where the full item of a headline-only entry comes from; null while it is not loaded. */
    private java.util.function.Function<Entry, dev.tidings.model.Item> bodies = e -> null;
    /** The item the open article shows (the entry's own, or its full copy). */
    private dev.tidings.model.Item currentItem;
    private boolean waitingBody;

    public void setBodies(java.util.function.Function<Entry, dev.tidings.model.Item> bodies) {
        this.bodies = bodies;
    }

    /** A feed's bodies arrived (error null) or could not be read: the waiting article is shown. */
    public void bodyLoaded(String source, String error) {
        if (!waitingBody || current == null || !current.feed().source().equals(source)) {
            return;
        }
        dev.tidings.model.Item full = error == null ? bodies.apply(current) : null;
        waitingBody = false;
        if (full != null) {
            currentItem = full;
        }
        if (!showingFull) {
            showArticle(full != null ? full : placeholder(current.item(), "The article's text could not be read from the cache"
                    + (error == null ? "" : ": " + error) + ". Press o to open it in the browser."));
        }
    }

    private static dev.tidings.model.Item placeholder(dev.tidings.model.Item i, String line) {
        return new dev.tidings.model.Item(i.id(), i.title(), i.link(), i.published(), i.updated(), i.authors(),
                i.categories(), "<p><em>" + line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        + "</em></p>", "", List.of(), List.of());
    }

    // ---------------------------------------------------------------- reader mode

    /** Feeds (by source or name) whose articles open in reader mode. */
    public void setReaderModeFeeds(java.util.Collection<String> feeds) {
        readerModeFeeds.clear();
        readerModeFeeds.addAll(feeds);
    }

    private void toggleReaderMode() {
        if (current == null) {
            return;
        }
        if (showingFull) {
            showArticle(currentItem != null ? currentItem : current.item());
            showingFull = false;
            status("The feed's text (v: the full article)", false);
            return;
        }
        dev.tidings.model.Item full = fullText.get(current.item().id());
        if (full != null) {
            showArticle(full);
            showingFull = true;
            status("Reader mode: the full article (v: the feed's text)", false);
            return;
        }
        if (!Urls.isWeb(current.item().link())) {
            status("Reader mode needs an http(s) link; this article has none", true);
            return;
        }
        if (current.item().id().equals(extracting)) {
            return;
        }
        extracting = current.item().id();
        effects.add(new Effect.Extract(current));
        status("Fetching the full article… (the feed's text until it arrives)", false);
    }

    /** Reader mode found the article: shown at once if the reader is still on it. */
    public void setExtracted(String itemId, dev.tidings.model.Item full) {
        fullText.put(itemId, full);
        if (itemId.equals(extracting)) {
            extracting = null;
        }
        if (current != null && current.item().id().equals(itemId) && screen == Action.Screen.ARTICLE && !showingFull) {
            showArticle(full);
            showingFull = true;
            status("Reader mode: the full article (v: the feed's text)", false);
        }
    }

    /** Reader mode failed: the feed's text stays, with the reason. */
    public void extractFailed(String itemId, String reason) {
        if (itemId.equals(extracting)) {
            extracting = null;
        }
        if (current != null && current.item().id().equals(itemId)) {
            status("Reader mode failed: " + reason + "; showing the feed's text", true);
        }
    }

    public boolean showingFull() {
        return showingFull;
    }

    public boolean extracting() {
        return extracting != null;
    }

    private void showArticle(dev.tidings.model.Item item) {
        article = Article.of(item, current.feed().name(), current.feed().base());
        layoutWidth = -1;
        articleTop = 0;
        clearFind();
        relayout();
    }

    private void follow(int n) {
        if (article == null) {
            return;
        }
        List<String> links = article.body().links();
        if (n < 1 || n > links.size()) {
            status("No link " + n + ": this article has " + (links.isEmpty() ? "no links"
                    : links.size() == 1 ? "1 link" : links.size() + " links"), true);
            return;
        }
        String url = links.get(n - 1);
        if (!Urls.isWeb(url)) {
            status("Not an http(s) link, not opened: " + url, true);
            return;
        }
        effects.add(new Effect.Open(url));
    }

    private void withLink(int n, java.util.function.Consumer<String> then) {
        String url;
        if (screen == Action.Screen.ARTICLE && n > 0) {
            List<String> links = article.body().links();
            if (n > links.size()) {
                status("No link " + n + ": this article has " + links.size() + (links.size() == 1 ? " link" : " links"),
                        true);
                return;
            }
            url = links.get(n - 1);
        } else {
            Entry e = screen == Action.Screen.ARTICLE ? current : selectedEntry();
            if (e == null) {
                return;
            }
            url = e.item().link();
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

    /** The persistent read state (loaded by the shell); changes go back as PersistRead effects. */
    public void setReadState(dev.tidings.store.ReadState state) {
        read = state;
    }

    private void markRead(Entry e, boolean isRead) {
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
        effects.add(new Effect.PersistRead(read.mark(e.item().id(), e.item().link(), isRead)));
    }

    private void toggleRead() {
        Entry e = screen == Action.Screen.ARTICLE ? current : selectedEntry();
        if (e == null) {
            return;
        }
        markRead(e, !isRead(e));
        status(isRead(e) ? "Marked read" : "Marked unread", false);
    }

    private void markFeedRead() {
        Entry sel = selectedEntry();
        if (sel == null) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        int n = 0;
        boolean oneFeed = !feedsLabel.equals("all feeds");
        for (Entry e : visible) {
            if ((oneFeed || e.feed() == sel.feed()) && !isRead(e)) {
                lines.append(read.mark(e.item().id(), e.item().link(), true));
                n++;
            }
        }
        if (n > 0) {
            effects.add(new Effect.PersistRead(lines.toString()));
            unreadBySource = null;
            previewFor = null;
        }
        status("Marked " + n + (n == 1 ? " article" : " articles") + " read", false);
        if (unreadOnly) {
            applyFilter();
        }
    }

    private void toggleUnreadOnly() {
        unreadOnly = !unreadOnly;
        String keep = selectedEntry() == null ? null : selectedEntry().item().id();
        applyFilter();
        if (keep != null) {
            for (int i = 0; i < visible.size(); i++) {
                if (visible.get(i).item().id().equals(keep)) {
                    selected = i;
                }
            }
            clampList();
        }
        status(unreadOnly ? "Unread articles only (u: all)" : "All articles", false);
    }

    public boolean unreadOnly() {
        return unreadOnly;
    }

    // ---------------------------------------------------------------- collections

    /** The collections file as last read or written; null until it has been read. */
    public void setLibrary(dev.tidings.model.Library lib, boolean readOnly) {
        library = lib;
        libraryError = null;
        libraryReadOnly = readOnly;
        if (lib != null) {
            dialogSelected = clamp(dialogSelected, 0, Math.max(0, lib.collections().size() - 1));
            browserSelected = clamp(browserSelected, 0, Math.max(0, lib.collections().size() - 1));
            clampBrowser();
            if (viewing != null) {
                dev.tidings.model.Collection c = lib.find(viewing).orElse(null);
                if (c == null) {
                    leaveCollection();
                    if (screen == Action.Screen.LIST || screen == Action.Screen.ARTICLE) {
                        screen = Action.Screen.COLLECTIONS;
                    }
                } else {
                    viewing = c.name();
                    showEntries(dev.tidings.app.Saved.entries(lib, c));
                }
            }
        }
    }

    /** The collections file cannot be used: collections features say so instead of working. */
    public void setLibraryError(String message) {
        libraryError = Sanitize.line(message);
    }

    private boolean collectionsUsable() {
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

    private boolean writable() {
        if (!collectionsUsable()) {
            return false;
        }
        if (libraryReadOnly) {
            status("The collections file was written by a newer Tidings: it is read-only here", true);
            return false;
        }
        return true;
    }

    private void openDialog() {
        Entry e = screen == Action.Screen.ARTICLE ? current : selectedEntry();
        if (e == null || !collectionsUsable()) {
            return;
        }
        dev.tidings.model.Item full = fullText.get(e.item().id());
        if (full != null && (screen != Action.Screen.ARTICLE || showingFull)) {
            e = new Entry(e.number(), e.feed(), full); // save the full text when reader mode has it
        }
        dialogEntry = e;
        dialogReturn = screen;
        screen = Action.Screen.DIALOG;
        dialogSelected = 0;
    }

    private void toggleInDialog() {
        if (library == null || library.collections().isEmpty() || dialogEntry == null || !writable()) {
            return;
        }
        dev.tidings.model.Collection c = library.collections().get(dialogSelected);
        boolean add = !c.contains(dialogEntry.item().id());
        effects.add(new Effect.Toggle(c.name(), dialogEntry, add));
    }

    private void openBrowser() {
        if (!collectionsUsable()) {
            return;
        }
        screen = Action.Screen.COLLECTIONS;
        clampBrowser();
    }

    /** The collection under the browser's cursor (newest first), or null. */
    public dev.tidings.model.Collection browserCollection() {
        if (library == null || library.collections().isEmpty()) {
            return null;
        }
        List<dev.tidings.model.Collection> list = library.newestFirst();
        return list.get(clamp(browserSelected, 0, list.size() - 1));
    }

    private void viewCollection(dev.tidings.model.Collection c) {
        if (viewing == null) {
            feedEntries = all;
            feedSelected = selected;
            feedFilter = filter;
        }
        viewing = c.name();
        filter = "";
        screen = Action.Screen.LIST;
        selected = 0;
        listTop = 0;
        showEntries(dev.tidings.app.Saved.entries(library, c));
        selected = 0;
        listTop = 0;
    }

    private void leaveCollection() {
        viewing = null;
        filter = feedFilter;
        showEntries(feedEntries);
        selected = clamp(feedSelected, 0, Math.max(0, visible.size() - 1));
        clampList();
    }

    private void confirm(String question, Effect effect) {
        confirmQuestion = Sanitize.line(question);
        confirmEffect = effect;
        prompt = Prompt.CONFIRM;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void createCollection(String raw) {
        String name = raw.strip();
        String problem = dev.tidings.store.CollectionStore.nameProblem(name);
        if (problem != null) {
            status("The name " + problem + " (1-" + dev.tidings.store.CollectionStore.MAX_NAME_LENGTH
                    + " characters, no control characters)", true);
            return;
        }
        if (library != null && library.find(name).isPresent()) {
            status("A collection named '" + library.find(name).get().name() + "' exists already", true);
            return;
        }
        effects.add(new Effect.Create(name, screen == Action.Screen.DIALOG ? dialogEntry : null));
    }

    private void renameCollection(String raw) {
        dev.tidings.model.Collection c = browserCollection();
        String name = raw.strip();
        if (c == null || name.equals(c.name())) {
            return;
        }
        String problem = dev.tidings.store.CollectionStore.nameProblem(name);
        if (problem != null) {
            status("The name " + problem, true);
            return;
        }
        if (library.find(name).filter(other -> !other.name().equalsIgnoreCase(c.name())).isPresent()) {
            status("A collection named '" + library.find(name).get().name() + "' exists already", true);
            return;
        }
        effects.add(new Effect.Rename(c.name(), name));
    }

    private void clampBrowser() {
        int n = library == null ? 0 : library.collections().size();
        int r = Math.max(1, bodyRows() - 1);
        browserSelected = clamp(browserSelected, 0, Math.max(0, n - 1));
        if (browserSelected < browserTop) {
            browserTop = browserSelected;
        } else if (browserSelected >= browserTop + r) {
            browserTop = browserSelected - r + 1;
        }
        browserTop = clamp(browserTop, 0, Math.max(0, n - r));
    }

    /** True when the article is saved in some collection. */
    public boolean isSaved(Entry e) {
        return library != null && library.isSaved(e.item().id());
    }

    public dev.tidings.model.Library library() {
        return library;
    }

    public String libraryError() {
        return libraryError;
    }

    public Entry dialogEntry() {
        return dialogEntry;
    }

    public int dialogSelected() {
        return dialogSelected;
    }

    public Action.Screen dialogReturn() {
        return dialogReturn;
    }

    public int browserSelected() {
        return browserSelected;
    }

    public int browserTop() {
        return browserTop;
    }

    /** The collection shown as the headline list, or null for the feeds. */
    public String viewing() {
        return viewing;
    }

    public String confirmQuestion() {
        return confirmQuestion;
    }

    // ---------------------------------------------------------------- prompts

    private void startPrompt(Prompt p) {
        prompt = p;
        input.setLength(0);
        if (p == Prompt.FILTER) {
            input.append(filter);
        }
    }

    private void promptKey(String name) {
        if (prompt == Prompt.CONFIRM) {
            prompt = Prompt.NONE;
            if (name.equals("y") || name.equals("Y")) {
                effects.add(confirmEffect);
            } else {
                status("Cancelled", false);
            }
            confirmEffect = null;
            return;
        }
        switch (name) {
            case "Esc":
            case "C-c":
            case "C-g":
                if (prompt == Prompt.FILTER) {
                    filter = "";
                    applyFilter();
                } else if (prompt == Prompt.FIND) {
                    clearFind();
                }
                prompt = Prompt.NONE;
                return;
            case "Enter": {
                Prompt p = prompt;
                prompt = Prompt.NONE;
                String text = input.toString();
                if (p == Prompt.FIND) {
                    runFind(text);
                } else if (p == Prompt.FOLLOW) {
                    try {
                        follow(Integer.parseInt(text.strip()));
                    } catch (NumberFormatException e) {
                        status("Not a link number: " + text, true);
                    }
                } else if (p == Prompt.FILTER && visible.isEmpty() && !filter.isEmpty()) {
                    status("Nothing matches \"" + filter + "\" (Esc clears)", true);
                } else if (p == Prompt.NEW_COLLECTION) {
                    createCollection(text);
                } else if (p == Prompt.RENAME) {
                    renameCollection(text);
                }
                return;
            }
            case "Backspace":
                if (input.length() > 0) {
                    input.setLength(input.offsetByCodePoints(input.length(), -1));
                } else if (prompt != Prompt.FILTER) {
                    prompt = Prompt.NONE;
                    return;
                }
                break;
            case "Space":
                input.append(' ');
                break;
            default:
                if (name.codePointCount(0, name.length()) == 1 && input.length() < 400) {
                    if (prompt == Prompt.FOLLOW && !Character.isDigit(name.charAt(0))) {
                        return;
                    }
                    input.append(name);
                } else {
                    return;
                }
        }
        if (prompt == Prompt.FILTER) {
            filter = input.toString();
            applyFilter();
        }
    }

    // ---------------------------------------------------------------- filter and find

    private void applyFilter() {
        String q = dev.tidings.text.Find.fold(filter.strip());
        if (q.isEmpty() && !unreadOnly) {
            visible = all;
        } else {
            List<Entry> out = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Entry e = all.get(i);
                // an open article stays in an unread-only list while it is read
                if ((q.isEmpty() || haystack(i).contains(q)) && (!unreadOnly || !isRead(e) || e == current)) {
                    out.add(e);
                }
            }
            visible = out;
        }
        selected = 0;
        listTop = 0;
        currentIndex = current == null ? -1 : visible.indexOf(current);
        clampList();
    }

    private String haystack(int i) {
        String h = haystacks[i];
        if (h == null) {
            Entry e = all.get(i);
            h = dev.tidings.text.Find.fold(e.item().title() + "\u0000" + e.feed().name() + "\u0000"
                    + String.join(", ", e.item().authors()));
            haystacks[i] = h;
        }
        return h;
    }

    private void runFind(String query) {
        find = query.strip();
        findLines = new ArrayList<>();
        findIndex = -1;
        if (find.isEmpty()) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (dev.tidings.text.Find.contains(lines.get(i).text(), find)) {
                findLines.add(i);
            }
        }
        if (findLines.isEmpty()) {
            status("Not found: " + find, true);
            find = "";
            return;
        }
        // the first match at or below the top of the page
        findIndex = 0;
        for (int i = 0; i < findLines.size(); i++) {
            if (findLines.get(i) >= articleTop) {
                findIndex = i;
                break;
            }
        }
        showMatch();
    }

    private void nextMatch(int delta) {
        if (findLines.isEmpty()) {
            status("No search: / starts one", false);
            return;
        }
        findIndex = Math.floorMod(findIndex + delta, findLines.size());
        showMatch();
    }

    private void showMatch() {
        int line = findLines.get(findIndex);
        if (line < articleTop || line >= articleTop + bodyRows()) {
            articleTop = clamp(line - Math.min(3, bodyRows() / 3), 0, maxArticleTop());
        }
        status("Match " + (findIndex + 1) + " of " + findLines.size() + " for \"" + find + "\" (n/N, Esc clears)",
                false);
    }

    private void clearFind() {
        find = "";
        findLines = List.of();
        findIndex = -1;
    }

    // ---------------------------------------------------------------- layout

    /** The text width of the article at the current window width. */
    public int textWidth() {
        return Math.max(Layout.MIN_WIDTH, Math.min(width - 2, MAX_TEXT_WIDTH));
    }

    private void relayout() {
        int w = textWidth();
        if (w == layoutWidth) {
            return;
        }
        // anchor: the block at the top of the page and how far into it
        int anchorBlock = Integer.MIN_VALUE;
        double fraction = 0;
        if (layoutWidth > 0 && articleTop < blockOfLine.size() && articleTop > 0) {
            anchorBlock = blockOfLine.get(articleTop);
            int first = blockOfLine.indexOf(anchorBlock);
            int last = blockOfLine.lastIndexOf(anchorBlock);
            fraction = (articleTop - first) / (double) Math.max(1, last - first + 1);
        }
        List<Line> out = new ArrayList<>();
        List<Integer> blocks = new ArrayList<>();
        ArticleRenderer.header(article, w, zone, out);
        out.add(Line.BLANK);
        while (blocks.size() < out.size()) {
            blocks.add(-1);
        }
        List<Integer> bodyBlocks = new ArrayList<>();
        out.addAll(Layout.lay(article.body().blocks(), w, bodyBlocks));
        blocks.addAll(bodyBlocks);
        ArticleRenderer.footer(article, w, out);
        while (blocks.size() < out.size()) {
            blocks.add(Integer.MAX_VALUE);
        }
        lines = out;
        blockOfLine = blocks;
        layoutWidth = w;
        if (anchorBlock != Integer.MIN_VALUE) {
            int first = blocks.indexOf(anchorBlock);
            int last = blocks.lastIndexOf(anchorBlock);
            if (first >= 0) {
                articleTop = first + (int) Math.floor(fraction * (last - first + 1));
            }
        }
        articleTop = clamp(articleTop, 0, maxArticleTop());
        if (!find.isEmpty()) {
            String keep = find;
            int keepIndex = findIndex;
            int top = articleTop;
            runFind(keep);
            articleTop = top;
            if (!findLines.isEmpty()) {
                findIndex = Math.min(Math.max(0, keepIndex), findLines.size() - 1);
            }
        }
    }

    private void clampList() {
        int r = headlineRows();
        if (visible.isEmpty()) {
            selected = 0;
            listTop = 0;
            return;
        }
        selected = clamp(selected, 0, visible.size() - 1);
        if (selected < listTop) {
            listTop = selected;
        } else if (selected >= listTop + r) {
            listTop = selected - r + 1;
        }
        listTop = clamp(listTop, 0, Math.max(0, visible.size() - r));
    }

    private void clampHelp() {
        helpTop = clamp(helpTop, 0, Math.max(0, helpRows().size() - bodyRows()));
    }

    private int maxArticleTop() {
        return Math.max(0, lines.size() - bodyRows());
    }

    private int page() {
        return Math.max(1, rows() - 1);
    }

    private static int clamp(long v, int lo, int hi) {
        return (int) Math.max(lo, Math.min(hi, v));
    }

    // ---------------------------------------------------------------- what the view reads

    /** Rows available for the screen in focus: the window minus the title bar and the status line, or its pane. */
    public int rows() {
        Action.Screen s = screen == Action.Screen.DIALOG ? dialogReturn : screen;
        if (s == Action.Screen.FEEDS) {
            return feedPaneRows();
        }
        if (s == Action.Screen.LIST) {
            return headlineRows();
        }
        return bodyRows();
    }

    private int bodyRows() {
        return Math.max(1, height - 2);
    }

    public boolean tooSmall() {
        return width < MIN_WIDTH || height < MIN_HEIGHT;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean quitRequested() {
        return quit;
    }

    public Action.Screen screen() {
        return screen;
    }

    public Action.Screen helpReturn() {
        return helpReturn;
    }

    public List<Entry> visible() {
        return visible;
    }

    /** The feed's name when the list holds one feed, "all feeds" for several, "" for none. */
    public String feedsLabel() {
        return feedsLabel;
    }

    public int totalEntries() {
        return all.size();
    }

    public int selected() {
        return selected;
    }

    public int listTop() {
        return listTop;
    }

    public Entry selectedEntry() {
        return visible.isEmpty() ? null : visible.get(Math.min(selected, visible.size() - 1));
    }

    public Entry current() {
        return current;
    }

    /** The open article's position in the visible list, or -1 when it is filtered out. */
    public int currentIndex() {
        return currentIndex;
    }

    public Article article() {
        return article;
    }

    public List<Line> lines() {
        return lines;
    }

    public int articleTop() {
        return articleTop;
    }

    public String find() {
        return find;
    }

    public String filter() {
        return filter;
    }

    public Prompt prompt() {
        return prompt;
    }

    public String input() {
        return input.toString();
    }

    public String pendingCount() {
        return count.toString();
    }

    public String statusText() {
        return status;
    }

    public boolean statusIsError() {
        return statusError;
    }

    public String urlOverlay() {
        return urlOverlay;
    }

    public boolean isRead(Entry e) {
        return read.isRead(e.item().id(), e.item().link());
    }

    public int pendingFeeds() {
        return pending;
    }

    public int totalFeeds() {
        return total;
    }

    public List<String> loadErrors() {
        return List.copyOf(loadErrors);
    }

    public KeyMap keys() {
        return keys;
    }

    public int helpTop() {
        return helpTop;
    }

    /** The help screen's rows: keys and what they do, for the screen help was opened from. */
    public List<String[]> helpRows() {
        List<String[]> rows = new ArrayList<>();
        Action.Screen s = screen == Action.Screen.HELP ? helpReturn : screen;
        for (Action a : Action.values()) {
            if (!a.appliesTo(s)) {
                continue;
            }
            List<String> k = keys.keysFor(a);
            if (k.isEmpty() && a != Action.NEXT_MATCH) {
                continue;
            }
            if (a == Action.NEXT_MATCH && k.isEmpty()) {
                k = keys.keysFor(Action.NEXT_ARTICLE);
            }
            rows.add(new String[] {String.join(" ", k), a.help()});
        }
        if (s == Action.Screen.LIST) {
            rows.add(new String[] {"0-9", "count for the next key: 5j moves five down"});
        } else {
            rows.add(new String[] {"0-9", "count: 5j scrolls five lines; 3 Enter follows link 3"});
        }
        return rows;
    }

    /** The hint line: the main keys of this screen, from the key table. */
    public String hints() {
        List<String> parts = new ArrayList<>();
        Action.Screen s = screen;
        Action[] main = s == Action.Screen.LIST
                ? (viewing != null
                    ? new Action[] {Action.DOWN, Action.OPEN, Action.REMOVE_FROM_COLLECTION, Action.SEARCH,
                        Action.HELP, Action.BACK}
                    : new Action[] {Action.DOWN, Action.OPEN, Action.SEARCH, Action.ADD_TO_COLLECTION,
                        Action.COLLECTIONS, Action.HELP, Action.BACK})
                : s == Action.Screen.ARTICLE
                ? new Action[] {Action.PAGE_DOWN, Action.NEXT_ARTICLE, Action.FOLLOW_LINK, Action.OPEN_BROWSER,
                    Action.READER_MODE, Action.SEARCH, Action.HELP, Action.BACK}
                : s == Action.Screen.FEEDS
                ? new Action[] {Action.DOWN, Action.OPEN, Action.REFRESH, Action.REFRESH_ALL, Action.COLLECTIONS,
                    Action.HELP, Action.BACK}
                : s == Action.Screen.COLLECTIONS
                ? new Action[] {Action.DOWN, Action.OPEN, Action.NEW_COLLECTION, Action.RENAME_COLLECTION,
                    Action.DELETE_COLLECTION, Action.BACK}
                : s == Action.Screen.DIALOG
                ? new Action[] {Action.TOGGLE, Action.NEW_COLLECTION, Action.OPEN}
                : new Action[] {Action.DOWN, Action.BACK};
        for (Action a : main) {
            List<String> k = keys.keysFor(a);
            if (k.isEmpty()) {
                continue;
            }
            String key = a == Action.DOWN && k.size() > 1 && keys.keysFor(Action.UP).size() > 0
                    ? k.get(0) + "/" + keys.keysFor(Action.UP).get(0) : k.get(0);
            parts.add(key + " " + shortName(a));
        }
        return String.join("  ", parts);
    }

    private String s(Action a) {
        return screen == Action.Screen.DIALOG ? "close" : "open";
    }

    private String shortName(Action a) {
        switch (a) {
            case DOWN: return "move";
            case OPEN: return s(Action.OPEN);
            case SEARCH: return "search";
            case OPEN_BROWSER: return "browser";
            case HELP: return "help";
            case BACK: return "back/quit";
            case PAGE_DOWN: return "page";
            case NEXT_ARTICLE: return "next";
            case FOLLOW_LINK: return "link";
            case ADD_TO_COLLECTION: return "save";
            case READER_MODE: return "full text";
            case REFRESH: return "refresh";
            case REFRESH_ALL: return "refresh all";
            case COLLECTIONS: return "collections";
            case REMOVE_FROM_COLLECTION: return "remove";
            case TOGGLE: return "tick";
            case NEW_COLLECTION: return "new";
            case RENAME_COLLECTION: return "rename";
            case DELETE_COLLECTION: return "delete";
            default: return a.configName();
        }
    }

    public java.time.ZoneId zone() {
        return zone;
    }
}
