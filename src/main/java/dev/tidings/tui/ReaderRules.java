package dev.tidings.tui;

import dev.tidings.app.IgnoreRules;
import dev.tidings.subs.QueryFeed;
import java.util.List;

/**
 * What the config and the urls file ask of the reader's articles: the {@code ignore-article}
 * rules, the query feeds and the headline order.
 */
public record ReaderRules(IgnoreRules ignore, List<QueryFeed> queries, SortOrder sort) {
    public static final ReaderRules NONE = new ReaderRules(IgnoreRules.NONE, List.of(), SortOrder.DATE_DESC);

    public ReaderRules {
        ignore = ignore == null ? IgnoreRules.NONE : ignore;
        queries = List.copyOf(queries);
        sort = sort == null ? SortOrder.DATE_DESC : sort;
    }
}
