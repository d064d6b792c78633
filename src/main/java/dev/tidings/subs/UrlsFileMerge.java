package dev.tidings.subs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A urls file's new text from its old text and the list to save, touching only what changed: what
 * a person wrote in the file (comments, blank lines, lines Tidings refused, the lines of feeds that
 * did not change) stays byte for byte.
 *
 * <pre>
 * merge("# mine\nhttps://a.example/f\n", [a, b]) = "# mine\nhttps://a.example/f\nhttps://b.example/f\n"
 * merge(null, [a])                                = Subscriptions.format([a])
 * </pre>
 */
final class UrlsFileMerge {
    private UrlsFileMerge() {
    }

    /**
     * The file's new text: {@code old} with its subscription lines brought in line with {@code subs},
     * and nothing else touched. Comments, blank lines, refused lines ({@code exec:}, bad quotes) and
     * the lines of unchanged feeds stay byte for byte; a changed feed's line is rewritten where it
     * is; a removed feed's lines go; new feeds are appended. A feed whose URL changed in place (a
     * permanent redirect) keeps its line's position. Line endings follow the old file.
     */
    static String merge(String old, List<Subscription> subs) {
        if (old == null || old.isBlank()) {
            return Subscriptions.format(subs);
        }
        String bom = old.startsWith("\uFEFF") ? "\uFEFF" : "";
        String text = old.substring(bom.length());
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // the final newline
        }
        Map<String, Integer> wanted = new HashMap<>();
        for (int i = 0; i < subs.size(); i++) {
            wanted.putIfAbsent(Subscriptions.key(subs.get(i).url()), i);
        }
        // the file's accepted subscriptions, in order, as parse() sees them
        List<Subscription> was = Subscriptions.parse(text, "").subscriptions();
        Set<String> wasKeys = new HashSet<>();
        for (Subscription w : was) {
            wasKeys.add(Subscriptions.key(w.url()));
        }
        boolean[] written = new boolean[subs.size()];
        Set<String> seen = new HashSet<>();
        StringBuilder out = new StringBuilder(bom);
        int position = -1; // index of the line's subscription among the accepted ones
        for (String l : lines) {
            Subscription sub = SubscriptionLine.readOrNull(l);
            if (sub == null) {
                out.append(l).append(nl);
                continue;
            }
            String k = Subscriptions.key(sub.url());
            if (!seen.add(k)) { // a duplicate the parser skips: kept unless its feed was removed
                if (wanted.containsKey(k)) {
                    out.append(l).append(nl);
                }
                continue;
            }
            position++;
            Integer now = wanted.get(k);
            if (now == null && position < subs.size() && !written[position]
                    && !wasKeys.contains(Subscriptions.key(subs.get(position).url()))) {
                now = position; // same place, new URL: the feed moved
            }
            if (now == null || written[now]) {
                continue; // removed
            }
            written[now] = true;
            Subscription target = subs.get(now);
            out.append(target.equals(sub) ? l : SubscriptionLine.write(target)).append(nl);
        }
        for (int i = 0; i < subs.size(); i++) {
            if (!written[i]) {
                out.append(SubscriptionLine.write(subs.get(i))).append(nl);
            }
        }
        return out.toString();
    }

    /**
     * {@code text} (a urls file) with the query feeds it does not hold yet (by name, any case)
     * appended, one line each; the rest untouched.
     */
    static String withQueries(String text, List<QueryFeed> add) {
        List<QueryFeed> have = Subscriptions.parse(text == null ? "" : text, "").queries();
        StringBuilder out = new StringBuilder(text == null || text.isEmpty() ? Subscriptions.HEADER + "\n" : text);
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        Set<String> names = new HashSet<>();
        for (QueryFeed q : have) {
            names.add(q.key());
        }
        for (QueryFeed q : add) {
            if (names.add(q.key())) {
                out.append(SubscriptionLine.write(q)).append('\n');
            }
        }
        return out.toString();
    }
}
