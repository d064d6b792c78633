package dev.tidings.extract;

import java.time.Instant;

/**
 * The main article of a web page.
 *
 * @param title       the headline ("" when none was found)
 * @param byline      the author line ("" when none)
 * @param siteName    the publication's name from the page (og:site_name, JSON-LD publisher), or ""
 * @param published   the publication time, or null
 * @param contentHtml the article body as clean HTML: no scripts, frames, forms or page furniture
 * @param textLength  characters of text in the body
 */
public record Extracted(String title, String byline, String siteName, Instant published, String contentHtml,
        int textLength) {
}
