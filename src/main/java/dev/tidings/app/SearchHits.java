package dev.tidings.app;

import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Library;
import dev.tidings.model.SavedArticle;
import dev.tidings.search.Hit;
import dev.tidings.search.SearchIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Search hits as the reader's headlines: a feed's hit is the headline the reader already holds
 * (same feed URL and item id), so read marks, bodies and collections work as in any list; a saved
 * article's hit is built from the collections, like a collection's list. Hits the reader no longer
 * holds (the feed was refreshed since, or unsubscribed) are left out.
 *
 * <pre>entries([hit(feed A, "x")], [entry(A, "x"), entry(A, "y")], lib) = [entry(A, "x")]; entries([], ..) = []</pre>
 */
public final class SearchHits {
    private SearchHits() {
    }

    /** The label saved articles' entries carry as their source. */
    public static final String SAVED_SOURCE = "collections";

    public static List<Headline> entries(List<Hit> hits, List<Headline> headlines, Library library) {
        Map<String, Headline> byKey = new HashMap<>(headlines.size() * 2);
        for (Headline e : headlines) {
            byKey.putIfAbsent(e.feed().source() + "\n" + e.item().id(), e);
        }
        List<Headline> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            if (SearchIndex.COLLECTIONS.equals(h.source())) {
                SavedArticle a = library == null ? null : library.articles().get(h.id());
                if (a != null) {
                    Feed f = new Feed(FeedFormat.SAVED, a.feedTitle(), "", "", "", List.of(a.item()));
                    out.add(new Headline(out.size() + 1, new LoadedFeed(SAVED_SOURCE, f, null), a.item()));
                }
            } else {
                Headline e = byKey.get(h.source() + "\n" + h.id());
                if (e != null) {
                    out.add(e);
                }
            }
        }
        return out;
    }
}
