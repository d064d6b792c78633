package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.model.Enclosure;
import dev.tidings.model.Item;
import dev.tidings.render.Article;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.util.List;

/**
 * The article: laid out for the window's width (a resize keeps the block at the top of the page),
 * scrolled by a viewport, searched with "/", its links followed by number, and shown in reader
 * mode (the full text from its web page) on "v"; the layout, viewport and search are its
 * {@link ArticlePage}. Opened from a {@link HeadlinesScreen}, whose
 * neighbours "n" and "p" open.
 */
final class ArticleScreen extends ScreenState {
    private HeadlinesScreen list;
    private Headline current;
    /** The open article's position in its list's visible items, or -1 when it is filtered out. */
    private int currentIndex = -1;
    /** The item shown (the entry's own, or its full copy for a headline-only entry). */
    private Item currentItem;
    private boolean waitingBody;
    private boolean showingFull;
    private final ArticlePage page;

    ArticleScreen(Navigator nav) {
        super(nav);
        this.page = new ArticlePage(session);
    }

    @Override
    Action.Screen kind() {
        return Action.Screen.ARTICLE;
    }

    Headline entry() {
        return current;
    }

    int index() {
        return currentIndex;
    }

    ArticlePage page() {
        return page;
    }

    boolean showingFull() {
        return showingFull;
    }

    /** The list the article came from filtered again: where the article is in it now. */
    void listChanged(HeadlinesScreen changed) {
        if (changed == list) {
            currentIndex = current == null ? -1 : indexOf(changed.visible(), current);
        }
    }

    /**
     * Where {@code e} is in {@code list}: the same entry, else the same item of the same feed (a
     * refresh replaced the entries: new numbers, a new copy of the feed), else -1.
     */
    private static int indexOf(List<Headline> list, Headline e) {
        int i = list.indexOf(e);
        for (int k = 0; i < 0 && k < list.size(); k++) {
            Headline x = list.get(k);
            if (x.item().id().equals(e.item().id()) && x.feed().source().equals(e.feed().source())) {
                i = k;
            }
        }
        return i;
    }

    // ---------------------------------------------------------------- opening

    /** Opens {@code e} from {@code from}, marks it read, and shows this screen on top. */
    void open(HeadlinesScreen from, Headline e) {
        list = from;
        showingFull = false;
        current = e;
        currentIndex = from.visible().indexOf(e);
        currentItem = e.item();
        waitingBody = false;
        if (e.feed().headlinesOnly()) { // from the cache's headline index: the body comes from the feed
            Item full = session.bodies.apply(e);
            if (full != null) {
                currentItem = full;
            } else {
                waitingBody = true;
                session.effect(new Effect.LoadBody(e));
            }
        }
        Article article = Article.of(waitingBody ? placeholder(e.item(), "Loading the article…") : currentItem,
                e.feed().name(), e.feed().base());
        session.markRead(e, true);
        if (nav.top() != this) {
            nav.pushOnce(this);
        }
        page.show(article);
        if (session.readerModeFeeds.contains(e.feed().source()) || session.readerModeFeeds.contains(e.feed().name())) {
            toggleReaderMode(); // this feed reads in reader mode by default
        }
    }

    /** A feed's bodies arrived (error null) or could not be read: the waiting article is shown. */
    void bodyLoaded(String source, String error) {
        if (!waitingBody || current == null || !current.feed().source().equals(source)) {
            return;
        }
        Item full = error == null ? session.bodies.apply(current) : null;
        waitingBody = false;
        if (full != null) {
            currentItem = full;
        }
        if (!showingFull) {
            showArticle(full != null ? full : placeholder(current.item(), "The article's text could not be read from the cache"
                    + (error == null ? "" : ": " + error) + ". Press o to open it in the browser."));
        }
    }

    private static Item placeholder(Item i, String line) {
        return new Item(i.id(), i.title(), i.link(), i.published(), i.updated(), i.authors(),
                i.categories(), "<p><em>" + line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        + "</em></p>", "", List.of(), List.of());
    }

    private void showArticle(Item item) {
        page.show(Article.of(item, current.feed().name(), current.feed().base()));
    }

    // ---------------------------------------------------------------- keys

    @Override
    void act(Action a, int n) {
        int times = Math.max(1, n);
        switch (a) {
            case OPEN:
                if (n > 0) {
                    follow(n);
                } else {
                    status("Type a link number, then Enter, to follow it", false);
                }
                break;
            case NEXT_ARTICLE:
                if (page.hasMatches()) {
                    page.nextMatch(1);
                } else {
                    sibling(times);
                }
                break;
            case PREV_ARTICLE: sibling(-times); break;
            case NEXT_UNREAD:
                if (list != null) {
                    list.openNextUnread(currentIndex);
                }
                break;
            case FOLLOW_LINK:
                if (n > 0) {
                    follow(n);
                } else {
                    session.line.startPrompt(Prompt.FOLLOW, "");
                }
                break;
            case SEARCH: session.line.startPrompt(Prompt.FIND, ""); break;
            case NEXT_MATCH: page.nextMatch(1); break;
            case PREV_MATCH: page.nextMatch(-1); break;
            case OPEN_BROWSER:
            case COPY_LINK:
            case SHOW_URL: linkAction(a, current, page.article().links(), n); break;
            case OPEN_ENCLOSURE: openEnclosure(n); break;
            case SEND_TO: startSendTo(current); break;
            case TOGGLE_READ: session.toggleRead(current); break;
            case STAR:
                if (current != null) {
                    session.effect(new Effect.Star(current));
                }
                break;
            case READER_MODE: toggleReaderMode(); break;
            default: throw new IllegalStateException("unhandled action " + a + " on the article");
        }
    }

    @Override
    void move(long delta) {
        page.scrollBy(delta);
    }

    @Override
    void moveTo(int index) {
        page.scrollTo(index);
    }

    /** Space (page down) at the end of the article goes on to the next one, as in less and newsboat. */
    @Override
    void pageDown(long rows) {
        if (page.atEnd()) {
            sibling(1);
        } else {
            page.scrollBy(rows);
        }
    }

    @Override
    void back() {
        page.clearFind();
        nav.pop();
    }

    /** Esc first ends the search, as the status line says; the next one goes back. */
    @Override
    boolean intercept(String key) {
        if (key.equals("Esc") && !page.find().isEmpty()) {
            page.clearFind();
            return true;
        }
        return false;
    }

    private void sibling(int delta) {
        if (current == null || list == null || list.visible().isEmpty()) {
            return;
        }
        list.sibling(currentIndex, delta);
    }

    private void follow(int n) {
        if (page.article() == null) {
            return;
        }
        List<String> links = page.article().links();
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
        session.effect(new Effect.Open(url));
    }

    /** "e": enclosure {@code n} (the first without a count) with its open-with program, else the browser. */
    private void openEnclosure(int n) {
        if (page.article() == null || current == null) {
            return;
        }
        List<Enclosure> enclosures = page.article().enclosures();
        if (enclosures.isEmpty()) {
            status(waitingBody ? "The article is still loading" : "This article has no enclosures", true);
            return;
        }
        int i = Math.max(1, n);
        if (i > enclosures.size()) {
            status("No enclosure " + i + ": this article has " + enclosures.size(), true);
            return;
        }
        Enclosure e = enclosures.get(i - 1);
        session.effect(new Effect.Open(e.url(), e.type(), currentItem.title(), current.feed().name()));
    }

    // ---------------------------------------------------------------- reader mode

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
        Item full = session.fullText.get(current.item().id());
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
        if (current.item().id().equals(session.extracting)) {
            return;
        }
        session.extracting = current.item().id();
        session.effect(new Effect.Extract(current));
        status("Fetching the full article… (the feed's text until it arrives)", false);
    }

    /** Reader mode found the article: shown at once if the reader is still on it. */
    void setExtracted(String itemId, Item full) {
        session.fullText.put(itemId, full);
        if (itemId.equals(session.extracting)) {
            session.extracting = null;
        }
        if (current != null && current.item().id().equals(itemId) && nav.top() == this && !showingFull) {
            showArticle(full);
            showingFull = true;
            status("Reader mode: the full article (v: the feed's text)", false);
        }
    }

    /** Reader mode failed: the feed's text stays, with the reason. */
    void extractFailed(String itemId, String reason) {
        if (itemId.equals(session.extracting)) {
            session.extracting = null;
        }
        if (current != null && current.item().id().equals(itemId)) {
            // the reason comes last and a long URL in it is shortened, so the reason is never cut off
            status(ShortUrls.fit("Reader mode failed: " + Sanitize.line(reason),
                    Math.max(20, session.width - 2)), true);
        }
    }

    // ---------------------------------------------------------------- find

    @Override
    void promptCancelled(Prompt p) {
        if (p == Prompt.FIND) {
            page.clearFind();
        }
    }

    @Override
    void promptEntered(Prompt p, String text) {
        if (p == Prompt.SEND_TO) {
            sendToEntered(text);
        } else if (p == Prompt.FIND) {
            page.runFind(text);
        } else if (p == Prompt.FOLLOW) {
            try {
                follow(Integer.parseInt(text.strip()));
            } catch (NumberFormatException e) {
                status("Not a link number: " + text, true);
            }
        }
    }

    @Override
    void resized() {
        page.relayout();
    }
}
