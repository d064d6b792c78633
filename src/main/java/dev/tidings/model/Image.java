package dev.tidings.model;

/**
 * An image attached to an item or found in its body.
 *
 * @param url     absolute http(s) URL, or "" when unknown
 * @param caption what the image shows (figcaption, alt, title, media:description), or ""
 * @param credit  who made it ("AFP", "Reuters"), or ""
 */
public record Image(String url, String caption, String credit) {
    public Image {
        url = url == null ? "" : url;
        caption = caption == null ? "" : caption;
        credit = credit == null ? "" : credit;
    }
}
