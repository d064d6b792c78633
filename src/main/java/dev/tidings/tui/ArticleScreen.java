package dev.tidings.tui;

import dev.tidings.app.Entry;
import dev.tidings.model.Item;
import dev.tidings.render.Article;
import dev.tidings.render.ArticleRenderer;
import dev.tidings.render.Layout;
import dev.tidings.render.Line;
import dev.tidings.text.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The article: laid out for the window's width (a resize keeps the block at the top of the page),
 * scrolled by a viewport, searched with "/", its links followed by number, and shown in reader
 * mode (the full text from its web page) on "v". Opened from a {@link HeadlinesScreen}, whose
 * neighbours "n" and "p" open.
 */
final class ArticleScreen extends ScreenState {
    private HeadlinesScreen list;
    private Entry current;
    /** The open article's position in its list's visible items, or -1 when it is filtered out. */
    private int currentIndex = -1;
    /** The item shown (the entry's own, or its full copy for a headline-only entry). */
    private Item currentItem;
    private boolean waitingBody;
    private boolean showingFull;
    private Article article;
    private List<Line> lines = List.of();
    private List<Integer> blockOfLine = List.of();
    private int layoutWidth = -1;
    private final Cursor viewport = new Cursor();

    private String find = "";
    private List<Integer> findLines = List.of();
    private int findIndex = -1;

    ArticleScreen(Navigator nav) {
        super(nav);
    }

    @Override
    Action.Screen kind() {
        return Action.Screen.ARTICLE;
    }

    Entry entry() {
        return current;
    }

    int index() {
        return currentIndex;
    }

    boolean hasArticle() {
        return article != null;
    }

    Article article() {
        return article;
    }

    List<Line> lines() {
        return lines;
    }

    int top() {
        return viewport.top();
    }

    String find() {
        return find;
    }

    boolean showingFull() {
        return showingFull;
    }

    /** The list the article came from filtered again: where the article is in it now. */
    void listChanged(HeadlinesScreen changed) {
        if (changed == list) {
            currentIndex = current == null ? -1 : changed.visible().indexOf(current);
        }
    }

    // ---------------------------------------------------------------- opening

    /** Opens {@code e} from {@code from}, marks it read, and shows this screen on top. */
    void open(HeadlinesScreen from, Entry e) {
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
                session.effect(new ReaderState.Effect.LoadBody(e));
            }
        }
        article = Article.of(waitingBody ? placeholder(e.item(), "Loading the article…") : currentItem,
                e.feed().name(), e.feed().base());
        session.markRead(e, true);
        if (nav.top() != this) {
            nav.pushOnce(this);
        }
        layoutWidth = -1;
        viewport.reset();
        clearFind();
        relayout();
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
        article = Article.of(item, current.feed().name(), current.feed().base());
        layoutWidth = -1;
        viewport.reset();
        clearFind();
        relayout();
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
                    session.line.startPrompt(ReaderState.Prompt.FOLLOW, "");
                }
                break;
            case SEARCH: session.line.startPrompt(ReaderState.Prompt.FIND, ""); break;
            case NEXT_MATCH: nextMatch(1); break;
            case PREV_MATCH: nextMatch(-1); break;
            case OPEN_BROWSER:
            case COPY_LINK:
            case SHOW_URL: linkAction(a, current, article.body().links(), n); break;
            case TOGGLE_READ: session.toggleRead(current); break;
            case READER_MODE: toggleReaderMode(); break;
            default: throw new IllegalStateException("unhandled action " + a + " on the article");
        }
    }

    @Override
    void move(long delta) {
        viewport.scrollBy(delta, lines.size(), session.bodyRows());
    }

    @Override
    void moveTo(int index) {
        viewport.scrollTo(index, lines.size(), session.bodyRows());
    }

    @Override
    void back() {
        clearFind();
        nav.pop();
    }

    /** Esc first ends the search, as the status line says; the next one goes back. */
    @Override
    boolean intercept(String key) {
        if (key.equals("Esc") && !find.isEmpty()) {
            clearFind();
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
        session.effect(new ReaderState.Effect.Open(url));
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
        session.effect(new ReaderState.Effect.Extract(current));
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
            status("Reader mode failed: " + reason + "; showing the feed's text", true);
        }
    }

    // ---------------------------------------------------------------- find

    @Override
    void promptCancelled(ReaderState.Prompt p) {
        if (p == ReaderState.Prompt.FIND) {
            clearFind();
        }
    }

    @Override
    void promptEntered(ReaderState.Prompt p, String text) {
        if (p == ReaderState.Prompt.FIND) {
            runFind(text);
        } else if (p == ReaderState.Prompt.FOLLOW) {
            try {
                follow(Integer.parseInt(text.strip()));
            } catch (NumberFormatException e) {
                status("Not a link number: " + text, true);
            }
        }
    }

    private void runFind(String query) {
        find = query.strip();
        findLines = new ArrayList<>();
        findIndex = -1;
        if (find.isEmpty()) {
            return;
        }
        String q = find.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).text().toLowerCase(Locale.ROOT).contains(q)) {
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
            if (findLines.get(i) >= viewport.top()) {
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
        int rows = session.bodyRows();
        if (line < viewport.top() || line >= viewport.top() + rows) {
            viewport.scrollTo(line - Math.min(3, rows / 3), lines.size(), rows);
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
    int textWidth() {
        return Math.max(Layout.MIN_WIDTH, Math.min(session.width - 2, ReaderState.MAX_TEXT_WIDTH));
    }

    @Override
    void resized() {
        relayout();
    }

    private void relayout() {
        int w = textWidth();
        if (w == layoutWidth) {
            return;
        }
        int top = viewport.top();
        // anchor: the block at the top of the page and how far into it
        int anchorBlock = Integer.MIN_VALUE;
        double fraction = 0;
        if (layoutWidth > 0 && top < blockOfLine.size() && top > 0) {
            anchorBlock = blockOfLine.get(top);
            int first = blockOfLine.indexOf(anchorBlock);
            int last = blockOfLine.lastIndexOf(anchorBlock);
            fraction = (top - first) / (double) Math.max(1, last - first + 1);
        }
        List<Line> out = new ArrayList<>();
        List<Integer> blocks = new ArrayList<>();
        ArticleRenderer.header(article, w, session.zone, out);
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
                top = first + (int) Math.floor(fraction * (last - first + 1));
            }
        }
        viewport.scrollTo(top, lines.size(), session.bodyRows());
        if (!find.isEmpty()) {
            String keep = find;
            int keepIndex = findIndex;
            int kept = viewport.top();
            runFind(keep);
            viewport.scrollTo(kept, lines.size(), session.bodyRows());
            if (!findLines.isEmpty()) {
                findIndex = Math.min(Math.max(0, keepIndex), findLines.size() - 1);
            }
        }
    }
}
