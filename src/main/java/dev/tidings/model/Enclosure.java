package dev.tidings.model;

/**
 * A file attached to an item (RSS enclosure, Atom link rel="enclosure", JSON Feed attachment).
 *
 * @param url    absolute URL
 * @param type   MIME type, or "" when the feed does not say
 * @param length size in bytes, or -1 when unknown
 */
public record Enclosure(String url, String type, long length) {
    public Enclosure {
        if (url == null || url.isEmpty()) {
            throw new IllegalArgumentException("enclosure url must not be empty");
        }
        type = type == null ? "" : type;
    }
}
