package dev.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tidings search against feeds served from 127.0.0.1, in a temporary HOME and XDG dirs. */
class SearchCliTest {
    @TempDir
    Path home;
    HttpServer server;
    String base;
    final AtomicReference<String> harbour = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        harbour.set(rss("Harbour Gazette",
                item("h1", "Ferry timetable changes", "<p>The <i>Ciresa</i> sails at nine.</p>", "Mon, 02 Nov 2026 08:00:00 GMT")
                        + item("h2", "Ciresa wins award", "<p>Crew praised.</p>", "Sun, 01 Nov 2026 08:00:00 GMT")
                        + item("h3", "Market day", "<p>Fish &amp; bread.</p>", "Tue, 03 Nov 2026 08:00:00 GMT")));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/harbour.xml", ex -> send(ex, harbour.get()));
        server.createContext("/tokyo.xml", ex -> send(ex, rss("東京ニュース",
                item("t1", "東京都の天気", "<p>明日は晴れ</p>", "Mon, 02 Nov 2026 08:00:00 GMT"))));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String item(String id, String title, String body, String date) {
        return "<item><guid>" + id + "</guid><title>" + title + "</title><pubDate>" + date
                + "</pubDate><description><![CDATA[" + body + "]]></description></item>";
    }

    private static String rss(String title, String items) {
        return "<rss version='2.0'><channel><title>" + title + "</title>" + items + "</channel></rss>";
    }

    private static void send(HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    Cli run(String... args) {
        return Cli.runWith(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString(), "XDG_DATA_HOME", home.resolve("data").toString()),
                "", false, args);
    }

    private void subscribeAndRefresh() {
        assertThat(run("feeds", "add", base + "/harbour.xml").code).isZero();
        assertThat(run("feeds", "add", base + "/tokyo.xml").code).isZero();
        Cli r = run("refresh");
        assertThat(r.code).as(r.toString()).isZero();
    }

    @Test
    void findsAWordInBodiesWithTitleMatchesFirst() {
        subscribeAndRefresh();
        Cli s = run("search", "ciresa");
        assertThat(s.code).as(s.toString()).isZero();
        assertThat(s.out).isEqualTo("2026-11-01  Ciresa wins award  — Harbour Gazette\n"
                + "2026-11-02  Ferry timetable changes  — Harbour Gazette\n");
        assertThat(s.err).isEmpty();
        assertThat(run("search", "京都").out).isEqualTo("2026-11-02  東京都の天気  — 東京ニュース\n");
        assertThat(run("search", "feed:gazette", "fish").out).isEqualTo("2026-11-03  Market day  — Harbour Gazette\n");
    }

    @Test
    void nothingFoundIsExitZeroWithANoteOnStderr() {
        subscribeAndRefresh();
        Cli s = run("search", "zeppelin");
        assertThat(s.code).isZero();
        assertThat(s.out).isEmpty();
        assertThat(s.err).isEqualTo("tidings: no article matches zeppelin\n");
    }

    @Test
    void anEmptyQueryIsAUsageError() {
        Cli s = run("search", "  ");
        assertThat(s.code).isEqualTo(ExitCodes.USAGE);
        assertThat(s.err).isEqualTo("tidings: search: empty query (see 'tidings search --help')\n");
    }

    @Test
    void aRefreshDropsArticlesThatLeftTheFeed() {
        subscribeAndRefresh();
        assertThat(run("search", "ferry").out).contains("Ferry timetable changes");
        harbour.set(rss("Harbour Gazette", item("h9", "New pier", "<p>Opened today.</p>",
                "Wed, 04 Nov 2026 08:00:00 GMT")));
        assertThat(run("refresh").code).isZero();
        assertThat(run("search", "ferry").out).isEmpty();
        assertThat(run("search", "pier").out).contains("New pier");
    }

    @Test
    void aDamagedIndexIsRebuiltWithOneNote() throws IOException {
        subscribeAndRefresh();
        assertThat(run("search", "ciresa").out.lines()).hasSize(2); // builds the index
        Path dir = home.resolve("cache/tidings/search");
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.seg")) {
            for (Path p : ds) {
                Files.write(p, "garbage".getBytes(StandardCharsets.UTF_8));
            }
        }
        Cli s = run("search", "ciresa");
        assertThat(s.code).isZero();
        assertThat(s.out).contains("Ciresa wins award");
        assertThat(s.err.lines()).hasSize(2).allMatch(l -> l.startsWith("tidings: search index: ") && l.endsWith("it is rebuilt"));
        Cli again = run("search", "ciresa");
        assertThat(again.err).isEmpty();
        assertThat(again.out).isEqualTo(s.out);
    }

    @Test
    void aMissingIndexIsBuiltBeforeTheFirstSearch() throws IOException {
        subscribeAndRefresh();
        Path dir = home.resolve("cache/tidings/search");
        assertThat(dir).doesNotExist(); // refresh leaves the index to the next search
        assertThat(run("search", "ciresa").out.lines()).hasSize(2);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                Files.delete(p);
            }
        }
        assertThat(run("search", "ciresa").out.lines()).hasSize(2);
    }

    @Test
    void jsonAndTsvForScripts() throws IOException {
        subscribeAndRefresh();
        Cli json = run("search", "--format", "json", "title:ciresa");
        JsonNode items = new ObjectMapper().readTree(json.out).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("id").asText()).isEqualTo("h2");
        assertThat(items.get(0).get("source").asText()).isEqualTo(base + "/harbour.xml");
        assertThat(items.get(0).get("published").asText()).isEqualTo("2026-11-01T08:00:00Z");
        Cli tsv = run("search", "--format", "tsv", "--limit", "1", "ciresa");
        assertThat(tsv.out).isEqualTo("2026-11-01T08:00:00Z\tCiresa wins award\tHarbour Gazette\t" + base + "/h2\th2\t"
                + base + "/harbour.xml\n");
    }

    @Test
    void savedArticlesAreSearchedToo() {
        subscribeAndRefresh();
        Path feed = home.resolve("saved.xml");
        try {
            Files.writeString(feed, rss("Archive", item("a1", "Old lighthouse keeper", "<p>Stories of Ciresa.</p>",
                    "Mon, 02 Nov 2020 08:00:00 GMT")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(run("collections", "create", "Later").code).isZero();
        Cli add = run("collections", "add", "Later", feed.toString(), "--item", "1");
        assertThat(add.code).as(add.toString()).isZero();
        Cli s = run("search", "lighthouse");
        assertThat(s.out).isEqualTo("2020-11-02  Old lighthouse keeper  — Archive\n");
        Cli remove = run("collections", "remove", "Later", "a1");
        assertThat(remove.code).as(remove.toString()).isZero();
        assertThat(run("search", "lighthouse").out).isEmpty();
    }
}
