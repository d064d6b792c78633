package dev.tidings.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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

    public static SyncState load(Path file) {
        try {
            JsonNode root = SyncJson.MAPPER.readTree(Files.readAllBytes(file));
            if (root == null || root.path("version").asInt() != 1) {
                return NEVER;
            }
            List<ServerFeed> feeds = new ArrayList<>();
            for (JsonNode f : root.path("feeds")) {
                List<String> cats = new ArrayList<>();
                f.path("categories").forEach(c -> cats.add(c.asText()));
                feeds.add(new ServerFeed(f.path("id").asText(), f.path("title").asText(), f.path("url").asText(),
                        f.path("htmlUrl").asText(), cats));
            }
            return new SyncState(root.path("lastSync").asLong(), feeds, ids(root.path("unread")), ids(root.path("starred")),
                    ids(root.path("recent")));
        } catch (NoSuchFileException e) {
            return NEVER;
        } catch (IOException | RuntimeException e) {
            return NEVER; // damaged: the next sync starts over (items are merged by id, nothing doubles)
        }
    }

    private static Set<String> ids(JsonNode arr) {
        Set<String> out = new LinkedHashSet<>();
        arr.forEach(x -> out.add(x.asText()));
        return out;
    }

    public void save(Path file) throws SyncException {
        ObjectNode root = SyncJson.MAPPER.createObjectNode();
        root.put("version", 1);
        root.put("lastSync", lastSync);
        ArrayNode fs = root.putArray("feeds");
        for (ServerFeed f : feeds) {
            ObjectNode o = fs.addObject();
            o.put("id", f.streamId());
            o.put("title", f.title());
            o.put("url", f.url());
            o.put("htmlUrl", f.htmlUrl());
            ArrayNode c = o.putArray("categories");
            f.categories().forEach(c::add);
        }
        ArrayNode u = root.putArray("unread");
        unread.forEach(u::add);
        ArrayNode s = root.putArray("starred");
        starred.forEach(s::add);
        ArrayNode r = root.putArray("recent");
        recent.forEach(r::add);
        try {
            AtomicFiles.createPrivateDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, SyncJson.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root));
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.LOCAL, file + ": cannot write the sync state ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
