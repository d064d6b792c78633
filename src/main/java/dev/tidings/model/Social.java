package dev.tidings.model;

/**
 * What a community or social source says about an item beside its text: Hacker News points and
 * comment counts, Reddit comments, a Mastodon content warning or boost. RSS and Atom items carry
 * {@link #NONE}.
 *
 * <pre>
 * new Social(120, 45, "https://news.ycombinator.com/item?id=1", "", "")   // "120 points · 45 comments"
 * </pre>
 *
 * @param points         score (HN points, Reddit score), or -1 when the source has none
 * @param comments       number of comments, or -1 when unknown
 * @param commentsLink   where the discussion is (http(s)), or ""
 * @param contentWarning the author's content warning (Mastodon spoiler_text), or ""; the text is
 *                       kept collapsed behind it in headline lists
 * @param boostedBy      who boosted (reblogged) the post into this timeline, or "" when it is not a boost
 */
public record Social(long points, long comments, String commentsLink, String contentWarning, String boostedBy) {
    /** Nothing known. */
    public static final Social NONE = new Social(-1, -1, "", "", "");

    public Social {
        points = Math.max(-1, points);
        comments = Math.max(-1, comments);
        commentsLink = commentsLink == null ? "" : commentsLink;
        contentWarning = contentWarning == null ? "" : contentWarning;
        boostedBy = boostedBy == null ? "" : boostedBy;
    }

    /** True when there is nothing to show. */
    public boolean isEmpty() {
        return points < 0 && comments < 0 && commentsLink.isEmpty() && contentWarning.isEmpty() && boostedBy.isEmpty();
    }
}
