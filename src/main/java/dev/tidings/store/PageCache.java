package dev.tidings.store;

import dev.tidings.io.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;

/**
 * Extracted web pages kept for a while ({@code <cache>/pages/<hash>.json}), so reader mode does
 * not fetch a page twice. Best effort: a missing, stale or broken entry is a miss, never an error;
 * entries are written atomically.
 */
public final class PageCache {
    /** One cached page. */
    public record Page(String title, String byline, String siteName, Instant published, String html, int textLength) {
    }

    /** Entries written by an older extractor (a smaller number, or none) are misses: extract again. */
    static final int EXTRACTOR_VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final Duration ttl;

    public PageCache(Path cacheDir, Duration ttl) {
        this.dir = cacheDir.resolve("pages");
        this.ttl = ttl;
    }

    private Path file(String url) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                sb.append(String.format("%02x", d[i]));
            }
            return dir.resolve(sb + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page cached for this URL and still fresh, or null. */
    public Page get(String url) {
        Path f = file(url);
        try {
            if (!Files.isRegularFile(f) || Files.getLastModifiedTime(f).toInstant().isBefore(Instant.now().minus(ttl))) {
                return null;
            }
            JsonNode n = JSON.readTree(Files.readAllBytes(f));
            if (n == null || !url.equals(n.path("url").asText()) || n.path("extractor").asInt(0) < EXTRACTOR_VERSION) {
                return null;
            }
            String published = n.path("published").asText("");
            return new Page(Sanitize.line(n.path("title").asText("")), Sanitize.line(n.path("byline").asText("")),
                    Sanitize.line(n.path("siteName").asText("")), published.isEmpty() ? null : Instant.parse(published), Sanitize.body(n.path("html").asText("")),
                    n.path("textLength").asInt(0));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public void put(String url, Page p) {
        Path f = file(url);
        try {
            AtomicFiles.createPrivateDirectories(dir);
            ObjectNode n = JSON.createObjectNode();
            n.put("url", url);
            n.put("extractor", EXTRACTOR_VERSION);
            n.put("fetched", Instant.now().toString());
            n.put("title", p.title());
            n.put("byline", p.byline());
            n.put("siteName", p.siteName());
            n.put("published", p.published() == null ? "" : p.published().toString());
            n.put("textLength", p.textLength());
            n.put("html", p.html());
            AtomicFiles.write(f, JSON.writeValueAsBytes(n));
        } catch (IOException | RuntimeException e) {
            // the cache is an optimisation: reading still worked
        }
    }
}
