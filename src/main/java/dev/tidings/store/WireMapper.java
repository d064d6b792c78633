package dev.tidings.store;

import dev.tidings.model.Enclosure;
import dev.tidings.model.Image;
import dev.tidings.model.Item;
import dev.tidings.model.SavedArticle;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A saved article between the wire object and the model. Into the model every string is
 * sanitized (the file may have been edited by hand); out of it the article's members are set and
 * its unknown members and first-saved time kept.
 */
final class WireMapper {
    private WireMapper() {
    }

    /** The model view of a wire article; its id is the key when it has none. */
    static SavedArticle toArticle(String key, Dto.ArticleDto a) {
        List<Image> images = new ArrayList<>();
        if (a.images != null) {
            for (Dto.ImageDto i : a.images) {
                if (i != null) {
                    images.add(new Image(Sanitize.line(i.url), Sanitize.line(i.caption), Sanitize.line(i.credit)));
                }
            }
        }
        String id = a.id == null || Sanitize.line(a.id).isEmpty() ? key : a.id;
        Item item = new Item(Sanitize.line(id), Sanitize.line(a.title), Sanitize.line(a.link), instant(a.published),
                instant(a.updated), lines(a.authors), lines(a.categories), "", Sanitize.body(a.html),
                enclosures(a.enclosures), images);
        return new SavedArticle(key, item, Sanitize.line(a.feedTitle), Sanitize.line(a.feedUrl), instant(a.savedAt));
    }

    /**
     * Sets {@code a}'s members from the snapshot {@code s}. {@code savedAt} already in {@code a}
     * (when it was first saved) is kept; otherwise it is the snapshot's, or {@code now}.
     */
    static Dto.ArticleDto toWire(SavedArticle s, Dto.ArticleDto a, Instant now) {
        Item i = s.item();
        a.id = i.id();
        a.title = i.title();
        a.link = i.link();
        a.feedTitle = s.feedTitle();
        a.feedUrl = s.feedUrl();
        a.authors = new ArrayList<>(i.authors());
        a.categories = new ArrayList<>(i.categories());
        a.published = text(i.published());
        a.updated = text(i.updated());
        if (a.savedAt == null) {
            a.savedAt = text(s.savedAt() != null ? s.savedAt() : now);
        }
        a.images = new ArrayList<>();
        for (Image img : i.images()) {
            Dto.ImageDto d = new Dto.ImageDto();
            d.url = img.url();
            d.caption = img.caption();
            d.credit = img.credit();
            a.images.add(d);
        }
        a.enclosures = null; // left out of the file when there are none
        for (Enclosure e : i.enclosures()) {
            if (a.enclosures == null) {
                a.enclosures = new ArrayList<>();
            }
            Dto.EnclosureDto d = new Dto.EnclosureDto();
            d.url = e.url();
            d.type = e.type().isEmpty() ? null : e.type();
            d.length = e.length() < 0 ? null : e.length();
            d.duration = e.duration() < 0 ? null : e.duration();
            a.enclosures.add(d);
        }
        a.html = Sanitize.body(i.bodyHtml());
        return a;
    }

    /**
     * The attached files of a wire article with a web URL, sanitized: a hand may have edited the file,
     * and {@code e} hands the URL to a program.
     */
    private static List<Enclosure> enclosures(List<Dto.EnclosureDto> in) {
        List<Enclosure> out = new ArrayList<>();
        if (in != null) {
            for (Dto.EnclosureDto d : in) {
                String url = d == null ? "" : Sanitize.line(d.url);
                if (Urls.isWeb(url)) {
                    out.add(new Enclosure(url, Sanitize.line(d.type), d.length == null ? -1 : d.length,
                            d.duration == null ? -1 : d.duration));
                }
            }
        }
        return out;
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    private static List<String> lines(List<String> in) {
        List<String> out = new ArrayList<>();
        if (in != null) {
            for (String s : in) {
                if (s != null && !Sanitize.line(s).isEmpty()) {
                    out.add(Sanitize.line(s));
                }
            }
        }
        return out;
    }

    /** An ISO-8601 instant, or null when missing or not one. */
    static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
