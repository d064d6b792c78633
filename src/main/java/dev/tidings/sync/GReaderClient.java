package dev.tidings.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.fetch.FetchLimits;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Google Reader API as FreshRSS, Miniflux, Inoreader and The Old Reader speak it. Only calls
 * all of them implement are used: items are found with {@code stream/items/ids} and fetched with
 * {@code stream/items/contents} (Miniflux has no {@code stream/contents} for feeds); labels and states
 * are matched by their tail ({@code user/-/label/X} on FreshRSS, {@code user/1/label/X} on Miniflux);
 * Inoreader's AppId/AppKey go in headers on every call. A 401 or 403 is {@link SyncException.Kind#AUTH}
 * so the caller can log in again once.
 */
public final class GReaderClient {
    public static final String READING_LIST = "user/-/state/com.google/reading-list";
    public static final String READ = "user/-/state/com.google/read";
    public static final String STARRED = "user/-/state/com.google/starred";

    private final String base;
    private final String account;
    private final Transport http;
    private final String appId;
    private final String appKey;
    private volatile String token;
    private volatile String editToken;

    public GReaderClient(String baseUrl, String account, FetchLimits limits, String appId, String appKey) {
        this.base = baseUrl;
        this.account = account;
        this.http = new Transport(limits);
        this.appId = appId == null ? "" : appId;
        this.appKey = appKey == null ? "" : appKey;
    }

    public void token(String t) {
        token = t;
        editToken = null;
    }

    public String token() {
        return token;
    }

    /** ClientLogin: the session token for this user and password. */
    public String login(String user, String password) throws SyncException {
        Transport.Response r = http.post(uri("/accounts/ClientLogin"), appHeaders(),
                form("Email", user) + "&" + form("Passwd", password));
        if (r.status() == 401 || r.status() == 403) {
            throw new SyncException(SyncException.Kind.AUTH, "account " + account + ": the server refused the user name"
                    + " or password (HTTP " + r.status() + "; FreshRSS and Miniflux want the API password set in their settings)");
        }
        check(r, "/accounts/ClientLogin");
        for (String line : new String(r.body(), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("Auth=") && line.length() > 5) {
                token(line.substring(5).strip());
                return token;
            }
        }
        throw new SyncException(SyncException.Kind.PROTOCOL, "account " + account
                + ": the login answer has no Auth= line (is the URL the Google Reader API endpoint?)");
    }

    /** The subscriptions with their labels. */
    public List<ServerFeed> subscriptions() throws SyncException {
        JsonNode root = getJson("/reader/api/0/subscription/list", Map.of("output", "json"));
        List<ServerFeed> out = new ArrayList<>();
        for (JsonNode s : root.path("subscriptions")) {
            List<String> cats = new ArrayList<>();
            for (JsonNode c : s.path("categories")) {
                String label = c.path("label").asText("");
                if (label.isEmpty()) {
                    label = labelOf(c.path("id").asText(""));
                }
                if (!label.isEmpty()) {
                    cats.add(label);
                }
            }
            String id = s.path("id").asText("");
            if (!id.isEmpty()) {
                out.add(new ServerFeed(id, s.path("title").asText(""), s.path("url").asText(""),
                        s.path("htmlUrl").asText(""), cats));
            }
        }
        return out;
    }

    /** "Tech" for {@code user/-/label/Tech} or {@code user/1/label/Tech}; empty for anything else. */
    static String labelOf(String id) {
        int i = id.indexOf("/label/");
        return id.startsWith("user/") && i > 0 ? id.substring(i + 7) : "";
    }

    /** One page of item ids (hex), newest first. */
    public record Page(List<String> hexIds, String continuation) {
    }

    /**
     * Item ids of a stream, newest first.
     *
     * @param stream  a feed's stream id or a state ({@link #READING_LIST}, {@link #STARRED})
     * @param exclude a state to leave out (e.g. {@link #READ}) or null
     * @param since   only items newer than this (seconds; 0 for all)
     * @param max     the page size
     * @param c       the continuation of the previous page, or null
     */
    public Page itemIds(String stream, String exclude, long since, int max, String c) throws SyncException {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("s", stream);
        q.put("n", Integer.toString(max));
        q.put("output", "json");
        if (exclude != null) {
            q.put("xt", exclude);
        }
        if (since > 0) {
            q.put("ot", Long.toString(since));
        }
        if (c != null && !c.isEmpty()) {
            q.put("c", c);
        }
        String path = "/reader/api/0/stream/items/ids";
        StringBuilder qs = new StringBuilder();
        q.forEach((k, v) -> qs.append(qs.length() == 0 ? "?" : "&").append(form(k, v)));
        Transport.Response r = http.get(uri(path + qs), authHeaders());
        check(r, path);
        // streamed, not a tree: a sync asks for every unread id (100,000 on a big account) each time
        List<String> ids = new ArrayList<>();
        String next = "";
        try (JsonParser p = SyncJson.FACTORY.createParser(r.body())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("itemRefs") && value == JsonToken.START_ARRAY) {
                    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
                        if (t != JsonToken.START_OBJECT) {
                            p.skipChildren(); // an element that is not an item reference
                            continue;
                        }
                        String hex = null;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String member = p.currentName();
                            JsonToken v = p.nextToken();
                            if (member.equals("id") && v.isScalarValue()) {
                                hex = ItemIds.hex(p.getValueAsString(""));
                            } else {
                                p.skipChildren();
                            }
                        }
                        if (hex != null) {
                            ids.add(hex);
                        }
                    }
                } else if (name.equals("continuation") && value.isScalarValue()) {
                    next = p.getValueAsString("");
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new IOException("trailing data");
            }
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.PROTOCOL, "account " + account + ": " + base + path
                    + ": not the JSON the Google Reader API sends");
        }
        return new Page(ids, next.isEmpty() || ids.isEmpty() ? null : next);
    }

    /** Every id of a stream (all pages), up to {@code limit}. */
    public List<String> allIds(String stream, String exclude, long since, int limit) throws SyncException {
        List<String> out = new ArrayList<>();
        String c = null;
        do {
            Page p = itemIds(stream, exclude, since, Math.min(10_000, limit - out.size()), c);
            out.addAll(p.hexIds());
            c = p.continuation();
        } while (c != null && out.size() < limit);
        return out;
    }

    /** The items with these ids (hex), fetched in one POST; unknown ids are left out. */
    public List<ServerItem> contents(List<String> hexIds) throws SyncException {
        StringBuilder f = new StringBuilder();
        for (String h : hexIds) {
            if (f.length() > 0) {
                f.append('&');
            }
            f.append(form("i", ItemIds.longForm(h)));
        }
        Transport.Response r = http.post(uri("/reader/api/0/stream/items/contents?output=json"), authHeaders(), f.toString());
        check(r, "/reader/api/0/stream/items/contents");
        JsonNode root = parse(r.body(), "/reader/api/0/stream/items/contents");
        List<ServerItem> out = new ArrayList<>();
        for (JsonNode it : root.path("items")) {
            String hex = ItemIds.hex(it.path("id").asText(""));
            if (hex == null) {
                continue;
            }
            boolean read = false;
            boolean starred = false;
            for (JsonNode c : it.path("categories")) {
                String cat = c.asText("");
                read |= cat.endsWith("/state/com.google/read");
                starred |= cat.endsWith("/state/com.google/starred");
            }
            String link = it.path("alternate").path(0).path("href").asText("");
            if (link.isEmpty()) {
                link = it.path("canonical").path(0).path("href").asText("");
            }
            String html = it.path("content").path("content").asText("");
            if (html.isEmpty()) {
                html = it.path("summary").path("content").asText("");
            }
            out.add(new ServerItem(hex, it.path("origin").path("streamId").asText(""), it.path("title").asText(""),
                    link, it.path("published").asLong(0), it.path("updated").asLong(0), it.path("author").asText(""),
                    html, read, starred));
        }
        return out;
    }

    /** Adds and/or removes a state or label on items (hex ids); pushing the same edit twice changes nothing. */
    public void editTag(List<String> hexIds, String add, String remove) throws SyncException {
        StringBuilder f = new StringBuilder();
        for (String h : hexIds) {
            f.append(form("i", ItemIds.longForm(h))).append('&');
        }
        if (add != null) {
            f.append(form("a", add)).append('&');
        }
        if (remove != null) {
            f.append(form("r", remove)).append('&');
        }
        postWithEditToken("/reader/api/0/edit-tag", f.toString());
    }

    /** Subscribes to a feed URL, with a title and a label (either may be empty). */
    public void subscribe(String feedUrl, String title, String label) throws SyncException {
        String f = form("ac", "subscribe") + "&" + form("s", "feed/" + feedUrl)
                + (title.isEmpty() ? "" : "&" + form("t", title))
                + (label.isEmpty() ? "" : "&" + form("a", "user/-/label/" + label)) + "&";
        postWithEditToken("/reader/api/0/subscription/edit", f);
    }

    public void unsubscribe(String streamId) throws SyncException {
        postWithEditToken("/reader/api/0/subscription/edit", form("ac", "unsubscribe") + "&" + form("s", streamId) + "&");
    }

    public void rename(String streamId, String title) throws SyncException {
        postWithEditToken("/reader/api/0/subscription/edit", form("ac", "edit") + "&" + form("s", streamId) + "&"
                + form("t", title) + "&");
    }

    /** POSTs with the edit token T, fetching it first; a stale T is fetched again once. */
    private void postWithEditToken(String path, String form) throws SyncException {
        for (int attempt = 0; ; attempt++) {
            if (editToken == null) {
                Transport.Response t = http.get(uri("/reader/api/0/token"), authHeaders());
                check(t, "/reader/api/0/token");
                editToken = new String(t.body(), StandardCharsets.UTF_8).strip();
            }
            Transport.Response r = http.post(uri(path), authHeaders(), form + form("T", editToken));
            if ((r.status() == 401 || r.status() == 403) && attempt == 0) {
                editToken = null; // T expires sooner than the session: fetch it again once
                continue;
            }
            check(r, path);
            return;
        }
    }

    private JsonNode getJson(String path, Map<String, String> query) throws SyncException {
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(form(k, v)));
        Transport.Response r = http.get(uri(path + q), authHeaders());
        check(r, path);
        return parse(r.body(), path);
    }

    private JsonNode parse(byte[] body, String path) throws SyncException {
        try {
            JsonNode n = SyncJson.tree(body);
            if (n == null || !n.isObject()) {
                throw new IOException("not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.PROTOCOL, "account " + account + ": " + base + path
                    + ": not the JSON the Google Reader API sends");
        }
    }

    private void check(Transport.Response r, String path) throws SyncException {
        int s = r.status();
        if (s == 401 || s == 403) {
            throw new SyncException(SyncException.Kind.AUTH, "account " + account + ": the server refused the session"
                    + " (HTTP " + s + " for " + path + ")");
        }
        if (s < 200 || s >= 300) {
            throw new SyncException(SyncException.Kind.SERVER, "account " + account + ": " + base + path + ": HTTP " + s);
        }
    }

    private Map<String, String> appHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        if (!appId.isEmpty()) { // Inoreader: every call names the registered app
            h.put("AppId", appId);
            h.put("AppKey", appKey);
        }
        return h;
    }

    private Map<String, String> authHeaders() throws SyncException {
        if (token == null) {
            throw new SyncException(SyncException.Kind.AUTH, "account " + account + ": not logged in");
        }
        Map<String, String> h = appHeaders();
        h.put("Authorization", "GoogleLogin auth=" + token);
        return h;
    }

    private URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    private static String form(String k, String v) {
        return URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
