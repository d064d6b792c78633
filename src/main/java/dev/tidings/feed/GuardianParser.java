package dev.tidings.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The Guardian Content API ({@code content.guardianapis.com/search?show-fields=…}, section and tag
 * queries, a single item's {@code content}):
 *
 * <pre>
 * {"response":{"status":"ok","results":[{"id":"world/2026/…","sectionName":"World news","webTitle":"…",
 *   "webUrl":"https://www.theguardian.com/…","webPublicationDate":"2026-11-30T08:00:00Z",
 *   "fields":{"headline":"…","standfirst":"&lt;p&gt;…","trailText":"…","body":"&lt;p&gt;…","byline":"…","thumbnail":"…"},
 *   "tags":[{"type":"contributor","webTitle":"…"}]}]}}
 * </pre>
 *
 * {@code fields.body} is the whole article as HTML; {@code standfirst} (else {@code trailText})
 * the summary; {@code byline}, else the contributor tags, the authors. An error answer is
 * {@code {"response":{"status":"error","message":"…"}}}.
 */
final class GuardianParser extends JsonSource {
    private String status = "";
    private String message = "";
    private String section = "";

    GuardianParser(JsonParser p, Detail detail, URI base) {
        super(p, detail, base);
    }

    @Override
    Feed document() throws IOException, FeedException {
        List<Item> items = new ArrayList<>();
        members(p.nextToken(), (name, t) -> {
            if (name.equals("response")) {
                members(t, (field, v) -> {
                    switch (field) {
                        case "status" -> status = string(v);
                        case "message" -> message = string(v);
                        case "results", "leadContent", "mostViewed", "editorsPicks" -> elements(v, r -> {
                            if (r == JsonToken.START_OBJECT) {
                                items.add(result());
                            } else {
                                p.skipChildren();
                            }
                        });
                        case "content" -> {
                            if (v == JsonToken.START_OBJECT) {
                                items.add(result());
                            } else {
                                p.skipChildren();
                            }
                        }
                        case "section", "tag", "edition" -> members(v, (k, w) -> {
                            if (k.equals("webTitle")) {
                                section = string(w);
                            } else {
                                p.skipChildren();
                            }
                        });
                        default -> p.skipChildren();
                    }
                });
            } else if (name.equals("message") && message.isEmpty()) {
                message = string(t); // {"message":"API rate limit exceeded"} from the gateway
            } else {
                p.skipChildren();
            }
        });
        if (status.equals("error") || (items.isEmpty() && status.isEmpty() && !message.isEmpty())) {
            throw ServiceErrors.error("The Guardian", message);
        }
        String s = Sanitize.line(section);
        return new Feed(FeedFormat.GUARDIAN, s.isEmpty() ? "The Guardian" : "The Guardian: " + s,
                "https://www.theguardian.com/", "", "", dedupe(items));
    }

    private static List<Item> dedupe(List<Item> items) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        List<Item> out = new ArrayList<>(items.size());
        for (Item i : items) {
            if (ids.add(i.id())) {
                out.add(i);
            }
        }
        return out;
    }

    private Item result() throws IOException, FeedException {
        ItemBuilder b = new ItemBuilder();
        String[] f = {"", "", "", "", "", "", "", "", ""};
        // 0 id, 1 webTitle, 2 webUrl, 3 headline, 4 standfirst, 5 trailText, 6 body, 7 byline, 8 thumbnail
        List<String> contributors = new ArrayList<>(2);
        members(JsonToken.START_OBJECT, (name, t) -> {
            switch (name) {
                case "id" -> f[0] = string(t);
                case "webTitle" -> f[1] = string(t);
                case "webUrl" -> f[2] = string(t);
                case "webPublicationDate" -> b.published = Dates.parse(string(t));
                case "sectionName" -> b.addCategory(string(t));
                case "fields" -> members(t, (field, v) -> {
                    switch (field) {
                        case "headline" -> f[3] = string(v);
                        case "standfirst" -> f[4] = body(v);
                        case "trailText" -> f[5] = body(v);
                        case "body" -> f[6] = body(v);
                        case "byline" -> f[7] = string(v);
                        case "thumbnail" -> f[8] = string(v);
                        case "lastModified" -> b.updated = Dates.parse(string(v));
                        default -> p.skipChildren();
                    }
                });
                case "tags" -> elements(t, v -> {
                    String[] tag = {"", ""};
                    members(v, (k, w) -> {
                        switch (k) {
                            case "type" -> tag[0] = string(w);
                            case "webTitle" -> tag[1] = string(w);
                            default -> p.skipChildren();
                        }
                    });
                    if (tag[0].equals("contributor") && contributors.size() < 10) {
                        contributors.add(tag[1]);
                    } else if (tag[0].equals("keyword")) {
                        b.addCategory(tag[1]);
                    }
                });
                default -> p.skipChildren();
            }
        });
        b.title = FeedText.plainTitle(clip(!f[3].isBlank() ? f[3] : f[1]));
        b.link = web(f[2]);
        b.id = !f[0].isBlank() ? "guardian:" + f[0] : b.link;
        if (!f[7].isBlank()) {
            b.addAuthor(FeedText.plainTitle(clip(f[7])));
        } else {
            contributors.forEach(b::addAuthor);
        }
        String thumb = web(f[8]);
        if (!thumb.isEmpty() && !f[6].contains("<img")) { // the body's own pictures make it redundant
            b.addImage(thumb, "", "");
        }
        if (full) {
            b.summaryHtml = textOrHtml(!f[4].isBlank() ? f[4] : f[5]);
            b.contentHtml = f[6];
        }
        return b.build();
    }
}
