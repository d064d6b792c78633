package dev.tidings.tui;

import dev.tidings.render.Article;
import dev.tidings.render.ArticleRenderer;
import dev.tidings.render.Layout;
import dev.tidings.render.Line;
import java.util.ArrayList;
import java.util.List;

/**
 * An article laid out for the window: its lines at the current text width, the viewport over them,
 * and the text search. A resize lays the same blocks out again and keeps the block that was at the
 * top of the page there (the anchor); an active search is run again on the new lines.
 */
final class ArticlePage {
    private final Session session;
    private Article article;
    private List<Line> lines = List.of();
    /** The block each line comes from: -1 for the header, {@code Integer.MAX_VALUE} for the footer. */
    private List<Integer> blockOfLine = List.of();
    private int layoutWidth = -1;
    private final Cursor viewport = new Cursor();

    private String find = "";
    private List<Integer> findLines = List.of();
    private int findIndex = -1;

    ArticlePage(Session session) {
        this.session = session;
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

    boolean hasMatches() {
        return !findLines.isEmpty();
    }

    /** Shows {@code a} from its top, with no search. */
    void show(Article a) {
        article = a;
        layoutWidth = -1;
        viewport.reset();
        clearFind();
        relayout();
    }

    /** True when the last line is on the page: paging down has nowhere to go. */
    boolean atEnd() {
        return viewport.top() >= Math.max(0, lines.size() - session.bodyRows());
    }

    void scrollBy(long delta) {
        viewport.scrollBy(delta, lines.size(), session.bodyRows());
    }

    void scrollTo(long line) {
        viewport.scrollTo(line, lines.size(), session.bodyRows());
    }

    // ---------------------------------------------------------------- find

    void runFind(String query) {
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
            session.status("Not found: " + find, true);
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

    void nextMatch(int delta) {
        if (findLines.isEmpty()) {
            session.status("No search: / starts one", false);
            return;
        }
        findIndex = Math.floorMod(findIndex + delta, findLines.size());
        showMatch();
    }

    private void showMatch() {
        int line = findLines.get(findIndex);
        int rows = session.bodyRows();
        if (line < viewport.top() || line >= viewport.top() + rows) {
            scrollTo(line - Math.min(3, rows / 3));
        }
        session.status("Match " + (findIndex + 1) + " of " + findLines.size() + " for \"" + find
                + "\" (n/N, Esc clears)", false);
    }

    void clearFind() {
        find = "";
        findLines = List.of();
        findIndex = -1;
    }

    // ---------------------------------------------------------------- layout

    /** The text width of the article at the current window width. */
    int textWidth() {
        return Math.max(Layout.MIN_WIDTH, Math.min(session.width - 2, ReaderState.MAX_TEXT_WIDTH));
    }

    /** Lays the article out again if the text width changed, keeping the block at the top of the page. */
    void relayout() {
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
        scrollTo(top);
        if (!find.isEmpty()) {
            String keep = find;
            int keepIndex = findIndex;
            int kept = viewport.top();
            runFind(keep);
            scrollTo(kept);
            if (!findLines.isEmpty()) {
                findIndex = Math.min(Math.max(0, keepIndex), findLines.size() - 1);
            }
        }
    }
}
