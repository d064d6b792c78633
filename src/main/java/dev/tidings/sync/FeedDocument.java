package dev.tidings.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A server feed's items (read and starred live in the read state and the sync state, not here) as a JSON Feed 1.1 document: the form synced items are cached in, so the
 * feed list, {@code list}, {@code dump} and the reader read them like any cached feed. Item ids are
 * {@code sync:ACCOUNT:HEX} ({@link ItemIds#local}). Text is written as the server sent it: it is
 * sanitized where it enters the model, as for any feed.
 */
public final class FeedDocument {
    private static final JsonFactory FACTORY = new JsonFactory();

    private FeedDocument() {
    }

    public static byte[] write(String account, String title, String homePage, List<ServerItem> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + items.size() * 512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("version", "https://jsonfeed.org/version/1.1");
            g.writeStringField("title", title);
            if (!homePage.isEmpty()) {
                g.writeStringField("home_page_url", homePage);
            }
            g.writeArrayFieldStart("items");
            for (ServerItem it : items) {
                g.writeStartObject();
                g.writeStringField("id", ItemIds.local(account, it.hexId()));
                if (!it.link().isEmpty()) {
                    g.writeStringField("url", it.link());
                }
                g.writeStringField("title", it.title());
                g.writeStringField("content_html", it.html());
                if (it.published() > 0) {
                    g.writeStringField("date_published", Instant.ofEpochSecond(it.published()).toString());
                }
                if (it.updated() > 0) {
                    g.writeStringField("date_modified", Instant.ofEpochSecond(it.updated()).toString());
                }
                if (!it.author().isEmpty()) {
                    g.writeArrayFieldStart("authors");
                    g.writeStartObject();
                    g.writeStringField("name", it.author());
                    g.writeEndObject();
                    g.writeEndArray();
                }
                g.writeObjectFieldStart("_tidings_sync");
                g.writeStringField("stream", it.streamId());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** The items of a document this class wrote; anything unreadable is no items (the next sync refills). */
    public static List<ServerItem> read(byte[] body) {
        List<ServerItem> out = new ArrayList<>();
        try {
            JsonNode root = SyncJson.tree(body);
            for (JsonNode it : root.path("items")) {
                String hex = ItemIds.hex(it.path("id").asText(""));
                if (hex == null) {
                    continue;
                }
                JsonNode x = it.path("_tidings_sync");
                out.add(new ServerItem(hex, x.path("stream").asText(""), it.path("title").asText(""),
                        it.path("url").asText(""), seconds(it.path("date_published").asText("")),
                        seconds(it.path("date_modified").asText("")), it.path("authors").path(0).path("name").asText(""),
                        it.path("content_html").asText(""), false, false));
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return out;
    }

    private static long seconds(String iso) {
        if (iso.isEmpty()) {
            return 0;
        }
        try {
            return Instant.parse(iso).getEpochSecond();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
