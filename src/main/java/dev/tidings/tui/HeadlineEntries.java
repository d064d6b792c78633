package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.app.HeadlineView;
import dev.tidings.rules.Rule;
import dev.tidings.text.Find;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The entries of one headline list in its sort order, with what narrows them cached per entry:
 * the folded text "/" searches (title, feed, authors) and whether the F rule matches. Sorting is
 * stable: ties keep the given order (newest first).
 */
final class HeadlineEntries {
    private List<Headline> given = List.of();
    private List<Headline> all = List.of();
    private String[] haystacks = new String[0];
    private Rule rule;
    /** {@code ruleMatches[i]} for {@code all.get(i)}; null while not known. */
    private Boolean[] ruleMatches = new Boolean[0];

    /** New entries (as given: newest first), put in {@code order}. */
    void set(List<Headline> entries, SortOrder order, Predicate<Headline> isRead) {
        given = List.copyOf(entries);
        sort(order, isRead);
    }

    /** Sorts the given entries again. */
    void sort(SortOrder order, Predicate<Headline> isRead) {
        Comparator<Headline> c = order.comparator(isRead);
        if (c == null) {
            all = given;
        } else {
            List<Headline> out = new ArrayList<>(given);
            out.sort(c);
            all = List.copyOf(out);
        }
        haystacks = new String[all.size()];
        ruleMatches = new Boolean[all.size()];
    }

    List<Headline> all() {
        return all;
    }

    Rule rule() {
        return rule;
    }

    void setRule(Rule r) {
        rule = r;
        ruleMatches = new Boolean[all.size()];
    }

    /**
     * The entries that hold {@code folded} ("" for any; see {@link #hasText}), are unread when
     * {@code unreadOnly}, and match the rule; {@code current} (the open article) stays in an
     * unread-only list while it is read, and whatever the rule says.
     */
    List<Headline> narrowed(String folded, boolean unreadOnly, Predicate<Headline> isRead, Headline current,
                            HeadlineView.Context context) {
        List<Headline> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Headline e = all.get(i);
            if ((folded.isEmpty() || hasText(i, folded)) && (!unreadOnly || !isRead.test(e) || e == current)
                    && (e == current || ruleMatches(i, context))) {
                out.add(e);
            }
        }
        return out;
    }

    /** True when entry {@code i}'s title, feed or authors hold {@code folded} (already {@link Find#fold}ed). */
    boolean hasText(int i, String folded) {
        String h = haystacks[i];
        if (h == null) {
            Headline e = all.get(i);
            h = Find.fold(e.item().title() + "\u0000" + e.feed().name() + "\u0000" + String.join(", ", e.item().authors()));
            haystacks[i] = h;
        }
        return h.contains(folded);
    }

    /** True when there is no rule or entry {@code i} matches it; rules that read unread are asked again each time. */
    boolean ruleMatches(int i, HeadlineView.Context context) {
        if (rule == null) {
            return true;
        }
        Boolean m = ruleMatches[i];
        if (m == null || rule.usesReadState()) {
            m = rule.test(new HeadlineView(all.get(i), context));
            ruleMatches[i] = m;
        }
        return m;
    }
}
