package dev.tidings.fetch;

import dev.tidings.text.UrlKeys;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API keys an {@link HttpFetcher} adds to requests, and the rules that keep them secret: a
 * URL that carries a key in its query is split into the URL without it and the key
 * ({@link UrlKeys#strip}), and every message is scrubbed of every key ({@link #redact}).
 *
 * <pre>
 * Credentials c = Credentials.none().with(ApiKey.of(ApiService.NEWSAPI, key));
 * HttpFetcher f = new HttpFetcher(FetchLimits.defaults()).withCredentials(c);
 * </pre>
 */
public final class Credentials {
    private static final Credentials NONE = new Credentials(List.of());

    private final List<ApiKey> keys;

    private Credentials(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
    }

    public static Credentials none() {
        return NONE;
    }

    /** These keys plus {@code key}; a later key for the same host and parameter replaces the earlier. */
    public Credentials with(ApiKey key) {
        List<ApiKey> out = new ArrayList<>(keys.size() + 1);
        for (ApiKey k : keys) {
            if (!(k.host().equalsIgnoreCase(key.host()) && k.parameter().equalsIgnoreCase(key.parameter()))) {
                out.add(k);
            }
        }
        out.add(key);
        return new Credentials(out);
    }

    /** The keys, oldest first. */
    public List<ApiKey> keys() {
        return keys;
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The key for a request to {@code uri}, if any. */
    public Optional<ApiKey> forUri(URI uri) {
        String host = uri.getHost();
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (keys.get(i).appliesTo(host)) {
                return Optional.of(keys.get(i));
            }
        }
        return Optional.empty();
    }

    /** {@code uri} with the key added as a query parameter; unchanged for header keys. */
    static URI withQueryKey(URI uri, ApiKey key) {
        if (key.inHeader()) {
            return uri;
        }
        String raw = uri.toString();
        int hash = raw.indexOf('#');
        String base = hash >= 0 ? raw.substring(0, hash) : raw;
        String sep = uri.getRawQuery() == null || uri.getRawQuery().isEmpty() ? (base.endsWith("?") ? "" : "?") : "&";
        return URI.create(base + sep + URLEncoder.encode(key.parameter(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(key.value(), StandardCharsets.UTF_8));
    }

    /** {@code text} with every key's value (raw and URL-encoded) replaced by "***". */
    public String redact(String text) {
        if (text == null || keys.isEmpty()) {
            return text;
        }
        String out = text;
        for (ApiKey k : keys) {
            out = out.replace(k.value(), "***");
            String encoded = URLEncoder.encode(k.value(), StandardCharsets.UTF_8);
            if (!encoded.equals(k.value())) {
                out = out.replace(encoded, "***");
            }
        }
        return out;
    }

    /** Same as {@link UrlKeys#strip(String)}. */
    public static UrlKeys.Stripped strip(String url) {
        return UrlKeys.strip(url);
    }
}
