package dev.tidings.app;

import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import dev.tidings.feed.Feeds;
import dev.tidings.model.Feed;
import dev.tidings.model.Item;
import dev.tidings.model.Library;
import dev.tidings.model.SavedArticle;
import dev.tidings.search.Doc;
import dev.tidings.search.Query;
import dev.tidings.search.SearchIndex;
import dev.tidings.store.FeedCache;
import dev.tidings.subs.Subscription;
import dev.tidings.text.Urls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Search as a use case: keeps the {@link SearchIndex} in step with the feed cache and the
 * collections, and runs queries over the subscriptions and the saved articles.
 *
 * <ul>
 *   <li>A feed's segment is stamped with the cached body's SHA-256 and the subscription's name;
 *       {@link #catchUp} re-indexes every feed whose stamp differs (refreshed by another process,
 *       renamed, index damaged or deleted) and drops segments of feeds no longer subscribed.</li>
 *   <li>{@link #afterRefresh} re-indexes the feeds a refresh updated, at once.</li>
 *   <li>The collections' segment is stamped with the collections file's size and time.</li>
 * </ul>
 */
public final class Searching {
    private final FeedCache cache;
    private final SearchIndex index;

    public Searching(FeedCache cache, SearchIndex index) {
        this.cache = cache;
        this.index = index;
    }

    /** The index in {@code $XDG_CACHE_HOME/tidings/search}, over that cache's feeds. */
    public static Searching of(Path cacheDir) {
        return new Searching(new FeedCache(cacheDir), new SearchIndex(SearchIndex.defaultDir(cacheDir)));
    }

    public SearchIndex index() {
        return index;
    }

    /** The stamp a subscription's segment must carry to be current, or null when nothing is cached. */
    String stamp(Subscription s) {
        return cache.bodyHash(s.url()).map(h -> h + "\n" + s.name()).orElse(null);
    }

    /**
     * Indexes one subscription's cached body (parsed in full), replacing its segment; a feed with
     * nothing cached, or a cached body that is not a feed, leaves the index.
     *
     * @return the number of articles indexed
     */
    public int update(Subscription s) throws IOException {
        dev.tidings.store.CachedFeed e = cache.get(s.url()).orElse(null);
        String stamp = stamp(s);
        if (e == null || stamp == null) {
            index.removeFeed(s.url());
            return 0;
        }
        Feed feed;
        try {
            feed = Feeds.parse(e.body(), e.contentType(), Urls.base(e.finalUrl() != null ? e.finalUrl() : s.url()),
                    Detail.FULL);
        } catch (FeedException | RuntimeException bad) {
            index.removeFeed(s.url());
            return 0;
        }
        String name = s.name().isEmpty() ? feed.title() : s.name();
        List<Doc> docs = new ArrayList<>(feed.items().size());
        for (Item it : feed.items()) {
            docs.add(new Doc(it.id(), it.title(), it.link(), it.authors(), name, it.date(), it.bodyHtml()));
        }
        index.update(s.url(), stamp, docs);
        return docs.size();
    }

    /** Re-indexes the feeds a refresh updated or moved. Failures leave the feed to the next {@link #catchUp}. */
    public void afterRefresh(List<Refresher.Result> results, List<Subscription> subs) {
        Map<String, Subscription> byUrl = new java.util.HashMap<>();
        for (Subscription s : subs) {
            byUrl.put(s.url(), s);
        }
        for (Refresher.Result r : results) {
            Subscription s = byUrl.get(r.url());
            if (s != null && (r.status() == Refresher.Status.UPDATED || r.status() == Refresher.Status.MOVED)) {
                try {
                    update(r.newUrl() != null ? s.withUrl(r.newUrl()) : s);
                } catch (IOException | RuntimeException ignored) {
                    // the segment stays stale; catchUp rebuilds it before the next search
                }
            }
        }
    }

    /**
     * Brings every subscription's segment up to date and drops those of feeds not subscribed.
     *
     * @return how many segments were rewritten
     */
    public int catchUp(List<Subscription> subs) throws IOException {
        int rewritten = 0;
        Set<String> keep = new LinkedHashSet<>();
        keep.add(SearchIndex.COLLECTIONS);
        for (Subscription s : subs) {
            keep.add(s.url());
            String want = stamp(s);
            if (want == null) {
                index.removeFeed(s.url());
            } else if (!want.equals(index.stamp(s.url()))) {
                update(s);
                rewritten++;
            }
        }
        index.retain(keep);
        return rewritten;
    }

    /** The stamp of the collections file as it is now: size and modification time; null when there is none. */
    public static String collectionsStamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isRegularFile() ? a.size() + "@" + a.lastModifiedTime().toMillis() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** True when the collections' segment does not match the file (re-index with {@link #updateCollections}). */
    public boolean collectionsStale(Path file) {
        String want = collectionsStamp(file);
        String have = index.stamp(SearchIndex.COLLECTIONS);
        return want == null ? have != null : !want.equals(have);
    }

    /** Indexes the saved articles of a library read from {@code file} (an empty library removes the segment). */
    public void updateCollections(Library library, Path file) throws IOException {
        String stamp = collectionsStamp(file);
        if (stamp == null || library.articles().isEmpty()) {
            index.removeFeed(SearchIndex.COLLECTIONS);
            return;
        }
        List<Doc> docs = new ArrayList<>(library.articles().size());
        for (SavedArticle a : library.articles().values()) {
            Item it = a.item();
            docs.add(new Doc(a.key(), it.title(), it.link(), it.authors(), a.feedTitle(), it.date(), it.bodyHtml()));
        }
        index.update(SearchIndex.COLLECTIONS, stamp, docs);
    }

    /**
     * Searches the subscriptions' articles and the saved ones.
     *
     * @throws IllegalArgumentException when the query has nothing to search for (its message says why)
     */
    public SearchIndex.Results search(String query, List<Subscription> subs, int limit) {
        Query q = Query.parse(query);
        List<String> sources = new ArrayList<>(subs.size() + 1);
        for (Subscription s : subs) {
            sources.add(s.url());
        }
        sources.add(SearchIndex.COLLECTIONS);
        return index.search(q, sources, limit);
    }
}
