package dev.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list --where, ignore-article in the config and query feeds, against a server on 127.0.0.1 (issue #13). */
class RulesCliTest {
    @TempDir
    Path home;
    HttpServer server;
    String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tech.xml", ex -> send(ex, fixture("tech.xml")));
        server.createContext("/world.xml", ex -> send(ex, fixture("world.xml")));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = RulesCliTest.class.getResourceAsStream("/rules/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    Map<String, String> env() {
        return Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString(), "XDG_DATA_HOME", home.resolve("data").toString());
    }

    Cli run(String... args) {
        return Cli.runWith(env(), "", false, args);
    }

    private Path file(String name) throws IOException {
        Path p = home.resolve(name);
        Files.writeString(p, fixture(name).replace("BASE", base));
        return p;
    }

    private Path config() throws IOException {
        Path dir = home.resolve("config/tidings");
        Files.createDirectories(dir);
        Path config = dir.resolve("config");
        Files.writeString(config, fixture("newsboat-config").replace("BASE", base));
        return config;
    }

    @Test
    void listWhereKeepsTheMatchingHeadlines() throws IOException {
        Path tech = file("tech.xml");
        Cli c = run("list", "--format", "tsv", "--where", "title =~ \"rust|kernel\" and age < 100000d", tech.toString());
        assertThat(c.code).as(c.toString()).isZero();
        assertThat(c.out.lines().map(l -> l.split("\t")[2]))
                .containsExactly("Rust 2.0 released with a new borrow checker", "Kernel notes for the 7.1 merge window");
        Cli content = run("list", "--format", "tsv", "--where", "content =~ \"file system\"", tech.toString());
        assertThat(content.out.lines().map(l -> l.split("\t")[2])).containsExactly("Kernel notes for the 7.1 merge window");
    }

    @Test
    void aBadWhereRuleIsAUsageErrorNamingTheColumn() throws IOException {
        Cli c = run("list", "--where", "title =~", file("tech.xml").toString());
        assertThat(c.code).isEqualTo(2);
        assertThat(c.out).isEmpty();
        assertThat(c.err.strip()).isEqualTo("tidings: --where: rule: column 9: expected a value, found end of rule"
                + " (see 'tidings list --help')");
    }

    @Test
    void ignoreArticleHidesMatchesAndABadLineIsOneWarning() throws IOException {
        Path config = config();
        Cli c = run("list", "--format", "tsv", file("tech.xml").toString(), file("world.xml").toString());
        assertThat(c.code).as(c.toString()).isZero();
        assertThat(c.out).doesNotContain("Sponsored").contains("Rust 2.0").contains("Kernel notes")
                .contains("Weather: storms"); // the world rule names the served URL, not this file
        assertThat(c.err.lines()).containsExactly("tidings: " + config + ":4: rule: column 10: bad regular expression:"
                + " Unclosed group; ignore-article skipped");
        Cli dump = run("dump", "--format", "markdown", file("tech.xml").toString());
        assertThat(dump.out).doesNotContain("Sponsored").contains("Kernel notes");
    }

    @Test
    void aNewsboatUrlsFileWithQueryFeedsAndAKillfileWork() throws IOException {
        config();
        Cli imported = run("import", file("newsboat-urls").toString());
        assertThat(imported.code).as(imported.toString()).isZero();
        assertThat(imported.out.strip()).isEqualTo("Imported 2 feeds and 2 query feeds (0 already subscribed, 0 lines refused)");
        Path urls = home.resolve("config/tidings/urls");
        assertThat(Files.readString(urls)).contains("\"query:Unread Articles:unread = \\\"yes\\\"\"\n")
                .contains("\"query:Tech Only:tags # \\\"tech\\\" and title !~ \\\"kernel\\\"\" smart\n");

        Cli feeds = run("feeds", "list");
        assertThat(feeds.out).contains("Unread Articles  query: unread = \"yes\"")
                .contains("Tech Only  query: tags # \"tech\" and title !~ \"kernel\"  [smart]");

        Cli all = run("list", "--format", "tsv");
        assertThat(all.code).as(all.toString()).isZero();
        assertThat(all.out).contains("Rust 2.0").contains("Coastal towns").contains("Kernel notes")
                .doesNotContain("Sponsored").doesNotContain("Weather");

        Cli query = run("list", "--format", "tsv", "query:Tech Only");
        assertThat(query.code).as(query.toString()).isZero();
        assertThat(query.out.lines().map(l -> l.split("\t")[2])).containsExactly("Rust 2.0 released with a new borrow checker");
        Cli unknown = run("list", "query:Nothing");
        assertThat(unknown.code).isEqualTo(2);
        assertThat(unknown.err).contains("no query feed named 'Nothing'");

        // the urls file keeps the query lines when a feed is added
        assertThat(run("feeds", "add", base + "/other.xml", "--no-fetch").code).isIn(0, 2, 3);
        assertThat(Files.readString(urls)).contains("\"query:Unread Articles:unread = \\\"yes\\\"\"\n");

        // OPML: exported with tidings:query, imported back
        Cli export = run("export");
        assertThat(export.out).contains("tidings:query=\"unread = &quot;yes&quot;\"").contains("type=\"query\"");
        Path opml = home.resolve("export.opml");
        Files.writeString(opml, export.out);
        Cli again = Cli.runWith(Map.of("HOME", home.resolve("h2").toString(), "XDG_CONFIG_HOME",
                home.resolve("h2/config").toString()), "", false, "import", opml.toString());
        assertThat(again.out).contains("and 2 query feeds");
        assertThat(Files.readString(home.resolve("h2/config/tidings/urls")))
                .contains("\"query:Tech Only:tags # \\\"tech\\\" and title !~ \\\"kernel\\\"\" smart\n");
    }
}
