package dev.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
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

/** {@code feeds add} of a web page finds the feeds its link elements name (issue #13). */
class DiscoveryCliTest {
    @TempDir
    Path home;
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/none/", ex -> send(ex, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><title>Plain</title>"
                        + "<link rel=\"alternate stylesheet\" type=\"text/css\" href=\"/dark.css\">"
                        + "<link rel=\"alternate\" type=\"application/json\" href=\"/wp-json/wp/v2/pages/7\">"
                        + "</head><body><a href=\"/feed.xml\">an anchor is not a declaration</a></body></html>"));
        server.createContext("/one/", ex -> send(ex, "text/html",
                "<html><head><base href=\"/blog/\"><link rel=\"Alternate\" type=\"application/atom+xml\""
                        + " title=\"Harbour posts\" href=\"atom.xml\"></head><body>x</body></html>"));
        server.createContext("/three/", ex -> send(ex, "text/html",
                "<!doctype html><html><head>"
                        + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"All posts\" href=\"/rss.xml\">"
                        + "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Comments\ttabbed\" href=\"comments.atom\">"
                        + "<link rel=\"alternate\" type=\"application/feed+json\" href=\"https://cdn.example.net/feed.json\">"
                        + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Again\" href=\"/rss.xml\">"
                        + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"javascript:alert(1)\">"
                        + "</head><body></body></html>"));
        server.createContext("/feed.xml", ex -> send(ex, "text/html", // a feed served with the wrong type
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title></channel></rss>"));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void send(HttpExchange ex, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private Cli run(String stdin, boolean terminal, String... args) {
        return Cli.runWith(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString(), "XDG_DATA_HOME", home.resolve("data").toString(),
                "XDG_STATE_HOME", home.resolve("state").toString()), stdin, terminal, args);
    }

    private String urls() throws IOException {
        Path f = home.resolve("config/tidings/urls");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    @Test
    void aPageWithNoFeedLinksIsOneLineAndExit4() throws IOException {
        Cli c = run("", false, "feeds", "add", base + "/none/");
        assertThat(c.code).isEqualTo(ExitCodes.INVALID_FEED);
        assertThat(c.err).isEqualTo("tidings: " + base + "/none/: a web page with no feed links\n");
        assertThat(urls()).isEmpty();
    }

    @Test
    void theOnlyFeedIsAddedItsHrefResolvedAgainstTheBase() throws IOException {
        Cli c = run("", false, "feeds", "add", base + "/one/", "--tag", "news");
        assertThat(c.code).as(c.toString()).isZero();
        assertThat(c.out).isEqualTo("Subscribed to " + base + "/blog/atom.xml (Atom, found on " + base + "/one/)\n");
        assertThat(urls()).contains(base + "/blog/atom.xml").contains("news").doesNotContain("/one/");
    }

    @Test
    void severalFeedsInAScriptAreListedAndExit2() throws IOException {
        Cli c = run("", false, "feeds", "add", base + "/three/");
        assertThat(c.code).isEqualTo(ExitCodes.USAGE);
        assertThat(c.out).isEqualTo("All posts\tapplication/rss+xml\t" + base + "/rss.xml\n"
                + "Comments tabbed\tapplication/atom+xml\t" + base + "/three/comments.atom\n"
                + "-\tapplication/feed+json\thttps://cdn.example.net/feed.json\n");
        assertThat(c.err).isEqualTo("tidings: " + base + "/three/: a web page with 3 feeds (listed on stdout);"
                + " add one of them by its URL\n");
        assertThat(urls()).isEmpty();
    }

    @Test
    void severalFeedsInATerminalAreANumberedChoice() throws IOException {
        Cli c = run("2\n", true, "feeds", "add", base + "/three/");
        assertThat(c.code).as(c.toString()).isZero();
        assertThat(c.err).contains("  1. All posts (RSS) " + base + "/rss.xml\n")
                .contains("  3. (no title) (JSON Feed) https://cdn.example.net/feed.json\n")
                .contains("Subscribe to which one? [1-3, Enter for none] ");
        assertThat(urls()).contains(base + "/three/comments.atom");

        Cli none = run("\n", true, "feeds", "add", base + "/three/");
        assertThat(none.code).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err).endsWith("tidings: nothing subscribed\n");
        Cli bad = run("9\n", true, "feeds", "add", base + "/three/");
        assertThat(bad.err).endsWith("tidings: nothing subscribed ('9' is not 1 to 3)\n");
    }

    @Test
    void aFeedIsAddedAsBeforeEvenWithAnHtmlContentType() throws IOException {
        Cli c = run("", false, "feeds", "add", base + "/feed.xml");
        assertThat(c.code).isZero();
        assertThat(c.out).isEqualTo("Subscribed to " + base + "/feed.xml\n");
        assertThat(c.err).isEmpty();
    }

    @Test
    void anUnreachableUrlIsSubscribedWithAWarning() throws IOException {
        Cli c = run("", false, "feeds", "add", base + "/missing.xml");
        assertThat(c.code).isZero();
        assertThat(c.err).startsWith("tidings: warning: ").endsWith("; subscribed anyway\n").hasLineCount(1);
        assertThat(urls()).contains(base + "/missing.xml");
    }
}
