package dev.tidings.render;

import dev.tidings.model.Item;
import dev.tidings.model.Social;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * An item ready to lay out: its header fields and its body converted once. Build with
 * {@link #of(Item, String, URI)}; lay out with {@link ArticleRenderer#lines}.
 */
public record Article(String title, String feedTitle, List<String> authors, Instant date, String link,
                      ArticleBody body, Social social) {
    public Article {
        authors = List.copyOf(authors);
        social = social == null ? Social.NONE : social;
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
        return new Article(Sanitize.line(item.title()), Sanitize.line(feedTitle), item.authors(), item.date(),
                Urls.isWeb(item.link()) ? item.link() : "", body, item.social());
    }
}
