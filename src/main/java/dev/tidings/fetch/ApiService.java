package dev.tidings.fetch;

import java.util.Locale;
import java.util.Optional;

/**
 * The news APIs that need a key, and how each wants it sent (their documentation):
 * NewsAPI takes the {@code X-Api-Key} header; GNews the {@code apikey} query parameter (it also
 * reads {@code X-Api-Key}, but the query parameter is what its v4 documentation leads with); the
 * Guardian Content API only the {@code api-key} query parameter.
 */
public enum ApiService {
    NEWSAPI("newsapi", "newsapi.org", "X-Api-Key", true),
    GNEWS("gnews", "gnews.io", "apikey", false),
    GUARDIAN("guardian", "content.guardianapis.com", "api-key", false);

    private final String id;
    private final String host;
    private final String parameter;
    private final boolean header;

    ApiService(String id, String host, String parameter, boolean header) {
        this.id = id;
        this.host = host;
        this.parameter = parameter;
        this.header = header;
    }

    /** The name used in settings: {@code newsapi}, {@code gnews}, {@code guardian}. */
    public String id() {
        return id;
    }

    /** The API's host; its subdomains belong to it too. */
    public String host() {
        return host;
    }

    /** The header or query parameter the key goes in. */
    public String parameter() {
        return parameter;
    }

    /** True when the key goes in a header, false for a query parameter. */
    public boolean inHeader() {
        return header;
    }

    /** The service a host belongs to ({@code newsapi.org}, {@code www.newsapi.org}). */
    public static Optional<ApiService> forHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (ApiService s : values()) {
            if (h.equals(s.host) || h.endsWith("." + s.host)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The service with this settings name, or empty. */
    public static Optional<ApiService> byId(String id) {
        for (ApiService s : values()) {
            if (s.id.equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
