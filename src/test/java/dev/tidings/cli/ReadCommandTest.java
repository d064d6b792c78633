package dev.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

/** tidings read URL and dump --full against a local server on 127.0.0.1. */
class ReadCommandTest {
    HttpServer server;
    String base;
    @TempDir
    Path home;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = Files.readAllBytes(Path.of("src/test/resources/reader/news-figures.html"));
        server.createContext("/story", ex -> send(ex, 200, "text/html; charset=utf-8", page));
        server.createContext("/photo.jpg", ex -> send(ex, 200, "image/jpeg", new byte[] {1, 2, 3}));
        server.createContext("/gone", ex -> send(ex, 404, "text/html", "<p>gone</p>".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/feed.xml", ex -> send(ex, 200, "application/rss+xml", ("<rss version='2.0'><channel>"
                + "<title>Local</title><item><title>Teaser</title><link>" + base + "/story</link><guid>1</guid>"
                + "<description>Only a teaser.</description></item><item><title>Gone</title><link>" + base
                + "/gone</link><guid>2</guid><description>Second teaser.</description></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8)));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, String type, byte[] body)
            throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    Cli run(String... args) {
        return Cli.runWith(Map.of("XDG_CACHE_HOME", home.toString(), "HOME", home.toString()), "", false, args);
    }

    @Test
    void readsTheArticleOfAPage() {
        Cli c = run("read", base + "/story", "--width", "72");
        assertThat(c.code).as(c.toString()).isZero();
        assertThat(c.out).startsWith("Kabul families ration light").contains("Source: AFP")
                .doesNotContain("Leave your vote").doesNotContain("Related Articles").doesNotContain("Forgot password?")
                .doesNotContain("Add to Collection");
        assertThat(Files.exists(home.resolve("tidings/pages"))).isTrue(); // cached for the next time
        Cli md = run("read", base + "/story", "--format", "markdown");
        assertThat(md.out).startsWith("# Kabul families");
        Cli json = run("read", base + "/story", "--format", "json");
        assertThat(json.out).contains("\"images\"").contains("\"credit\" : \"AFP\"");
    }

    @Test
    void failuresAreOneLineWithTheirExitCode() {
        Cli gone = run("read", base + "/gone");
        assertThat(gone.code).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(gone.err).contains("HTTP 404").hasLineCount(1);
        Cli image = run("read", base + "/photo.jpg");
        assertThat(image.code).isEqualTo(ExitCodes.INVALID_FEED);
        assertThat(image.err).contains("not an HTML page (image/jpeg)").hasLineCount(1);
        Cli file = run("read", "file:///etc/passwd");
        assertThat(file.code).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(file.out).isEmpty();
    }

    @Test
    void aFeedIsNotAWebPageOverHttpOrFromAFile() throws IOException { // issue #11
        String expected = "a feed, not a web page: try `tidings dump`";
        Cli http = run("read", base + "/feed.xml");
        assertThat(http.code).isEqualTo(ExitCodes.INVALID_FEED);
        assertThat(http.err).contains(expected).hasLineCount(1);
        Path rss = home.resolve("saved-feed.xml");
        Files.writeString(rss, "\uFEFF<?xml version='1.0'?>\n<!-- saved from the web -->\n<rss version='2.0'><channel>"
                + "<title>Local</title><item><title>One</title></item></channel></rss>");
        Path atom = home.resolve("atom.txt");
        Files.writeString(atom, "<feed xmlns='http://www.w3.org/2005/Atom'><title>A</title></feed>");
        Path json = home.resolve("feed.json");
        Files.writeString(json, "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"J\", \"items\": []}");
        for (Path feed : new Path[] {rss, atom, json}) {
            Cli file = run("read", feed.toString());
            assertThat(file.code).as(file.toString()).isEqualTo(ExitCodes.INVALID_FEED);
            assertThat(file.err).isEqualTo("tidings: " + feed + ": " + expected + "\n");
            assertThat(file.out).isEmpty();
        }
    }

    @Test
    void theSiteIsThePagesOwnName() throws IOException { // issue #11: was the host, 127.0.0.1
        Path page = home.resolve("ferry.html");
        Files.copy(Path.of("src/test/resources/reader/div-br-text.html"), page);
        server.createContext("/ferry", ex -> send(ex, 200, "text/html", Files.readAllBytes(page)));
        for (String source : new String[] {base + "/ferry", page.toString()}) {
            Cli c = run("read", source, "--width", "72");
            assertThat(c.code).as(c.toString()).isZero();
            assertThat(c.out.lines().skip(1).findFirst().orElse("")).startsWith("Westerly Isles Courier · Morag Lindsay");
            assertThat(c.out).contains("Islanders will have three ferry sailings");
        }
    }

    @Test
    void dumpFullUsesThePageAndFallsBackWithAReason() {
        Cli c = run("dump", "--full", "--width", "72", base + "/feed.xml");
        assertThat(c.code).as(c.toString()).isZero();
        assertThat(c.out).contains("Kabul families ration light").contains("Source: Reuters")
                .contains("Second teaser.");
        assertThat(c.err).contains("/gone: HTTP 404").contains("showing the feed's text").hasLineCount(1);
    }
}
