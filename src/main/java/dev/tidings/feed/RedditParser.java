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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.parser.Parser;

/**
 * A Reddit listing ({@code /r/NAME.json}, {@code /r/NAME/top.json}…):
 *
 * <pre>
 * {"kind":"Listing","data":{"children":[{"kind":"t3","data":{"name":"t3_x","title":"…","url":"…",
 *   "permalink":"/r/…/comments/…","author":"…","created_utc":1.7E9,"selftext_html":"&amp;lt;div…",
 *   "num_comments":12,"score":340,"preview":{"images":[{"source":{"url":"…"}}]},
 *   "gallery_data":{"items":[{"media_id":"m1","caption":"…"}]},"media_metadata":{"m1":{"s":{"u":"…"}}}}}]}}
 * </pre>
 *
 * Reddit escapes {@code & < >} as entities in these strings (unless asked for raw_json): bodies and
 * URLs are unescaped once. The body is {@code selftext_html}; the preview's source image is the lead
 * image, credited to the link's domain; gallery items become caption blocks; the score and comment
 * count go to {@link Social}, with the thread as the comments link. Comments ({@code t1}) read as
 * "Comment on: link title".
 */
final class RedditParser extends JsonSource {
    static final String SITE = "https://www.reddit.com";

    private String firstSubreddit = "";

    RedditParser(JsonParser p, Detail detail, URI base) {
        super(p, detail, base);
    }

    @Override
    Feed document() throws IOException, FeedException {
        List<Item> items = new ArrayList<>();
        members(p.nextToken(), (name, t) -> {
            if (name.equals("data")) {
                members(t, (field, v) -> {
                    if (field.equals("children")) {
                        elements(v, child -> {
                            if (child == JsonToken.START_OBJECT) {
                                Item i = child();
                                if (i != null) {
                                    items.add(i);
                                }
                            } else {
                                p.skipChildren();
                            }
                        });
                    } else {
                        p.skipChildren();
                    }
                });
            } else {
                p.skipChildren();
            }
        });
        String sub = Sanitize.line(firstSubreddit);
        boolean named = sub.matches("[A-Za-z0-9_]{1,50}");
        return new Feed(FeedFormat.REDDIT, named ? "r/" + sub : "Reddit", named ? SITE + "/r/" + sub + "/" : SITE + "/",
                "", "", items);
    }

    /** One child: {"kind":"t3","data":{…}}; null when it has no data. */
    private Item child() throws IOException, FeedException {
        Item[] item = {null};
        members(JsonToken.START_OBJECT, (name, t) -> {
            if (name.equals("data") && t == JsonToken.START_OBJECT && item[0] == null) {
                item[0] = post();
            } else {
                p.skipChildren();
            }
        });
        return item[0];
    }

    /** The fields of one post (or comment) while they stream by, in any order. */
    private static final class Post {
        String name = "";
        String id = "";
        String url = "";
        String permalink = "";
        String selftextHtml = "";
        String bodyHtml = "";
        String linkTitle = "";
        String domain = "";
        String subreddit = "";
        String previewUrl = "";
        boolean isSelf;
        double createdUtc = -1;
        long score = -1;
        long comments = -1;
        final List<String[]> gallery = new ArrayList<>(); // media_id, caption
        final Map<String, String> media = new LinkedHashMap<>(); // media_id -> url
    }

    private Item post() throws IOException, FeedException {
        ItemBuilder b = new ItemBuilder();
        Post post = new Post();
        members(JsonToken.START_OBJECT, (name, t) -> {
            switch (name) {
                case "name" -> post.name = string(t);
                case "id" -> post.id = string(t);
                case "title" -> b.title = unescape(string(t));
                case "url" -> post.url = string(t);
                case "permalink" -> post.permalink = string(t);
                case "author" -> b.addAuthor(string(t));
                case "created_utc" -> {
                    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                        post.createdUtc = p.getDoubleValue();
                    } else {
                        p.skipChildren();
                    }
                }
                case "selftext_html" -> post.selftextHtml = body(t);
                case "body_html" -> post.bodyHtml = body(t);
                case "link_title" -> post.linkTitle = string(t);
                case "subreddit" -> post.subreddit = string(t);
                case "num_comments" -> post.comments = count(t);
                case "score" -> post.score = count(t);
                case "is_self" -> post.isSelf = bool(t);
                case "domain" -> post.domain = string(t);
                case "link_flair_text" -> b.addCategory(unescape(string(t)));
                case "over_18" -> {
                    if (bool(t)) {
                        b.addCategory("NSFW");
                    }
                }
                case "preview" -> preview(t, post);
                case "gallery_data" -> members(t, (field, v) -> {
                    if (field.equals("items")) {
                        elements(v, e -> galleryItem(e, post));
                    } else {
                        p.skipChildren();
                    }
                });
                case "media_metadata" -> members(t, (mediaId, v) -> mediaMetadata(mediaId, v, post));
                default -> p.skipChildren();
            }
        });
        if (firstSubreddit.isEmpty()) {
            firstSubreddit = post.subreddit;
        }
        String thread = post.permalink.startsWith("/") && !post.permalink.startsWith("//")
                ? SITE + unescape(post.permalink) : web(unescape(post.permalink));
        String url = web(unescape(post.url));
        b.id = !post.name.isBlank() ? "reddit:" + post.name : !thread.isEmpty() ? thread : post.id;
        b.link = post.isSelf || url.isEmpty() ? thread : url;
        if (b.title.isBlank() && !post.linkTitle.isBlank()) {
            b.title = "Comment on: " + unescape(post.linkTitle);
        }
        b.published = post.createdUtc > 0 && post.createdUtc < 32503680000.0
                ? java.time.Instant.ofEpochMilli((long) (post.createdUtc * 1000)) : null;
        if (!post.previewUrl.isEmpty()) {
            String credit = post.domain.startsWith("self.") ? "" : post.domain;
            b.addImage(web(unescape(post.previewUrl)), "", credit);
        }
        if (full) {
            StringBuilder html = new StringBuilder();
            html.append(unescape(!post.selftextHtml.isEmpty() ? post.selftextHtml : post.bodyHtml));
            for (String[] g : post.gallery) {
                String src = post.media.get(g[0]);
                if (src != null) {
                    figure(html, unescape(src), unescape(g[1]), "");
                }
            }
            b.contentHtml = html.toString();
        }
        b.social = new Social(post.score, post.comments, thread, "", "");
        return b.build();
    }

    /** preview.images[0].source.url: the full-size image, not one of the resolutions. */
    private void preview(JsonToken t, Post post) throws IOException, FeedException {
        members(t, (name, v) -> {
            if (name.equals("images")) {
                elements(v, img -> members(img, (field, w) -> {
                    if (field.equals("source") && post.previewUrl.isEmpty()) {
                        members(w, (k, x) -> {
                            if (k.equals("url")) {
                                post.previewUrl = string(x);
                            } else {
                                p.skipChildren();
                            }
                        });
                    } else {
                        p.skipChildren();
                    }
                }));
            } else {
                p.skipChildren();
            }
        });
    }

    private static final int MAX_GALLERY = 100;

    private void galleryItem(JsonToken t, Post post) throws IOException, FeedException {
        String[] g = {"", ""};
        members(t, (name, v) -> {
            switch (name) {
                case "media_id" -> g[0] = string(v);
                case "caption" -> g[1] = string(v);
                default -> p.skipChildren();
            }
        });
        if (!g[0].isEmpty() && post.gallery.size() < MAX_GALLERY) {
            post.gallery.add(g);
        }
    }

    /** media_metadata.ID.s.u (an image) or .s.gif (an animation). */
    private void mediaMetadata(String mediaId, JsonToken t, Post post) throws IOException, FeedException {
        members(t, (name, v) -> {
            if (name.equals("s")) {
                members(v, (k, x) -> {
                    if ((k.equals("u") || k.equals("gif")) && post.media.size() < MAX_GALLERY) {
                        String u = string(x);
                        if (!u.isEmpty()) {
                            post.media.putIfAbsent(mediaId, u);
                        }
                    } else {
                        p.skipChildren();
                    }
                });
            } else {
                p.skipChildren();
            }
        });
    }

    /** Reddit's JSON carries {@code &amp; &lt; &gt;} in text and URLs: decoded once. */
    static String unescape(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        // Reddit uses only these five: decoded in one pass; anything else goes to jsoup's full table
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, amp);
        for (int i = amp; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '&') {
                out.append(c);
            } else if (s.startsWith("&lt;", i)) {
                out.append('<');
                i += 3;
            } else if (s.startsWith("&gt;", i)) {
                out.append('>');
                i += 3;
            } else if (s.startsWith("&amp;", i)) {
                out.append('&');
                i += 4;
            } else if (s.startsWith("&quot;", i)) {
                out.append('"');
                i += 5;
            } else if (s.startsWith("&#39;", i)) {
                out.append('\'');
                i += 4;
            } else {
                return Parser.unescapeEntities(s, false);
            }
        }
        return out.toString();
    }
}
