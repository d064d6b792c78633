package dev.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.app.Headline;
import dev.tidings.app.IgnoreRules;
import dev.tidings.rules.Rule;
import dev.tidings.subs.QueryFeed;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** F filters the headline list by a rule, S cycles the sort orders, ignore rules and query feeds (issue #13). */
class RulesReaderTest {

    private static List<String> titles(ReaderState s) {
        return s.visible().stream().map(e -> e.item().title()).toList();
    }

    private static void rule(ReaderState s, String text) {
        s.key("F");
        Samples.type(s, text);
        s.key("Enter");
    }

    @Test
    void fFiltersByARuleAndTheTitleBarAndStatusSaySo() {
        ReaderState s = Samples.state(100, 30);
        int all = s.visible().size();
        String first = s.visible().get(0).item().title();
        String word = first.split(" ")[0];
        rule(s, "title =~ \"^" + word + "\"");
        assertThat(s.rule()).isEqualTo("title =~ \"^" + word + "\"");
        assertThat(titles(s)).isNotEmpty().allMatch(t -> t.toLowerCase(Locale.ROOT).startsWith(word.toLowerCase(Locale.ROOT)));
        assertThat(s.visible().size()).isLessThan(all);
        assertThat(s.statusText()).startsWith("Rule: title =~").contains(s.visible().size() + " article");
        assertThat(s.statusIsError()).isFalse();
        // Esc clears it; the list is whole again
        s.key("Esc");
        assertThat(s.rule()).isEmpty();
        assertThat(s.visible()).hasSize(all);
        assertThat(s.quitRequested()).isFalse();
    }

    @Test
    void fWithAnEmptyRuleClearsIt() {
        ReaderState s = Samples.state(100, 30);
        int all = s.visible().size();
        rule(s, "unread = no");
        assertThat(s.visible()).isEmpty();
        s.key("F");
        while (!s.input().isEmpty()) {
            s.key("Backspace");
        }
        s.key("Enter");
        assertThat(s.rule()).isEmpty();
        assertThat(s.visible()).hasSize(all);
    }

    @Test
    void aBadRuleIsAStatusErrorAndTheListStaysAsItWas() {
        ReaderState s = Samples.state(100, 30);
        Samples.keys(s, "j", "j");
        Headline was = s.selectedEntry();
        List<Headline> before = s.visible();
        rule(s, "title =~");
        assertThat(s.statusIsError()).isTrue();
        assertThat(s.statusText()).isEqualTo("rule: column 9: expected a value, found end of rule");
        assertThat(s.visible()).isEqualTo(before);
        assertThat(s.selectedEntry()).isEqualTo(was);
        assertThat(s.rule()).isEmpty();
    }

    @Test
    void sCyclesTheOrdersAndTheCursorStaysOnTheSameArticle() {
        ReaderState s = Samples.state(100, 30);
        Samples.keys(s, "j", "j", "j");
        Headline was = s.selectedEntry();
        assertThat(s.sortOrder()).isEqualTo(SortOrder.DATE_DESC);
        s.key("S");
        assertThat(s.sortOrder()).isEqualTo(SortOrder.DATE_ASC);
        assertThat(s.statusText()).isEqualTo("Sorted: oldest first (S: next order)");
        assertThat(s.selectedEntry()).isEqualTo(was);
        s.key("S");
        assertThat(s.sortOrder()).isEqualTo(SortOrder.TITLE_ASC);
        List<String> sorted = new ArrayList<>(titles(s));
        sorted.sort(Comparator.comparing(t -> t.toLowerCase(Locale.ROOT)));
        assertThat(titles(s)).isEqualTo(sorted);
        assertThat(s.selectedEntry()).isEqualTo(was);
        for (int i = 0; i < SortOrder.values().length - 2; i++) {
            s.key("S");
            assertThat(s.selectedEntry()).isEqualTo(was);
        }
        assertThat(s.sortOrder()).isEqualTo(SortOrder.DATE_DESC);
        assertThat(s.visible()).isEqualTo(Samples.entries());
    }

    @Test
    void unreadFirstPutsReadArticlesLast() {
        ReaderState s = Samples.state(100, 30);
        Headline top = s.selectedEntry();
        s.key("m"); // the first article read
        for (SortOrder o = s.sortOrder(); o != SortOrder.UNREAD_DESC; o = s.sortOrder()) {
            s.key("S");
        }
        assertThat(s.visible().get(s.visible().size() - 1)).isEqualTo(top);
        assertThat(s.selectedEntry()).isEqualTo(top);
    }

    @Test
    void sortOrdersAreNamedInTheConfigAsInTheReadme() {
        assertThat(SortOrder.parse(" Title-Desc ")).isEqualTo(SortOrder.TITLE_DESC);
        assertThat(SortOrder.parse("unread-desc").label()).isEqualTo("unread first");
        assertThat(SortOrder.parse("sideways")).isNull();
        assertThat(SortOrder.names()).isEqualTo("date-desc, date-asc, title-asc, title-desc, feed-asc, feed-desc,"
                + " unread-desc, unread-asc");
    }

    @Test
    void theSortOrderFromTheConfigAppliesFromTheStart() {
        ReaderState s = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
        s.setSize(100, 30);
        s.settings().setRules(IgnoreRules.NONE, List.of(), SortOrder.DATE_ASC);
        s.setEntries(Samples.entries());
        List<Headline> newestFirst = Samples.entries();
        assertThat(s.visible().get(0).item().id()).isEqualTo(newestFirst.get(newestFirst.size() - 1).item().id());
    }

    @Test
    void ignoreRulesHideArticlesAtStartAndOnEveryReload() throws Exception {
        List<Headline> entries = Samples.entries();
        String hidden = entries.get(1).item().title();
        ReaderState s = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
        s.setSize(100, 30);
        IgnoreRules ignore = IgnoreRules.of(List.of(new IgnoreRules.Ignore("*",
                Rule.parse("title = \"" + hidden.replace("\"", "\\\"") + "\""))));
        s.settings().setRules(ignore, List.of(), SortOrder.DATE_DESC);
        s.setEntries(entries);
        assertThat(titles(s)).doesNotContain(hidden).hasSize(entries.size() - 1);
        s.setEntries(Samples.entries()); // a refresh brings it again
        assertThat(titles(s)).doesNotContain(hidden).hasSize(entries.size() - 1);
    }

    @Test
    void queryFeedsAreRowsWithLiveUnreadCounts() {
        ReaderState s = new ReaderState(KeyMap.defaults(), ZoneOffset.UTC);
        s.setSize(100, 30);
        s.settings().setRules(IgnoreRules.NONE, List.of(new QueryFeed("Unread Valley", "unread = \"yes\" and tags # local", List.of()),
                new QueryFeed("Broken", "title =~", List.of())), SortOrder.DATE_DESC);
        s.setFeedRows(SplitPaneTest.rows());
        List<Headline> entries = SplitPaneTest.twoFeeds();
        s.setEntries(entries);
        assertThat(s.feedList().rows()).extracting(ListRow::label).startsWith("All feeds", "Unread Valley",
                "Broken  (rule: column 9: expected a value, found end of rule)");
        ListRow query = s.feedList().rows().get(1);
        long valley = entries.stream().filter(e -> e.feed().source().equals(SplitPaneTest.VALLEY)).count();
        assertThat(s.feedList().counts(query)).containsExactly((int) valley, (int) valley);
        s.key("j"); // the query row
        s.key("Enter");
        assertThat(s.visible()).hasSize((int) valley).allMatch(e -> e.feed().source().equals(SplitPaneTest.VALLEY));
        s.key("m"); // read: the count drops at once
        assertThat(s.feedList().counts(query)).containsExactly((int) valley - 1, (int) valley - 1);
        assertThat(s.feedList().counts(s.feedList().rows().get(2))).containsExactly(0, 0);
    }
}
