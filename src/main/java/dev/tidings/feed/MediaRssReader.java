package dev.tidings.feed;

import dev.tidings.text.Urls;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;

/**
 * Media RSS inside an RSS item or Atom entry: {@code media:content}, {@code media:thumbnail},
 * {@code media:group} and the item-level {@code media:description}, {@code media:title} and
 * {@code media:credit}, gathered into the item's {@link MediaImages}. Audio and video
 * {@code media:content} become enclosures (one per group: the default rendition, else the first),
 * with their {@code fileSize} and {@code duration}.
 */
final class MediaRssReader {
    private MediaRssReader() {
    }

    /** Reads the current {@code media:*} element (its key {@code k}) into {@code b}. */
    static void read(XmlCursor cur, ItemBuilder b, String k) throws XMLStreamException, FeedException {
        MediaImages m = b.media;
        switch (k) {
            case "media:group" -> m.add(group(cur, b));
            case "media:content", "media:thumbnail" -> {
                Found f = mediaObject(cur, k);
                m.add(f.image());
                f.addEnclosureTo(b);
            }
            case "media:description" -> m.caption = FeedText.plainTitle(cur.text());
            case "media:title" -> m.title = FeedText.plainTitle(cur.text());
            case "media:credit" -> m.credit = MediaImages.joinCredit(m.credit, FeedText.plainTitle(cur.text()));
            default -> cur.skip();
        }
    }

    private static MediaImages.Group group(XmlCursor cur, ItemBuilder b) throws XMLStreamException, FeedException {
        MediaImages.Group g = new MediaImages.Group();
        Found playable = null;
        while (cur.nextChild()) {
            String k = cur.key();
            switch (k) {
                case "media:content", "media:thumbnail" -> {
                    Found f = mediaObject(cur, k);
                    MediaImages.Media one = f.image();
                    if (one != null && g.media.size() < MediaImages.MAX) {
                        g.media.add(one);
                    }
                    if (f.playable() && (playable == null || f.isDefault() && !playable.isDefault())) {
                        playable = f; // renditions of one thing: the default one, else the first
                    }
                }
                case "media:description" -> g.caption = FeedText.plainTitle(cur.text());
                case "media:title" -> g.title = FeedText.plainTitle(cur.text());
                case "media:credit" -> g.credit = MediaImages.joinCredit(g.credit, FeedText.plainTitle(cur.text()));
                default -> cur.skip();
            }
        }
        if (playable != null) {
            playable.addEnclosureTo(b);
        }
        return g;
    }

    /** What one media:content or media:thumbnail is: an image (or null), and/or an audio or video file. */
    private record Found(MediaImages.Media image, String url, String type, long size, long duration,
                         boolean playable, boolean isDefault) {
        void addEnclosureTo(ItemBuilder b) {
            if (playable) {
                b.addEnclosure(url, type, size, duration);
            }
        }
    }

    /** The current media:content or media:thumbnail with its children. */
    private static Found mediaObject(XmlCursor cur, String k) throws XMLStreamException, FeedException {
        String url = cur.attr("url");
        String medium = cur.attr("medium");
        String type = cur.attr("type");
        long size = number(cur.attr("fileSize"));
        long duration = Durations.parse(cur.attr("duration"));
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
        if (url == null || url.isBlank()) {
            return new Found(null, "", "", -1, -1, false, isDefault);
        }
        String resolved = Urls.resolve(cur.base(), url);
        if (isImage(url, medium, type, k)) {
            return new Found(new MediaImages.Media(k.equals("media:thumbnail"), resolved, caption, title, credit,
                    isDefault), resolved, type, size, duration, false, isDefault);
        }
        boolean playable = k.equals("media:content") && isPlayable(url, medium, type);
        return new Found(null, resolved, type == null ? "" : type, size, duration, playable, isDefault);
    }

    private static long number(String s) {
        if (s == null || s.isBlank() || s.strip().length() > 18) {
            return -1;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Audio or video by medium, else by MIME type, else by a file name ending players know. */
    private static boolean isPlayable(String url, String medium, String type) {
        if (medium != null) {
            String m = medium.strip().toLowerCase(Locale.ROOT);
            return m.equals("audio") || m.equals("video");
        }
        if (type != null && !type.isBlank()) {
            String t = type.strip().toLowerCase(Locale.ROOT);
            return t.startsWith("audio/") || t.startsWith("video/");
        }
        String u = path(url);
        return u.endsWith(".mp3") || u.endsWith(".m4a") || u.endsWith(".ogg") || u.endsWith(".opus")
                || u.endsWith(".mp4") || u.endsWith(".m4v") || u.endsWith(".webm") || u.endsWith(".mov");
    }

    private static String path(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        int q = u.indexOf('?');
        return q >= 0 ? u.substring(0, q) : u;
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
        String u = path(url);
        return u.endsWith(".jpg") || u.endsWith(".jpeg") || u.endsWith(".png") || u.endsWith(".gif")
                || u.endsWith(".webp") || u.endsWith(".avif");
    }
}
