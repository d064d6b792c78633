package dev.tidings.feed;

import dev.tidings.model.Enclosure;
import dev.tidings.model.Image;
import dev.tidings.model.Item;
import dev.tidings.model.Social;
import dev.tidings.text.Sanitize;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Collects one item's fields while a parser walks it, then builds the sanitized {@link Item}. */
final class ItemBuilder {
    String id = "";
    boolean idIsPermalink;
    /** The guid resolved as a URL, when isPermaLink allows: the link of last resort. */
    String guidLink = "";
    /** Atom content src="...": the link when there is no other. */
    String contentSrc = "";
    String title = "";
    String link = "";
    Instant published;
    Instant updated;
    final List<String> authors = new ArrayList<>(2);
    final List<String> categories = new ArrayList<>(4);
    String summaryHtml = "";
    String contentHtml = "";
    final List<Enclosure> enclosures = new ArrayList<>(1);
    final List<Image> images = new ArrayList<>(1);
    /** media:description / media:credit found at item level, applied to the first image. */
    String looseCaption = "";
    String looseCredit = "";
    /** Points, comments, content warning, boost: JSON news sources only. */
    Social social = Social.NONE;

    void addAuthor(String name) {
        String n = Sanitize.line(name);
        if (!n.isEmpty() && !authors.contains(n)) {
            authors.add(n);
        }
    }

    void addCategory(String name) {
        String n = Sanitize.line(name);
        if (!n.isEmpty() && !categories.contains(n)) {
            categories.add(n);
        }
    }

    void addImage(String url, String caption, String credit) {
        String u = Sanitize.line(url);
        if (u.isEmpty()) {
            return;
        }
        for (Image existing : images) {
            if (existing.url().equals(u)) {
                return;
            }
        }
        images.add(new Image(u, Sanitize.line(caption), Sanitize.line(credit)));
    }

    void addEnclosure(String url, String type, long length) {
        String u = Sanitize.line(url);
        if (!u.isEmpty()) {
            enclosures.add(new Enclosure(u, Sanitize.line(type), length));
        }
    }

    Item build() {
        if (!looseCaption.isEmpty() || !looseCredit.isEmpty()) {
            if (!images.isEmpty()) {
                Image first = images.get(0);
                images.set(0, new Image(first.url(),
                        first.caption().isEmpty() ? Sanitize.line(looseCaption) : first.caption(),
                        first.credit().isEmpty() ? Sanitize.line(looseCredit) : first.credit()));
            }
        }
        String cleanLink = Sanitize.line(link);
        String cleanTitle = Sanitize.line(title);
        String cleanId = Sanitize.line(id);
        String cleanGuidLink = Sanitize.line(guidLink);
        if (cleanLink.isEmpty() && idIsPermalink
                && (cleanGuidLink.startsWith("http://") || cleanGuidLink.startsWith("https://"))) {
            cleanLink = cleanGuidLink;
        }
        if (cleanLink.isEmpty()) {
            cleanLink = Sanitize.line(contentSrc);
        }
        if (cleanId.isEmpty()) {
            cleanId = cleanLink.isEmpty() ? hashId(cleanTitle) : cleanLink;
        }
        return new Item(cleanId, cleanTitle, cleanLink, published, updated, authors, categories,
                Sanitize.body(summaryHtml), Sanitize.body(contentHtml), enclosures, images, cleanSocial());
    }

    private Social cleanSocial() {
        if (social.isEmpty()) {
            return Social.NONE;
        }
        String comments = Sanitize.line(social.commentsLink());
        return new Social(social.points(), social.comments(),
                comments.startsWith("https://") || comments.startsWith("http://") ? comments : "",
                Sanitize.line(social.contentWarning()), Sanitize.line(social.boostedBy()));
    }

    /** Items without authors get the feed's; the others are returned as they are. */
    static List<Item> inheritAuthors(List<Item> items, List<String> feedAuthors) {
        if (feedAuthors.isEmpty()) {
            return items;
        }
        List<Item> out = new ArrayList<>(items.size());
        for (Item i : items) {
            out.add(i.authors().isEmpty() ? new Item(i.id(), i.title(), i.link(), i.published(), i.updated(),
                    feedAuthors, i.categories(), i.summaryHtml(), i.contentHtml(), i.enclosures(), i.images(), i.social()) : i);
        }
        return out;
    }

    /** A stable id for items without guid or link: a hash of what list and dump both read. */
    private String hashId(String cleanTitle) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(cleanTitle.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(published != null ? published : updated).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            if (!enclosures.isEmpty()) {
                sha.update(enclosures.get(0).url().getBytes(StandardCharsets.UTF_8));
            }
            byte[] d = sha.digest();
            StringBuilder hex = new StringBuilder("tidings:");
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", d[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
