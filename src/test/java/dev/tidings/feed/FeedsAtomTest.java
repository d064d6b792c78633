package dev.tidings.feed;

import static dev.tidings.feed.Fixtures.full;
import static dev.tidings.feed.Fixtures.headlines;
import static dev.tidings.feed.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.model.Enclosure;
import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Atom 1.0 and 0.3 through {@link Feeds#parse}. */
class FeedsAtomTest {

    // ------------------------------------------------------------ Atom 1.0 basics

    @Test
    void readsFeedTitleAlternateLinkSubtitleAndLogo() {
        Feed feed = full("atom10-xhtml-content.xml");
        assertThat(feed.format()).isEqualTo(FeedFormat.ATOM_10);
        assertThat(feed.title()).isEqualTo("XHTML Feed");
        assertThat(feed.link()).isEqualTo("https://x.example.org/");
        assertThat(feed.description()).isEqualTo("Entries with inline XHTML");
        assertThat(feed.image()).isEqualTo("https://x.example.org/logo.png");
        assertThat(feed.items()).hasSize(2);
    }

    @Test
    void readsEntryIdLinkDatesAuthorsAndCategories() {
        Item item = full("atom10-xhtml-content.xml").items().get(0);
        assertThat(item.id()).isEqualTo("tag:x.example.org,2026:1");
        assertThat(item.link()).isEqualTo("https://x.example.org/2026/11/xhtml");
        assertThat(item.published()).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
        assertThat(item.updated()).isEqualTo(Instant.parse("2026-11-24T08:45:30.250Z"));
        assertThat(item.authors()).containsExactly("Jane Doe", "John Roe");
        assertThat(item.categories()).containsExactly("Technology", "xml");
    }

    @Test
    void reducesXhtmlTitleToPlainText() {
        assertThat(full("atom10-xhtml-content.xml").items().get(0).title()).isEqualTo("Inline XHTML title");
    }

    @Test
    void readsLinkRelEnclosureAsEnclosureAndImage() {
        Item item = full("atom10-xhtml-content.xml").items().get(0);
        assertThat(item.enclosures()).containsExactly(
                new Enclosure("https://x.example.org/pic.png", "image/png", 4096));
        assertThat(item.images()).extracting(dev.tidings.model.Image::url)
                .containsExactly("https://x.example.org/pic.png");
    }

    @Test
    void escapesTextSummaryIntoHtml() {
        Item item = full("atom10-xhtml-content.xml").items().get(0);
        assertThat(item.summaryHtml()).isEqualTo("<p>Plain &lt;summary&gt; &amp; more</p>");
    }

    @Test
    void unwrapsXhtmlContentDivAndDropsEventHandlers() {
        String content = full("atom10-xhtml-content.xml").items().get(0).contentHtml();
        assertThat(content.strip()).isEqualTo(
                "<p>Hello <b>world</b><br>again</p>\n        <p class=\"x\">Second</p>");
        assertThat(content).doesNotContain("<div").doesNotContain("onclick").doesNotContain("xmlns");
    }

    @Test
    void unwrapsPrefixedXhtmlDiv() {
        Item item = full("atom10-xhtml-content.xml").items().get(1);
        assertThat(item.contentHtml()).isEqualTo("<p>Prefixed</p>");
    }

    @Test
    void prefersAlternateLinkOverSelfAndFallsBackToUpdated() {
        Item item = full("atom10-xhtml-content.xml").items().get(1);
        assertThat(item.link()).isEqualTo("https://x.example.org/2026/11/two");
        assertThat(item.published()).isNull();
        assertThat(item.updated()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(item.date()).isEqualTo(item.updated());
    }

    @Test
    void entryWithoutAuthorInheritsFeedAuthor() {
        Item item = full("atom10-xhtml-content.xml").items().get(1);
        assertThat(item.authors()).containsExactly("Feed Author");
    }

    @Test
    void headlinesModeSkipsAtomBodies() {
        for (Item item : headlines("atom10-xhtml-content.xml").items()) {
            assertThat(item.summaryHtml()).isEmpty();
            assertThat(item.contentHtml()).isEmpty();
        }
        Item item = headlines("atom10-xhtml-content.xml").items().get(0);
        assertThat(item.title()).isEqualTo("Inline XHTML title");
        assertThat(item.authors()).containsExactly("Jane Doe", "John Roe");
    }

    // ------------------------------------------------------------ xml:base

    @Test
    void resolvesFeedLinkAndLogoAgainstFeedXmlBase() {
        Feed feed = full("atom10-html-content-xml-base.xml");
        assertThat(feed.link()).isEqualTo("https://base.example.org/");
        assertThat(feed.image()).isEqualTo("https://base.example.org/images/logo.png");
    }

    @Test
    void resolvesEntryLinkAgainstNestedXmlBase() {
        Item item = full("atom10-html-content-xml-base.xml").items().get(0);
        assertThat(item.link()).isEqualTo("https://base.example.org/blog/2026/post-1.html");
        assertThat(item.enclosures()).containsExactly(
                new Enclosure("https://base.example.org/media/ep1.mp3", "audio/mpeg", 999));
    }

    @Test
    void resolvesLinkAgainstXmlBaseOnTheLinkElementItself() {
        Item item = full("atom10-html-content-xml-base.xml").items().get(1);
        assertThat(item.link()).isEqualTo("https://other.example.com/root/news/second.html");
    }

    @Test
    void xmlBaseWinsOverTheBaseGivenToParse() {
        Feed feed = parse("atom10-html-content-xml-base.xml", URI.create("https://elsewhere.example.net/feed"),
                Detail.HEADLINES);
        assertThat(feed.items().get(0).link()).isEqualTo("https://base.example.org/blog/2026/post-1.html");
    }

    @Test
    void keepsHtmlContentAndReducesHtmlTitle() {
        Item item = full("atom10-html-content-xml-base.xml").items().get(0);
        assertThat(item.title()).isEqualTo("Relative links");
        assertThat(item.contentHtml()).startsWith("<p>See <a href=").contains(">more</a>").contains("alt=\"Chart\"");
    }

    @Test
    void resolvesRelativeUrlsInsideContentAgainstXmlBase() {
        Feed feed = full("atom10-html-content-xml-base.xml");
        assertThat(feed.items().get(0).contentHtml())
                .contains("href=\"https://static.example.net/assets/more.html\"")
                .contains("src=\"https://static.example.net/assets/img/chart.png\"");
        assertThat(feed.items().get(1).summaryHtml()).contains("href=\"https://base.example.org/about\"");
    }

    @Test
    void resolvesRelativeXmlBaseAgainstTheBaseGivenToParse() throws FeedException {
        Feed feed = Fixtures.parseString("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"/blog/\">"
                + "<entry><id>1</id><link href=\"post.html\"/></entry></feed>", Detail.HEADLINES);
        assertThat(feed.items().get(0).link()).isEqualTo("post.html"); // no base at all: left relative
        feed = Feeds.parse(("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"/blog/\">"
                + "<entry><id>1</id><link href=\"post.html\"/></entry></feed>").getBytes(StandardCharsets.UTF_8),
                null, URI.create("https://site.example.org/feeds/atom.xml"), Detail.HEADLINES);
        assertThat(feed.items().get(0).link()).isEqualTo("https://site.example.org/blog/post.html");
    }

    @Test
    void usesOutOfLineContentSrcAsLinkWhenThereIsNoAlternateLink() {
        Item item = Fixtures.item(full("atom10-html-content-xml-base.xml"), "Out-of-line content");
        assertThat(item.link()).isEqualTo("https://base.example.org/media/video.html");
        assertThat(item.contentHtml()).isEmpty();
    }

    @Test
    void outOfLineContentSrcGivesTheSameLinkInHeadlinesMode() {
        Item item = Fixtures.item(headlines("atom10-html-content-xml-base.xml"), "Out-of-line content");
        assertThat(item.link()).isEqualTo("https://base.example.org/media/video.html");
    }

    // ------------------------------------------------------------ text constructs

    @Test
    void reducesHtmlFeedTitleToPlainText() {
        assertThat(full("atom10-text-title-html-title.xml").title()).isEqualTo("Bold feed & co");
    }

    @Test
    void reducesHtmlEntryTitleToPlainText() {
        Item item = full("atom10-text-title-html-title.xml").items().get(0);
        assertThat(item.title()).isEqualTo("Markets rally again");
    }

    @Test
    void keepsMarkupCharactersOfTextTitleLiterally() {
        List<Item> items = full("atom10-text-title-html-title.xml").items();
        assertThat(items.get(1).title()).isEqualTo("Why <b> tags & AT&amp;T matter");
        assertThat(items.get(2).title()).isEqualTo("Default <text> title");
    }

    @Test
    void decodesEntitiesOfHtmlTitle() {
        assertThat(full("atom10-text-title-html-title.xml").items().get(3).title()).isEqualTo("Café & bar");
    }

    // ------------------------------------------------------------ Atom 0.3

    @Test
    void readsAtom03FeedWithTaglineAndEscapedTitle() {
        Feed feed = full("atom03-escaped-content.xml");
        assertThat(feed.format()).isEqualTo(FeedFormat.ATOM_03);
        assertThat(feed.title()).isEqualTo("Old Atom feed");
        assertThat(feed.link()).isEqualTo("http://old.example.org/");
        assertThat(feed.description()).isEqualTo("Still alive");
        assertThat(feed.items()).hasSize(2);
    }

    @Test
    void readsAtom03IssuedModifiedAndEscapedContent() {
        Item item = full("atom03-escaped-content.xml").items().get(0);
        assertThat(item.id()).isEqualTo("tag:old.example.org,2026:entry");
        assertThat(item.title()).isEqualTo("Atom 0.3 entry");
        assertThat(item.link()).isEqualTo("http://old.example.org/2026/11/24/entry");
        assertThat(item.published()).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
        assertThat(item.updated()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(item.authors()).containsExactly("Old Timer");
        assertThat(item.summaryHtml()).isEqualTo("<p>Plain summary</p>");
        assertThat(item.contentHtml()).isEqualTo("<p>Escaped <strong>HTML</strong> body</p>");
    }

    @Test
    void readsAtom03InlineXmlContent() {
        Item item = full("atom03-escaped-content.xml").items().get(1);
        assertThat(item.contentHtml()).isEqualTo("<p>Inline</p>");
        assertThat(item.published()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    }

    @Test
    void headlinesModeSkipsAtom03Bodies() {
        Item item = headlines("atom03-escaped-content.xml").items().get(0);
        assertThat(item.summaryHtml()).isEmpty();
        assertThat(item.contentHtml()).isEmpty();
        assertThat(item.published()).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
    }

    @ParameterizedTest
    @EnumSource(Detail.class)
    void everyFixtureIsTerminalSafe(Detail detail) {
        for (String name : List.of("atom10-xhtml-content.xml", "atom10-html-content-xml-base.xml",
                "atom03-escaped-content.xml", "atom10-text-title-html-title.xml")) {
            Fixtures.assertTerminalSafe(parse(name, null, detail));
        }
    }
}
