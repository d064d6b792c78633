package dev.tidings.model;

/**
 * A file attached to an item (RSS enclosure, Atom link rel="enclosure", Media RSS audio or video
 * {@code media:content}, JSON Feed attachment).
 *
 * @param url      absolute URL
 * @param type     MIME type, or "" when the feed does not say
 * @param length   size in bytes, or -1 when unknown
 * @param duration playing time in seconds (itunes:duration, media:content duration, JSON Feed
 *                 duration_in_seconds), or -1 when unknown
 */
public record Enclosure(String url, String type, long length, long duration) {
    public Enclosure {
        if (url == null || url.isEmpty()) {
            throw new IllegalArgumentException("enclosure url must not be empty");
        }
        type = type == null ? "" : type;
        length = length < 0 ? -1 : length;
        duration = duration < 0 ? -1 : duration;
    }

    /** An enclosure whose duration is not known. */
    public Enclosure(String url, String type, long length) {
        this(url, type, length, -1);
    }

    /** "audio", "video", "image", ... : the MIME type's top-level part, lower case; "" when unknown. */
    public String kind() {
        int slash = type.indexOf('/');
        return (slash > 0 ? type.substring(0, slash) : "").strip().toLowerCase(java.util.Locale.ROOT);
    }
}
