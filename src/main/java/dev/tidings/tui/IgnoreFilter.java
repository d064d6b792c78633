package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.app.HeadlineView;
import dev.tidings.app.IgnoreRules;
import dev.tidings.model.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The config's ignore-article rules over the reader's entries, at start-up and after every
 * refresh. Each article is decided once while it stays loaded (by item identity), so the merges
 * while feeds load cost a lookup per entry, not a rule evaluation.
 *
 * <p>Subscriptions start from headline indexes, without bodies, so a rule on {@code content}
 * cannot decide there. When one exists, the reader parses each such feed in full in the
 * background (one at a time, when it is idle: {@link #nextToCheck}), and what the rules hide once
 * the bodies are there stays hidden ({@link #bodiesArrived}) after the parsed feed leaves the
 * body cache.
 */
final class IgnoreFilter {
    private IgnoreRules rules = IgnoreRules.NONE;
    private Map<Item, Boolean> decided = new IdentityHashMap<>();
    /** Feed source and item id of articles hidden once their bodies were read. */
    private final Set<String> hiddenWithBody = new HashSet<>();
    /** Feeds whose bodies were checked since they were last loaded. */
    private final Set<String> checked = new HashSet<>();
    /** The headline-only feeds of {@link #scanned} not checked yet, in list order. */
    private final Set<String> toCheck = new java.util.LinkedHashSet<>();
    private List<Headline> scanned;

    void set(IgnoreRules r) {
        rules = r == null ? IgnoreRules.NONE : r;
        decided = new IdentityHashMap<>();
        hiddenWithBody.clear();
        checked.clear();
        scanned = null;
    }

    /** True when some rule reads an article's text, which headline-only entries lack. */
    boolean needsBodies() {
        return !rules.isEmpty() && rules.mentions("content");
    }

    /**
     * The first headline-only feed among {@code entries} whose bodies are still to be checked, or
     * null. Asked after every event: the entries are scanned once per list, not per question.
     */
    String nextToCheck(List<Headline> entries) {
        if (!needsBodies()) {
            return null;
        }
        if (entries != scanned) {
            scanned = entries;
            toCheck.clear();
            for (Headline e : entries) {
                if (e.feed().headlinesOnly()) {
                    toCheck.add(e.feed().source());
                }
            }
            toCheck.removeAll(checked);
        }
        return toCheck.isEmpty() ? null : toCheck.iterator().next();
    }

    /**
     * {@code source}'s bodies are loaded ({@code context} gives them) or could not be read
     * ({@code readable} false): its entries are decided again with them. True when one is hidden.
     */
    boolean bodiesArrived(String source, boolean readable, List<Headline> entries, HeadlineView.Context context) {
        checked.add(source);
        toCheck.remove(source);
        if (!readable || !needsBodies()) {
            return false;
        }
        boolean hid = false;
        for (Headline e : entries) {
            if (e.feed().source().equals(source) && rules.hides(e, context)) {
                hid |= hiddenWithBody.add(key(e));
                decided.remove(e.item());
            }
        }
        return hid;
    }

    /** A refresh brought {@code source} again: its new articles' bodies are to be checked. */
    void reloaded(String source) {
        checked.remove(source);
        scanned = null; // scanned again at the next question
    }

    private static String key(Headline e) {
        return e.feed().source() + '\n' + e.item().id();
    }

    /** The entries no rule hides; "rule gave up" goes to the status line, once. */
    List<Headline> keep(List<Headline> entries, HeadlineView.Context context, Session session) {
        if (rules.isEmpty()) {
            return entries;
        }
        Map<Item, Boolean> now = new IdentityHashMap<>(entries.size() * 2);
        List<Headline> out = new ArrayList<>(entries.size());
        for (Headline e : entries) {
            Boolean hide = decided.get(e.item());
            if (hide == null) {
                hide = (!hiddenWithBody.isEmpty() && hiddenWithBody.contains(key(e))) || rules.hides(e, context);
            }
            now.put(e.item(), hide);
            if (!hide) {
                out.add(e);
            }
        }
        decided = now;
        String problem = rules.takeProblem();
        if (problem != null) {
            session.status("ignore-article: " + problem, true);
        }
        return out;
    }
}
