package dev.tidings.rules;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The fields a rule can name, with newsboat's names accepted as aliases where the meaning is the
 * same ({@code feedtitle} for {@code feed}, {@code rssurl} for {@code feedurl}).
 */
enum Field {
    TITLE(Kind.TEXT, "the article's title", List.of("title")),
    CONTENT(Kind.TEXT, "the article's body as plain text", List.of("content", "body")),
    AUTHOR(Kind.TEXT, "the authors, joined by \", \"", List.of("author", "authors")),
    FEED(Kind.TEXT, "the feed's title", List.of("feed", "feedtitle")),
    FEEDURL(Kind.TEXT, "the feed's URL", List.of("feedurl", "rssurl")),
    LINK(Kind.TEXT, "the article's link", List.of("link", "url")),
    GUID(Kind.TEXT, "the article's id", List.of("guid", "id")),
    TAGS(Kind.LIST, "the feed's tags and the article's categories", List.of("tags", "tag")),
    COLLECTION(Kind.LIST, "the collections holding the article", List.of("collection", "collections")),
    ENCLOSURE_TYPE(Kind.LIST, "the MIME types of its enclosures", List.of("enclosure_type")),
    ENCLOSURE_URL(Kind.LIST, "the URLs of its enclosures", List.of("enclosure_url")),
    UNREAD(Kind.BOOL, "yes when not read yet", List.of("unread")),
    SAVED(Kind.BOOL, "yes when in a collection", List.of("saved")),
    DATE(Kind.DATE, "published, else updated", List.of("date")),
    AGE(Kind.AGE, "time since the date, in whole days (or the unit written: 12h, 2w)", List.of("age"));

    /** What kind of value a field holds: it decides the operators that apply. */
    enum Kind { TEXT, LIST, BOOL, DATE, AGE }

    final Kind kind;
    final String meaning;
    final List<String> names;

    Field(Kind kind, String meaning, List<String> names) {
        this.kind = kind;
        this.meaning = meaning;
        this.names = names;
    }

    /** The field a name means (case-insensitive), or null. */
    static Field byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Field f : values()) {
            if (f.names.contains(n)) {
                return f;
            }
        }
        return null;
    }

    /** The name rules and messages use. */
    String ruleName() {
        return names.get(0);
    }

    /** The text of a TEXT field. */
    String text(ItemView v) {
        switch (this) {
            case TITLE: return v.title();
            case CONTENT: return v.content();
            case AUTHOR: return String.join(", ", v.authors());
            case FEED: return v.feedTitle();
            case FEEDURL: return v.feedUrl();
            case LINK: return v.link();
            case GUID: return v.guid();
            default: throw new IllegalStateException(this + " is not a text field");
        }
    }

    /** The values of a LIST field. */
    List<String> list(ItemView v) {
        Function<ItemView, List<String>> f;
        switch (this) {
            case TAGS: f = ItemView::tags; break;
            case COLLECTION: f = ItemView::collections; break;
            case ENCLOSURE_TYPE: f = ItemView::enclosureTypes; break;
            case ENCLOSURE_URL: f = ItemView::enclosureUrls; break;
            default: throw new IllegalStateException(this + " is not a list field");
        }
        return f.apply(v);
    }

    /** The value of a BOOL field. */
    boolean bool(ItemView v) {
        return this == UNREAD ? v.unread() : v.saved();
    }
}
