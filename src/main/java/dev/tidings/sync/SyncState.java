package dev.tidings.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tidings.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What this machine last saw on the server ({@code state.json} in the account's directory): when the
 * last sync finished, the subscriptions, and the unread and starred item ids. The next sync asks only
 * for what is newer, and compares the server's unread and starred ids with these to find changes made
 * elsewhere. Written atomically after a sync that succeeded; an unreadable file means "never synced".
 *
 * @param lastSync when the last complete sync started (milliseconds; 0: never)
 */
public record SyncState(long lastSync, List<ServerFeed> feeds, Set<String> unread, Set<String> starred,
                        Set<String> recent) {
    public static final SyncState NEVER = new SyncState(0, List.of(), Set.of(), Set.of(), Set.of());

    /**
     * @param recent the ids the last sync listed as new: the next one asks again for a few minutes
     *               before it (clocks differ) and skips these instead of fetching them twice
     */
    public SyncState {
        feeds = List.copyOf(feeds);
        unread = Set.copyOf(unread);
        starred = Set.copyOf(starred);
        recent = Set.copyOf(recent);
    }

    public SyncState withFeeds(List<ServerFeed> now) {
        return new SyncState(lastSync, now, unread, starred, recent);
    }

    /**
     * The state in {@code file}, or {@link #NEVER} when it is missing, damaged or of another version.
     * Read with Jackson's streaming parser: 100,000 unread ids are a 2 MB file, and a tree of them
     * cost a cold {@code tidings sync} a third of a second.
     */
    public static SyncState load(Path file) {
        try (JsonParser p = SyncJson.FACTORY.createParser(Files.readAllBytes(file))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return NEVER;
            }
            int version = 0;
            long lastSync = 0;
            List<ServerFeed> feeds = new ArrayList<>();
            Set<String> unread = Set.of();
            Set<String> starred = Set.of();
            Set<String> recent = Set.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "version" -> version = p.getValueAsInt();
                    case "lastSync" -> lastSync = p.getValueAsLong();
                    case "feeds" -> feeds = feeds(p, value);
                    case "unread" -> unread = ids(p, value);
                    case "starred" -> starred = ids(p, value);
                    case "recent" -> recent = ids(p, value);
                    default -> p.skipChildren();
                }
            }
            return version == 1 ? new SyncState(lastSync, feeds, unread, starred, recent) : NEVER;
        } catch (NoSuchFileException e) {
            return NEVER;
        } catch (IOException | RuntimeException e) {
            return NEVER; // damaged: the next sync starts over (items are merged by id, nothing doubles)
        }
    }

    private static List<ServerFeed> feeds(JsonParser p, JsonToken value) throws IOException {
        List<ServerFeed> feeds = new ArrayList<>();
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return feeds;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String id = "";
            String title = "";
            String url = "";
            String htmlUrl = "";
            List<String> cats = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "id" -> id = text(p);
                    case "title" -> title = text(p);
                    case "url" -> url = text(p);
                    case "htmlUrl" -> htmlUrl = text(p);
                    case "categories" -> cats.addAll(ids(p, v));
                    default -> p.skipChildren();
                }
            }
            feeds.add(new ServerFeed(id, title, url, htmlUrl, cats));
        }
        return feeds;
    }

    /** An immutable set built once (the record's {@code Set.copyOf} then keeps it as it is). */
    private static Set<String> ids(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return Set.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
            if (t.isStructStart()) {
                p.skipChildren();
            } else {
                out.add(text(p));
            }
        }
        try {
            return Set.of(out.toArray(String[]::new));
        } catch (IllegalArgumentException duplicate) { // only in a file edited by hand
            return Set.copyOf(out);
        }
    }

    /** A scalar as text, as {@code JsonNode.asText()} gave it ("" for null). */
    private static String text(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? "" : p.getValueAsString("");
    }

    public void save(Path file) throws SyncException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 20 * (unread.size() + starred.size() + recent.size()));
        try (JsonGenerator g = SyncJson.FACTORY.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeNumberField("version", 1);
            g.writeNumberField("lastSync", lastSync);
            g.writeArrayFieldStart("feeds");
            for (ServerFeed f : feeds) {
                g.writeStartObject();
                g.writeStringField("id", f.streamId());
                g.writeStringField("title", f.title());
                g.writeStringField("url", f.url());
                g.writeStringField("htmlUrl", f.htmlUrl());
                writeStrings(g, "categories", f.categories());
                g.writeEndObject();
            }
            g.writeEndArray();
            writeStrings(g, "unread", unread);
            writeStrings(g, "starred", starred);
            writeStrings(g, "recent", recent);
            g.writeEndObject();
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.LOCAL, file + ": cannot write the sync state ("
                    + e.getClass().getSimpleName() + ")");
        }
        try {
            AtomicFiles.createPrivateDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.LOCAL, file + ": cannot write the sync state ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static void writeStrings(JsonGenerator g, String name, Collection<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
