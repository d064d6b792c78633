package dev.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.store.FeedCache;
import dev.tidings.store.PageCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cache status and clean, with HOME and every XDG dir in a temp folder. */
class CacheCliTest {
    @TempDir
    Path home;
    Map<String, String> vars;
    Path cacheDir;
    FeedCache cache;
    static final String A = "https://a.example/feed.xml";
    static final String B = "https://b.example/feed.xml";
    static final String GONE = "https://old.example/feed.xml";

    static String rss(String title, String... links) {
        StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>" + title + "</title>");
        int n = 0;
        for (String l : links) {
            n++;
            sb.append("<item><guid>").append(l).append("</guid><title>Item ").append(n).append("</title><link>")
                    .append(l).append("</link><pubDate>Mon, 0").append(n).append(" Jun 2026 10:00:00 GMT</pubDate></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    @BeforeEach
    void setUp() throws Exception {
        vars = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString(), "XDG_DATA_HOME", home.resolve("data").toString(),
                "XDG_STATE_HOME", home.resolve("state").toString());
        Files.createDirectories(home.resolve("config/tidings"));
        Files.writeString(home.resolve("config/tidings/urls"), A + " \"~Alpha\"\n" + B + " max-items=1\n");
        cacheDir = home.resolve("cache/tidings");
        cache = new FeedCache(cacheDir);
        Instant t = Instant.parse("2026-06-05T00:00:00Z");
        cache.putBody(A, bytes(rss("Alpha", "https://a.example/1", "https://a.example/2")), "text/xml", A, null, null, t);
        cache.putBody(B, bytes(rss("Beta", "https://b.example/1", "https://b.example/2")), "text/xml", B, null, null, t);
        cache.putBody(GONE, bytes(rss("Old", "https://old.example/1")), "text/xml", GONE, null, null, t);
        PageCache pages = new PageCache(cacheDir, Duration.ofDays(7));
        for (String link : new String[] {"https://a.example/1", "https://b.example/1", "https://b.example/2",
            "https://old.example/1"}) {
            pages.put(link, new PageCache.Page("t", "", "", null, "<p>x</p>", 1));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Cli run(String... args) {
        return Cli.runWith(vars, "", false, args);
    }

    private long files(String sub) throws Exception {
        try (var s = Files.list(cacheDir.resolve(sub))) {
            return s.count();
        }
    }

    @Test
    void statusCountsEveryKindAndEveryFeed() throws Exception {
        Cli c = run("cache", "status", "--format", "json");
        assertThat(c.code).as(c.toString()).isEqualTo(0);
        assertThat(c.out).contains("\"bodies\" : {\n      \"files\" : 3,")
                .contains("\"metas\" : {\n      \"files\" : 3,")
                .contains("\"pages\" : {\n      \"files\" : 4,")
                .contains("\"url\" : \"" + A + "\",\n    \"name\" : \"Alpha\",\n    \"files\" : 2,")
                .contains("\"unsubscribed\" : {\n    \"feeds\" : 1,\n    \"files\" : 2,");
        Cli text = run("cache", "status");
        assertThat(text.out).contains("bodies").contains("Alpha  " + A)
                .contains("Not subscribed any more: 1 feed");
    }

    @Test
    void cleanRemovesUnsubscribedFeedsAndPagesNoKeptItemLinksTo() throws Exception {
        Cli dry = run("cache", "clean", "--dry-run");
        assertThat(dry.code).as(dry.toString()).isEqualTo(0);
        assertThat(dry.out).contains("would remove").contains("(feed no longer subscribed)")
                .contains("(no kept item links to it)").contains("Would free");
        assertThat(files("feeds")).as("a dry run removes nothing").isEqualTo(7); // 3 bodies, 3 metas, .lock
        assertThat(files("pages")).isEqualTo(4);

        Cli c = run("cache", "clean", "--format", "json");
        assertThat(c.code).as(c.toString()).isEqualTo(0);
        String g = FeedCache.key(GONE);
        assertThat(c.out).contains("\"file\" : \"feeds/" + g + ".xml\"").contains("\"file\" : \"feeds/" + g + ".meta.json\"");
        assertThat(cacheDir.resolve("feeds/" + g + ".xml")).doesNotExist();
        assertThat(cacheDir.resolve("feeds/" + FeedCache.key(A) + ".xml")).exists();
        // pages: old.example/1 (its feed is gone) and b.example/1 (max-items=1 keeps only b/2) go
        assertThat(cacheDir.resolve("pages/" + FeedCache.key("https://old.example/1") + ".json")).doesNotExist();
        assertThat(cacheDir.resolve("pages/" + FeedCache.key("https://b.example/1") + ".json")).doesNotExist();
        assertThat(cacheDir.resolve("pages/" + FeedCache.key("https://b.example/2") + ".json")).exists();
        assertThat(cacheDir.resolve("pages/" + FeedCache.key("https://a.example/1") + ".json")).exists();

        assertThat(run("cache", "clean").out).isEqualTo("Nothing to remove\n");
    }

    @Test
    void cleanRemovesTheSearchSegmentsOfUnsubscribedFeedsOnly() throws Exception {
        Path search = cacheDir.resolve("search");
        Files.createDirectories(search);
        Path kept = search.resolve(dev.tidings.search.SearchIndex.keyOf(A) + ".seg");
        Path collections = search.resolve(dev.tidings.search.SearchIndex.keyOf(dev.tidings.search.SearchIndex.COLLECTIONS) + ".seg");
        Path gone = search.resolve(dev.tidings.search.SearchIndex.keyOf(GONE) + ".seg");
        Path foreign = search.resolve("notes.txt");
        for (Path p : List.of(kept, collections, gone, foreign)) {
            Files.writeString(p, "x");
        }
        Cli c = run("cache", "clean");
        assertThat(c.code).as(c.toString()).isEqualTo(0);
        assertThat(c.out).contains("search/" + gone.getFileName());
        assertThat(gone).doesNotExist();
        assertThat(kept).exists();
        assertThat(collections).exists();
        assertThat(foreign).as("not a name we write").exists();
        assertThat(run("cache", "status").out).doesNotContain("Not subscribed any more");
    }

    @Test
    void aForeignFileInTheCacheIsNeverRemoved() throws Exception {
        String unsubscribedKey = "0123456789abcdef0123456789abcdef";
        Path[] foreign = {
            Files.writeString(cacheDir.resolve("feeds/notes.txt"), "mine"),
            Files.writeString(cacheDir.resolve("feeds/" + unsubscribedKey.toUpperCase() + ".xml"), "mine"),
            Files.writeString(cacheDir.resolve("feeds/" + unsubscribedKey + ".xml.bak"), "mine"),
            Files.writeString(cacheDir.resolve("pages/" + unsubscribedKey + ".html"), "mine"),
            Files.writeString(cacheDir.resolve("feeds/old.tmp"), "mine"),
            Files.writeString(home.resolve("cache/" + unsubscribedKey + ".xml"), "mine"),
        };
        Path dirLikeOurs = Files.createDirectory(cacheDir.resolve("feeds/" + unsubscribedKey + ".idx"));
        Path target = Files.writeString(home.resolve("precious.txt"), "mine");
        Path link = Files.createSymbolicLink(cacheDir.resolve("feeds/" + unsubscribedKey + ".json"), target);
        Path staleTemp = Files.writeString(cacheDir.resolve("feeds/.x.xml.1.tmp"), "half");
        Files.setLastModifiedTime(staleTemp, FileTime.from(Instant.now().minusSeconds(7200)));

        Cli c = run("cache", "clean");
        assertThat(c.code).as(c.toString()).isEqualTo(0);
        for (Path p : foreign) {
            assertThat(p).as(p.toString()).hasContent("mine");
        }
        assertThat(dirLikeOurs).isDirectory();
        assertThat(link).isSymbolicLink();
        assertThat(target).hasContent("mine");
        assertThat(staleTemp).as("a temp file of ours left by a killed writer").doesNotExist();
    }

    @Test
    void anUnreadableUrlsFileRemovesNothing() throws Exception {
        Path urls = home.resolve("config/tidings/urls");
        Files.delete(urls);
        Files.createDirectory(urls); // reading it fails
        Cli c = run("cache", "clean");
        assertThat(c.code).isEqualTo(3);
        assertThat(c.err).startsWith("tidings: cannot read ");
        assertThat(files("feeds")).isEqualTo(7);
    }

    @Test
    void globalMaxItemsInTheConfigLimitsWhatListShows() throws Exception {
        Files.writeString(home.resolve("config/tidings/config"), "max-items = 1\n");
        Cli c = run("list", "--format", "tsv");
        assertThat(c.code).as(c.toString()).isEqualTo(0);
        assertThat(c.out.lines().filter(l -> l.contains("a.example")).count()).isEqualTo(1);
        assertThat(c.out).contains("https://a.example/2").doesNotContain("https://a.example/1\t");
    }
}
