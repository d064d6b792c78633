package dev.tidings.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Feed 1.0 and 1.1 read with Jackson's streaming parser under explicit limits: nesting at
 * most {@value #MAX_NESTING}, strings at most 16 MiB, numbers at most 64 digits. Unknown members are
 * skipped; remote feeds are read leniently (duplicate keys: the last wins).
 */
final class JsonFeedParser {
    static final int MAX_NESTING = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxStringLength(16 * 1024 * 1024)
                    .maxNumberLength(64)
                    .maxNameLength(4096)
                    .maxDocumentLength(-1)
                    .build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private final JsonParser p;
    private final Detail detail;
    private URI base;

    private JsonFeedParser(JsonParser p, Detail detail, URI base) {
        this.p = p;
        this.detail = detail;
        this.base = base;
    }

    static Feed parse(Reader in, Detail detail, URI base) throws FeedException {
        try (JsonParser p = FACTORY.createParser(in)) {
            Feed feed = new JsonFeedParser(p, detail, base).document();
            refuseTrailingTokens(p);
            return feed;
        } catch (StreamConstraintsException e) {
            throw new FeedException("not a valid feed: JSON exceeds a safety limit: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new FeedException("not a valid feed: JSON error" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new FeedException("not a valid feed: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Only white space may follow the document (FAIL_ON_TRAILING_TOKENS, for a streaming parser): a
     * second object, a stray bracket or text after the feed means the bytes are not what they claim.
     */
    static void refuseTrailingTokens(JsonParser p) throws IOException, FeedException {
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new FeedException("not a valid feed: the JSON document is not closed");
        }
        JsonToken after = p.nextToken();
        if (after != null) {
            throw new FeedException("not a valid feed: JSON error at line " + p.currentLocation().getLineNr()
                    + ", column " + p.currentLocation().getColumnNr() + ": data after the end of the document");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return Sanitize.line(nl >= 0 ? s.substring(0, nl) : s);
    }

    private Feed document() throws IOException, FeedException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new FeedException("not a feed: the JSON document is not an object");
        }
        String version = null;
        String title = "";
        String link = "";
        String description = "";
        String image = "";
        List<Item> items = null;
        List<String> feedAuthors = new ArrayList<>();
        URI baseBefore = base;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "version":
                    version = string(t);
                    break;
                case "title":
                    title = string(t);
                    break;
                case "home_page_url":
                    link = string(t);
                    break;
                case "feed_url":
                    String feedUrl = string(t);
                    URI b = Urls.base(feedUrl);
                    if (base == null && b != null) {
                        base = b;
                    }
                    break;
                case "description":
                    description = string(t);
                    break;
                case "icon":
                    image = string(t);
                    break;
                case "favicon":
                    if (image.isEmpty()) {
                        image = string(t);
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "items":
                    items = items(t);
                    break;
                case "author":
                    if (t == JsonToken.START_OBJECT) {
                        String n = FieldCaps.line(authorName());
                        if (!n.isEmpty()) {
                            feedAuthors.add(n);
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "authors":
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken() == JsonToken.START_OBJECT) {
                                String n = FieldCaps.line(authorName());
                                if (!n.isEmpty()) {
                                    feedAuthors.add(n);
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
        if (version == null || !version.contains("jsonfeed.org/version/")) {
            throw new FeedException("not a feed: the JSON has no JSON Feed \"version\""
                    + " (expected https://jsonfeed.org/version/1.1)");
        }
        if (items == null) {
            throw new FeedException("not a valid feed: the JSON Feed has no \"items\" array");
        }
        FeedFormat format = version.endsWith("/1") ? FeedFormat.JSON_FEED_10 : FeedFormat.JSON_FEED_11;
        if (baseBefore == null && base != null) {
            items = resolveLate(items); // feed_url came after the items
        }
        items = ItemBuilder.inheritAuthors(items, feedAuthors);
        return FieldCaps.feed(format, title, Urls.resolve(base, link), description,
                Urls.resolve(base, image), items);
    }

    /** Item URLs that were relative when read, resolved now that the feed's URL is known. */
    private List<Item> resolveLate(List<Item> items) {
        List<Item> out = new ArrayList<>(items.size());
        for (Item i : items) {
            List<dev.tidings.model.Image> images = new ArrayList<>();
            for (dev.tidings.model.Image img : i.images()) {
                images.add(new dev.tidings.model.Image(Urls.resolve(base, img.url()), img.caption(), img.credit()));
            }
            List<dev.tidings.model.Enclosure> enclosures = new ArrayList<>();
            for (dev.tidings.model.Enclosure e : i.enclosures()) {
                enclosures.add(new dev.tidings.model.Enclosure(Urls.resolve(base, e.url()), e.type(), e.length(),
                        e.duration()));
            }
            String link = i.link().isEmpty() ? "" : Urls.resolve(base, i.link());
            String id = i.id().equals(i.link()) ? link : i.id();
            out.add(new Item(id, i.title(), link, i.published(), i.updated(), i.authors(), i.categories(),
                    i.summaryHtml(), i.contentHtml(), enclosures, images));
        }
        return out;
    }

    /** The value as a string: strings as they are, numbers and booleans as text, anything else "". */
    private String string(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return p.getText();
        }
        p.skipChildren();
        return "";
    }

    private List<Item> items(JsonToken t) throws IOException, FeedException {
        if (t != JsonToken.START_ARRAY) {
            throw new FeedException("not a valid feed: JSON Feed \"items\" is not an array");
        }
        List<Item> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.START_OBJECT) {
                items.add(item());
            } else {
                p.skipChildren();
            }
        }
        return items;
    }

    private Item item() throws IOException {
        ItemBuilder b = new ItemBuilder();
        boolean full = detail == Detail.FULL;
        String externalUrl = "";
        String contentText = "";
        String contentHtml = "";
        String summary = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "id":
                    b.id = string(t);
                    break;
                case "url":
                    b.link = Urls.resolve(base, string(t));
                    break;
                case "external_url":
                    externalUrl = Urls.resolve(base, string(t));
                    break;
                case "title":
                    b.title = Sanitize.line(string(t)); // plain text in JSON Feed, never HTML
                    break;
                case "content_html":
                    if (full) {
                        contentHtml = string(t);
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "content_text":
                    if (full) {
                        contentText = string(t);
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "summary":
                    if (full) {
                        summary = string(t);
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "image":
                    String img = string(t);
                    if (!img.isBlank()) {
                        b.addImage(Urls.resolve(base, img), "", "");
                    }
                    break;
                case "date_published":
                    b.published = Dates.parse(string(t));
                    break;
                case "date_modified":
                    b.updated = Dates.parse(string(t));
                    break;
                case "author":
                    if (t == JsonToken.START_OBJECT) {
                        b.addAuthor(authorName());
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "authors":
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken() == JsonToken.START_OBJECT) {
                                b.addAuthor(authorName());
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "tags":
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            b.addCategory(string(p.currentToken()));
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "attachments":
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken() == JsonToken.START_OBJECT) {
                                attachment(b);
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
        if (b.link.isEmpty()) {
            b.link = externalUrl;
        }
        if (full) {
            b.contentHtml = !contentHtml.isBlank() ? contentHtml : FeedText.plainToHtml(contentText);
            b.summaryHtml = FeedText.plainToHtml(summary);
        }
        return b.build();
    }

    private String authorName() throws IOException {
        String name = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (field.equals("name")) {
                name = string(t);
            } else {
                p.skipChildren();
            }
        }
        return name;
    }

    private void attachment(ItemBuilder b) throws IOException {
        String url = "";
        String type = "";
        String title = "";
        long size = -1;
        long duration = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "url":
                    url = Urls.resolve(base, string(t));
                    break;
                case "title":
                    title = string(t);
                    break;
                case "mime_type":
                    type = string(t);
                    break;
                case "size_in_bytes":
                    if (t == JsonToken.VALUE_NUMBER_INT) {
                        size = p.getLongValue();
                    }
                    break;
                case "duration_in_seconds":
                    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                        double d = p.getDoubleValue();
                        duration = d >= 0 && d <= Durations.MAX ? (long) d : -1;
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
        b.addEnclosure(url, type, size, duration);
        if (!url.isBlank() && type.strip().toLowerCase(java.util.Locale.ROOT).startsWith("image/")) {
            b.addImage(url, title, ""); // an image attachment's title is its caption
        }
    }
}
