package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.app.Saved;
import dev.tidings.model.SavedCollection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A headline list: the feeds' headlines (all, one feed or a tag's, chosen on the feed list) or a
 * collection's articles. Typing after "/" filters it as you type; "u" shows unread ones only.
 */
final class HeadlinesScreen extends ScreenState {
    /** The collection shown, or null for the feeds' headlines. */
    private String collection;
    /** The query whose results are shown, or null. */
    private String search;
    /** The feed-list row the headlines are from ("feed:URL", "tag:NAME"), null for all feeds. */
    private String selector;
    private String selectorLabel = "";
    /** The entries in their sort order, with the "/" text and the F rule cached per entry. */
    private final HeadlineEntries entries = new HeadlineEntries();
    private List<Headline> visible = List.of();
    private String filter = "";
    private String feedsLabel = "";
    /** The item selected when the filter prompt opened: the cursor goes back to it when a filter that matched nothing is cleared. */
    private String selectedBeforeFilter;
    private final Cursor cursor = new Cursor();

    HeadlinesScreen(Navigator nav, String collection) {
        super(nav);
        this.collection = collection;
    }

    @Override
    Action.Screen kind() {
        return Action.Screen.LIST;
    }

    String collection() {
        return collection;
    }

    String search() {
        return search;
    }

    /** Shows the results of a search of every article, best first. */
    void showSearch(String query, List<Headline> found) {
        search = query;
        filter = "";
        cursor.reset();
        showEntries(found);
        cursor.reset();
    }

    String selector() {
        return selector;
    }

    String selectorLabel() {
        return selectorLabel;
    }

    List<Headline> visible() {
        return visible;
    }

    int total() {
        return entries.all().size();
    }

    String filter() {
        return filter;
    }

    /** The rule filtering the list (F), "" for none. */
    String ruleText() {
        return entries.rule() == null ? "" : entries.rule().text();
    }

    /** The feed's name when the list holds one feed, "all feeds" for several, "" for none. */
    String feedsLabel() {
        return feedsLabel;
    }

    int selected() {
        return cursor.selected();
    }

    int top() {
        return cursor.top();
    }

    Headline selectedEntry() {
        return visible.isEmpty() ? null : visible.get(Math.min(cursor.selected(), visible.size() - 1));
    }

    // ---------------------------------------------------------------- keys

    @Override
    void act(Action a, int n) {
        switch (a) {
            case OPEN: {
                Headline e = selectedEntry();
                if (e != null) {
                    nav.article.open(this, e);
                }
                break;
            }
            case SEARCH:
                selectedBeforeFilter = selectedEntry() == null ? null : selectedEntry().item().id();
                session.line.startPrompt(Prompt.FILTER, filter);
                break;
            case FILTER_RULE: session.line.startPrompt(Prompt.RULE, ruleText()); break;
            case SORT: {
                session.sort = session.sort.next();
                resort();
                status("Sorted: " + session.sort.label() + " (" + String.join("/", session.keys.keysFor(Action.SORT))
                        + ": next order)", false);
                break;
            }
            case OPEN_BROWSER:
            case COPY_LINK:
            case SHOW_URL: linkAction(a, selectedEntry(), null, n); break;
            case SEND_TO: startSendTo(selectedEntry()); break;
            case TOGGLE_READ: session.toggleRead(selectedEntry()); break;
            case MARK_FEED_READ: markFeedRead(); break;
            case STAR: {
                Headline e = selectedEntry();
                if (e != null) {
                    session.effect(new Effect.Star(e));
                }
                break;
            }
            case NEXT_UNREAD: {
                int next = nextUnread(cursor.selected());
                if (next < 0) {
                    status("No unread article below this one", false);
                } else {
                    cursor.select(next);
                    clampList();
                }
                break;
            }
            case REMOVE_FROM_COLLECTION: {
                Headline e = selectedEntry();
                if (collection == null) {
                    status("d removes an article from a collection: open one with c first", false);
                } else if (e != null && session.writable()) {
                    Effect remove = new Effect.Remove(collection, e.item().id());
                    session.line.confirm("Remove '", e.item().title(), "' from '" + collection + "'? (y/n)",
                            () -> session.effect(remove));
                }
                break;
            }
            default: throw new IllegalStateException("unhandled action " + a + " on the headline list");
        }
    }

    @Override
    void move(long delta) {
        cursor.moveBy(delta, visible.size(), nav.layout.headlineRows());
    }

    @Override
    void moveTo(int index) {
        cursor.moveTo(index, visible.size(), nav.layout.headlineRows());
    }

    /** Esc first clears the filter, then the rule; then back to the feed list or the collections, or quit. */
    @Override
    void back() {
        if (!filter.isEmpty()) {
            clearFilter();
        } else if (entries.rule() != null) {
            setRule(null);
            status("Rule cleared: all articles", false);
        } else {
            nav.pop();
        }
    }

    @Override
    void resized() {
        clampList();
    }

    /** The article after or before the one open, by {@code delta}: the cursor follows. */
    void sibling(int index, int delta) {
        int target = index + delta;
        if (index < 0 || target < 0) {
            status("This is the first article", false);
            return;
        }
        if (target >= visible.size()) {
            status("This is the last article", false);
            return;
        }
        cursor.select(target);
        clampList();
        nav.article.open(this, visible.get(target));
    }

    /** The first unread article after {@code index} in the list, or -1. */
    private int nextUnread(int index) {
        for (int i = Math.max(-1, index) + 1; i < visible.size(); i++) {
            if (!session.isRead(visible.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Opens the first unread article after {@code index} (the one open), or says there is none. */
    void openNextUnread(int index) {
        int next = nextUnread(index);
        if (next < 0) {
            status("No unread article after this one", false);
            return;
        }
        cursor.select(next);
        clampList();
        nav.article.open(this, visible.get(next));
    }

    /** A: every unread article of the selected one's feed (of all shown, with one feed) read, after a yes. */
    private void markFeedRead() {
        Headline sel = selectedEntry();
        if (sel == null) {
            return;
        }
        boolean oneFeed = !feedsLabel.equals("all feeds");
        List<Headline> marked = new ArrayList<>();
        for (Headline e : visible) {
            if ((oneFeed || e.feed() == sel.feed()) && !session.isRead(e)) {
                marked.add(e);
            }
        }
        if (marked.isEmpty()) {
            status("Every article of " + sel.feed().name() + " here is read already", false);
            return;
        }
        int k = marked.size();
        session.line.confirm("Mark " + k + (k == 1 ? " article" : " articles") + " of '", sel.feed().name(),
                "' read? (y/n)", () -> {
                    int n = session.markAllRead(marked);
                    status("Marked " + n + (n == 1 ? " article" : " articles") + " read", false);
                    if (session.unreadOnly) {
                        refilterKeepingSelection();
                    }
                });
    }

    // ---------------------------------------------------------------- what is listed

    /** Opens the headlines of a feed-list row: the filter is cleared, the cursor at the top. */
    void reset(String selector, String label, List<Headline> entries) {
        this.selector = selector;
        this.selectorLabel = label;
        filter = "";
        cursor.reset();
        showEntries(entries);
        cursor.reset();
    }

    /** Shows a collection's articles (again, after the collections changed). */
    void showCollection(SavedCollection c) {
        collection = c.name();
        showEntries(Saved.entries(session.library, c));
    }

    /**
     * Replaces the entries, keeping the cursor on the same item; when that item is gone (taken out
     * of the collection), on the one that took its place.
     */
    void showEntries(List<Headline> entries) {
        String selectedId = selectedEntry() == null ? null : selectedEntry().item().id();
        int was = cursor.selected();
        this.entries.set(entries, session.sort, session::isRead);
        Set<String> names = new LinkedHashSet<>();
        for (Headline e : entries) {
            names.add(e.feed().name());
            if (names.size() > 1) {
                break;
            }
        }
        feedsLabel = names.isEmpty() ? "" : names.size() == 1 ? names.iterator().next() : "all feeds";
        applyFilter();
        if (selectedId != null) {
            cursor.select(was);
            for (int i = 0; i < visible.size(); i++) {
                if (visible.get(i).item().id().equals(selectedId)) {
                    cursor.select(i);
                    break;
                }
            }
        }
        clampList();
    }

    /** Filters again (unread only changed), keeping the cursor on the same item when it stays. */
    void refilterKeepingSelection() {
        String keep = selectedEntry() == null ? selectedBeforeFilter : selectedEntry().item().id();
        applyFilter();
        if (keep != null) {
            for (int i = 0; i < visible.size(); i++) {
                if (visible.get(i).item().id().equals(keep)) {
                    cursor.select(i);
                }
            }
            clampList();
        }
    }

    /** The filter is cleared; the cursor stays on the item it was on. */
    void clearFilter() {
        if (!filter.isEmpty()) {
            filter = "";
            refilterKeepingSelection();
        }
    }

    private void clampList() {
        cursor.keepInView(visible.size(), nav.layout.headlineRows());
    }

    // ---------------------------------------------------------------- sort and rule

    /** Sorts again in the session's order; the cursor stays on the same article. */
    void resort() {
        entries.sort(session.sort, session::isRead);
        refilterKeepingSelection();
    }

    /** Filters by {@code r} (null: no rule); the cursor stays on the same article when it stays. */
    void setRule(dev.tidings.rules.Rule r) {
        entries.setRule(r);
        refilterKeepingSelection();
        String problem = r == null ? null : r.takeProblem();
        if (problem != null) {
            status(problem, true);
        }
    }

    // ---------------------------------------------------------------- the filter

    @Override
    void promptEdited(Prompt p, String text) {
        if (p == Prompt.FILTER) {
            filter = text;
            applyFilter();
        }
    }

    @Override
    void promptCancelled(Prompt p) {
        if (p == Prompt.FILTER) {
            filter = "";
            refilterKeepingSelection();
        }
    }

    @Override
    void promptEntered(Prompt p, String text) {
        if (p == Prompt.SEND_TO) {
            sendToEntered(text);
            return;
        }
        if (p == Prompt.FILTER && visible.isEmpty() && !filter.isEmpty()) {
            status("Nothing matches \"" + filter + "\" (Esc clears)", true);
        }
        if (p == Prompt.RULE) {
            enterRule(text);
        }
    }

    /** F then Enter: an empty rule shows all again; a bad one is a status-line error and changes nothing. */
    private void enterRule(String text) {
        if (text.isBlank()) {
            if (entries.rule() != null) {
                setRule(null);
                status("Rule cleared: all articles", false);
            }
            return;
        }
        dev.tidings.rules.Rule r;
        try {
            r = dev.tidings.rules.Rule.parse(text, java.time.Clock.systemUTC(), session.zone);
        } catch (dev.tidings.rules.RuleException e) {
            status(e.getMessage(), true);
            return;
        }
        setRule(r);
        if (!session.line.isError()) {
            status("Rule: " + r.text() + " — " + visible.size() + (visible.size() == 1 ? " article" : " articles")
                    + " (Esc clears)", false);
        }
    }

    /** The visible headlines again: the "/" filter, unread only and the rule over the entries. */
    private void applyFilter() {
        Headline current = nav.article.entry();
        String q = dev.tidings.text.Find.fold(filter.strip());
        if (q.isEmpty() && !session.unreadOnly && entries.rule() == null) {
            visible = entries.all();
        } else {
            visible = entries.narrowed(q, session.unreadOnly, session::isRead, current, session.ruleContext());
        }
        cursor.reset();
        nav.article.listChanged(this);
        clampList();
    }
}
