package dev.tidings.feed;

import dev.tidings.text.Urls;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;

/**
 * Media RSS inside an RSS item or Atom entry: {@code media:content}, {@code media:thumbnail},
 * {@code media:group} and the item-level {@code media:description}, {@code media:title} and
 * {@code media:credit}, gathered into the item's {@link MediaImages}.
 */
final class MediaRssReader {
    private MediaRssReader() {
    }

    /** Reads the current {@code media:*} element (its key {@code k}) into {@code b}. */
    static void read(XmlCursor cur, ItemBuilder b, String k) throws XMLStreamException, FeedException {
        MediaImages m = b.media;
        switch (k) {
            case "media:group" -> m.add(group(cur));
            case "media:content", "media:thumbnail" -> m.add(mediaObject(cur, k));
            case "media:description" -> m.caption = FeedText.plainTitle(cur.text());
            case "media:title" -> m.title = FeedText.plainTitle(cur.text());
            case "media:credit" -> m.credit = MediaImages.joinCredit(m.credit, FeedText.plainTitle(cur.text()));
            default -> cur.skip();
        }
    }

    private static MediaImages.Group group(XmlCursor cur) throws XMLStreamException, FeedException {
        MediaImages.Group g = new MediaImages.Group();
        while (cur.nextChild()) {
            String k = cur.key();
            switch (k) {
                case "media:content", "media:thumbnail" -> {
                    MediaImages.Media one = mediaObject(cur, k);
                    if (one != null && g.media.size() < MediaImages.MAX) {
                        g.media.add(one);
                    }
                }
                case "media:description" -> g.caption = FeedText.plainTitle(cur.text());
                case "media:title" -> g.title = FeedText.plainTitle(cur.text());
                case "media:credit" -> g.credit = MediaImages.joinCredit(g.credit, FeedText.plainTitle(cur.text()));
                default -> cur.skip();
            }
        }
        return g;
    }

    /** The current media:content or media:thumbnail with its children, or null when not an image. */
    private static MediaImages.Media mediaObject(XmlCursor cur, String k) throws XMLStreamException, FeedException {
        String url = cur.attr("url");
        String medium = cur.attr("medium");
        String type = cur.attr("type");
        boolean isDefault = "true".equalsIgnoreCase(String.valueOf(cur.attr("isDefault")).strip());
        String caption = "";
        String credit = "";
        String title = "";
        while (cur.nextChild()) {
            switch (cur.key()) {
                case "media:description" -> caption = FeedText.plainTitle(cur.text());
                case "media:title" -> title = FeedText.plainTitle(cur.text());
                case "media:credit" -> credit = MediaImages.joinCredit(credit, FeedText.plainTitle(cur.text()));
                default -> cur.skip();
            }
        }
        if (url == null || url.isBlank() || !isImage(url, medium, type, k)) {
            return null;
        }
        return new MediaImages.Media(k.equals("media:thumbnail"), Urls.resolve(cur.base(), url), caption, title,
                credit, isDefault);
    }

    private static boolean isImage(String url, String medium, String type, String k) {
        if (k.equals("media:thumbnail")) {
            return true;
        }
        if (medium != null) {
            return medium.trim().equalsIgnoreCase("image");
        }
        if (type != null) {
            return type.toLowerCase(Locale.ROOT).startsWith("image/");
        }
        String u = url.toLowerCase(Locale.ROOT);
        int q = u.indexOf('?');
        if (q >= 0) {
            u = u.substring(0, q);
        }
        return u.endsWith(".jpg") || u.endsWith(".jpeg") || u.endsWith(".png") || u.endsWith(".gif")
                || u.endsWith(".webp") || u.endsWith(".avif");
    }
}
