package dev.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feed's own user-agent setting is what its refresh sends; other feeds send Tidings' own. */
class UserAgentCliTest {
    @TempDir
    Path home;

    @Test
    void aFeedsOwnUserAgentIsSentForThatFeedOnly() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            seen.put(ex.getRequestURI().getPath(), String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")));
            byte[] body = "<rss version=\"2.0\"><channel><title>T</title><item><title>x</title></item></channel></rss>"
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Files.createDirectories(home.resolve("config/tidings"));
            Files.writeString(home.resolve("config/tidings/urls"),
                    base + "/own.xml \"user-agent=NewsBot/1.0 (+https://bot.example/)\"\n" + base + "/plain.xml\n");
            Cli c = Cli.runWith(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                    "XDG_CACHE_HOME", home.resolve("cache").toString(), "XDG_DATA_HOME", home.resolve("data").toString(),
                    "XDG_STATE_HOME", home.resolve("state").toString()), "", false, "refresh");
            assertThat(c.code).as(c.toString()).isEqualTo(0);
            assertThat(seen.get("/own.xml")).isEqualTo("NewsBot/1.0 (+https://bot.example/)");
            assertThat(seen.get("/plain.xml")).startsWith("Tidings/");
        } finally {
            server.stop(0);
        }
    }
}
