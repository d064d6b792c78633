package dev.tidings.feed;

import dev.tidings.model.Enclosure;
import dev.tidings.model.Image;
import dev.tidings.model.Item;
import dev.tidings.model.Social;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects one item's fields while a parser walks it, then builds the sanitized {@link Item} under
 * the {@link FieldCaps}: one-line fields cut with "…", bodies capped, only http(s) or relative links.
 */
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
    /** The item's playing time (itunes:duration): given to its first audio or video enclosure without one. */
    long duration = -1;
    /** Images from enclosures and JSON Feed, in document order; Media RSS ones are in {@link #media}. */
    final List<Image> images = new ArrayList<>(1);
    final MediaImages media = new MediaImages();
    /** Points, comments, content warning, boost: JSON news sources only. */
    Social social = Social.NONE;

    void addAuthor(String name) {
        String n = FieldCaps.line(name);
        if (!n.isEmpty() && !authors.contains(n)) {
            authors.add(n);
        }
    }

    void addCategory(String name) {
        String n = FieldCaps.line(name);
        if (!n.isEmpty() && !categories.contains(n)) {
            categories.add(n);
        }
    }

    void addImage(String url, String caption, String credit) {
        if (images.size() < MediaImages.MAX) {
            images.add(new Image(url, caption, credit));
        }
    }

    /**
     * An enclosure as XML feeds write it: {@code url} resolved against {@code base}, the length as
     * text ("" or junk: unknown); an image enclosure is also one of the item's pictures.
     */
    void addEnclosure(URI base, String url, String type, String length) {
        if (url == null || url.isBlank()) {
            return;
        }
        String u = Urls.resolve(base, url);
        long len = -1;
        if (length != null) {
            try {
                len = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                len = -1;
            }
        }
        addEnclosure(u, type, len);
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("image/")) {
            addImage(u, "", "");
        }
    }

    void addEnclosure(String url, String type, long length) {
        addEnclosure(url, type, length, -1);
    }

    /**
     * One enclosure; a second one with the same URL (a podcast's {@code <enclosure>} and its
     * {@code media:content}) fills what the first left unknown instead of being added.
     */
    void addEnclosure(String url, String type, long length, long duration) {
        String u = FieldCaps.link(url);
        if (u.isEmpty()) {
            return;
        }
        String t = FieldCaps.line(type);
        for (int i = 0; i < enclosures.size(); i++) {
            Enclosure e = enclosures.get(i);
            if (e.url().equals(u)) {
                enclosures.set(i, new Enclosure(u, e.type().isEmpty() ? t : e.type(),
                        e.length() < 0 ? length : e.length(), e.duration() < 0 ? duration : e.duration()));
                return;
            }
        }
        if (enclosures.size() < MediaImages.MAX) {
            enclosures.add(new Enclosure(u, t, length, duration));
        }
    }

    /** The enclosures, the item's duration given to the first audio or video one that has none. */
    private List<Enclosure> enclosuresWithDuration() {
        if (duration < 0) {
            return enclosures;
        }
        List<Enclosure> out = new ArrayList<>(enclosures);
        for (int i = 0; i < out.size(); i++) {
            Enclosure e = out.get(i);
            String kind = e.kind();
            if (kind.equals("audio") || kind.equals("video") || kind.isEmpty()) {
                if (e.duration() < 0) {
                    out.set(i, new Enclosure(e.url(), e.type(), e.length(), duration));
                }
                break;
            }
        }
        return out;
    }

    Item build() {
        String cleanLink = Sanitize.line(link);
        String cleanTitle = FieldCaps.line(title);
        String cleanId = Sanitize.line(id);
        String cleanGuidLink = Sanitize.line(guidLink);
        if (cleanLink.isEmpty() && idIsPermalink
                && (cleanGuidLink.startsWith("http://") || cleanGuidLink.startsWith("https://"))) {
            cleanLink = cleanGuidLink;
        }
        if (cleanLink.isEmpty()) {
            cleanLink = Sanitize.line(contentSrc);
        }
        cleanLink = FieldCaps.link(cleanLink);
        if (cleanId.isEmpty()) {
            cleanId = cleanLink.isEmpty() ? hashId(cleanTitle) : cleanLink;
        }
        if (cleanId.length() > FieldCaps.MAX_URL) {
            cleanId = "tidings:" + hex(sha256(cleanId), 16);
        }
        return new Item(cleanId, cleanTitle, cleanLink, published, updated, authors, categories,
                FieldCaps.body(summaryHtml), FieldCaps.body(contentHtml), enclosuresWithDuration(), media.images(images), cleanSocial());
    }

    private Social cleanSocial() {
        if (social.isEmpty()) {
            return Social.NONE;
        }
        String comments = FieldCaps.link(social.commentsLink());
        return new Social(social.points(), social.comments(),
                comments.startsWith("https://") || comments.startsWith("http://") ? comments : "",
                FieldCaps.line(social.contentWarning()), FieldCaps.line(social.boostedBy()));
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
        MessageDigest sha = sha256();
        sha.update(cleanTitle.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(String.valueOf(published != null ? published : updated).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        if (!enclosures.isEmpty()) {
            sha.update(enclosures.get(0).url().getBytes(StandardCharsets.UTF_8));
        }
        return "tidings:" + hex(sha.digest(), 8);
    }

    private static byte[] sha256(String s) {
        return sha256().digest(s.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static String hex(byte[] d, int bytes) {
        StringBuilder hex = new StringBuilder(bytes * 2);
        for (int i = 0; i < bytes; i++) {
            hex.append(Character.forDigit((d[i] >> 4) & 0xf, 16)).append(Character.forDigit(d[i] & 0xf, 16));
        }
        return hex.toString();
    }
}
