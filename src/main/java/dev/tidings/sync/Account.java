package dev.tidings.sync;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Google Reader API account, as kept in the accounts file: nothing secret. The password comes from
 * {@link PasswordSource}; the session token and an Inoreader AppKey live in {@link Secrets}.
 *
 * @param name     the account's short name ({@code [a-z0-9][a-z0-9-]*}, at most 32): the feed list's group,
 *                 the directory of its token, queue and state
 * @param url      the API base, e.g. {@code https://rss.example.org/api/greader.php} (FreshRSS),
 *                 {@code https://miniflux.example.org} (Miniflux), {@code https://www.inoreader.com}
 * @param user     the login name
 * @param password where the password comes from when the token expires (never the password itself)
 * @param appId    Inoreader's AppId (sent as a header), or empty
 */
public record Account(String name, String url, String user, PasswordSource password, String appId) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public Account {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("account name '" + show(name)
                    + "' must be 1-32 lowercase letters, digits or '-', starting with a letter or digit");
        }
        url = checkUrl(url);
        if (user == null || user.isBlank() || user.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("--user must be a non-empty name without control characters");
        }
        if (password == null) {
            password = PasswordSource.PROMPT;
        }
        appId = appId == null ? "" : appId.strip();
        if (appId.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("--app-id must not contain spaces or control characters");
        }
    }

    /**
     * The URL without a trailing slash, refused unless it is https or http to this machine (a token sent
     * over plain http to another host could be read on the way).
     */
    static String checkUrl(String url) {
        URI u;
        try {
            u = new URI(url == null ? "" : url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("'" + show(url) + "' is not a URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (u.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("'" + show(url) + "' is not an http(s) URL");
        }
        if (u.getUserInfo() != null || u.getQuery() != null || u.getFragment() != null) {
            throw new IllegalArgumentException("the server URL must not contain a user, password, query or fragment"
                    + " (give --user and a password option instead)");
        }
        if (scheme.equals("http") && !isLoopback(u.getHost())) {
            throw new IllegalArgumentException("'" + show(url) + "' is plain http: use https (http is allowed only for"
                    + " this machine: localhost, 127.0.0.1, ::1)");
        }
        String s = u.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Loopback by the literal host: no DNS look-up, so a name cannot be made to point here later. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** A default account name from the server's host: {@code rss.example.org} -> {@code rss-example-org}. */
    public static String defaultName(String url) {
        String host;
        try {
            host = new URI(url.strip()).getHost();
        } catch (java.net.URISyntaxException | NullPointerException e) {
            host = null;
        }
        if (host == null) {
            return "server";
        }
        String n = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (n.startsWith("www-")) {
            n = n.substring(4);
        }
        if (n.length() > 32) {
            n = n.substring(0, 32).replaceAll("-+$", "");
        }
        return n.isEmpty() ? "server" : n;
    }

    /** The tag every feed of this account carries in the feed list (its group). */
    public String tag() {
        return name;
    }

    public Account withPassword(PasswordSource p) {
        return new Account(name, url, user, p, appId);
    }

    static String show(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> b.appendCodePoint(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? '?' : c));
        return b.toString();
    }

    /** The names of these accounts, for "Known: a, b" messages. */
    static String names(List<Account> accounts) {
        return accounts.isEmpty() ? "none" : String.join(", ", accounts.stream().map(Account::name).toList());
    }
}
