package dev.tidings.app;

import dev.tidings.model.SavedCollection;
import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import dev.tidings.model.Library;
import dev.tidings.model.SavedArticle;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Saving articles and reading them back: between headlines and the collections file. */
public final class Saved {
    private Saved() {
    }

    /** The article's key in the collections file: its item id. */
    public static String key(Headline e) {
        return e.item().id();
    }

    /** An offline snapshot of a headline's article, body and images included. */
    public static SavedArticle snapshot(Headline e, Instant now) {
        Item i = e.item();
        Item body = new Item(i.id(), i.title(), i.link(), i.published(), i.updated(), i.authors(), i.categories(), "",
                Sanitize.body(i.bodyHtml()), i.enclosures(), i.images(), i.social());
        String feedUrl = e.feed().base() != null ? e.feed().base().toString()
                : Urls.isWeb(e.feed().source()) ? e.feed().source() : source(e.feed().source());
        return new SavedArticle(key(e), body, e.feed().name(), feedUrl, now);
    }

    private static String source(String s) {
        if (s.equals("stdin") || s.equals(FeedLoader.SAMPLE)) {
            return s;
        }
        try {
            return Path.of(s).toAbsolutePath().normalize().toString();
        } catch (RuntimeException ex) {
            return s;
        }
    }

    /**
     * A collection's articles as numbered headlines, grouped under their feeds' names, newest
     * first: what `dump --collection` and the TUI show, readable with no feed and no network.
     */
    public static List<Headline> entries(Library library, SavedCollection c) {
        Map<String, List<Item>> byFeed = new LinkedHashMap<>();
        for (String key : c.articles()) {
            SavedArticle a = library.articles().get(key);
            if (a != null) {
                byFeed.computeIfAbsent(a.feedTitle(), k -> new ArrayList<>()).add(a.item());
            }
        }
        List<LoadedFeed> feeds = new ArrayList<>();
        for (Map.Entry<String, List<Item>> f : byFeed.entrySet()) {
            String title = f.getKey().isEmpty() ? c.name() : f.getKey();
            feeds.add(new LoadedFeed(c.name(), new Feed(FeedFormat.SAVED, title, "", "", "", f.getValue()), null));
        }
        return FeedLoader.headlines(feeds);
    }
}
