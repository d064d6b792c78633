package dev.tidings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RuleTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    static final ZoneId UTC = ZoneOffset.UTC;

    static Rule rule(String text) {
        try {
            return Rule.parse(text, NOW, UTC);
        } catch (RuleException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static boolean matches(String text, ItemView v) {
        return rule(text).test(v);
    }

    static String error(String text) {
        try {
            Rule.parse(text, NOW, UTC);
        } catch (RuleException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a rule error for: " + text);
    }

    // ---------------------------------------------------------------- operators on text

    @Test
    void equalityIgnoresCase() {
        Article a = Article.of("Rust 2.0 released");
        assertThat(matches("title = \"rust 2.0 released\"", a)).isTrue();
        assertThat(matches("title == \"Rust 2.0 released\"", a)).isTrue();
        assertThat(matches("title != \"Rust\"", a)).isTrue();
        assertThat(matches("title = Rust", a)).isFalse();
    }

    @Test
    void regexFindsAnywhereAndIgnoresCase() {
        Article a = Article.of("Rust 2.0 released");
        assertThat(matches("title =~ \"rust\"", a)).isTrue();
        assertThat(matches("title =~ \"^RUST \\d\"", a)).isTrue();
        assertThat(matches("title !~ \"python\"", a)).isTrue();
        assertThat(matches("title !~ 'released$'", a)).isFalse();
    }

    @Test
    void hashMatchesAWordOrAListElement() {
        Article a = Article.of("Weekly Linux news").tags("tech", "Open Source");
        assertThat(matches("title # linux", a)).isTrue();
        assertThat(matches("title # lin", a)).isFalse();
        assertThat(matches("title !# windows", a)).isTrue();
        assertThat(matches("tags # \"open source\"", a)).isTrue();
        assertThat(matches("tags !# tech", a)).isFalse();
    }

    @Test
    void inListsAlternatives() {
        Article a = Article.of("x").tags("tech");
        assertThat(matches("tags in (news, tech)", a)).isTrue();
        assertThat(matches("tags in (\"news\")", a)).isFalse();
        assertThat(matches("tags not in (news, sport)", a)).isTrue();
        assertThat(matches("feed in (\"Example News\", \"Other\")", a)).isTrue();
    }

    @Test
    void fieldsReadTheirParts() {
        Article a = Article.of("t").authors("Ada", "Brian").content("the body text here")
                .enclosure("audio/mpeg", "https://news.example/ep1.mp3").savedIn("Later");
        assertThat(matches("author =~ \"brian\"", a)).isTrue();
        assertThat(matches("author = \"Ada, Brian\"", a)).isTrue();
        assertThat(matches("content =~ \"body text\"", a)).isTrue();
        assertThat(matches("feed = \"example news\" and feedtitle =~ example", a)).isTrue();
        assertThat(matches("feedurl = \"https://news.example/feed.xml\" and rssurl =~ \"^https:\"", a)).isTrue();
        assertThat(matches("link =~ \"/a/1$\" and guid = id-1", a)).isTrue();
        assertThat(matches("enclosure_type =~ \"^audio/\" and enclosure_url =~ mp3", a)).isTrue();
        assertThat(matches("collection = later and saved = yes", a)).isTrue();
    }

    @Test
    void anEmptyListIsTheEmptyStringAsInNewsboat() {
        Article a = Article.of("t");
        assertThat(matches("enclosure_type = \"\"", a)).isTrue();
        assertThat(matches("enclosure_type != \"\"", a)).isFalse();
        assertThat(matches("enclosure_type != \"\"", a.enclosure("video/mp4", "https://v.example/1.mp4"))).isTrue();
    }

    // ---------------------------------------------------------------- yes/no, dates, ages

    @Test
    void booleansTakeYesNoTrueFalseOrStandAlone() {
        Article unread = Article.of("t");
        Article read = unread.read();
        assertThat(matches("unread = \"yes\"", unread)).isTrue();
        assertThat(matches("unread = no", read)).isTrue();
        assertThat(matches("unread != true", read)).isTrue();
        assertThat(matches("unread", unread)).isTrue();
        assertThat(matches("not unread", read)).isTrue();
        assertThat(matches("saved", unread)).isFalse();
    }

    @Test
    void datesCompareByDayInTheZone() {
        Article a = Article.of("t").date(Instant.parse("2026-11-01T08:00:00Z"));
        assertThat(matches("date = 2026-11-01", a)).isTrue();
        assertThat(matches("date > 2026-11-01", a)).isFalse();
        assertThat(matches("date >= 2026-11-01", a)).isTrue();
        assertThat(matches("date < 2026-11-02", a)).isTrue();
        assertThat(matches("date <= 2026-10-31", a)).isFalse();
        assertThat(matches("date > \"2026-11-01T07:59\"", a)).isTrue();
        assertThat(matches("date < 2026-11-01T08:00:00Z", a)).isFalse();
        assertThat(matches("date between 2026-10-01:2026-11-01", a)).isTrue();
        assertThat(matches("date != 2026-11-01", a)).isFalse();
    }

    @Test
    void agesCountWholeUnits() {
        Article a = Article.of("t").date(Instant.parse("2026-11-28T06:00:00Z")); // 3 days 6 hours before NOW
        assertThat(matches("age < 7d", a)).isTrue();
        assertThat(matches("age < 7", a)).isTrue();
        assertThat(matches("age = 3", a)).isTrue();
        assertThat(matches("age > 3", a)).isFalse();
        assertThat(matches("age >= 78h", a)).isTrue();
        assertThat(matches("age < 1w", a)).isTrue();
        assertThat(matches("age between 0:3", a)).isTrue();
        assertThat(matches("age between 4:10", a)).isFalse();
        assertThat(matches("age > 4000min", a)).isTrue();
    }

    @Test
    void anArticleWithoutDateMatchesNoDateOrAgeComparisonButInequality() {
        Article a = Article.of("t").date(null);
        assertThat(matches("age < 7d", a)).isFalse();
        assertThat(matches("age > 7d", a)).isFalse();
        assertThat(matches("date < 2030-01-01", a)).isFalse();
        assertThat(matches("date != 2030-01-01", a)).isTrue();
        assertThat(matches("age != 1", a)).isTrue();
    }

    // ---------------------------------------------------------------- grammar

    @Test
    void andBindsTighterThanOr() {
        Article a = Article.of("alpha");
        // alpha or (beta and nothing): true; (alpha or beta) and nothing: false
        assertThat(matches("title = alpha or title = beta and title = nothing", a)).isTrue();
        assertThat(matches("(title = alpha or title = beta) and title = nothing", a)).isFalse();
        assertThat(matches("title = alpha || title = beta && title = nothing", a)).isTrue();
    }

    @Test
    void notBindsTighterThanAnd() {
        Article a = Article.of("alpha");
        assertThat(matches("not title = beta and title = alpha", a)).isTrue();
        assertThat(matches("!(title = alpha) or title = alpha", a)).isTrue();
        assertThat(matches("not not title = alpha", a)).isTrue();
        assertThat(matches("NOT (title = alpha OR title = beta)", a)).isFalse();
    }

    @Test
    void quotesEscapeTheirQuoteAndBackslashOnly() {
        Article a = Article.of("say \"hi\" \\ there");
        assertThat(matches("title =~ \"\\\"hi\\\"\"", a)).isTrue();
        assertThat(matches("title =~ 'say \"hi\"'", a)).isTrue();
        assertThat(matches("title =~ \"\\\\\\\\ there\"", a)).isTrue(); // the regex \\ : one backslash
    }

    @Test
    void newsboatExamplesRead() {
        Article a = Article.of("Linux on FreeBSD").authors("Frank").tags("tag1").date(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(matches("unread = \"yes\"", a)).isTrue();
        assertThat(matches("age between 0:10", a)).isTrue();
        assertThat(matches("rssurl =~ \"^https:\"", a)).isTrue();
        assertThat(matches("( author =~ \"Frank\" or author =~ \"John\" ) and ( title =~ \"Linux\" or title =~ \"FreeBSD\" )", a))
                .isTrue();
        assertThat(matches("tags # \"tag1\"", a)).isTrue();
        assertThat(matches("title =~ \"newsboat\"", a)).isFalse();
    }

    @Test
    void readmeExamplesRead() {
        for (String r : new String[] {"unread = \"yes\" and age < 7d", "title =~ \"rust|zig\" and not tags # sponsored",
            "(author =~ \"Frank\" or author =~ \"John\") and (title =~ \"Linux\" or title =~ \"FreeBSD\")",
            "enclosure_type =~ \"^audio/\" and date between 2026-11-01:2026-11-30",
            "feed in (\"Tech Daily\", \"World Desk\") && saved", "feedurl = \"https://a.example/x?y=1\""}) {
            assertThat(rule(r).text()).isEqualTo(r);
        }
    }

    @Test
    void knowsWhatItReads() {
        assertThat(rule("content =~ x or title = y").usesContent()).isTrue();
        assertThat(rule("title = y").usesContent()).isFalse();
        assertThat(rule("not unread").usesReadState()).isTrue();
        assertThat(rule("title = y").text()).isEqualTo("title = y");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void errorsNameTheColumnAndWhatWasExpected() {
        assertThat(error("")).isEqualTo("rule: column 1: expected a condition such as title =~ \"word\", found end of rule");
        assertThat(error("title =~")).isEqualTo("rule: column 9: expected a value, found end of rule");
        assertThat(error("titel = x")).startsWith("rule: column 1: unknown field 'titel' (fields: title, content,");
        assertThat(error("title x")).isEqualTo("rule: column 7: expected an operator (=, !=, =~, !~, #, !#, in) after title,"
                + " found 'x'");
        assertThat(error("(title = x")).isEqualTo("rule: column 11: expected ')' to close the '(' at column 1, found end of rule");
        assertThat(error("title = x y")).isEqualTo("rule: column 11: expected and, or or the end of the rule, found 'y'");
        assertThat(error("title = \"x")).isEqualTo("rule: column 9: the quote opened here is never closed");
        assertThat(error("title < x")).isEqualTo("rule: column 7: title takes =, !=, =~, !~, #, !#, in, not '<'");
        assertThat(error("unread = maybe")).isEqualTo("rule: column 10: expected yes or no, found 'maybe'");
        assertThat(error("age < soon")).startsWith("rule: column 7: expected an age like 7, 7d, 12h");
        assertThat(error("date > 2026-13-01")).startsWith("rule: column 8: expected a date like 2026-11-01");
        assertThat(error("age between 3")).startsWith("rule: column 13: expected a range like 0:7");
        assertThat(error("title =~ \"(\"")).startsWith("rule: column 10: bad regular expression:");
        assertThat(error("title = x & y")).isEqualTo("rule: column 11: expected '&&', found '&'");
        assertThat(error("title ~ x")).isEqualTo("rule: column 7: expected an operator such as =~, found '~'");
        assertThat(error("tags in (a b)")).isEqualTo("rule: column 12: expected ',' or ')', found 'b'");
        assertThat(error("title")).isEqualTo("rule: column 6: expected an operator after title, found end of rule");
        assertThat(error("and")).isEqualTo("rule: column 1: expected a field such as title, found 'and'");
    }

    @Test
    void errorMessagesAreOneSafeLine() {
        String e = error("ti\u001b[31mtle\nx = 1");
        assertThat(e).doesNotContain("\u001b").doesNotContain("\n");
    }
}
