package dev.tidings.fetch;

import java.util.Objects;

/**
 * A secret sent with requests to one host: in a header or a query parameter, added when the
 * request is built and never part of the URL Tidings stores, shows or hashes. {@link #toString()}
 * never shows the value.
 *
 * @param host      the host it is sent to (and its subdomains); never to a host a redirect leads to
 * @param parameter the header or query parameter name
 * @param inHeader  true for a header, false for a query parameter
 * @param value     the key
 */
public record ApiKey(String host, String parameter, boolean inHeader, String value) {
    public ApiKey {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(parameter, "parameter");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an API key must not be empty");
        }
        if (value.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new IllegalArgumentException("an API key must not contain spaces or control characters");
        }
    }

    /** The key for a service as that service wants it. */
    public static ApiKey of(ApiService service, String value) {
        return new ApiKey(service.host(), service.parameter(), service.inHeader(), value);
    }

    /** True when requests to {@code host} carry this key. */
    public boolean appliesTo(String requestHost) {
        if (requestHost == null) {
            return false;
        }
        String h = requestHost.toLowerCase(java.util.Locale.ROOT);
        String mine = host.toLowerCase(java.util.Locale.ROOT);
        return h.equals(mine) || h.endsWith("." + mine);
    }

    @Override
    public String toString() {
        return "ApiKey[" + host + " " + (inHeader ? "header " : "query ") + parameter + "=***]";
    }
}
