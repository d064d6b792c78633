package dev.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.tidings.fetch.FetchLimits;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sync client's HTTP: headers and forms sent as given, error bodies read, redirects never followed. */
class TransportTest {
    private HttpServer server;
    private final AtomicReference<String> seen = new AtomicReference<>();
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.set(x.getRequestMethod() + " " + x.getRequestHeaders().getFirst("Authorization") + " "
                    + x.getRequestHeaders().getFirst("Content-Type") + " " + body);
            byte[] out = "ok".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, out.length);
            x.getResponseBody().write(out);
            x.close();
        });
        server.createContext("/denied", x -> {
            byte[] out = "Error=BadAuthentication".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(401, out.length);
            x.getResponseBody().write(out);
            x.close();
        });
        server.createContext("/moved", x -> {
            x.getResponseHeaders().add("Location", base + "/echo");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Transport transport() {
        return new Transport(new FetchLimits(Duration.ofSeconds(5), Duration.ofSeconds(5), 1024 * 1024, 0, "test"));
    }

    @Test
    void getAndPostSendTheirHeadersAndForm() throws Exception {
        Transport.Response r = transport().post(URI.create(base + "/echo"), Map.of("Authorization", "GoogleLogin auth=t"),
                "i=1&a=user%2F-%2Fstate");
        assertThat(r.status()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(seen.get()).isEqualTo("POST GoogleLogin auth=t application/x-www-form-urlencoded i=1&a=user%2F-%2Fstate");
        assertThat(transport().get(URI.create(base + "/echo?x=1"), Map.of()).status()).isEqualTo(200);
        assertThat(seen.get()).startsWith("GET null");
    }

    @Test
    void anErrorStatusComesBackWithItsBody() throws Exception {
        Transport.Response r = transport().get(URI.create(base + "/denied"), Map.of());
        assertThat(r.status()).isEqualTo(401);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("Error=BadAuthentication");
    }

    @Test
    void aRedirectIsAnErrorAndIsNotFollowed() {
        seen.set(null);
        assertThatThrownBy(() -> transport().get(URI.create(base + "/moved?token=secret"), Map.of("Authorization", "x")))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("HTTP 302 redirect (not followed")
                .hasMessageNotContaining("secret");
        assertThat(seen.get()).isNull();
    }

    @Test
    void aClosedPortIsANetworkError() throws Exception {
        server.stop(0);
        assertThatThrownBy(() -> transport().get(URI.create(base + "/echo"), Map.of()))
                .isInstanceOf(SyncException.class).hasMessageContaining("cannot connect");
    }
}
