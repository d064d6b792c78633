package dev.tidings.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** URL helpers for untrusted links: resolution against a base, and the "may we open this" test. */
public final class Urls {
    private Urls() {
    }

    /**
     * {@code href} made absolute against {@code base} and sanitized to one line; "" when
     * {@code href} is empty. When it cannot be resolved it is returned cleaned but unresolved.
     * <pre>resolve(URI.create("https://a.org/news/"), "../img/x.jpg") = "https://a.org/img/x.jpg"</pre>
     */
    public static String resolve(URI base, String href) {
        String h = Sanitize.line(href).replace(" ", "%20");
        if (h.isEmpty()) {
            return "";
        }
        try {
            URI u = new URI(h);
            if (u.isAbsolute() || base == null) {
                return h;
            }
            if (base.isOpaque()) {
                return h;
            }
            return base.resolve(u).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return h;
        }
    }

    /** A base URI from a string, or null when it is not a usable absolute URI. */
    public static URI base(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(s.trim());
            return u.isAbsolute() && !u.isOpaque() ? u : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The link as every output writes it: sanitized when it is an absolute http(s) URL, else ""
     * (the link rule: {@code javascript:}, {@code file:}, {@code data:} and relative links are not links).
     * <pre>web("https://a.org/x") = "https://a.org/x";  web("file:///etc/passwd") = ""</pre>
     */
    public static String web(String url) {
        String u = Sanitize.line(url);
        return isWeb(u) ? u : "";
    }

    /** True for absolute http and https URLs with a host: the only links Tidings opens or fetches. */
    public static boolean isWeb(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI u = new URI(url);
            String scheme = u.getScheme();
            if (scheme == null) {
                return false;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
