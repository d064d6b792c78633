package dev.tidings.text;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * API keys in URL queries ({@code ?apiKey=…}): found and removed, so a key typed into a URL is
 * never stored, shown or hashed with it.
 */
public final class UrlKeys {
    private UrlKeys() {
    }

    /** Query parameters that hold API keys (compared ignoring case). */
    public static final Set<String> KEY_PARAMETERS = Set.of("apikey", "api-key", "api_key", "access_token");

    private static final java.util.regex.Pattern KEY_IN_TEXT = java.util.regex.Pattern.compile(
            "(?i)((?:apikey|api-key|api_key|access_token)=)[^&\\s'\"#]+");

    /** {@code text} with the value of every key parameter in it replaced by "***" (for messages). */
    public static String redact(String text) {
        return text == null ? null : KEY_IN_TEXT.matcher(text).replaceAll("$1***");
    }

    /**
     * A URL split into the URL without key parameters and the key it carried.
     *
     * @param url       the URL without {@code apikey}, {@code api-key}, {@code api_key} or
     *                  {@code access_token} parameters (the same string when there were none)
     * @param parameter the name of the (first) key parameter removed, or null
     * @param key       its value, or null
     */
    public record Stripped(String url, String parameter, String key) {
        public boolean hadKey() {
            return parameter != null;
        }

        @Override
        public String toString() {
            return "Stripped[" + url + (parameter == null ? "" : " without " + parameter + "=***") + "]";
        }
    }

    /**
     * Removes key parameters from a URL's query, keeping everything else as written.
     *
     * <pre>
     * strip("https://newsapi.org/v2/top-headlines?country=de&amp;apiKey=abc")
     *   == Stripped("https://newsapi.org/v2/top-headlines?country=de", "apiKey", "abc")
     * </pre>
     */
    public static Stripped strip(String url) {
        if (url == null) {
            return new Stripped("", null, null);
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return new Stripped(url, null, null);
        }
        int hash = url.indexOf('#', q);
        String query = hash >= 0 ? url.substring(q + 1, hash) : url.substring(q + 1);
        String fragment = hash >= 0 ? url.substring(hash) : "";
        StringBuilder kept = new StringBuilder(query.length());
        String parameter = null;
        String key = null;
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq >= 0 ? pair.substring(0, eq) : pair;
            String decodedName;
            try {
                decodedName = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decodedName = name;
            }
            if (KEY_PARAMETERS.contains(decodedName.toLowerCase(Locale.ROOT))) {
                if (parameter == null && eq >= 0) {
                    parameter = decodedName;
                    try {
                        key = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        key = pair.substring(eq + 1);
                    }
                } else if (parameter == null) {
                    parameter = decodedName;
                    key = "";
                }
                continue;
            }
            if (pair.isEmpty()) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append('&');
            }
            kept.append(pair);
        }
        if (parameter == null) {
            return new Stripped(url, null, null);
        }
        String rest = url.substring(0, q) + (kept.length() > 0 ? "?" + kept : "") + fragment;
        return new Stripped(rest, parameter, key);
    }
}
