package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.model.SavedCollection;
import dev.tidings.model.Item;
import dev.tidings.model.Library;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack of screens the reader shows: the top one has the keys, "back" pops it. The feed list
 * (with subscriptions) or the headline list is at the bottom; an article, the help, the
 * collections browser and a collection's headlines go on top; the add-to-collection dialog is an
 * overlay drawn over the screen below it. Keys arrive here, go through the {@link KeyMap} to an
 * {@link Action}, and the top screen carries it out.
 */
final class Navigator {
    final Session session;
    private final List<ScreenState> stack = new ArrayList<>();
    /** The feeds' headlines: the bottom of the stack without subscriptions, opened from the feed list with them. */
    final HeadlinesScreen feedList;
    /** The feed list; null until subscriptions give it rows. */
    private FeedsScreen feeds;
    /** The collections browser, kept so it keeps its place between visits. */
    private CollectionsScreen browser;
    /** The article, kept so the last one read stays known to its list. */
    final ArticleScreen article;
    /** What pastes and mouse reports do. */
    final PasteAndMouse pointer = new PasteAndMouse(this);
    /** Where the panes are, from the stack and the window size. */
    final PaneLayout layout = new PaneLayout(this);

    Navigator(Session session) {
        this.session = session;
        this.feedList = new HeadlinesScreen(this, null);
        this.article = new ArticleScreen(this);
        stack.add(feedList);
    }

    // ---------------------------------------------------------------- the stack

    ScreenState top() {
        return stack.get(stack.size() - 1);
    }

    /** The screen under {@code s}, or {@code s} itself at the bottom. */
    ScreenState below(ScreenState s) {
        int i = stack.lastIndexOf(s);
        return i > 0 ? stack.get(i - 1) : s;
    }

    void push(ScreenState s) {
        stack.add(s);
    }

    /** Puts {@code s} on top, taking it from lower in the stack when it is there already. */
    void pushOnce(ScreenState s) {
        stack.remove(s);
        stack.add(s);
    }

    /** Leaves the top screen; leaving the last one quits. */
    void pop() {
        if (stack.size() == 1) {
            session.quit = true;
        } else {
            stack.remove(stack.size() - 1);
        }
    }

    /** Pops the screens above {@code s}; false when it is not on the stack. */
    boolean popTo(ScreenState s) {
        int i = stack.lastIndexOf(s);
        if (i < 0) {
            return false;
        }
        while (stack.size() > i + 1) {
            stack.remove(stack.size() - 1);
        }
        return true;
    }

    /** The key table of the screen showing. */
    Action.Screen screen() {
        return top().kind();
    }

    /** The screen drawn full size: the one under the dialog while the dialog is open. */
    ScreenState under() {
        return top() instanceof AddDialog ? below(top()) : top();
    }

    /** The headline list in view or the one an article came from; the feeds' headlines otherwise. */
    HeadlinesScreen list() {
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i) instanceof HeadlinesScreen) {
                return (HeadlinesScreen) stack.get(i);
            }
        }
        return feedList;
    }

    /** The collection shown as a headline list (or under the screens on top of it), or null. */
    String viewing() {
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i) instanceof HeadlinesScreen && ((HeadlinesScreen) stack.get(i)).collection() != null) {
                return ((HeadlinesScreen) stack.get(i)).collection();
            }
        }
        return null;
    }

    /** The query of the search results shown as a headline list (or under the screens on top of it), or null. */
    String searchShown() {
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i) instanceof HeadlinesScreen && ((HeadlinesScreen) stack.get(i)).search() != null) {
                return ((HeadlinesScreen) stack.get(i)).search();
            }
        }
        return null;
    }

    /**
     * Search results: a headline list of their own on top of the feed list (q or Esc goes back);
     * a new search replaces the old results. An error is a status line message.
     */
    void showSearch(String query, List<Headline> found, String error) {
        if (error != null) {
            session.status(error, true);
            return;
        }
        for (ScreenState s : new ArrayList<>(stack)) {
            if (s instanceof HeadlinesScreen && ((HeadlinesScreen) s).search() != null) {
                popTo(below(s));
            }
        }
        HeadlinesScreen results = new HeadlinesScreen(this, null);
        results.showSearch(query, found);
        if (top() instanceof AddDialog || top() == article || top() instanceof HelpScreen) {
            session.status("Search done: " + found.size() + (found.size() == 1 ? " article" : " articles")
                    + " (back to the feed list to see them)", false);
            return; // the user went on reading meanwhile; nothing is pushed over them
        }
        push(results);
        session.status(found.isEmpty() ? "Nothing matches " + query : "", false);
    }

    FeedsScreen feeds() {
        return feeds;
    }

    CollectionsScreen browser() {
        if (browser == null) {
            browser = new CollectionsScreen(this);
        }
        return browser;
    }

    /** The dialog when it is open, else null. */
    AddDialog dialog() {
        return top() instanceof AddDialog ? (AddDialog) top() : null;
    }

    // ---------------------------------------------------------------- keys

    /** One key press, named as in {@link KeyMap} ("j", "Enter", "C-d"). */
    void key(String name) {
        StatusLine line = session.line;
        if (line.urlOverlay() != null) {
            line.showUrl(null);
            return;
        }
        if (line.prompt() != Prompt.NONE) {
            line.promptKey(name, top(), session);
            return;
        }
        line.clear();
        StringBuilder count = line.count();
        if (name.length() == 1 && Character.isDigit(name.charAt(0)) && !(count.length() == 0 && name.equals("0"))) {
            if (count.length() < 6) {
                count.append(name);
            }
            line.showCount();
            return;
        }
        int n = 0;
        if (count.length() > 0) {
            n = Integer.parseInt(count.toString());
            count.setLength(0);
        }
        if (layout.tooSmall()) {
            Action a = session.keys.lookup(name, screen());
            if (a == Action.QUIT || a == Action.BACK) {
                apply(a, n);
            }
            return;
        }
        if (top().intercept(name)) {
            return;
        }
        Action a = session.keys.lookup(name, screen());
        if (a == null) {
            if (!name.isEmpty()) {
                session.status("Key " + name + " does nothing here (? shows the keys)", false);
            }
            return;
        }
        apply(a, n);
    }

    /** An action on the top screen; what all screens share is done here. */
    void apply(Action a, int n) {
        int times = Math.max(1, n);
        ScreenState top = top();
        switch (a) {
            case DOWN: top.move(times); break;
            case UP: top.move(-times); break;
            case PAGE_DOWN: top.pageDown((long) layout.page() * times); break;
            case PAGE_UP: top.move(-(long) layout.page() * times); break;
            case HALF_DOWN: top.move((long) Math.max(1, layout.page() / 2) * times); break;
            case HALF_UP: top.move(-(long) Math.max(1, layout.page() / 2) * times); break;
            case TOP: top.moveTo(n > 0 ? n - 1 : 0); break;
            case BOTTOM: top.moveTo(Integer.MAX_VALUE); break;
            case BACK: top.back(); break;
            case QUIT: session.quit = true; break;
            case HELP: push(new HelpScreen(this, top.kind())); break;
            case REDRAW: session.effect(new Effect.Redraw()); break;
            case COLLECTIONS: openBrowser(); break;
            case ADD_TO_COLLECTION: openDialog(); break;
            case UNREAD_ONLY: toggleUnreadOnly(); break;
            case SWITCH_PANE: switchPane(); break;
            case REFRESH: refresh(false); break;
            case REFRESH_ALL: refresh(true); break;
            default: top.act(a, n);
        }
    }

    // ---------------------------------------------------------------- what several screens share

    private void openBrowser() {
        if (!session.collectionsUsable()) {
            return;
        }
        CollectionsScreen b = browser();
        if (!popTo(b)) { // a collection's list goes back to the browser it came from
            push(b);
        }
        b.resized();
    }

    /** The add-to-collection dialog, for the article open or the headline selected. */
    private void openDialog() {
        boolean inArticle = top() == article;
        Headline e = inArticle ? article.entry() : list().selectedEntry();
        if (e == null || !session.collectionsUsable()) {
            return;
        }
        Item full = session.fullText.get(e.item().id());
        if (full != null && (!inArticle || article.showingFull())) {
            e = new Headline(e.number(), e.feed(), full); // save the full text when reader mode has it
        }
        push(new AddDialog(this, e));
    }

    private void toggleUnreadOnly() {
        session.unreadOnly = !session.unreadOnly;
        for (ScreenState s : new ArrayList<>(stack)) {
            if (s instanceof HeadlinesScreen && s != list()) {
                ((HeadlinesScreen) s).refilterKeepingSelection();
            }
        }
        list().refilterKeepingSelection();
        session.status(session.unreadOnly ? "Unread articles only (u: all)" : "All articles", false);
    }

    /** Tab: the focus goes from the feed list to its headlines and back. */
    private void switchPane() {
        if (!session.feedsMode() || viewing() != null || searchShown() != null) {
            session.status("Tab switches between the feed list and the headlines (with subscriptions)", false);
        } else if (top() == feeds) {
            feeds.openRow();
        } else if (top() == feedList) {
            feedList.clearFilter();
            popTo(feeds);
        }
    }

    /**
     * r and R: subscribed feeds are refreshed in the background; feeds given on the command line
     * (files, URLs) are read again. With {@code --offline} nothing is fetched.
     */
    private void refresh(boolean all) {
        if (session.offline) {
            session.status("Offline (--offline): nothing is fetched", false);
            return;
        }
        List<String> urls = new ArrayList<>();
        if (!session.feedsMode()) {
            Headline e = list().selectedEntry();
            if (all || e == null) {
                urls.addAll(session.commandLineFeeds);
            } else {
                urls.add(e.feed().source());
            }
        } else if (all) {
            for (FeedRow r : session.feedRows()) {
                urls.add(r.source());
            }
        } else if (top() == feeds) {
            urls.addAll(feeds.selectedSources());
        } else {
            Headline e = list().selectedEntry();
            if (e != null) {
                urls.add(e.feed().source());
            }
        }
        if (!urls.isEmpty()) {
            session.effect(new Effect.Refresh(urls));
            session.status((session.feedsMode() ? "Refreshing " : "Reading again ") + urls.size()
                    + (urls.size() == 1 ? " feed" : " feeds") + "…", false);
        }
    }

    // ---------------------------------------------------------------- inputs from the shell

    void setEntries(List<Headline> entries) {
        session.setEverything(entries);
        feedList.showEntries(session.select(session.everything(), feedList.selector()));
    }

    /** A feed's bodies arrived (or could not be read): ignore rules on content decide its articles now. */
    void bodiesArrived(String source, boolean readable) {
        if (session.ignore.bodiesArrived(source, readable, session.unfiltered(), session.ruleContext())) {
            setEntries(session.unfiltered());
        }
    }

    void setFeedRows(List<FeedRow> rows) {
        boolean first = feeds == null;
        session.setFeedRows(rows);
        if (first) { // the feed list is the first screen from now on; headlines open from it
            feeds = new FeedsScreen(this);
            stack.clear();
            stack.add(feeds);
        }
        feeds.rowsChanged();
    }

    void setLibrary(Library lib, boolean readOnly) {
        session.library = lib;
        session.queries.forget(); // saved and collection may be in their rules
        session.libraryError = null;
        session.libraryReadOnly = readOnly;
        if (lib == null) {
            return;
        }
        for (ScreenState s : new ArrayList<>(stack)) {
            if (s instanceof AddDialog) {
                ((AddDialog) s).libraryChanged();
            }
        }
        browser().libraryChanged();
        for (ScreenState s : new ArrayList<>(stack)) {
            if (s instanceof HeadlinesScreen && ((HeadlinesScreen) s).collection() != null && stack.contains(s)) {
                HeadlinesScreen h = (HeadlinesScreen) s;
                SavedCollection c = lib.find(h.collection()).orElse(null);
                if (c == null) { // deleted while shown: back to the browser it was opened from
                    popTo(below(h));
                } else {
                    h.showCollection(c);
                }
            }
        }
    }

    void setSize(int w, int h) {
        session.width = Math.max(1, w);
        session.height = Math.max(1, h);
        if (article.page().article() != null) {
            article.resized();
        }
        for (ScreenState s : new ArrayList<>(stack)) {
            if (s instanceof HeadlinesScreen || s instanceof HelpScreen) {
                s.resized();
            }
        }
        if (!stack.contains(feedList)) {
            feedList.resized();
        }
    }
}
