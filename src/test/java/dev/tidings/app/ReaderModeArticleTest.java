package dev.tidings.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.tidings.model.Item;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reader mode as the reader asks for it: an item in, the item with the page's article out, or why not. */
class ReaderModeArticleTest {
    private static final String PARA = "<p>The harbour board met on Monday to agree the dredging plan, which has been"
            + " delayed twice by storms, and voted to begin work in April, weather permitting.</p>";

    @TempDir
    Path cache;
    HttpServer server;
    String base;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/story", x -> {
            byte[] page = ("<html><head><title>Dredging to begin in April</title></head><body><article>"
                    + PARA.repeat(5) + "</article></body></html>").getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            x.sendResponseHeaders(200, page.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(page);
            }
        });
        server.createContext("/gone", x -> {
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static Item item(String link) {
        return new Item("urn:1", "Feed title", link, null, null, List.of("Feed Author"), List.of(), "", "<p>short</p>",
                List.of(), List.of());
    }

    @Test
    void theItemComesBackWithThePagesArticleAsItsBody() throws Exception {
        Item full = new ReaderMode(null, cache).article(item(base + "/story"));
        assertThat(full.id()).isEqualTo("urn:1");
        assertThat(full.bodyHtml()).contains("dredging plan").doesNotContain("short");
    }

    @Test
    void aPageThatCannotBeReadSaysWhy() {
        ReaderMode mode = new ReaderMode(null, cache);
        assertThat(catchThrowableOfType(() -> mode.article(item(base + "/gone")), ReaderMode.Unreadable.class))
                .hasMessageContaining("HTTP 404");
        assertThat(catchThrowableOfType(() -> mode.article(item("file:///etc/passwd")), ReaderMode.Unreadable.class))
                .hasMessageContaining("only http and https pages can be read");
    }
}
