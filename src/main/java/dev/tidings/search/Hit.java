package dev.tidings.search;

import java.time.Instant;

/**
 * One article found. Strings come from the index file as written (callers sanitize them again at
 * their output, as for every string read from disk).
 *
 * @param source      the feed URL (or {@link SearchIndex#COLLECTIONS}) whose segment holds it
 * @param id          the item's id in that feed (a saved article's key for collections)
 * @param title       its title
 * @param link        its link
 * @param author      its authors, joined with ", "
 * @param feedName    the feed it is shown under
 * @param published   its date, or null
 * @param titleHits   how many of the query's clauses matched in the title (the first ranking key)
 */
public record Hit(String source, String id, String title, String link, String author, String feedName,
                  Instant published, int titleHits) {
}
