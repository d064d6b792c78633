package dev.tidings.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import dev.tidings.text.UrlKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API keys on the wire (issue #15): a loopback server that answers like NewsAPI (key in the
 * X-Api-Key header) and like the Guardian and GNews (key in a query parameter), checks the key,
 * and answers 401 with the service's JSON error otherwise.
 */
class ApiKeysHttpTest {
    private static final String SECRET = "s3cr3t-KEY-0123456789";

    private LocalServer server;
    private final AtomicReference<String> lastQuery = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        server.on("/v2/top-headlines", ex -> {
            lastQuery.set(ex.getRequestURI().getRawQuery());
            if (SECRET.equals(ex.getRequestHeaders().getFirst("X-Api-Key"))) {
                LocalServer.send(ex, 200, "application/json; charset=utf-8", fixture("newsapi-top-headlines.json"));
            } else {
                LocalServer.send(ex, 401, "application/json; charset=utf-8", fixture("error-newsapi.json"));
            }
        });
        server.on("/search", ex -> {
            lastQuery.set(ex.getRequestURI().getRawQuery());
            if (query(ex).contains("api-key=" + SECRET)) {
                LocalServer.send(ex, 200, "application/json", fixture("guardian-search.json"));
            } else {
                LocalServer.send(ex, 401, "application/json", fixture("error-guardian.json"));
            }
        });
        server.on("/limited", ex -> {
            ex.getResponseHeaders().set("x-ratelimit-remaining", "0.0");
            ex.getResponseHeaders().set("x-ratelimit-reset", "12");
            LocalServer.send(ex, 200, "application/json", fixture("reddit-listing.json"));
        });
        server.on("/too-many", ex -> {
            ex.getResponseHeaders().set("x-ratelimit-reset", "29.4");
            LocalServer.send(ex, 429, "application/json", "{\"message\": \"Too Many Requests\", \"error\": 429}");
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String query(HttpExchange ex) {
        String q = ex.getRequestURI().getRawQuery();
        return q == null ? "" : q;
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ApiKeysHttpTest.class.getResourceAsStream("/feeds/sources/" + name)) {
            return in.readAllBytes();
        }
    }

    private static HttpFetcher fetcher(ApiKey key) {
        return new HttpFetcher(FetchLimits.defaults()).withCredentials(Credentials.none().with(key));
    }

    @Test
    void sendsAHeaderKeyOnlyInTheHeader() throws SourceException {
        HttpResult r = fetcher(new ApiKey("127.0.0.1", "X-Api-Key", true, SECRET)).fetch(server.uri("/v2/top-headlines?country=de"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(lastQuery.get()).isEqualTo("country=de");
        assertThat(r.finalUri().toString()).doesNotContain(SECRET);
    }

    @Test
    void sendsAQueryKeyInTheRequestButNeverInTheUrlItReturns() throws SourceException {
        HttpResult r = fetcher(new ApiKey("127.0.0.1", "api-key", false, SECRET)).fetch(server.uri("/search?q=floods"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(lastQuery.get()).isEqualTo("q=floods&api-key=" + SECRET);
        assertThat(r.finalUri()).isEqualTo(server.uri("/search?q=floods"));
    }

    @Test
    void aWrongKeyIsA401WithTheServicesBodyAndNoKeyInTheMessage() {
        SourceException e = catchThrowableOfType(() -> fetcher(new ApiKey("127.0.0.1", "api-key", false, "wrong-" + SECRET))
                .fetch(server.uri("/search?q=floods")), SourceException.class);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("HTTP 401").doesNotContain(SECRET).doesNotContain("wrong-");
        assertThat(new String(e.errorBody(), StandardCharsets.UTF_8)).contains("The api-key provided is invalid");
        SourceException header = catchThrowableOfType(() -> new HttpFetcher(FetchLimits.defaults())
                .fetch(server.uri("/v2/top-headlines")), SourceException.class);
        assertThat(new String(header.errorBody(), StandardCharsets.UTF_8)).contains("apiKeyInvalid");
    }

    @Test
    void neverSendsTheKeyToTheHostARedirectLeadsTo() throws SourceException {
        server.redirect("/moved", 302, "http://localhost:" + server.port() + "/v2/top-headlines");
        SourceException e = catchThrowableOfType(() -> fetcher(new ApiKey("127.0.0.1", "X-Api-Key", true, SECRET))
                .fetch(server.uri("/moved")), SourceException.class);
        assertThat(e.status()).as("no key reached localhost, so the service refused").isEqualTo(401);
        assertThat(server.lastRequestHeaders().getFirst("X-Api-Key")).isNull();
        assertThat(e.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void messagesAreScrubbedOfKeysEvenWhenAServerEchoesThem() {
        server.redirect("/echo", 302, "/nowhere?apikey=" + SECRET);
        SourceException e = catchThrowableOfType(() -> fetcher(new ApiKey("127.0.0.1", "apikey", false, SECRET))
                .fetch(server.uri("/echo")), SourceException.class);
        assertThat(e.getMessage()).contains("404").doesNotContain(SECRET).contains("***");
    }

    @Test
    void aUsedUpRateLimitWindowComesBackAsRetryAfter() throws SourceException {
        HttpResult r = new HttpFetcher(FetchLimits.defaults()).fetch(server.uri("/limited"));
        assertThat(r.retryAfter()).isEqualTo("12");
        SourceException e = catchThrowableOfType(() -> new HttpFetcher(FetchLimits.defaults())
                .fetch(server.uri("/too-many")), SourceException.class);
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).isEqualTo("30");
    }

    @Test
    void servicesAreKnownByHostAndSayHowTheyWantTheKey() {
        assertThat(ApiService.forHost("newsapi.org")).contains(ApiService.NEWSAPI);
        assertThat(ApiService.forHost("content.guardianapis.com")).contains(ApiService.GUARDIAN);
        assertThat(ApiService.forHost("gnews.io")).contains(ApiService.GNEWS);
        assertThat(ApiService.forHost("evilnewsapi.org")).isEmpty();
        assertThat(ApiKey.of(ApiService.NEWSAPI, "k")).extracting(ApiKey::parameter, ApiKey::inHeader)
                .containsExactly("X-Api-Key", true);
        assertThat(ApiKey.of(ApiService.GUARDIAN, "k")).extracting(ApiKey::parameter, ApiKey::inHeader)
                .containsExactly("api-key", false);
        assertThat(ApiKey.of(ApiService.GNEWS, "k")).extracting(ApiKey::parameter, ApiKey::inHeader)
                .containsExactly("apikey", false);
        assertThat(ApiKey.of(ApiService.GNEWS, SECRET).toString()).doesNotContain(SECRET);
    }

    @Test
    void keysAreTakenOutOfUrlsWithEverythingElseKept() {
        UrlKeys.Stripped s = UrlKeys.strip("https://newsapi.org/v2/top-headlines?country=de&apiKey=" + SECRET + "&page=2#top");
        assertThat(s.url()).isEqualTo("https://newsapi.org/v2/top-headlines?country=de&page=2#top");
        assertThat(s.parameter()).isEqualTo("apiKey");
        assertThat(s.key()).isEqualTo(SECRET);
        assertThat(s.toString()).doesNotContain(SECRET);
        assertThat(UrlKeys.strip("https://content.guardianapis.com/search?api-key=a%2Bb").key()).isEqualTo("a+b");
        assertThat(UrlKeys.strip("https://content.guardianapis.com/search?api-key=x").url())
                .isEqualTo("https://content.guardianapis.com/search");
        assertThat(UrlKeys.strip("https://example.org/feed?monkey=1").hadKey()).isFalse();
        assertThat(UrlKeys.redact("Unmatched argument: 'https://x.org/a?q=1&apiKey=" + SECRET + "&p=2'"))
                .isEqualTo("Unmatched argument: 'https://x.org/a?q=1&apiKey=***&p=2'");
        assertThat(Credentials.withQueryKey(URI.create("https://gnews.io/api/v4/search?q=a"), ApiKey.of(ApiService.GNEWS, "k+1")))
                .isEqualTo(URI.create("https://gnews.io/api/v4/search?q=a&apikey=k%2B1"));
    }
}
