package dev.tidings.model;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed. Text fields are already sanitized: one-line fields hold no control
 * characters, escape sequences or bidi overrides. Bodies are HTML ({@code summaryHtml},
 * {@code contentHtml}); plain-text bodies from the feed are escaped into HTML when parsed.
 *
 * @param id          stable id: guid/id, else link, else a hash of title and date
 * @param title       headline, "" when the feed has none
 * @param link        absolute URL of the article, "" when none
 * @param published   when first published, or null when unknown or unparseable
 * @param updated     when last changed, or null
 * @param authors     author names, possibly empty
 * @param categories  categories/tags, possibly empty
 * @param summaryHtml teaser (RSS description, Atom summary, JSON Feed summary), "" when none
 * @param contentHtml full body (content:encoded, Atom content, content_html/content_text), "" when none
 * @param enclosures  attachments
 * @param images      images announced by the feed (media:content, JSON Feed image)
 * @param social      points, comments, content warning, boost (JSON news sources), else {@link Social#NONE}
 */
public record Item(
        String id,
        String title,
        String link,
        Instant published,
        Instant updated,
        List<String> authors,
        List<String> categories,
        String summaryHtml,
        String contentHtml,
        List<Enclosure> enclosures,
        List<Image> images,
        Social social) {

    /** An item without {@link Social} data (RSS, Atom, JSON Feed). */
    public Item(String id, String title, String link, Instant published, Instant updated, List<String> authors,
                List<String> categories, String summaryHtml, String contentHtml, List<Enclosure> enclosures,
                List<Image> images) {
        this(id, title, link, published, updated, authors, categories, summaryHtml, contentHtml, enclosures, images,
                Social.NONE);
    }

    public Item {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("item id must not be empty");
        }
        title = title == null ? "" : title;
        link = link == null ? "" : link;
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        summaryHtml = summaryHtml == null ? "" : summaryHtml;
        contentHtml = contentHtml == null ? "" : contentHtml;
        enclosures = List.copyOf(enclosures);
        images = List.copyOf(images);
        social = social == null ? Social.NONE : social;
    }

    /** The date to sort and show by: published, else updated, else null. */
    public Instant date() {
        return published != null ? published : updated;
    }

    /** The body to render: the content when there is one, else the summary. */
    public String bodyHtml() {
        return contentHtml.isBlank() ? summaryHtml : contentHtml;
    }
}
