package dev.tidings.render;

import dev.tidings.model.Enclosure;
import dev.tidings.model.Item;
import dev.tidings.model.Social;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An item ready to lay out: its header fields, its enclosures (web URLs only) and its body
 * converted once. Build with {@link #of(Item, String, URI)}; lay out with {@link ArticleRenderer#lines}.
 */
public record Article(String title, String feedTitle, List<String> authors, Instant date, String link,
                      ArticleBody body, Social social, List<Enclosure> enclosures) {
    public Article {
        authors = List.copyOf(authors);
        social = social == null ? Social.NONE : social;
        enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
    }

    /** An article without enclosures. */
    public Article(String title, String feedTitle, List<String> authors, Instant date, String link, ArticleBody body,
                   Social social) {
        this(title, feedTitle, authors, date, link, body, social, List.of());
    }

    /**
     * The numbered link list: the body's links, then each enclosure URL the body does not link
     * to already. Footnote {@code [n]} is element {@code n - 1}.
     */
    public List<String> links() {
        List<String> body = this.body.links();
        if (enclosures.isEmpty()) {
            return body;
        }
        List<String> all = new ArrayList<>(body);
        for (Enclosure e : enclosures) {
            if (!all.contains(e.url())) {
                all.add(e.url());
            }
        }
        return all;
    }

    /** The footnote number of an enclosure's URL in {@link #links()}, 1-based. */
    public int footnote(Enclosure e) {
        return links().indexOf(e.url()) + 1;
    }

    /** An article without points, comments, content warning or boost. */
    public Article(String title, String feedTitle, List<String> authors, Instant date, String link, ArticleBody body) {
        this(title, feedTitle, authors, date, link, body, Social.NONE);
    }

    /** Converts an item's body (content, else summary) with the item link as base for relative URLs. */
    public static Article of(Item item, String feedTitle, URI feedBase) {
        URI base = Urls.base(item.link());
        if (base == null) {
            base = feedBase;
        }
        ArticleBody body = HtmlConverter.convert(item.bodyHtml(), base, item.images());
        List<Enclosure> enclosures = new ArrayList<>(item.enclosures().size());
        for (Enclosure e : item.enclosures()) {
            if (Urls.isWeb(e.url())) {
                enclosures.add(e);
            }
        }
        return new Article(Sanitize.line(item.title()), Sanitize.line(feedTitle), item.authors(), item.date(),
                Urls.isWeb(item.link()) ? item.link() : "", body, item.social(), enclosures);
    }
}
