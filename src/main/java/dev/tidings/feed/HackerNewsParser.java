package dev.tidings.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import dev.tidings.model.Social;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hacker News through the Algolia search API ({@code hn.algolia.com/api/v1/search}):
 *
 * <pre>
 * {"hits":[{"objectID":"1","title":"…","url":"https://…","author":"pg","points":57,"num_comments":4,
 *           "created_at_i":1160418111,"story_text":"&lt;p&gt;…"}], "nbHits":…, "query":"…"}
 * </pre>
 *
 * The link is {@code url}, or the item's page on news.ycombinator.com when there is none (Ask HN);
 * points and comments go to {@link Social}; {@code story_text} (HTML) is the body. Comment hits
 * ({@code comment_text}, {@code story_title}) read as "Re: story title".
 */
final class HackerNewsParser extends JsonSource {
    static final String ITEM_PAGE = "https://news.ycombinator.com/item?id=";

    private String query = "";

    HackerNewsParser(JsonParser p, Detail detail, URI base) {
        super(p, detail, base);
    }

    @Override
    Feed document() throws IOException, FeedException {
        List<Item> items = new ArrayList<>();
        members(p.nextToken(), (name, t) -> {
            switch (name) {
                case "hits" -> elements(t, v -> {
                    if (v == JsonToken.START_OBJECT) {
                        items.add(hit());
                    } else {
                        p.skipChildren();
                    }
                });
                case "query" -> query = string(t);
                default -> p.skipChildren();
            }
        });
        String q = Sanitize.line(query);
        return new Feed(FeedFormat.HACKER_NEWS, q.isEmpty() ? "Hacker News" : "Hacker News: " + q,
                "https://news.ycombinator.com/", "", "", items);
    }

    private Item hit() throws IOException, FeedException {
        ItemBuilder b = new ItemBuilder();
        String[] f = {"", "", "", "", "", ""}; // objectID, url, story_text, comment_text, story_title, created_at
        long[] n = {-1, -1, -1, -1}; // points, num_comments, created_at_i, story_id
        members(JsonToken.START_OBJECT, (name, t) -> {
            switch (name) {
                case "objectID" -> f[0] = string(t);
                case "title" -> b.title = string(t);
                case "url" -> f[1] = string(t);
                case "author" -> b.addAuthor(string(t));
                case "points" -> n[0] = count(t);
                case "num_comments" -> n[1] = count(t);
                case "created_at_i" -> n[2] = count(t);
                case "created_at" -> f[5] = string(t);
                case "story_text" -> f[2] = body(t);
                case "comment_text" -> f[3] = body(t);
                case "story_title" -> f[4] = string(t);
                case "story_id" -> n[3] = count(t);
                default -> p.skipChildren();
            }
        });
        String id = f[0].strip();
        String page = id.isEmpty() ? "" : ITEM_PAGE + URLEncoder.encode(id, StandardCharsets.UTF_8);
        b.id = page.isEmpty() ? "" : page;
        String url = web(f[1]);
        b.link = url.isEmpty() ? page : url;
        if (b.title.isBlank() && !f[4].isBlank()) {
            b.title = "Re: " + f[4];
        }
        b.published = n[2] > 0 ? epochSeconds(n[2]) : Dates.parse(f[5]);
        if (full) {
            b.contentHtml = !f[2].isBlank() ? f[2] : f[3];
        }
        String discussion = n[3] > 0 && !f[3].isEmpty() ? ITEM_PAGE + n[3] : page;
        b.social = new Social(n[0], n[1], discussion, "", "");
        return b.build();
    }
}
