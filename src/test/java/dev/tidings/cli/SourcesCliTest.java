package dev.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON news sources through the CLI (issue #15), served from 127.0.0.1 by a server that
 * checks the key like the Guardian does (api-key query parameter): keys typed into URLs are used
 * but never printed or stored, error answers are one line with the service's message and exit 3.
 */
class SourcesCliTest {
    private static final String SECRET = "k3y-9f8e7d6c5b4a";

    @TempDir
    Path home;
    HttpServer server;
    String base;
    final List<String> queries = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/search", ex -> {
            String q = ex.getRequestURI().getRawQuery();
            synchronized (queries) {
                queries.add(q == null ? "" : q);
            }
            if (q != null && q.contains("api-key=" + SECRET)) {
                send(ex, 200, fixture("guardian-search.json"));
            } else {
                send(ex, 401, fixture("error-guardian.json"));
            }
        });
        server.createContext("/hn", ex -> send(ex, 200, fixture("hn-algolia-search.json")));
        server.createContext("/newsapi-error", ex -> send(ex, 200, fixture("error-newsapi.json")));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = SourcesCliTest.class.getResourceAsStream("/feeds/sources/" + name)) {
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    Cli run(String... args) {
        return Cli.runWith(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString(), "XDG_DATA_HOME", home.resolve("data").toString()),
                "", false, args);
    }

    /** Every file Tidings wrote under HOME, as text. */
    private String everythingWritten() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                all.append(p).append('\n').append(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    @Test
    void aKeyTypedIntoAUrlIsSentButNeverShownOrStored() throws IOException {
        Cli list = run("list", base + "/search?q=floods&api-key=" + SECRET);
        assertThat(list.code).as(list.toString()).isZero();
        assertThat(list.out).contains("Alpine valley finishes its flood walls before the thaw").doesNotContain(SECRET);
        assertThat(list.err).contains("warning").contains("api-key=…").doesNotContain(SECRET).hasLineCount(1);
        assertThat(queries).containsExactly("q=floods&api-key=" + SECRET);

        Cli json = run("dump", "--format", "json", base + "/search?api-key=" + SECRET + "&q=floods");
        assertThat(json.code).isZero();
        assertThat(json.out).contains("\"title\" : \"Alpine valley").doesNotContain(SECRET);

        assertThat(run("collections", "create", "Later").code).isZero();
        Cli saved = run("collections", "add", "Later", base + "/search?q=floods&api-key=" + SECRET, "--item", "1");
        assertThat(saved.code).as(saved.toString()).isZero();
        assertThat(run("collections", "export", "Later", "--format", "opml").out).doesNotContain(SECRET);
        assertThat(everythingWritten()).contains("Alpine valley").doesNotContain(SECRET);
    }

    @Test
    void aRefusedKeyIsOneLineWithTheServicesMessageAndExit3() {
        Cli bad = run("list", base + "/search?q=floods&api-key=wrong" + SECRET);
        assertThat(bad.code).isEqualTo(ExitCodes.UNREADABLE);
        String error = bad.err.lines().filter(l -> !l.contains("warning")).findFirst().orElseThrow();
        assertThat(error).isEqualTo("tidings: " + base + "/search?q=floods: HTTP 401 Unauthorized:"
                + " The Guardian answered with an error: The api-key provided is invalid");
        assertThat(bad.err).doesNotContain(SECRET).doesNotContain("not a feed");
    }

    @Test
    void anErrorDocumentWithStatus200IsExit3NotNotAFeed() {
        Cli r = run("list", base + "/newsapi-error");
        assertThat(r.code).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(r.err).isEqualTo("tidings: " + base + "/newsapi-error: NewsAPI answered with an error: apiKeyInvalid:"
                + " Your API key is not valid. Check it on your account page.\n");
    }

    @Test
    void subscribingToAUrlWithAKeyStoresItWithoutAndRefreshSaysWhatTheServiceSaid() throws IOException {
        Cli add = run("feeds", "add", base + "/search?q=floods&api-key=" + SECRET, "--name", "Guardian floods");
        assertThat(add.code).as(add.toString()).isZero();
        assertThat(add.err).contains("not stored").doesNotContain(SECRET);
        assertThat(Files.readString(home.resolve("config/tidings/urls"))).contains(base + "/search?q=floods")
                .doesNotContain(SECRET).doesNotContain("api-key");
        assertThat(run("feeds", "add", base + "/hn").code).isZero();
        Cli refresh = run("refresh");
        assertThat(refresh.code).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(refresh.err + refresh.out).contains("The Guardian answered with an error: The api-key provided is invalid")
                .doesNotContain(SECRET);
        Cli list = run("list");
        assertThat(list.out).contains("Tide tables for the Varenta estuary");
        assertThat(run("export", "--format", "opml").out).doesNotContain(SECRET);
        assertThat(everythingWritten()).doesNotContain(SECRET);
    }

    @Test
    void dumpShowsPointsCommentsAndTheDiscussion() {
        Cli r = run("dump", "--item", "2", "--width", "72", base + "/hn");
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.out).contains("Hacker News: tides · marisol · 2026-11-29 08:15 Z · 120 points · 45")
                .contains("Comments: https://news.ycombinator.com/item?id=41000001");
        Cli json = run("dump", "--item", "2", "--format", "json", base + "/hn");
        assertThat(json.out).contains("\"points\" : 120").contains("\"comments\" : 45");
    }
}
