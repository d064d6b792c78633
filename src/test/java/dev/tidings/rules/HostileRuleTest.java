package dev.tidings.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rules and bodies written to hurt: deep nesting, huge rules, catastrophic regexes, random text. */
class HostileRuleTest {

    private static String error(String text) {
        try {
            Rule.parse(text, RuleTest.NOW, RuleTest.UTC);
            return null;
        } catch (RuleException e) {
            return e.getMessage();
        }
    }

    @Test
    void tenThousandNestedParenthesesAreAnErrorNotAStackOverflow() {
        String deep = "(".repeat(10_000) + "title = x" + ")".repeat(10_000);
        assertThat(error(deep)).isEqualTo("rule: column 101: nested deeper than 100 levels");
        assertThat(error("not ".repeat(10_000) + "unread")).isEqualTo("rule: column 401: nested deeper than 100 levels");
        assertThat(error("!".repeat(10_000) + "unread")).startsWith("rule: column 101: nested deeper");
    }

    @Test
    void nestingUpToTheLimitWorks() {
        String ok = "(".repeat(100) + "title = x" + ")".repeat(100);
        assertThat(RuleTest.matches(ok, Article.of("x"))).isTrue();
    }

    @Test
    void aDeeplyNestedRegexIsRefused() {
        String re = "(".repeat(5_000) + "a" + ")".repeat(5_000);
        assertThat(error("title =~ \"" + re + "\"")).isEqualTo("rule: column 10: regular expression longer than 10000 characters");
        String nested = "(".repeat(100) + "a" + ")".repeat(100);
        assertThat(error("title =~ \"" + nested + "\"")).isEqualTo("rule: column 10: regular expression nested deeper than 64 groups");
    }

    @Test
    void aMegabyteRuleIsReadInLinearTime() {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (sb.length() < 1_000_000) {
            sb.append(i == 0 ? "" : " or ").append("title = w").append(i++);
        }
        Rule r = RuleTest.rule(sb.toString());
        assertThat(r.test(Article.of("w" + (i - 1)))).isTrue();
        assertThat(r.test(Article.of("nothing"))).isFalse();
        assertThat(error("title = \"" + "x".repeat(1_000_000) + "\"")).isNull();
        assertThat(error("x".repeat(Rule.MAX_LENGTH + 1))).startsWith("rule: column 1048577: rule longer than");
    }

    @Test
    void aCatastrophicRegexOverAMegabyteGivesUpAndSaysSoOnce() {
        Rule r = RuleTest.rule("content =~ \"(a+)+$\" or title = yes");
        Article body = Article.of("no").content("a".repeat(1_000_000) + "!");
        long start = System.nanoTime();
        assertThat(r.test(body)).isFalse();
        assertThat(r.test(body)).isFalse();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("two give-ups, bounded by the step limit").isLessThan(20_000);
        assertThat(r.takeProblem()).isEqualTo("rule gave up on content =~ \"(a+)+$\" at column 1 (too slow); counted as no match");
        assertThat(r.takeProblem()).isNull();
        // the other branch still decides
        assertThat(r.test(Article.of("yes").content("a".repeat(1000) + "!"))).isTrue();
    }

    @Test
    void theStepLimitStopsABacktrackingMatchEarly() throws RuleException {
        BoundedRegex re = BoundedRegex.compile("(a+)+$", 1, 100_000);
        String text = "a".repeat(2_000) + "!"; // quadratic at least: millions of reads
        boolean gaveUp = false;
        try {
            re.find(text);
        } catch (BoundedRegex.GaveUp e) {
            gaveUp = true;
        }
        assertThat(gaveUp).isTrue();
        assertThat(BoundedRegex.compile("!$", 1, 100_000).find(text)).isTrue();
    }

    @Test
    void aRegexThatRecursesPerCharacterGivesUpInsteadOfOverflowing() {
        Rule r = RuleTest.rule("content =~ \"^(a|b)*$\"");
        assertThat(r.test(Article.of("t").content("ab".repeat(500_000)))).isIn(true, false);
    }

    /** Random rules from the language's own pieces: anything but a RuleException is a bug. */
    @Test
    void randomRulesThrowNothingButRuleErrors() {
        String[] pieces = {"title", "content", "age", "date", "unread", "tags", "in", "between", "not", "and", "or", "&&",
            "||", "!", "(", ")", ",", "=", "==", "!=", "=~", "!~", "<", ">", "<=", ">=", "#", "!#", "\"", "'", "\\",
            "\"x\"", "7d", "0:7", "2026-11-01", "yes", "(a+)+", "[", "*", " ", "\u0000", "\u001b", "é", ":", "&", "|",
            "~", "x"};
        Random random = new Random(13);
        Article a = Article.of("x").content("aaaa").tags("x");
        int parsed = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(12);
            for (int k = 0; k < len; k++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextBoolean()) {
                    sb.append(' ');
                }
            }
            Rule r;
            try {
                r = Rule.parse(sb.toString(), RuleTest.NOW, RuleTest.UTC);
            } catch (RuleException e) {
                assertThat(e.getMessage()).startsWith("rule: column ").doesNotContain("\n");
                assertThat(e.column()).isBetween(1, sb.length() + 1);
                continue;
            }
            parsed++;
            r.test(a);
        }
        assertThat(parsed).as("some random rules are valid").isGreaterThan(20);
        for (int n = 0; n < 20_000; n++) {
            char[] cs = new char[random.nextInt(30)];
            for (int k = 0; k < cs.length; k++) {
                cs[k] = (char) random.nextInt(128);
            }
            try {
                Rule.parse(new String(cs), RuleTest.NOW, RuleTest.UTC).test(a);
            } catch (RuleException e) {
                assertThat(e.getMessage()).startsWith("rule: column ");
            }
        }
    }
}
