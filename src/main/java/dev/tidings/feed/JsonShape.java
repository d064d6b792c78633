package dev.tidings.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which JSON document this is, decided from its members, never from a URL or file name. The first
 * member that only one shape has decides:
 *
 * <pre>
 * {"version":"https://jsonfeed.org/version/1.1", "items":[…]}   JSON_FEED   (also "items", "home_page_url", "feed_url")
 * {"hits":[…], "nbHits":…}                                      HACKER_NEWS (Algolia search API)
 * {"kind":"Listing", "data":{"children":[…]}}                   REDDIT
 * [{"id":…, "account":{…}, "content":"&lt;p&gt;…"}, …]          MASTODON    (a timeline: an array of statuses; [] too)
 * {"status":"ok", "totalResults":…, "articles":[…]}             ARTICLES    (NewsAPI; GNews has "totalArticles")
 * {"response":{"results":[…]}}                                  GUARDIAN
 * {"status":"error", "message":…} / {"error":…} / {"errors":…}  ERROR       (when no member above is present)
 * </pre>
 */
enum JsonShape {
    JSON_FEED, HACKER_NEWS, REDDIT, MASTODON, ARTICLES, GUARDIAN, ERROR,
    /** Valid JSON of no shape we know. */
    UNKNOWN,
    /** Not even JSON: the parser of the closest format reports where it breaks. */
    MALFORMED,
    /** The head ended before anything decided: look at the whole document. */
    UNDECIDED;

    /** What was sniffed: the shape and, for {@link #UNKNOWN}, the members seen (for the message). */
    record Sniffed(JsonShape shape, List<String> members, boolean array) {
    }

    private static final int MAX_NAMED = 6;

    /**
     * Looks at the start of a document.
     *
     * @param text     the document's first characters (all of it when {@code complete})
     * @param complete true when {@code text} is the whole document
     */
    static Sniffed sniff(String text, boolean complete) {
        List<String> seen = new ArrayList<>();
        try (JsonParser p = JsonSource.FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                return new Sniffed(array(p, complete), seen, true);
            }
            if (t != JsonToken.START_OBJECT) {
                return new Sniffed(MALFORMED, seen, false);
            }
            boolean errorish = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (seen.size() < MAX_NAMED) {
                    seen.add(Sanitize.line(name.length() > 24 ? name.substring(0, 24) + "…" : name));
                }
                switch (name) {
                    case "version":
                        if (v == JsonToken.VALUE_STRING && p.getText().contains("jsonfeed.org/version/")) {
                            return new Sniffed(JSON_FEED, seen, false);
                        }
                        break;
                    case "items": case "home_page_url": case "feed_url":
                        return new Sniffed(JSON_FEED, seen, false);
                    case "hits":
                        if (v == JsonToken.START_ARRAY) {
                            return new Sniffed(HACKER_NEWS, seen, false);
                        }
                        break;
                    case "kind":
                        if (v == JsonToken.VALUE_STRING && p.getText().equals("Listing")) {
                            return new Sniffed(REDDIT, seen, false);
                        }
                        break;
                    case "data":
                        if (v == JsonToken.START_OBJECT && hasMember(p, "children")) {
                            return new Sniffed(REDDIT, seen, false);
                        }
                        continue; // hasMember consumed the value
                    case "articles": case "totalResults": case "totalArticles":
                        return new Sniffed(ARTICLES, seen, false);
                    case "response":
                        if (v == JsonToken.START_OBJECT) {
                            return new Sniffed(GUARDIAN, seen, false);
                        }
                        break;
                    case "status": case "error": case "errors": case "message": case "code":
                        errorish = true;
                        break;
                    default:
                        break;
                }
                p.skipChildren();
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                return new Sniffed(complete ? MALFORMED : UNDECIDED, seen, false);
            }
            return new Sniffed(errorish ? ERROR : UNKNOWN, seen, false);
        } catch (IOException e) {
            return new Sniffed(complete ? MALFORMED : UNDECIDED, seen, false);
        }
    }

    /** Walks an object's members looking for {@code wanted}; leaves the parser inside or at the object's end. */
    private static boolean hasMember(JsonParser p, String wanted) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (p.currentName().equals(wanted)) {
                return true;
            }
            p.nextToken();
            p.skipChildren();
        }
        return false;
    }

    private static final java.util.Set<String> STATUS_MEMBERS =
            java.util.Set.of("account", "spoiler_text", "media_attachments", "reblog", "visibility");

    private static JsonShape array(JsonParser p, boolean complete) throws IOException {
        JsonToken first = p.nextToken();
        if (first == JsonToken.END_ARRAY) {
            return MASTODON; // an empty timeline
        }
        if (first != JsonToken.START_OBJECT) {
            return first == null ? (complete ? MALFORMED : UNDECIDED) : UNKNOWN;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (STATUS_MEMBERS.contains(p.currentName())) {
                return MASTODON;
            }
            p.nextToken();
            p.skipChildren();
        }
        return p.currentToken() == JsonToken.END_OBJECT ? UNKNOWN : complete ? MALFORMED : UNDECIDED;
    }

    /** The "not a feed" message for JSON of no known shape: what was looked for and where the list is. */
    static String unknownMessage(Sniffed s) {
        String found = s.array() ? "a JSON array whose items are not Mastodon statuses"
                : s.members().isEmpty() ? "an empty JSON object"
                : "a JSON object with members " + String.join(", ", s.members());
        return "not a feed: " + found + ", not a shape Tidings reads (JSON Feed, Hacker News \"hits\", Reddit"
                + " \"Listing\", Mastodon statuses, NewsAPI/GNews \"articles\", Guardian \"response\");"
                + " see \"Sources\" in README.md";
    }
}
