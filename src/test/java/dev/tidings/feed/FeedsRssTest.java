package dev.tidings.feed;

import static dev.tidings.feed.Fixtures.full;
import static dev.tidings.feed.Fixtures.headlines;
import static dev.tidings.feed.Fixtures.item;
import static dev.tidings.feed.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tidings.model.Enclosure;
import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Image;
import dev.tidings.model.Item;
import dev.tidings.text.Urls;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RSS 0.91, 0.92, 1.0 (RDF) and 2.0 through {@link Feeds#parse}. */
class FeedsRssTest {

    // ------------------------------------------------------------ RSS 2.0 basics

    @Test
    void readsChannelTitleLinkDescriptionAndImage() {
        Feed feed = full("rss20-content-encoded.xml");
        assertThat(feed.format()).isEqualTo(FeedFormat.RSS_20);
        assertThat(feed.title()).isEqualTo("Example News");
        assertThat(feed.link()).isEqualTo("https://news.example.org/");
        assertThat(feed.description()).isEqualTo("All the news that fits");
        assertThat(feed.image()).isEqualTo("https://news.example.org/logo.png");
        assertThat(feed.items()).hasSize(2);
    }

    @Test
    void readsItemIdTitleLinkDateAuthorsAndCategories() {
        Item item = full("rss20-content-encoded.xml").items().get(0);
        assertThat(item.id()).isEqualTo("https://news.example.org/2026/11/budget");
        assertThat(item.title()).isEqualTo("Council approves budget");
        assertThat(item.link()).isEqualTo("https://news.example.org/2026/11/budget");
        assertThat(item.published()).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
        assertThat(item.updated()).isNull();
        assertThat(item.authors()).containsExactly("Jane Doe");
        assertThat(item.categories()).containsExactly("Politics", "Local");
    }

    @Test
    void convertsNumericOffsetOfPubDateToUtc() {
        Item item = full("rss20-content-encoded.xml").items().get(1);
        assertThat(item.published()).isEqualTo(Instant.parse("2026-11-25T23:05:10Z"));
        assertThat(item.id()).isEqualTo("tag:news.example.org,2026:second");
    }

    @Test
    void keepsDescriptionAsSummaryAndContentEncodedAsContent() {
        Item item = full("rss20-content-encoded.xml").items().get(0);
        assertThat(item.summaryHtml()).isEqualTo("<p>The council voted 7-2.</p>");
        assertThat(item.contentHtml()).isEqualTo("<p>The council <b>approved</b> the budget.</p>"
                + "<p><img src=\"https://news.example.org/img/hall.jpg\" alt=\"City hall\"></p>");
        assertThat(item.bodyHtml()).isEqualTo(item.contentHtml());
    }

    @Test
    void wrapsPlainTextDescriptionInParagraph() {
        Item item = full("rss20-content-encoded.xml").items().get(1);
        assertThat(item.summaryHtml()).isEqualTo("<p>Short summary only.</p>");
        assertThat(item.contentHtml()).isEmpty();
        assertThat(item.bodyHtml()).isEqualTo(item.summaryHtml());
    }

    @Test
    void headlinesModeLeavesBodiesEmptyButKeepsTheRest() {
        Feed full = full("rss20-content-encoded.xml");
        Feed headlines = headlines("rss20-content-encoded.xml");
        for (Item item : headlines.items()) {
            assertThat(item.summaryHtml()).isEmpty();
            assertThat(item.contentHtml()).isEmpty();
        }
        Item h = headlines.items().get(0);
        Item f = full.items().get(0);
        assertThat(h.id()).isEqualTo(f.id());
        assertThat(h.title()).isEqualTo(f.title());
        assertThat(h.link()).isEqualTo(f.link());
        assertThat(h.published()).isEqualTo(f.published());
        assertThat(h.authors()).isEqualTo(f.authors());
        assertThat(h.categories()).isEqualTo(f.categories());
        assertThat(h.enclosures()).isEqualTo(f.enclosures());
        assertThat(headlines.title()).isEqualTo(full.title());
    }

    @Test
    void readsEnclosureWithTypeAndLength() {
        Item item = full("rss20-content-encoded.xml").items().get(0);
        assertThat(item.enclosures()).containsExactly(
                new Enclosure("https://news.example.org/audio/budget.mp3", "audio/mpeg", 1234567));
        assertThat(item.images()).isEmpty();
    }

    // ------------------------------------------------------------ media RSS

    @Test
    void extractsCaptionAndCreditFromMediaContent() {
        Item item = item(full("rss20-media-content-credit.xml"), "Storm over the bay");
        assertThat(item.images()).containsExactly(new Image("https://cdn.example.org/storm-large.jpg",
                "Lightning over the bay at dusk.", "Ana Lima / Reuters"));
    }

    @Test
    void mediaContentVideoIsAnEnclosureNotAPicture() {
        Item item = item(full("rss20-media-content-credit.xml"), "Storm over the bay");
        assertThat(item.images()).extracting(Image::url).doesNotContain("https://cdn.example.org/storm.mp4");
        assertThat(item.enclosures()).extracting(Enclosure::url).containsExactly("https://cdn.example.org/storm.mp4");
    }

    @Test
    void appliesMediaGroupDescriptionAndCreditToFirstRendition() {
        Item item = item(full("rss20-media-content-credit.xml"), "Group of renditions");
        assertThat(item.images()).extracting(Image::url).containsExactly(
                "https://cdn.example.org/group-small.jpg", "https://cdn.example.org/group-large.jpg");
        assertThat(item.images().get(0).caption()).isEqualTo("Two renditions of one picture.");
        assertThat(item.images().get(0).credit()).isEqualTo("AFP");
    }

    @Test
    void readsMediaThumbnailWithItemLevelCaptionAsPlainTextAndCredit() {
        Item item = item(full("rss20-media-content-credit.xml"), "Thumbnail and loose credit");
        assertThat(item.images()).containsExactly(
                new Image("https://cdn.example.org/thumb.png", "A thumbnail caption", "Staff"));
    }

    @Test
    void resolvesRelativeMediaUrlAgainstBaseAndFallsBackToMediaTitle() {
        Feed feed = parse("rss20-media-content-credit.xml", URI.create("https://photos.example.org/feeds/rss.xml"),
                Detail.FULL);
        Item item = item(feed, "Relative media with a title only");
        assertThat(item.images()).containsExactly(
                new Image("https://photos.example.org/img/relative.webp?w=640", "Only a title", ""));
    }

    @Test
    void aThumbnailBeforeMediaContentDoesNotHideTheCaptionedImage() { // issue #11
        Item item = item(full("rss20-media-thumbnail-before-content.xml"), "Thumbnail first");
        assertThat(item.images()).containsExactly(new Image("https://cdn.example.org/dam.jpg",
                "Water spills over the dam after a week of rain.", "Ivo Marek, CTK"));
    }

    @Test
    void aMediaGroupPutsItsDefaultRenditionFirstWithTheGroupCaptionAndCredit() { // issue #11
        Item item = item(full("rss20-media-thumbnail-before-content.xml"), "Group with a default rendition");
        assertThat(item.images()).containsExactly(
                new Image("https://cdn.example.org/bridge-1600.jpg", "The old bridge reopens to traffic.", "City archive"),
                new Image("https://cdn.example.org/bridge-640.jpg", "The old bridge reopens to traffic.", "City archive"));
    }

    @Test
    void treatsImageEnclosureAsBothEnclosureAndImage() {
        Item item = item(full("rss20-media-content-credit.xml"), "Image enclosure");
        assertThat(item.enclosures()).containsExactly(
                new Enclosure("https://cdn.example.org/enclosed.jpg", "image/jpeg", 2048));
        assertThat(item.images()).extracting(Image::url).containsExactly("https://cdn.example.org/enclosed.jpg");
    }

    // ------------------------------------------------------------ RSS 0.91 / 0.92

    @Test
    void resolvesHtmlEntitiesUnderNetscapeDoctypeWithoutFetchingTheDtd() {
        Feed feed = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> full("rss091-netscape-doctype-nbsp.xml"));
        assertThat(feed.format()).isEqualTo(FeedFormat.RSS_09X);
        assertThat(nbspAsSpace(feed.title())).isEqualTo("Café Society");
        assertThat(feed.description()).isEqualTo("News — and gossip");
        assertThat(feed.image()).isEqualTo("http://cafe.example.com/logo.gif");
        Item item = feed.items().get(0);
        assertThat(nbspAsSpace(item.title())).isEqualTo("Crème brûlée returns — finally");
        assertThat(item.id()).isEqualTo("http://cafe.example.com/creme");
        assertThat(item.summaryHtml()).isEqualTo("<p>The dessert is back &amp; better…</p>");
    }

    @Test
    void foldsNbspEntityToAPlainSpaceInTitles() {
        Feed feed = full("rss091-netscape-doctype-nbsp.xml");
        assertThat(feed.title()).isEqualTo("Café Society");
        assertThat(feed.items().get(0).title()).isEqualTo("Crème brûlée returns — finally");
    }

    private static String nbspAsSpace(String s) {
        return s.replace('\u00a0', ' ');
    }

    @Test
    void readsRss092EnclosuresAndItemsWithoutTitle() {
        Feed feed = parse("rss092-enclosure.xml", URI.create("http://pod.example.com/feed.rss"), Detail.FULL);
        assertThat(feed.format()).isEqualTo(FeedFormat.RSS_09X);
        assertThat(feed.items()).hasSize(2);
        Item first = feed.items().get(0);
        assertThat(first.title()).isEqualTo("Episode 1");
        assertThat(first.enclosures()).containsExactly(
                new Enclosure("http://pod.example.com/ep1.mp3", "audio/mpeg", 12216320));
        Item second = feed.items().get(1);
        assertThat(second.title()).isEmpty();
        assertThat(second.summaryHtml()).contains("only a description");
        assertThat(second.enclosures()).containsExactly(
                new Enclosure("http://pod.example.com/ep2.ogg", "audio/ogg", -1));
        assertThat(first.id()).startsWith("tidings:").isNotEqualTo(second.id());
        assertThat(second.id()).startsWith("tidings:");
    }

    // ------------------------------------------------------------ RSS 1.0

    @Test
    void readsRss10ChannelAndTopLevelImage() {
        Feed feed = full("rss10-rdf.xml");
        assertThat(feed.format()).isEqualTo(FeedFormat.RSS_10);
        assertThat(feed.title()).isEqualTo("RDF Site");
        assertThat(feed.link()).isEqualTo("https://rdf.example.org/");
        assertThat(feed.description()).isEqualTo("An RSS 1.0 feed");
        assertThat(feed.image()).isEqualTo("https://rdf.example.org/logo.png");
        assertThat(feed.items()).hasSize(2);
    }

    @Test
    void readsRss10ItemsWithRdfAboutDublinCoreAndContentEncoded() {
        Feed feed = full("rss10-rdf.xml");
        Item a = feed.items().get(0);
        assertThat(a.id()).isEqualTo("https://rdf.example.org/a");
        assertThat(a.title()).isEqualTo("First RDF item");
        assertThat(a.link()).isEqualTo("https://rdf.example.org/a");
        assertThat(a.published()).isEqualTo(Instant.parse("2026-11-24T08:30:00Z"));
        assertThat(a.authors()).containsExactly("Ada Lovelace");
        assertThat(a.categories()).containsExactly("Science");
        assertThat(a.summaryHtml()).isEqualTo("<p>Summary A</p>");
        assertThat(a.contentHtml()).isEqualTo("<p>Full <em>body</em> A</p>");

        Item b = feed.items().get(1);
        assertThat(b.id()).isEqualTo("urn:uuid:0b1c2d3e-b");
        assertThat(b.link()).isEqualTo("https://rdf.example.org/b");
        assertThat(b.published()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(b.authors()).containsExactly("Charles Babbage", "Ada Lovelace");
        assertThat(b.summaryHtml()).isEmpty();
    }

    @Test
    void headlinesModeSkipsRss10Bodies() {
        Item a = headlines("rss10-rdf.xml").items().get(0);
        assertThat(a.summaryHtml()).isEmpty();
        assertThat(a.contentHtml()).isEmpty();
        assertThat(a.authors()).containsExactly("Ada Lovelace");
    }

    // ------------------------------------------------------------ ids

    @Test
    void givesItemsWithoutGuidOrLinkAStableHashId() {
        Feed feed = full("rss20-no-guid-no-link.xml");
        List<String> ids = feed.items().stream().map(Item::id).toList();
        assertThat(ids.subList(0, 3)).allSatisfy(id -> assertThat(id).matches("tidings:[0-9a-f]{16}"));
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids.get(3)).isEqualTo("https://noid.example.org/with-link");
        assertThat(feed.items().get(0).link()).isEmpty();
    }

    @Test
    void hashIdIsTheSameInHeadlinesAndFullParses() {
        List<String> full = full("rss20-no-guid-no-link.xml").items().stream().map(Item::id).toList();
        List<String> headlines = headlines("rss20-no-guid-no-link.xml").items().stream().map(Item::id).toList();
        List<String> again = full("rss20-no-guid-no-link.xml").items().stream().map(Item::id).toList();
        assertThat(headlines).isEqualTo(full);
        assertThat(again).isEqualTo(full);
    }

    @Test
    void usesPermalinkGuidAsIdAndAsLinkWhenThereIsNoLink() {
        Feed feed = parse("rss20-guid-permalink.xml", URI.create("https://guid.example.org/feeds/rss.xml"),
                Detail.HEADLINES);
        Item one = item(feed, "Permalink guid only");
        assertThat(one.id()).isEqualTo("https://guid.example.org/p/1");
        assertThat(one.link()).isEqualTo("https://guid.example.org/p/1");
        Item two = item(feed, "Default permalink, relative");
        assertThat(two.link()).isEqualTo("https://guid.example.org/p/2");
    }

    @Test
    void guidIdDoesNotDependOnTheFeedUrl() {
        Feed a = parse("rss20-guid-permalink.xml", URI.create("http://guid.example.org/rss"), Detail.HEADLINES);
        Feed b = parse("rss20-guid-permalink.xml", URI.create("https://www.guid.example.org/rss"), Detail.HEADLINES);
        assertThat(b.items()).extracting(Item::id).isEqualTo(a.items().stream().map(Item::id).toList());
    }

    @Test
    void neverUsesNonPermalinkGuidAsLink() {
        Feed feed = parse("rss20-guid-permalink.xml", URI.create("https://guid.example.org/feeds/rss.xml"),
                Detail.HEADLINES);
        Item urn = item(feed, "Not a permalink");
        assertThat(urn.id()).isEqualTo("urn:uuid:1234");
        assertThat(urn.link()).isEmpty();
        Item url = item(feed, "Not a permalink but a URL");
        assertThat(url.id()).isEqualTo("https://guid.example.org/p/4");
        assertThat(url.link()).isEmpty();
    }

    @Test
    void prefersLinkOverGuidForTheLinkAndKeepsGuidAsId() {
        Feed feed = parse("rss20-guid-permalink.xml", URI.create("https://guid.example.org/feeds/rss.xml"),
                Detail.HEADLINES);
        Item item = item(feed, "Guid and link differ");
        assertThat(item.id()).isEqualTo("https://guid.example.org/?p=5");
        assertThat(item.link()).isEqualTo("https://guid.example.org/story/5");
    }

    @Test
    void resolvesRelativeLinksAgainstTheBaseGivenToParse() {
        Feed feed = parse("rss20-guid-permalink.xml", URI.create("https://guid.example.org/feeds/rss.xml"),
                Detail.HEADLINES);
        assertThat(feed.link()).isEqualTo("https://guid.example.org/");
        Item item = item(feed, "Relative link");
        assertThat(item.link()).isEqualTo("https://guid.example.org/feeds/story/6");
        assertThat(item.id()).isEqualTo("6");
    }

    @Test
    void leavesRelativeLinksAsTheyAreWithoutABase() {
        Feed feed = headlines("rss20-guid-permalink.xml");
        assertThat(item(feed, "Relative link").link()).isEqualTo("story/6");
        assertThat(item(feed, "Default permalink, relative").link()).isEmpty();
    }

    @Test
    void ignoresStylesheetProcessingInstructionsAndComments() {
        Feed feed = full("rss20-stylesheet-and-comments.xml");
        assertThat(feed.title()).isEqualTo("Styled feed");
        assertThat(feed.items()).extracting(Item::title).containsExactly("Item one");
    }

    @Test
    void readsRss20InUserlandNamespace() {
        Feed feed = full("rss20-userland-namespace.xml");
        assertThat(feed.title()).isEqualTo("UserLand namespace");
        assertThat(feed.items()).extracting(Item::title).containsExactly("Namespaced item");
    }

    // ------------------------------------------------------------ dates

    @Test
    void parsesEveryPubDateVariantToTheInstantInItsTitle() {
        Feed feed = headlines("rss20-dates-variants.xml");
        assertThat(feed.items()).hasSizeGreaterThan(15);
        for (Item item : feed.items()) {
            assertThat(String.valueOf(item.published()))
                    .as("pubDate of %s", item.id())
                    .isEqualTo(item.title());
        }
    }

    // ------------------------------------------------------------ character sets

    @Test
    void decodesLatin1DeclaredInXmlDeclaration() {
        Feed feed = full("rss20-iso-8859-1.xml");
        assertThat(feed.title()).isEqualTo("Café Français");
        assertThat(feed.description()).isEqualTo("Naïve résumé © 2026");
        assertThat(feed.items().get(0).summaryHtml()).isEqualTo("<p>À bientôt</p>");
    }

    @Test
    void decodesIso88591AsWindows1252SoSmartQuotesSurvive() {
        Item item = full("rss20-iso-8859-1.xml").items().get(0);
        assertThat(item.title()).isEqualTo("\u201cQuoted\u201d été");
    }

    @Test
    void prefersXmlDeclarationOverContentTypeCharset() throws FeedException {
        Feed feed = Feeds.parse(Fixtures.bytes("rss20-iso-8859-1.xml"), "application/rss+xml; charset=utf-8",
                null, Detail.HEADLINES);
        assertThat(feed.title()).isEqualTo("Café Français");
    }

    @Test
    void usesContentTypeCharsetWhenXmlDeclarationHasNone() throws FeedException {
        byte[] doc = ("<rss version=\"2.0\"><channel><title>Caf\u00e9</title></channel></rss>")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(Feeds.parse(doc, "text/xml; charset=ISO-8859-1", null, Detail.HEADLINES).title())
                .isEqualTo("Café");
        assertThat(Feeds.parse(doc, null, null, Detail.HEADLINES).title())
                .isEqualTo("Caf\uFFFD");
    }

    @Test
    void skipsUtf8ByteOrderMark() {
        Feed feed = full("rss20-utf8-bom.xml");
        assertThat(feed.title()).isEqualTo("Zürich – 東京 \uD83D\uDE80");
        assertThat(feed.items().get(0).title()).isEqualTo("Été à Zürich");
    }

    @Test
    void readsUtf16WithByteOrderMark() {
        Feed feed = full("rss20-utf16le-bom.xml");
        assertThat(feed.title()).isEqualTo("Zürich – 東京 \uD83D\uDE80");
        assertThat(feed.items().get(0).title()).isEqualTo("Été à Zürich");
    }

    @Test
    void replacesMalformedUtf8WithReplacementCharacter() {
        Feed feed = full("rss20-invalid-utf8.xml");
        Item item = feed.items().get(0);
        assertThat(item.title()).isEqualTo("Bad \uFFFD\uFFFD\uFFFD bytes");
        assertThat(item.summaryHtml()).contains("Caf\uFFFD").contains("\uFFFD");
        assertThat(item.link()).isEqualTo("https://bad.example.org/1");
    }

    @Test
    void toleratesBlankLinesBeforeXmlDeclaration() {
        Feed feed = full("rss20-leading-whitespace-before-xml-declaration.xml");
        assertThat(feed.title()).isEqualTo("Leading blank lines");
        assertThat(feed.items()).extracting(Item::title).containsExactly("Still readable");
    }

    // ------------------------------------------------------------ text forms

    @Test
    void escapesPlainTextCdataDescriptionIntoParagraphs() {
        Item item = item(full("rss20-cdata-description-plain-text.xml"), "Plain text description");
        assertThat(item.summaryHtml()).isEqualTo(
                "<p>Prices: a &lt; b and 3 &gt; 2, Tom &amp; Jerry.<br>Next line.</p><p>Second paragraph.</p>");
    }

    @Test
    void keepsHtmlCdataDescriptionAsHtml() {
        Item item = item(full("rss20-cdata-description-plain-text.xml"), "HTML description");
        assertThat(item.summaryHtml()).isEqualTo("<p>Real <a href=\"https://cdata.example.org/x\">HTML</a></p>");
    }

    @Test
    void reducesCdataHtmlTitleToPlainTextAndJoinsSplitCdataSections() {
        Item item = full("rss20-cdata-description-plain-text.xml").items().get(2);
        assertThat(item.title()).isEqualTo("Bold & title");
        assertThat(item.contentHtml()).isEqualTo("<p>part one and part two, with ]]> inside</p>");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void keepsTheNameOfAnRssAuthorEmail(int index) {
        Item item = full("rss20-author-email-name.xml").items().get(index);
        assertThat(item.authors()).containsExactly("Jane Doe");
    }

    @Test
    void keepsABareEmailAuthorAsIs() {
        assertThat(item(full("rss20-author-email-name.xml"), "Email only").authors())
                .containsExactly("jane@example.org");
    }

    @Test
    void foldsWhitespaceInAuthorName() {
        assertThat(item(full("rss20-author-email-name.xml"), "Messy spacing").authors())
                .containsExactly("Bob Smith");
    }

    @Test
    void deduplicatesAuthorAndDublinCoreCreators() {
        assertThat(item(full("rss20-author-email-name.xml"), "Author plus creators, deduplicated").authors())
                .containsExactly("Alice", "Bob");
    }

    @Test
    void foldsMessyWhitespaceInTitlesLinksAndAttributes() {
        Feed feed = full("rss20-mixed-case-and-whitespace.xml");
        assertThat(feed.title()).isEqualTo("Messy Feed");
        assertThat(feed.link()).isEqualTo("https://Messy.Example.org/");
        assertThat(feed.description()).isEqualTo("spaced out");
        Item item = feed.items().get(0);
        assertThat(item.title()).isEqualTo("Breaking: tabs and newlines");
        assertThat(item.link()).isEqualTo("HTTPS://Messy.Example.org/Story?id=1&x=Y");
        assertThat(Urls.isWeb(item.link())).isTrue();
        assertThat(item.id()).isEqualTo("ID-1");
        assertThat(item.categories()).containsExactly("Mixed Case");
        assertThat(item.enclosures()).containsExactly(
                new Enclosure("https://messy.example.org/a.mp3", "Audio/MPEG", 42));
    }

    @ParameterizedTest
    @EnumSource(Detail.class)
    void everyFixtureIsTerminalSafe(Detail detail) {
        for (String name : List.of("rss20-content-encoded.xml", "rss20-media-content-credit.xml",
                "rss091-netscape-doctype-nbsp.xml", "rss092-enclosure.xml", "rss10-rdf.xml",
                "rss20-invalid-utf8.xml", "rss20-iso-8859-1.xml", "rss20-mixed-case-and-whitespace.xml",
                "rss20-cdata-description-plain-text.xml", "rss20-author-email-name.xml")) {
            Fixtures.assertTerminalSafe(parse(name, URI.create("https://feeds.example.org/"), detail));
        }
    }
}
