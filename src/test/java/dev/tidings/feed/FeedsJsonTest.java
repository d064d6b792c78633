package dev.tidings.feed;

import static dev.tidings.feed.Fixtures.full;
import static dev.tidings.feed.Fixtures.headlines;
import static dev.tidings.feed.Fixtures.parse;
import static dev.tidings.feed.Fixtures.parseString;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.model.Enclosure;
import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Image;
import dev.tidings.model.Item;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** JSON Feed 1.0 and 1.1 through {@link Feeds#parse}. */
class FeedsJsonTest {

    // ------------------------------------------------------------ JSON Feed 1.0

    @Test
    void readsJsonFeed10Header() {
        Feed feed = full("jsonfeed10-author.json");
        assertThat(feed.format()).isEqualTo(FeedFormat.JSON_FEED_10);
        assertThat(feed.title()).isEqualTo("JSON One");
        assertThat(feed.link()).isEqualTo("https://json1.example.org/");
        assertThat(feed.description()).isEqualTo("A JSON Feed 1.0");
        assertThat(feed.image()).isEqualTo("https://json1.example.org/icon.png");
        assertThat(feed.items()).hasSize(2);
    }

    @Test
    void readsJsonFeed10ItemWithAuthorObjectAndDates() {
        Item item = full("jsonfeed10-author.json").items().get(0);
        assertThat(item.id()).isEqualTo("1");
        assertThat(item.title()).isEqualTo("First post");
        assertThat(item.link()).isEqualTo("https://json1.example.org/1");
        assertThat(item.published()).isEqualTo(Instant.parse("2026-11-24T14:30:00Z"));
        assertThat(item.updated()).isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
        assertThat(item.authors()).containsExactly("Jane Doe");
        assertThat(item.categories()).containsExactly("a", "b");
    }

    @Test
    void escapesContentTextIntoParagraphsAndLineBreaks() {
        Item item = full("jsonfeed10-author.json").items().get(0);
        assertThat(item.contentHtml())
                .isEqualTo("<p>Line one<br>still one</p><p>Paragraph two &amp; &lt;three&gt;</p>");
        assertThat(item.summaryHtml()).isEmpty();
    }

    @Test
    void acceptsNumericIdAndFallsBackToExternalUrl() {
        Item item = full("jsonfeed10-author.json").items().get(1);
        assertThat(item.id()).isEqualTo("2");
        assertThat(item.link()).isEqualTo("https://elsewhere.example.com/story");
        assertThat(item.contentHtml()).isEqualTo("<p>Short</p>");
    }

    @Test
    void itemWithoutAuthorInheritsFeedAuthor() {
        assertThat(full("jsonfeed10-author.json").items().get(1).authors()).containsExactly("Feed Owner");
        assertThat(full("jsonfeed11-attachments.json").items().get(1).authors()).containsExactly("Team");
    }

    // ------------------------------------------------------------ JSON Feed 1.1

    @Test
    void readsJsonFeed11HeaderAndResolvesFaviconAgainstFeedUrl() {
        Feed feed = full("jsonfeed11-attachments.json");
        assertThat(feed.format()).isEqualTo(FeedFormat.JSON_FEED_11);
        assertThat(feed.title()).isEqualTo("JSON Eleven");
        assertThat(feed.link()).isEqualTo("https://json11.example.org/");
        assertThat(feed.description()).isEqualTo("A JSON Feed 1.1");
        assertThat(feed.image()).isEqualTo("https://json11.example.org/favicon.png");
    }

    @Test
    void readsAuthorsArraySkippingNamelessAuthors() {
        Item item = full("jsonfeed11-attachments.json").items().get(0);
        assertThat(item.authors()).containsExactly("Jane Doe", "John Roe");
        assertThat(item.categories()).containsExactly("podcast", "tech");
        assertThat(item.published()).isEqualTo(Instant.parse("2026-11-24T09:30:00.123Z"));
        assertThat(item.updated()).isNull();
    }

    @Test
    void resolvesRelativeItemUrlsAgainstFeedUrl() {
        Item item = full("jsonfeed11-attachments.json").items().get(0);
        assertThat(item.id()).isEqualTo("https://json11.example.org/posts/1");
        assertThat(item.link()).isEqualTo("https://json11.example.org/feeds/posts/1");
        assertThat(item.images()).containsExactly(new Image("https://json11.example.org/feeds/images/ep1.jpg", "", ""));
    }

    @Test
    void readsAttachmentsAsEnclosures() {
        Item item = full("jsonfeed11-attachments.json").items().get(0);
        assertThat(item.enclosures()).containsExactly(
                new Enclosure("https://cdn.example.org/ep1.mp3", "audio/mpeg", 12345678, 1800),
                new Enclosure("https://json11.example.org/media/ep1.ogg", "audio/ogg", -1));
    }

    @Test
    void keepsContentHtmlAndEscapesPlainTextSummary() {
        Item item = full("jsonfeed11-attachments.json").items().get(0);
        assertThat(item.contentHtml())
                .isEqualTo("<p>Show notes with <a href=\"https://json11.example.org/x\">a link</a>.</p>");
        assertThat(item.summaryHtml()).isEqualTo("<p>A short &lt;summary&gt; &amp; teaser</p>");
    }

    @Test
    void itemWithoutContentHasEmptyBodies() {
        Item item = full("jsonfeed11-attachments.json").items().get(1);
        assertThat(item.contentHtml()).isEmpty();
        assertThat(item.summaryHtml()).isEmpty();
        assertThat(item.bodyHtml()).isEmpty();
    }

    @Test
    void headlinesModeSkipsJsonBodies() {
        Feed feed = headlines("jsonfeed11-attachments.json");
        for (Item item : feed.items()) {
            assertThat(item.summaryHtml()).isEmpty();
            assertThat(item.contentHtml()).isEmpty();
        }
        Item item = feed.items().get(0);
        assertThat(item.title()).isEqualTo("Episode one");
        assertThat(item.authors()).containsExactly("Jane Doe", "John Roe");
        assertThat(item.enclosures()).hasSize(2);
        assertThat(headlines("jsonfeed10-author.json").items().get(0).contentHtml()).isEmpty();
    }

    @Test
    void baseGivenToParseWinsOverFeedUrl() {
        Feed feed = parse("jsonfeed11-attachments.json", URI.create("https://mirror.example.net/j/feed.json"),
                Detail.HEADLINES);
        assertThat(feed.items().get(0).link()).isEqualTo("https://mirror.example.net/j/posts/1");
    }

    @Test
    void resolvesItemUrlsAgainstFeedUrlWhateverTheMemberOrder() {
        Item item = full("jsonfeed11-feed-url-after-items.json").items().get(0);
        assertThat(item.link()).isEqualTo("https://order.example.org/posts/a");
    }

    @Test
    void keepsAngleBracketsOfPlainTextJsonTitle() throws FeedException {
        Feed feed = parseString("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":["
                + "{\"id\":\"1\",\"title\":\"Why <b> tags matter\"}]}", Detail.HEADLINES);
        assertThat(feed.items().get(0).title()).isEqualTo("Why <b> tags matter");
    }

    @Test
    void readsJsonFeedWithByteOrderMark() throws FeedException {
        byte[] json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Zürich\",\"items\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Feed feed = Feeds.parse(withBom, "application/feed+json", null, Detail.FULL);
        assertThat(feed.title()).isEqualTo("Zürich");
        assertThat(feed.items()).isEmpty();
    }

    @Test
    void skipsUnknownMembersAndNonObjectItems() throws FeedException {
        Feed feed = parseString("{\"version\":\"https://jsonfeed.org/version/1\",\"_ext\":{\"a\":[1,{\"b\":null}]},"
                + "\"items\":[42,\"x\",null,{\"id\":\"ok\",\"title\":\"Kept\",\"_x\":[[]]}]}", Detail.FULL);
        assertThat(feed.items()).extracting(Item::title).containsExactly("Kept");
    }

    @ParameterizedTest
    @EnumSource(Detail.class)
    void everyFixtureIsTerminalSafe(Detail detail) {
        Fixtures.assertTerminalSafe(parse("jsonfeed10-author.json", null, detail));
        Fixtures.assertTerminalSafe(parse("jsonfeed11-attachments.json", null, detail));
    }
}
