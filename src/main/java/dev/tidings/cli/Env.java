package dev.tidings.cli;

import dev.tidings.app.FeedLoader;
import dev.tidings.fetch.ApiKey;
import dev.tidings.fetch.ApiService;
import dev.tidings.fetch.Credentials;
import dev.tidings.fetch.FetchLimits;
import dev.tidings.fetch.HttpFetcher;
import dev.tidings.fetch.Sources;
import dev.tidings.subs.ApiKeys;
import dev.tidings.text.Sanitize;
import dev.tidings.text.UrlKeys;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.time.ZoneId;
import java.util.Map;

/**
 * What commands need from the outside world, injectable so tests run without a terminal:
 * environment variables, stdin, the time zone and whether stdout is a terminal.
 */
final class Env {
    final Map<String, String> vars;
    final InputStream stdin;
    final ZoneId zone;
    final boolean stdoutIsTerminal;
    final boolean stdinIsTerminal;
    /** stdin is a pipe or a file (not a terminal, not /dev/null): a feed may be waiting there. */
    final boolean stdinPiped;
    private HttpFetcher fetcher;

    Env(Map<String, String> vars, InputStream stdin, ZoneId zone, boolean stdoutIsTerminal) {
        this(vars, stdin, zone, stdoutIsTerminal, stdoutIsTerminal);
    }

    Env(Map<String, String> vars, InputStream stdin, ZoneId zone, boolean stdoutIsTerminal, boolean stdinIsTerminal) {
        this(vars, stdin, zone, stdoutIsTerminal, stdinIsTerminal, false);
    }

    Env(Map<String, String> vars, InputStream stdin, ZoneId zone, boolean stdoutIsTerminal, boolean stdinIsTerminal,
        boolean stdinPiped) {
        this.stdinPiped = stdinPiped;
        this.vars = vars;
        this.stdin = stdin;
        this.zone = zone;
        this.stdoutIsTerminal = stdoutIsTerminal;
        this.stdinIsTerminal = stdinIsTerminal;
    }

    static Env system() {
        return new Env(System.getenv(), System.in, ZoneId.systemDefault(), Terminal.isTty(1), Terminal.isTty(0),
                Terminal.isPipeOrFile(0));
    }

    synchronized HttpFetcher fetcher() {
        if (fetcher == null) {
            fetcher = new HttpFetcher(FetchLimits.defaults()).withCredentials(credentials());
        }
        return fetcher;
    }

    /** Fetchers that send a feed's own User-Agent, one per value. */
    private final Map<String, HttpFetcher> userAgentFetchers = new java.util.HashMap<>();

    /** A fetcher like {@link #fetcher()} that sends {@code userAgent} (a feed's own setting). */
    synchronized HttpFetcher fetcher(String userAgent) {
        return userAgentFetchers.computeIfAbsent(userAgent, ua -> {
            FetchLimits d = FetchLimits.defaults();
            return new HttpFetcher(new FetchLimits(d.connectTimeout(), d.deadline(), d.maxBytes(), d.maxRedirects(), ua))
                    .withCredentials(credentials());
        });
    }

    /** Keys taken out of FEED arguments: sent for this run only. */
    private Credentials typedKeys = Credentials.none();
    private ApiKeys.Loaded configuredKeys;
    private boolean keyProblemsShown;

    /** The keys from the environment, key files and config (read once), then keys typed into URLs. */
    private synchronized Credentials credentials() {
        Credentials c = Credentials.none();
        for (Map.Entry<String, String> k : configuredKeys().keys().entrySet()) {
            ApiService service = ApiService.byId(k.getKey()).orElseThrow();
            c = c.with(ApiKey.of(service, k.getValue()));
        }
        Credentials out = c;
        for (ApiKey typed : typedKeys.keys()) {
            out = out.with(typed);
        }
        return out;
    }

    private synchronized ApiKeys.Loaded configuredKeys() {
        if (configuredKeys == null) {
            Map<String, String> config;
            try {
                config = Config.read(Config.dir(vars).resolve("config"));
            } catch (Config.ConfigException e) {
                config = Map.of(); // reported by the commands that read the config
            }
            configuredKeys = ApiKeys.load(config, vars, Config.dir(vars));
        }
        return configuredKeys;
    }

    /**
     * The FEED arguments with any API key taken out of their URLs ({@code ?apiKey=…}): each key is
     * sent for this run as its service expects (or as the same query parameter for other hosts)
     * and never shown, stored or hashed; a warning says so. Problems with configured key files are
     * reported here too, once.
     */
    synchronized List<String> keyless(List<String> feeds, PrintWriter err) {
        if (!keyProblemsShown) {
            keyProblemsShown = true;
            for (String problem : configuredKeys().problems()) {
                err.println("tidings: warning: " + problem);
            }
        }
        List<String> out = new ArrayList<>(feeds.size());
        for (String f : feeds) {
            UrlKeys.Stripped s = UrlKeys.strip(f);
            if (!s.hadKey() || !Sources.isUrl(f)) {
                out.add(f);
                continue;
            }
            out.add(s.url());
            String host = hostOf(s.url());
            if (host != null && s.key() != null && !s.key().isBlank()) {
                try {
                    ApiKey key = ApiService.forHost(host).map(service -> ApiKey.of(service, s.key()))
                            .orElse(new ApiKey(host, s.parameter(), false, s.key()));
                    typedKeys = typedKeys.with(key);
                } catch (IllegalArgumentException e) {
                    // a key with spaces or controls: not sent
                }
            }
            err.println("tidings: warning: " + Sanitize.line(s.url()) + ": the URL carries an API key ("
                    + Sanitize.line(s.parameter()) + "=…); it is sent but never shown or stored: keep it in the"
                    + " config instead (see \"Sources\" in README.md)");
        }
        err.flush();
        if (fetcher != null) {
            fetcher = fetcher.withCredentials(credentials());
        }
        return out;
    }

    private static String hostOf(String url) {
        try {
            return URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    FeedLoader loader() {
        return new FeedLoader(this::fetcher, stdin);
    }

    boolean color() {
        String noColor = vars.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return false;
        }
        String term = vars.getOrDefault("TERM", "");
        return stdoutIsTerminal && !term.equals("dumb") && !term.isEmpty();
    }

    int width() {
        return stdoutIsTerminal ? Terminal.width(vars) : 80;
    }
}
