package dev.tidings.rules;

import java.time.Instant;
import java.util.List;

/**
 * What a rule can see of one article. The app layer fills it from an entry; {@link #content()} may
 * be costly (the body rendered to text) and is only asked for by rules that name {@code content}.
 * Every string is "" rather than null; lists may be empty.
 */
public interface ItemView {
    String title();

    /** The body as plain text; "" when there is none. Called only by rules that mention content. */
    String content();

    List<String> authors();

    /** The feed's title (else its source). */
    String feedTitle();

    /** The feed's URL or source. */
    String feedUrl();

    String link();

    String guid();

    /** The feed's tags from the urls file and the article's own categories. */
    List<String> tags();

    boolean unread();

    /** True when the article is in at least one collection. */
    boolean saved();

    /** The names of the collections holding the article. */
    List<String> collections();

    /** Published, else updated; null when unknown. */
    Instant date();

    List<String> enclosureTypes();

    List<String> enclosureUrls();
}
