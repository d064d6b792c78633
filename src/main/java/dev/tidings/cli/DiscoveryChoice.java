package dev.tidings.cli;

import dev.tidings.extract.FeedLinks;
import dev.tidings.text.Sanitize;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Which of a web page's feeds {@code feeds add} subscribes to: the only one; with several, a
 * numbered choice on stderr answered on stdin in a terminal, else (a script) the list on stdout,
 * one per line as {@code title<TAB>type<TAB>URL}, and a refusal.
 */
final class DiscoveryChoice {
    private DiscoveryChoice() {
    }

    /** The feed to subscribe to, or null after a one-line message (none found, none chosen, a script). */
    static FeedLinks.Link choose(CommonOptions c, String pageUrl, List<FeedLinks.Link> links) {
        PrintWriter err = c.err();
        String page = Sanitize.line(pageUrl);
        if (links.isEmpty()) {
            err.println("tidings: " + page + ": a web page with no feed links");
            err.flush();
            return null;
        }
        if (links.size() == 1) {
            return links.get(0);
        }
        Env env = c.env();
        if (!env.stdinIsTerminal || !env.stdoutIsTerminal) {
            PrintWriter out = c.out();
            for (FeedLinks.Link l : links) {
                out.println(tsv(l.title()) + "\t" + l.type() + "\t" + l.url());
            }
            out.flush();
            err.println("tidings: " + page + ": a web page with " + links.size() + " feeds (listed on stdout);"
                    + " add one of them by its URL");
            err.flush();
            return null;
        }
        err.println(page + " names " + links.size() + " feeds:");
        for (int i = 0; i < links.size(); i++) {
            FeedLinks.Link l = links.get(i);
            err.println("  " + (i + 1) + ". " + (l.title().isEmpty() ? "(no title)" : l.title()) + " (" + l.format()
                    + ") " + l.url());
        }
        err.print("Subscribe to which one? [1-" + links.size() + ", Enter for none] ");
        err.flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(env.stdin, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        String a = answer == null ? "" : answer.strip();
        if (!a.isEmpty() && a.length() < 4 && a.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(a);
            if (n >= 1 && n <= links.size()) {
                return links.get(n - 1);
            }
        }
        err.println("tidings: nothing subscribed" + (a.isEmpty() ? "" : " ('" + Sanitize.line(a) + "' is not 1 to "
                + links.size() + ")"));
        err.flush();
        return null;
    }

    /** A title as one TSV field: tabs become spaces. */
    private static String tsv(String s) {
        String t = Sanitize.line(s).replace('\t', ' ');
        return t.isEmpty() ? "-" : t;
    }
}
