package dev.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tidings.model.Enclosure;
import dev.tidings.model.Feed;
import dev.tidings.model.Image;
import dev.tidings.model.Item;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Loads the feeds under src/test/resources/feeds and checks what may reach a terminal. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture feeds/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static Feed parse(String name, URI base, Detail detail) {
        try {
            return Feeds.parse(bytes(name), null, base, detail);
        } catch (FeedException e) {
            return fail("fixture " + name + " was refused: " + e.getMessage(), e);
        }
    }

    static Feed full(String name) {
        return parse(name, null, Detail.FULL);
    }

    static Feed headlines(String name) {
        return parse(name, null, Detail.HEADLINES);
    }

    static Feed parseString(String document, Detail detail) throws FeedException {
        return Feeds.parse(document.getBytes(StandardCharsets.UTF_8), null, null, detail);
    }

    /** The item whose title is {@code title}. */
    static Item item(Feed feed, String title) {
        return feed.items().stream().filter(i -> i.title().equals(title)).findFirst()
                .orElseGet(() -> fail("no item titled '" + title + "' in " + feed.items()));
    }

    /** A one-line field: no C0 (tab and newline included), no DEL/C1, no bidi controls, no lone surrogates. */
    static void assertSafeLine(String field, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || isUnsafeAnywhere(c, s, i)) {
                fail(field + " holds U+%04X at %d: %s", (int) c, i, escape(s));
            }
        }
    }

    /** A body: like a line, but newline and tab are allowed. */
    static void assertSafeBody(String field, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t') || isUnsafeAnywhere(c, s, i)) {
                fail(field + " holds U+%04X at %d: %s", (int) c, i, escape(s));
            }
        }
    }

    private static boolean isUnsafeAnywhere(char c, String s, int i) {
        if (c >= 0x7f && c <= 0x9f) {
            return true;
        }
        if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    /** Every string of the feed that may reach a terminal is safe. */
    static void assertTerminalSafe(Feed feed) {
        assertSafeLine("feed title", feed.title());
        assertSafeLine("feed link", feed.link());
        assertSafeLine("feed description", feed.description());
        assertSafeLine("feed image", feed.image());
        for (Item item : feed.items()) {
            String at = "item '" + escape(item.title()) + "' ";
            assertSafeLine(at + "id", item.id());
            assertSafeLine(at + "title", item.title());
            assertSafeLine(at + "link", item.link());
            item.authors().forEach(a -> assertSafeLine(at + "author", a));
            item.categories().forEach(c -> assertSafeLine(at + "category", c));
            assertSafeBody(at + "summaryHtml", item.summaryHtml());
            assertSafeBody(at + "contentHtml", item.contentHtml());
            for (Enclosure e : item.enclosures()) {
                assertSafeLine(at + "enclosure url", e.url());
                assertSafeLine(at + "enclosure type", e.type());
            }
            assertSafeLine(at + "comments link", item.social().commentsLink());
            assertSafeLine(at + "content warning", item.social().contentWarning());
            assertSafeLine(at + "boosted by", item.social().boostedBy());
            for (Image img : item.images()) {
                assertSafeLine(at + "image url", img.url());
                assertSafeLine(at + "image caption", img.caption());
                assertSafeLine(at + "image credit", img.credit());
            }
        }
    }

    /** A FeedException message is one short line. */
    static void assertOneLine(FeedException e) {
        assertThat(e.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("\r").hasSizeLessThan(400);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f || c >= 0x2000 && c <= 0x206f || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
