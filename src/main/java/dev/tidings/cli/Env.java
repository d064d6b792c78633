package dev.tidings.cli;

import dev.tidings.app.FeedLoader;
import dev.tidings.fetch.FetchLimits;
import dev.tidings.fetch.HttpFetcher;
import java.io.InputStream;
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
    private HttpFetcher fetcher;

    Env(Map<String, String> vars, InputStream stdin, ZoneId zone, boolean stdoutIsTerminal) {
        this(vars, stdin, zone, stdoutIsTerminal, stdoutIsTerminal);
    }

    Env(Map<String, String> vars, InputStream stdin, ZoneId zone, boolean stdoutIsTerminal, boolean stdinIsTerminal) {
        this.vars = vars;
        this.stdin = stdin;
        this.zone = zone;
        this.stdoutIsTerminal = stdoutIsTerminal;
        this.stdinIsTerminal = stdinIsTerminal;
    }

    static Env system() {
        return new Env(System.getenv(), System.in, ZoneId.systemDefault(), Terminal.isTty(1), Terminal.isTty(0));
    }

    synchronized HttpFetcher fetcher() {
        if (fetcher == null) {
            fetcher = new HttpFetcher(FetchLimits.defaults());
        }
        return fetcher;
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
