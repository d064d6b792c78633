package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.model.Item;
import dev.tidings.model.Library;
import dev.tidings.render.Article;
import dev.tidings.render.Line;
import dev.tidings.store.ReadState;
import dev.tidings.text.Sanitize;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything the reader shows, with no Lanterna in sight: tests drive it with key names and read
 * it back. Keys go through the {@link KeyMap} to {@link Action}s; side effects the state cannot
 * perform itself (open a browser, copy to the clipboard, redraw) are queued as {@link Effect}s for
 * the terminal shell to carry out.
 *
 * <p>This is the face the view, the shell and the tests see. Behind it a {@link Navigator} keeps a
 * stack of screens ({@link FeedsScreen}, {@link HeadlinesScreen}, {@link ArticleScreen},
 * {@link HelpScreen}, {@link CollectionsScreen}, {@link AddDialog}) over one {@link Session}.
 * What the shell sets once is on {@link #settings()}; the feed list, the collections and the help
 * are read through {@link #feedList()}, {@link #collections()} and {@link #help()}.
 */
public final class ReaderState {
    /** The smallest window that is fully usable. */
    public static final int MIN_WIDTH = 40;
    public static final int MIN_HEIGHT = 12;
    /** From this height on the feed list is a pane above the headline list; below it they take turns. */
    public static final int SPLIT_MIN_HEIGHT = 20;
    /** Article text never gets wider than this, however wide the window: long lines are hard to read. */
    public static final int MAX_TEXT_WIDTH = 100;

    private final Session session;
    private final Navigator nav;
    private final ReaderSettings settings;
    private final FeedListFace feedList;
    private final CollectionsFace collections;
    private final HelpFace help;

    public ReaderState(KeyMap keys, ZoneId zone) {
        this.session = new Session(keys, zone);
        this.nav = new Navigator(session);
        this.settings = new ReaderSettings(session);
        this.feedList = new FeedListFace(nav);
        this.collections = new CollectionsFace(nav);
        this.help = new HelpFace(nav);
    }

    /** What the shell tells the reader once: the config's and command line's settings, bodies, stars. */
    public ReaderSettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- inputs from the shell

    /** Replaces the feeds' headlines (after a feed loaded), keeping the selection on the same item. */
    public void setEntries(List<Headline> entries) {
        nav.setEntries(entries);
    }

    /** Subscriptions mode: the feed list is the top screen. Rows come from the urls file and the cache. */
    public void setFeedRows(List<FeedRow> rows) {
        nav.setFeedRows(rows);
    }

    /** Items a refresh brought while the reader is open: counted in the title bar while unread. */
    public void arrived(List<dev.tidings.model.Item> items) {
        items.forEach(session.arrivals::add);
    }

    /** How many arrived items are still unread ("3 new"). */
    public int newCount() {
        return session.newCount();
    }

    /** Feeds still loading in the background, out of how many. */
    public void setLoading(int pending, int total) {
        session.pending = pending;
        session.total = total;
    }

    /** A feed failed: shown in the status line; the rest keeps working. */
    public void addLoadError(String message) {
        session.loadErrors.add(Sanitize.line(message));
        status(message, true);
    }

    /** The window's size in cells. Re-lays the article and keeps the reading position. */
    public void setSize(int w, int h) {
        nav.setSize(w, h);
    }

    /** Shows a message in the status line until the next key. */
    public void status(String message, boolean error) {
        session.status(message, error);
    }

    public List<Effect> drainEffects() {
        return session.drainEffects();
    }

    /** One key press, named as in {@link KeyMap} ("j", "Enter", "C-d"). */
    public void key(String name) {
        nav.key(name);
    }

    void apply(Action a, int n) {
        nav.apply(a, n);
    }

    /** Pasted text: typed into the open prompt, else ignored with a word in the status line. */
    public void paste(String text) {
        nav.pointer.paste(text);
    }

    /** A mouse report (wheel, click) from a terminal asked for them. */
    void mouse(InputSplitter.Mouse report) {
        nav.pointer.mouse(report);
    }

    /** A feed's bodies arrived (error null) or could not be read: the waiting article is shown. */
    public void bodyLoaded(String source, String error) {
        nav.bodiesArrived(source, error == null);
        nav.article.bodyLoaded(source, error);
    }

    /** The next feed whose bodies the ignore rules need (a rule on content), or null: parsed when idle. */
    public String nextBodiesToCheck() {
        return session.ignore.nextToCheck(session.unfiltered());
    }

    /** A refresh replaced {@code source}: its new articles are checked against content rules again. */
    public void feedReloaded(String source) {
        session.ignore.reloaded(source);
    }

    /** "1 pinboard, 2 wallabag": the send-to prompt's choices. */
    public String sendToChoices() {
        return session.sendToChoices();
    }

    /**
     * A search from the feed list finished: its results as a headline list titled with the query,
     * or the reason it could not run.
     */
    public void searchDone(String query, List<Headline> found, String error) {
        nav.showSearch(query, found, error);
    }

    /** Reader mode found the article: shown at once if the reader is still on it. */
    public void setExtracted(String itemId, Item full) {
        nav.article.setExtracted(itemId, full);
    }

    /** Reader mode failed: the feed's text stays, with the reason. */
    public void extractFailed(String itemId, String reason) {
        nav.article.extractFailed(itemId, reason);
    }

    /** The persistent read state (loaded by the shell); changes go back as PersistRead effects. */
    public void setReadState(ReadState state) {
        session.setReadState(state);
    }

    /** The collections file as last read or written; null until it has been read. */
    public void setLibrary(Library lib, boolean readOnly) {
        nav.setLibrary(lib, readOnly);
    }

    /** The collections file cannot be used: collections features say so instead of working. */
    public void setLibraryError(String message) {
        session.setLibraryError(message);
    }

    // ---------------------------------------------------------------- the feed list

    /** True with subscriptions: the feed list is the first screen. */
    public boolean feedsMode() {
        return session.feedsMode();
    }

    /** The feed list's rows, counts, selection and preview. */
    public FeedListFace feedList() {
        return feedList;
    }

    /**
     * True when the feed list and the headline list share the screen: subscriptions, a window at
     * least {@link #SPLIT_MIN_HEIGHT} rows high, and neither a collection nor an article shown.
     */
    public boolean split() {
        return nav.layout.split();
    }

    /** Rows of the feed list: a pane of about two fifths of the window when split, else all rows. */
    public int feedPaneRows() {
        return nav.layout.feedPaneRows();
    }

    /** Rows of the headline list: below the feed pane and its one-line caption when split. */
    public int headlineRows() {
        return nav.layout.headlineRows();
    }

    /** The screen row where the headline list starts. */
    public int headlineOrigin() {
        return nav.layout.headlineOrigin();
    }

    // ---------------------------------------------------------------- the headline list

    public List<Headline> visible() {
        return nav.list().visible();
    }

    /** The feed's name when the list holds one feed, "all feeds" for several, "" for none. */
    public String feedsLabel() {
        return nav.list().feedsLabel();
    }

    public int totalEntries() {
        return nav.list().total();
    }

    public int selected() {
        return nav.list().selected();
    }

    public int listTop() {
        return nav.list().top();
    }

    public Headline selectedEntry() {
        return nav.list().selectedEntry();
    }

    public String filter() {
        return nav.list().filter();
    }

    /** The rule filtering the headline list (F), "" for none. */
    public String rule() {
        return nav.list().ruleText();
    }

    /** The headline lists' order (the sort key, {@code sort} in the config). */
    public SortOrder sortOrder() {
        return session.sort;
    }

    public boolean unreadOnly() {
        return session.unreadOnly;
    }

    public boolean isRead(Headline e) {
        return session.isRead(e);
    }

    // ---------------------------------------------------------------- the article

    public Headline current() {
        return nav.article.entry();
    }

    /** The open article's position in the visible list, or -1 when it is filtered out. */
    public int currentIndex() {
        return nav.article.index();
    }

    public Article article() {
        return nav.article.page().article();
    }

    public List<Line> lines() {
        return nav.article.page().lines();
    }

    public int articleTop() {
        return nav.article.page().top();
    }

    public String find() {
        return nav.article.page().find();
    }

    /** The text width of the article at the current window width. */
    public int textWidth() {
        return nav.article.page().textWidth();
    }

    public boolean showingFull() {
        return nav.article.showingFull();
    }

    public boolean extracting() {
        return session.extracting != null;
    }

    // ---------------------------------------------------------------- collections

    /** The collections file, the browser and the add-to-collection dialog. */
    public CollectionsFace collections() {
        return collections;
    }

    /** True when the article is saved in some collection. */
    public boolean isSaved(Headline e) {
        return session.isSaved(e);
    }

    /** True when the article is starred on its sync server. */
    public boolean isStarred(Headline e) {
        return session.starred.test(e);
    }

    /** The screen the dialog is drawn over. */
    public Action.Screen dialogReturn() {
        return nav.under().kind();
    }

    /** The collection shown as the headline list, or null for the feeds. */
    public String viewing() {
        return nav.viewing();
    }

    /** The query whose results are the headline list shown (or under the screens on top), or null. */
    public String searchShown() {
        return nav.searchShown();
    }

    /** The yes/no question asked, fitted to the window: its subject is shortened, "(y/n)" stays. */
    public String confirmQuestion() {
        return session.line.confirmQuestion(Math.max(1, session.width - 1));
    }

    // ---------------------------------------------------------------- the window, status line and help

    /** Rows available for the screen in focus: the window minus the title bar and the status line, or its pane. */
    public int rows() {
        return nav.layout.rows();
    }

    public boolean tooSmall() {
        return nav.layout.tooSmall();
    }

    public int width() {
        return session.width;
    }

    public int height() {
        return session.height;
    }

    public boolean quitRequested() {
        return session.quit;
    }

    public Action.Screen screen() {
        return nav.screen();
    }

    public Prompt prompt() {
        return session.line.prompt();
    }

    public String input() {
        return session.line.input().toString();
    }

    public String pendingCount() {
        return session.line.count().toString();
    }

    public String statusText() {
        return session.line.status();
    }

    public boolean statusIsError() {
        return session.line.isError();
    }

    public String urlOverlay() {
        return session.line.urlOverlay();
    }

    public int pendingFeeds() {
        return session.pending;
    }

    public int totalFeeds() {
        return session.total;
    }

    public List<String> loadErrors() {
        return List.copyOf(session.loadErrors);
    }

    public KeyMap keys() {
        return session.keys;
    }

    /** The help screen: whose keys, its rows, its scroll. */
    public HelpFace help() {
        return help;
    }

    /** The hint line: the main keys of this screen, from the key table. */
    public String hints() {
        return KeyHelp.hints(session.keys, nav.screen(), nav.viewing() != null);
    }

    public ZoneId zone() {
        return session.zone;
    }
}
