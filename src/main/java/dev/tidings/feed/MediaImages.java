package dev.tidings.feed;

import dev.tidings.model.Image;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pictures of one item as Media RSS announces them, sorted out when the item ends: every
 * {@code media:content} image (a {@code media:group}'s rendition marked {@code isDefault} first,
 * the group's description, title and credit filling its renditions), then the item's other images
 * (enclosures), and a {@code media:thumbnail} only when nothing better exists. The item-level
 * {@code media:description}, {@code media:title} and {@code media:credit} fill the first picture.
 */
final class MediaImages {
    /** More pictures than this in one item are ignored (bounded memory for hostile feeds). */
    static final int MAX = 64;

    /** One media:content or media:thumbnail that is an image; caption etc. "" when absent. */
    record Media(boolean thumbnail, String url, String caption, String title, String credit, boolean isDefault) {
        Media filled(String groupCaption, String groupTitle, String groupCredit) {
            return new Media(thumbnail, url, caption.isEmpty() ? groupCaption : caption,
                    title.isEmpty() ? groupTitle : title, credit.isEmpty() ? groupCredit : credit, isDefault);
        }

        String captionOrTitle() {
            return caption.isEmpty() ? title : caption;
        }
    }

    /** A media:group being read. */
    static final class Group {
        final List<Media> media = new ArrayList<>(2);
        String caption = "";
        String title = "";
        String credit = "";
    }

    private final List<Media> contents = new ArrayList<>(1);
    private final List<Media> thumbnails = new ArrayList<>(1);
    String caption = "";
    String title = "";
    String credit = "";

    void add(Media m) {
        if (m == null) {
            return;
        }
        List<Media> to = m.thumbnail() ? thumbnails : contents;
        if (to.size() < MAX) {
            to.add(m);
        }
    }

    void add(Group g) {
        List<Media> ordered = new ArrayList<>(g.media.size());
        for (Media m : g.media) {
            if (m.isDefault()) {
                ordered.add(m);
            }
        }
        for (Media m : g.media) {
            if (!m.isDefault()) {
                ordered.add(m);
            }
        }
        for (Media m : ordered) {
            add(m.filled(g.caption, g.title, g.credit));
        }
    }

    /** Appends "" or a credit to {@code credits}, keeping each name once: "Jane Roe, Reuters". */
    static String joinCredit(String credits, String more) {
        String m = more.strip();
        if (m.isEmpty() || credits.equals(m) || credits.startsWith(m + ", ") || credits.endsWith(", " + m)
                || credits.contains(", " + m + ", ")) {
            return credits;
        }
        return credits.isEmpty() ? m : credits + ", " + m;
    }

    /**
     * The pictures in the order they are shown: content images, then {@code others} (image
     * enclosures, in document order), then the thumbnails when there was nothing else; each URL
     * once, sanitized; the item-level caption and credit fill the first one.
     */
    List<Image> images(List<Image> others) {
        Map<String, Image> out = new LinkedHashMap<>();
        for (Media m : contents) {
            put(out, new Image(m.url(), m.captionOrTitle(), m.credit()));
        }
        for (Image i : others) {
            put(out, i);
        }
        if (out.isEmpty()) {
            for (Media m : thumbnails) {
                put(out, new Image(m.url(), m.captionOrTitle(), m.credit()));
            }
        }
        List<Image> list = new ArrayList<>(out.values());
        if (!list.isEmpty() && (!caption.isEmpty() || !title.isEmpty() || !credit.isEmpty())) {
            Image first = list.get(0);
            String loose = FieldCaps.line(caption.isEmpty() ? title : caption);
            list.set(0, new Image(first.url(), first.caption().isEmpty() ? loose : first.caption(),
                    first.credit().isEmpty() ? FieldCaps.line(credit) : first.credit()));
        }
        return list;
    }

    private static void put(Map<String, Image> out, Image i) {
        String u = FieldCaps.link(i.url()); // http(s) or relative only, capped like every link
        if (!u.isEmpty() && out.size() < MAX) {
            out.putIfAbsent(u, new Image(u, FieldCaps.line(i.caption()), FieldCaps.line(i.credit())));
        }
    }
}
