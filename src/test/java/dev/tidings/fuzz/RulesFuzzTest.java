package dev.tidings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tidings.rules.ItemView;
import dev.tidings.rules.Rule;
import dev.tidings.rules.RuleException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Fuzz target for the rule language (issue #13): any text read as a rule either is a
 * {@link RuleException} with a one-line "rule: column N: …" message or a rule that tests an
 * article without throwing; one input costs at most {@link Budget}.
 */
class RulesFuzzTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    /** An article with a little of everything; its body is long enough for a slow regex to show. */
    private static final ItemView ARTICLE = new ItemView() {
        private final String body = "aaaa bbbb ".repeat(2_000) + "!";

        @Override public String title() { return "Rust 2.0 released"; }
        @Override public String content() { return body; }
        @Override public List<String> authors() { return List.of("Ada"); }
        @Override public String feedTitle() { return "Tech Daily"; }
        @Override public String feedUrl() { return "https://tech.example/feed.xml"; }
        @Override public String link() { return "https://tech.example/a/1"; }
        @Override public String guid() { return "tech-1"; }
        @Override public List<String> tags() { return List.of("tech", "languages"); }
        @Override public boolean unread() { return true; }
        @Override public boolean saved() { return false; }
        @Override public List<String> collections() { return List.of(); }
        @Override public Instant date() { return Instant.parse("2026-11-30T09:00:00Z"); }
        @Override public List<String> enclosureTypes() { return List.of("audio/mpeg"); }
        @Override public List<String> enclosureUrls() { return List.of("https://tech.example/ep.mp3"); }
    };

    @DictionaryEntries({"title", "content", "author", "feed", "feedurl", "link", "tags", "unread", "saved",
        "collection", "date", "age", "enclosure_type", "=~", "!~", "!=", "==", "<=", ">=", "#", "!#", "between",
        "in", "not", "and", "or", "&&", "||", "(", ")", "\"", "'", "\\\"", "7d", "12h", "0:7", "2026-11-01", "yes",
        "(a+)+$", "[a-"})
    @FuzzTest(maxDuration = "10m")
    void parseAndTest(byte[] input) throws Exception {
        check(new String(input, StandardCharsets.UTF_8));
    }

    private static void check(String text) throws Exception {
        Budget.check(() -> {
            Rule r;
            try {
                r = Rule.parse(text, NOW, ZoneOffset.UTC);
            } catch (RuleException documented) {
                assertThat(documented.getMessage()).startsWith("rule: column ");
                Budget.assertPrintable("rule error", documented.getMessage(), false);
                return;
            }
            r.test(ARTICLE);
            String problem = r.takeProblem();
            if (problem != null) {
                Budget.assertPrintable("give-up message", problem, false);
            }
        });
    }
}
