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
import java.util.List;
import org.jsoup.parser.Parser;

/**
 * A Mastodon timeline ({@code /api/v1/timelines/public}, {@code /api/v1/accounts/ID/statuses},
 * tag timelines): an array of Status objects.
 *
 * <pre>
 * [{"id":"1","created_at":"2026-11-30T10:00:00.000Z","url":"https://…","content":"&lt;p&gt;…",
 *   "spoiler_text":"","account":{"acct":"ana@example.social","display_name":"Ana"},
 *   "media_attachments":[{"type":"image","url":"…","description":"…"}],"card":{…},"reblog":null}]
 * </pre>
 *
 * Statuses have no title: one is made from the text (its first line, shortened). With a content
 * warning ({@code spoiler_text}) the title is "CW: warning" and the text stays out of headline
 * lists; the article shows the warning above the text. A boost ({@code reblog}) reads as the
 * boosted post with "boosted by" in its header. Media descriptions become captions.
 */
final class MastodonParser extends JsonSource {
    static final int TITLE_LENGTH = 80;
    private static final int MAX_MEDIA = 20;

    private String host = "";

    MastodonParser(JsonParser p, Detail detail, URI base) {
        super(p, detail, base);
    }

    @Override
    Feed document() throws IOException, FeedException {
        List<Item> items = new ArrayList<>();
        elements(p.nextToken(), t -> {
            if (t == JsonToken.START_OBJECT) {
                items.add(item(status(true)));
            } else {
                p.skipChildren();
            }
        });
        String h = Sanitize.line(host);
        return new Feed(FeedFormat.MASTODON, h.isEmpty() ? "Mastodon timeline" : h + " timeline",
                h.isEmpty() ? "" : "https://" + h + "/", "", "", items);
    }

    /** One status as it streams by. */
    private static final class Status {
        String id = "";
        String uri = "";
        String url = "";
        String createdAt = "";
        String content = "";
        String spoiler = "";
        String acct = "";
        String displayName = "";
        long replies = -1;
        Status reblog;
        final List<String[]> media = new ArrayList<>(); // type, url, description
        final List<String> tags = new ArrayList<>();
        String cardUrl = "";
        String cardTitle = "";
        String cardDescription = "";
    }

    private Status status(boolean top) throws IOException, FeedException {
        Status s = new Status();
        members(JsonToken.START_OBJECT, (name, t) -> {
            switch (name) {
                case "id" -> s.id = string(t);
                case "uri" -> s.uri = string(t);
                case "url" -> s.url = string(t);
                case "created_at" -> s.createdAt = string(t);
                case "content" -> s.content = string(t); // the title is made from it, even for headlines
                case "spoiler_text" -> s.spoiler = string(t);
                case "replies_count" -> s.replies = count(t);
                case "account" -> members(t, (field, v) -> {
                    switch (field) {
                        case "acct" -> s.acct = string(v);
                        case "display_name" -> s.displayName = string(v);
                        default -> p.skipChildren();
                    }
                });
                case "media_attachments" -> elements(t, v -> media(v, s));
                case "tags" -> elements(t, v -> members(v, (field, w) -> {
                    if (field.equals("name") && s.tags.size() < 20) {
                        s.tags.add(string(w));
                    } else {
                        p.skipChildren();
                    }
                }));
                case "card" -> members(t, (field, v) -> {
                    switch (field) {
                        case "url" -> s.cardUrl = string(v);
                        case "title" -> s.cardTitle = string(v);
                        case "description" -> s.cardDescription = body(v);
                        default -> p.skipChildren();
                    }
                });
                case "reblog" -> {
                    if (top && t == JsonToken.START_OBJECT) {
                        s.reblog = status(false);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        });
        return s;
    }

    private void media(JsonToken t, Status s) throws IOException, FeedException {
        String[] m = {"", "", "", ""}; // type, url, description, remote_url
        members(t, (name, v) -> {
            switch (name) {
                case "type" -> m[0] = string(v);
                case "url" -> m[1] = string(v);
                case "description" -> m[2] = string(v);
                case "remote_url" -> m[3] = string(v);
                default -> p.skipChildren();
            }
        });
        if (m[1].isBlank()) {
            m[1] = m[3];
        }
        if (!m[1].isBlank() && s.media.size() < MAX_MEDIA) {
            s.media.add(m);
        }
    }

    private Item item(Status outer) {
        Status s = outer.reblog != null ? outer.reblog : outer;
        ItemBuilder b = new ItemBuilder();
        String link = web(!s.url.isBlank() ? s.url : s.uri);
        if (host.isEmpty()) {
            host = hostOf(web(!outer.url.isBlank() ? outer.url : outer.uri));
        }
        b.id = !outer.uri.isBlank() ? outer.uri : !outer.url.isBlank() ? outer.url : outer.id;
        b.link = link;
        b.published = Dates.parse(outer.createdAt);
        b.addAuthor(name(s));
        for (String tag : s.tags) {
            b.addCategory("#" + tag);
        }
        String warning = Sanitize.line(s.spoiler);
        b.title = !warning.isEmpty() ? "CW: " + warning : title(s);
        for (String[] m : s.media) {
            if (!"image".equals(m[0]) && !"gifv".equals(m[0])) {
                String u = web(m[1]);
                if (!u.isEmpty()) {
                    b.addEnclosure(u, m[0], -1);
                }
            }
        }
        if (full) {
            StringBuilder html = new StringBuilder(s.content.length() + 256);
            html.append(s.content);
            for (String[] m : s.media) {
                if ("image".equals(m[0]) || "gifv".equals(m[0])) {
                    figure(html, m[1], m[2], "");
                } else if (!web(m[1]).isEmpty()) { // video, audio: a link with its description
                    String kind = Sanitize.line(m[0]).isEmpty() ? "Attachment" : Sanitize.line(m[0]);
                    html.append("<p>").append(escape(kind.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                            + kind.substring(1))).append(": <a href=\"").append(escape(web(m[1]))).append("\">")
                            .append(escape(m[2].isBlank() ? web(m[1]) : m[2])).append("</a></p>");
                }
            }
            String card = web(s.cardUrl);
            if (!card.isEmpty()) {
                html.append("<blockquote><p><a href=\"").append(escape(card)).append("\">")
                        .append(escape(s.cardTitle.isBlank() ? card : s.cardTitle)).append("</a></p>");
                if (!s.cardDescription.isBlank()) {
                    html.append("<p>").append(escape(s.cardDescription)).append("</p>");
                }
                html.append("</blockquote>");
            }
            b.contentHtml = html.toString();
        }
        String booster = outer.reblog != null ? name(outer) : "";
        b.social = new Social(-1, s.replies, "", warning, booster);
        return b.build();
    }

    private static String name(Status s) {
        String display = Sanitize.line(s.displayName);
        String acct = Sanitize.line(s.acct);
        if (acct.isEmpty()) {
            return display;
        }
        return display.isEmpty() || display.equals(acct) ? "@" + acct : display + " (@" + acct + ")";
    }

    private static String hostOf(String url) {
        try {
            String h = url.isEmpty() ? null : URI.create(url).getHost();
            return h == null ? "" : h;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * A title from the post's HTML: its first non-empty line (paragraphs and line breaks end lines),
     * tags dropped, entities decoded, shortened at a word to about {@value #TITLE_LENGTH} characters.
     * A post with no text is titled by its first media description, else "Post by @acct".
     */
    static String title(String html, String fallback) {
        StringBuilder line = new StringBuilder();
        int i = 0;
        int n = html.length();
        while (i < n && line.length() < TITLE_LENGTH * 3) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    break;
                }
                String tag = html.substring(i + 1, Math.min(end, i + 4)).toLowerCase(java.util.Locale.ROOT);
                if ((tag.startsWith("br") || tag.startsWith("/p")) && !line.toString().isBlank()) {
                    break;
                }
                i = end + 1;
            } else {
                line.append(c);
                i++;
            }
        }
        String text = Sanitize.line(Parser.unescapeEntities(line.toString(), false)).strip();
        if (text.isEmpty()) {
            return fallback;
        }
        if (text.length() <= TITLE_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', TITLE_LENGTH);
        if (cut < TITLE_LENGTH / 2) {
            cut = Character.isHighSurrogate(text.charAt(TITLE_LENGTH - 1)) ? TITLE_LENGTH - 1 : TITLE_LENGTH;
        }
        return text.substring(0, cut).strip() + "…";
    }

    private static String title(Status s) {
        String fallback = "";
        for (String[] m : s.media) {
            if (!m[2].isBlank()) {
                fallback = m[2];
                break;
            }
        }
        String f = Sanitize.line(fallback);
        if (f.isEmpty()) {
            f = s.acct.isBlank() ? "Post" : "Post by @" + Sanitize.line(s.acct);
        } else if (f.length() > TITLE_LENGTH) {
            f = title(escape(f), f);
        }
        return title(s.content, f);
    }
}
