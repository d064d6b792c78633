package dev.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tidings.model.Feed;
import dev.tidings.model.Item;
import dev.tidings.render.Article;
import dev.tidings.render.ArticleRenderer;
import dev.tidings.render.Line;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON news sources written to hurt (issue #15): every value of every fixture replaced by each
 * wrong type, every string replaced by escape sequences, deep nesting, huge strings. A source is
 * either read (every string terminal-safe, the article renders) or refused with one line; nothing
 * else escapes, and nothing takes long.
 */
class HostileSourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Terminal attacks: CSI colour, OSC 52 clipboard write, OSC 8 link, C1 CSI, bidi override, CR, NUL, lone surrogate. */
    static final String EVIL = "A\u001b[31mred\u001b]52;c;ZXZpbA==\u0007\u001b]8;;https://evil.example\u001b\\x"
            + "\u009b2J\u202egnp.exe\r\u0000\u2028\ud800Z";

    static final List<String> FIXTURES = List.of("sources/hn-algolia-search.json", "sources/reddit-listing.json",
            "sources/mastodon-timeline.json", "sources/newsapi-top-headlines.json", "sources/gnews-search.json",
            "sources/guardian-search.json");

    private static final List<JsonNode> WRONG = List.of(NODES.numberNode(-7), NODES.numberNode(1.5e308),
            NODES.numberNode(new java.math.BigInteger("9".repeat(40))), NODES.booleanNode(true), NODES.nullNode(),
            NODES.arrayNode().add("x").add(NODES.objectNode()), NODES.textNode("not a date or URL"));

    @ParameterizedTest
    @ValueSource(strings = {"sources/hn-algolia-search.json", "sources/reddit-listing.json",
        "sources/mastodon-timeline.json", "sources/newsapi-top-headlines.json", "sources/gnews-search.json",
        "sources/guardian-search.json"})
    void everyValueOfTheWrongTypeIsToleratedOrRefusedInOneLine(String fixture) throws IOException {
        JsonNode doc = JSON.readTree(Fixtures.bytes(fixture));
        int[] variants = {0};
        int[] position = {0};
        forEachValue(doc, (parent, key) -> {
            JsonNode original = get(parent, key);
            // two wrong types per value, rotating, so every type meets every kind of member
            for (int k = 0; k < 2; k++) {
                JsonNode wrong = WRONG.get((position[0] + 3 * k) % WRONG.size());
                set(parent, key, wrong);
                readSafely(doc, fixture + " with " + key + " = " + wrong, false);
                variants[0]++;
            }
            position[0]++;
            set(parent, key, original);
        });
        assertThat(variants[0]).as("mutations tried").isGreaterThan(30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sources/hn-algolia-search.json", "sources/reddit-listing.json",
        "sources/mastodon-timeline.json", "sources/newsapi-top-headlines.json", "sources/gnews-search.json",
        "sources/guardian-search.json"})
    void escapesInEveryStringNeverReachTheModelOrTheRenderer(String fixture) throws IOException {
        JsonNode doc = JSON.readTree(Fixtures.bytes(fixture));
        forEachValue(doc, (parent, key) -> {
            JsonNode v = get(parent, key);
            if (v.isTextual()) {
                String s = v.asText();
                // keep URLs looking like URLs so the escapes reach the places that use them
                set(parent, key, new TextNode(s.startsWith("http") ? s + EVIL : EVIL + s + EVIL));
            }
        });
        Feed f = readSafely(doc, fixture + " with escapes everywhere", true);
        assertThat(f).as("still read").isNotNull();
        assertThat(f.items()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sources/hn-algolia-search.json", "sources/reddit-listing.json",
        "sources/mastodon-timeline.json", "sources/newsapi-top-headlines.json", "sources/gnews-search.json",
        "sources/guardian-search.json"})
    void everyMemberMissingIsTolerated(String fixture) throws IOException {
        JsonNode doc = JSON.readTree(Fixtures.bytes(fixture));
        forEachValue(doc, (parent, key) -> {
            if (parent instanceof ObjectNode o) {
                JsonNode original = o.get((String) key);
                ObjectNode copy = o.deepCopy();
                o.remove((String) key);
                readSafely(doc, fixture + " without " + key, false);
                o.removeAll();
                o.setAll(copy);
                assertThat(o.get((String) key)).isEqualTo(original);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"hits\":[{\"title\":%s}]}", "{\"kind\":\"Listing\",\"data\":{\"children\":[{\"data\":{\"title\":%s}}]}}",
        "[{\"account\":{},\"content\":%s}]", "{\"articles\":[{\"title\":%s}]}", "{\"response\":{\"results\":[{\"webTitle\":%s}]}}"})
    void deepNestingIsRefusedInOneLine(String shape) {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        FeedException e = catchThrowableOfType(() -> Feeds.parse(String.format(shape, deep)
                .getBytes(StandardCharsets.UTF_8), null, null, Detail.FULL), FeedException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("safety limit");
        Fixtures.assertOneLine(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"hits\":[{\"objectID\":\"1\",\"story_text\":%s,\"title\":%s}]}",
        "{\"kind\":\"Listing\",\"data\":{\"children\":[{\"data\":{\"name\":\"t3_x\",\"selftext_html\":%s,\"title\":%s}}]}}",
        "[{\"account\":{},\"content\":%s,\"spoiler_text\":%s}]", "{\"articles\":[{\"content\":%s,\"title\":%s}]}",
        "{\"response\":{\"results\":[{\"fields\":{\"body\":%s},\"webTitle\":%s}]}}"})
    void hugeStringsAreReadInLinearTimeAndOverLimitOnesRefused(String shape) {
        String big = "\"" + "<p>flood &amp; walls \\u001b[31m ".repeat(30_000) + "\"";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Feed f = Feeds.parse(String.format(shape, big, big).getBytes(StandardCharsets.UTF_8), null, null, Detail.FULL);
            Fixtures.assertTerminalSafe(f);
            assertThat(f.items().get(0).title().length()).isLessThan(5_000_000);
        });
        String tooBig = "\"" + "x".repeat(17 * 1024 * 1024) + "\"";
        FeedException e = catchThrowableOfType(() -> Feeds.parse(String.format(shape, tooBig, "\"t\"")
                .getBytes(StandardCharsets.UTF_8), null, null, Detail.FULL), FeedException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("safety limit");
    }

    @Test
    void errorDocumentsWithEscapesGiveASafeLine() {
        String doc = "{\"status\":\"error\",\"code\":\"" + json(EVIL) + "\",\"message\":\"" + json(EVIL).repeat(100) + "\"}";
        ServiceErrorException e = catchThrowableOfType(() -> Feeds.parse(doc.getBytes(StandardCharsets.UTF_8), null,
                null, Detail.FULL), ServiceErrorException.class);
        Fixtures.assertSafeLine("message", e.getMessage());
        Fixtures.assertOneLine(e);
        String keys = "{\"\\u001b]52;c;x\\u0007\":1,\"\\u009b31m\":2}";
        FeedException unknown = catchThrowableOfType(() -> Feeds.parse(keys.getBytes(StandardCharsets.UTF_8), null,
                null, Detail.FULL), FeedException.class);
        Fixtures.assertSafeLine("message", unknown.getMessage());
    }

    // ------------------------------------------------------------------ helpers

    /** Parses a mutated document in both details; fails on anything but a feed or a one-line FeedException. */
    private static Feed readSafely(JsonNode doc, String what, boolean render) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Feed full = null;
        for (Detail detail : Detail.values()) {
            try {
                Feed f = Feeds.parse(bytes, null, null, detail);
                Fixtures.assertTerminalSafe(f);
                if (detail == Detail.FULL) {
                    full = f;
                }
                if (detail == Detail.FULL && render) {
                    for (Item i : f.items()) {
                        for (Line l : ArticleRenderer.lines(Article.of(i, f.title(), null), 72, ZoneOffset.UTC)) {
                            Fixtures.assertSafeLine(what + ": rendered line", l.text());
                        }
                    }
                }
            } catch (FeedException e) {
                Fixtures.assertOneLine(e);
                Fixtures.assertSafeLine(what + ": message", e.getMessage());
            } catch (RuntimeException e) {
                fail(what + " (" + detail + ") threw " + e, e);
            }
        }
        return full;
    }

    private interface Visitor {
        void visit(JsonNode parent, Object key);
    }

    /** Visits every value below {@code node} (depth first; containers before their contents). */
    private static void forEachValue(JsonNode node, Visitor v) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                v.visit(o, n);
                forEachValue(o.get(n), v);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                v.visit(a, i);
                forEachValue(a.get(i), v);
            }
        }
    }

    private static JsonNode get(JsonNode parent, Object key) {
        return key instanceof String s ? parent.get(s) : parent.get((Integer) key);
    }

    private static void set(JsonNode parent, Object key, JsonNode value) {
        if (parent instanceof ObjectNode o) {
            o.set((String) key, value);
        } else {
            ((ArrayNode) parent).set((Integer) key, value);
        }
    }

    private static String json(String s) {
        try {
            String quoted = JSON.writeValueAsString(s);
            return quoted.substring(1, quoted.length() - 1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
