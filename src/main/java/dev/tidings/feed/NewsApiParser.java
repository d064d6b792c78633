package dev.tidings.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * NewsAPI ({@code newsapi.org/v2/top-headlines}, {@code /v2/everything}) and GNews v4
 * ({@code gnews.io/api/v4/search}, {@code /top-headlines}): an {@code articles} array.
 *
 * <pre>
 * NewsAPI {"status":"ok","totalResults":2,"articles":[{"source":{"id":null,"name":"…"},"author":"…",
 *          "title":"…","description":"…","url":"…","urlToImage":"…","publishedAt":"…","content":"… [+1234 chars]"}]}
 * GNews   {"totalArticles":2,"articles":[{"title":"…","description":"…","content":"… [1234 chars]","url":"…",
 *          "image":"…","publishedAt":"…","source":{"name":"…","url":"…"}}]}
 * </pre>
 *
 * {@code urlToImage}/{@code image} is the lead image, credited to the source's name. Their
 * {@code content} is only the start of the article: the "… [+1234 chars]" marker is cut off and the
 * body ends with a line pointing at reader mode.
 */
final class NewsApiParser extends JsonSource {
    /** "[+1234 chars]" (NewsAPI) or "[1234 chars]" (GNews): the end of a snippet. */
    private static final Pattern MARKER = Pattern.compile("\\[\\+?\\d{1,9} chars\\]\\s*");
    static final String SNIPPET_NOTE = "<p><em>The feed carries only the start of this article;"
            + " reader mode shows all of it.</em></p>";

    private boolean newsApi;
    private boolean gnews;
    private String status = "";
    private String code = "";
    private String message = "";

    NewsApiParser(JsonParser p, Detail detail, URI base) {
        super(p, detail, base);
    }

    @Override
    Feed document() throws IOException, FeedException {
        List<Item> items = new ArrayList<>();
        members(p.nextToken(), (name, t) -> {
            switch (name) {
                case "articles" -> elements(t, v -> {
                    if (v == JsonToken.START_OBJECT) {
                        items.add(article());
                    } else {
                        p.skipChildren();
                    }
                });
                case "totalResults" -> {
                    newsApi = true;
                    p.skipChildren();
                }
                case "totalArticles" -> {
                    gnews = true;
                    p.skipChildren();
                }
                case "status" -> status = string(t);
                case "code" -> code = string(t);
                case "message" -> message = string(t);
                default -> p.skipChildren();
            }
        });
        if (status.equals("error")) {
            throw ServiceErrors.error("NewsAPI", code + (message.isEmpty() ? "" : ": " + message));
        }
        FeedFormat format = gnews && !newsApi ? FeedFormat.GNEWS : FeedFormat.NEWSAPI;
        return new Feed(format, format.label(), "", "", "", items);
    }

    /**
     * The snippet without its "… [+1234 chars]" end (and the ellipsis before it); the same string
     * when there is none. Looks only at the end: linear, no backtracking.
     */
    static String withoutMarker(String s) {
        int open = s.lastIndexOf('[');
        if (open < 0 || !MARKER.matcher(s).region(open, s.length()).matches()) {
            return s;
        }
        int end = open;
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        if (end > 0 && s.charAt(end - 1) == '…') {
            end--;
        } else if (end >= 3 && s.startsWith("...", end - 3)) {
            end -= 3;
        }
        return s.substring(0, end).stripTrailing();
    }

    private Item article() throws IOException, FeedException {
        ItemBuilder b = new ItemBuilder();
        String[] f = {"", "", "", "", ""}; // url, image, description, content, source name
        members(JsonToken.START_OBJECT, (name, t) -> {
            switch (name) {
                case "title" -> b.title = string(t);
                case "url" -> f[0] = string(t);
                case "urlToImage" -> {
                    newsApi = true;
                    f[1] = string(t);
                }
                case "image" -> {
                    gnews = true;
                    f[1] = string(t);
                }
                case "author" -> b.addAuthor(string(t));
                case "publishedAt" -> b.published = Dates.parse(string(t));
                case "description" -> f[2] = body(t);
                case "content" -> f[3] = body(t);
                case "source" -> members(t, (field, v) -> {
                    if (field.equals("name")) {
                        f[4] = string(v);
                    } else {
                        p.skipChildren();
                    }
                });
                default -> p.skipChildren();
            }
        });
        b.link = web(f[0]);
        b.id = b.link;
        if (!web(f[1]).isEmpty()) {
            b.addImage(web(f[1]), "", f[4]);
        }
        if (full) {
            b.summaryHtml = textOrHtml(f[2]);
            String content = withoutMarker(f[3]);
            boolean cut = content.length() != f[3].length();
            if (!content.isBlank() && !content.strip().equals(f[2].strip())) {
                b.contentHtml = textOrHtml(content) + (cut ? SNIPPET_NOTE : "");
            } else if (cut) {
                b.summaryHtml = b.summaryHtml + SNIPPET_NOTE;
            }
        }
        return b.build();
    }
}
