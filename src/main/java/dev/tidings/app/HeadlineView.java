package dev.tidings.app;

import dev.tidings.model.Enclosure;
import dev.tidings.model.Item;
import dev.tidings.render.Article;
import dev.tidings.render.Layout;
import dev.tidings.render.Line;
import dev.tidings.rules.ItemView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a rule sees of an {@link Headline}: its item's fields, its feed's name, URL and tags, its
 * read mark and collections from the {@link Context}. The body is rendered to plain text (the
 * renderer's blocks laid out without wrapping) only when a rule asks for {@code content}, once.
 */
public final class HeadlineView implements ItemView {
    /**
     * Where the facts beyond the item come from.
     *
     * @param isRead      the read mark
     * @param collections the names of the collections holding an entry
     * @param feedTags    the urls file's tags of a feed, by source
     * @param fullItem    the full item of a headline-only entry when it is at hand, else null
     */
    public record Context(Predicate<Headline> isRead, Function<Headline, List<String>> collections,
                          Function<String, List<String>> feedTags, Function<Headline, Item> fullItem) {
        /** Everything unread, in no collection, feeds without tags, bodies as loaded. */
        public static Context plain() {
            return new Context(e -> false, e -> List.of(), s -> List.of(), e -> null);
        }

        public Context withRead(Predicate<Headline> read) {
            return new Context(read, collections, feedTags, fullItem);
        }

        public Context withFeedTags(Function<String, List<String>> tags) {
            return new Context(isRead, collections, tags, fullItem);
        }
    }

    private final Headline entry;
    private final Context context;
    private String content;

    public HeadlineView(Headline entry, Context context) {
        this.entry = entry;
        this.context = context;
    }

    @Override
    public String title() {
        return entry.item().title();
    }

    @Override
    public String content() {
        if (content == null) {
            content = plainText(entry, context.fullItem());
        }
        return content;
    }

    /** The entry's body as plain text: paragraphs on their own lines, no wrapping. */
    static String plainText(Headline e, Function<Headline, Item> fullItem) {
        Item item = e.item();
        if (item.bodyHtml().isBlank() && e.feed().headlinesOnly()) {
            Item full = fullItem.apply(e);
            if (full != null) {
                item = full;
            }
        }
        if (item.bodyHtml().isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Line l : Layout.lay(Article.of(item, e.feed().name(), e.feed().base()).body().blocks(), 0)) {
            sb.append(l.text()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public List<String> authors() {
        return entry.item().authors();
    }

    @Override
    public String feedTitle() {
        return entry.feed().name();
    }

    @Override
    public String feedUrl() {
        return entry.feed().source();
    }

    @Override
    public String link() {
        return entry.item().link();
    }

    @Override
    public String guid() {
        return entry.item().id();
    }

    @Override
    public List<String> tags() {
        List<String> feed = context.feedTags().apply(entry.feed().source());
        List<String> own = entry.item().categories();
        if (feed == null || feed.isEmpty()) {
            return own;
        }
        List<String> all = new ArrayList<>(feed);
        all.addAll(own);
        return all;
    }

    @Override
    public boolean unread() {
        return !context.isRead().test(entry);
    }

    @Override
    public boolean saved() {
        return !collections().isEmpty();
    }

    @Override
    public List<String> collections() {
        List<String> c = context.collections().apply(entry);
        return c == null ? List.of() : c;
    }

    @Override
    public Instant date() {
        return entry.item().date();
    }

    @Override
    public List<String> enclosureTypes() {
        List<String> out = new ArrayList<>();
        for (Enclosure en : entry.item().enclosures()) {
            out.add(en.type());
        }
        return out;
    }

    @Override
    public List<String> enclosureUrls() {
        List<String> out = new ArrayList<>();
        for (Enclosure en : entry.item().enclosures()) {
            out.add(en.url());
        }
        return out;
    }
}
