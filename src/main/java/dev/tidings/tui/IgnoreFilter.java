package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.app.HeadlineView;
import dev.tidings.app.IgnoreRules;
import dev.tidings.model.Item;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The config's ignore-article rules over the reader's entries, at start-up and after every
 * refresh. Each article is decided once while it stays loaded (by item identity), so the merges
 * while feeds load cost a lookup per entry, not a rule evaluation.
 */
final class IgnoreFilter {
    private IgnoreRules rules = IgnoreRules.NONE;
    private Map<Item, Boolean> decided = new IdentityHashMap<>();

    void set(IgnoreRules r) {
        rules = r == null ? IgnoreRules.NONE : r;
        decided = new IdentityHashMap<>();
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
                hide = rules.hides(e, context);
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
