package dev.tidings.feed;

import static dev.tidings.feed.Fixtures.parseString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tidings.model.Feed;
import dev.tidings.model.Item;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue #16: field caps, the link rule at the model boundary, and JSON with trailing garbage. */
class InputLimitsTest {
    private static final String JSON_HEAD = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"items\":[";

    private static Feed rss(String itemXml) throws FeedException {
        return parseString("<rss version=\"2.0\"><channel><title>T</title>" + itemXml + "</channel></rss>", Detail.FULL);
    }

    @Test
    void aGiantTitleIsCutWithAnEllipsisAtTheDocumentedLength() throws FeedException {
        String huge = "word ".repeat(2_000_000); // 10 MB
        Item i = rss("<item><title>" + huge + "</title><author>" + "n".repeat(5000)
                + "</author><category>" + "c".repeat(5000) + "</category></item>").items().get(0);
        assertThat(i.title()).hasSize(FieldCaps.MAX_LINE).endsWith("…").startsWith("word word");
        assertThat(i.authors().get(0)).hasSize(FieldCaps.MAX_LINE).endsWith("…");
        assertThat(i.categories().get(0)).hasSize(FieldCaps.MAX_LINE).endsWith("…");
    }

    @Test
    void aTitleAtTheCapIsKeptWhole() throws FeedException {
        String exact = "x".repeat(FieldCaps.MAX_LINE);
        assertThat(rss("<item><title>" + exact + "</title></item>").items().get(0).title()).isEqualTo(exact);
        assertThat(FieldCaps.line("y".repeat(FieldCaps.MAX_LINE + 1))).hasSize(FieldCaps.MAX_LINE).endsWith("y…");
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        String s = "a" + "\uD83D\uDE00".repeat(FieldCaps.MAX_LINE);
        String cut = FieldCaps.line(s);
        assertThat(cut).endsWith("…");
        assertThat(cut.chars().filter(c -> Character.isHighSurrogate((char) c)).count())
                .isEqualTo(cut.chars().filter(c -> Character.isLowSurrogate((char) c)).count());
    }

    @Test
    void feedTitlesAndCaptionsAreCutToo() throws FeedException {
        Feed f = parseString("<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>"
                + "t".repeat(50_000) + "</title><item><title>a</title><media:content url=\"https://a.org/i.jpg\""
                + " medium=\"image\"><media:description>" + "d".repeat(50_000) + "</media:description>"
                + "</media:content></item></channel></rss>", Detail.FULL);
        assertThat(f.title()).hasSize(FieldCaps.MAX_LINE).endsWith("…");
        assertThat(f.items().get(0).images()).allSatisfy(img -> assertThat(img.caption().length())
                .isLessThanOrEqualTo(FieldCaps.MAX_LINE));
        Feed json = parseString(JSON_HEAD + "{\"id\":\"1\",\"title\":\"" + "j".repeat(50_000)
                + "\",\"authors\":[{\"name\":\"" + "n".repeat(50_000) + "\"}]}]}", Detail.FULL);
        assertThat(json.items().get(0).title()).hasSize(FieldCaps.MAX_LINE);
        assertThat(json.items().get(0).authors().get(0)).hasSize(FieldCaps.MAX_LINE);
    }

    @Test
    void aGiantBodyIsCutWithANote() throws FeedException {
        String para = "<p>" + "lorem ipsum ".repeat(100) + "</p>";
        String body = para.repeat(FieldCaps.MAX_BODY / para.length() + 100); // a little over the cap
        Item i = rss("<item><title>b</title><description><![CDATA[" + body + "]]></description></item>").items().get(0);
        assertThat(i.summaryHtml().length()).isLessThan(FieldCaps.MAX_BODY + 100);
        assertThat(i.summaryHtml()).endsWith("<p>(article cut at 4 MiB)</p>");
        Item small = rss("<item><title>s</title><description>short</description></item>").items().get(0);
        assertThat(small.summaryHtml()).isEqualTo("<p>short</p>");
    }

    @Test
    void aGiantIdBecomesAHashAndAGiantLinkIsDropped() throws FeedException {
        String longUrl = "https://a.org/" + "p".repeat(FieldCaps.MAX_URL);
        Item i = rss("<item><title>l</title><guid isPermaLink=\"false\">" + "g".repeat(FieldCaps.MAX_URL + 1)
                + "</guid><link>" + longUrl + "</link></item>").items().get(0);
        assertThat(i.id()).startsWith("tidings:").hasSize("tidings:".length() + 32);
        assertThat(i.link()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hi",
        "java\tscript:alert(1)", "vbscript:x", "ftp://a.org/f"})
    void linksOfOtherSchemesNeverEnterTheModel(String link) throws FeedException {
        String x = link.replace("\t", "&#9;");
        Feed f = parseString("<rss version=\"2.0\"><channel><title>T</title><link>" + x + "</link><image><url>" + x
                + "</url></image><item><title>a</title><link>" + x + "</link><enclosure url=\"" + x
                + "\" type=\"audio/mpeg\" length=\"1\"/></item></channel></rss>", Detail.FULL);
        assertThat(f.link()).isEmpty();
        assertThat(f.image()).isEmpty();
        Item i = f.items().get(0);
        assertThat(i.link()).isEmpty();
        assertThat(i.enclosures()).isEmpty();
        Feed json = parseString(JSON_HEAD + "{\"id\":\"1\",\"url\":\"" + link.replace("\t", "\\t")
                + "\",\"image\":\"" + link.replace("\t", "\\t") + "\"}]}", Detail.FULL);
        assertThat(json.items().get(0).link()).isEmpty();
        assertThat(json.items().get(0).images()).isEmpty();
    }

    @Test
    void aFileLinkResolvedFromXmlBaseIsDropped() throws FeedException {
        Feed f = parseString("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"file:///etc/\"><title>A</title>"
                + "<entry><title>e</title><id>urn:1</id><link href=\"passwd\"/></entry></feed>", Detail.FULL);
        assertThat(f.items().get(0).link()).isEmpty();
        Feed rss = Feeds.parse(("<rss version=\"2.0\" xml:base=\"file:///etc/\"><channel><title>T</title>"
                + "<item><title>r</title><link>shadow</link></item></channel></rss>").getBytes(StandardCharsets.UTF_8),
                null, URI.create("https://a.org/feed"), Detail.FULL);
        assertThat(rss.items().get(0).link()).isEmpty();
    }

    @Test
    void webAndRelativeLinksStay() throws FeedException {
        Item i = rss("<item><title>w</title><link>https://a.org/x?y=1#z</link></item>").items().get(0);
        assertThat(i.link()).isEqualTo("https://a.org/x?y=1#z");
        assertThat(FieldCaps.link("../story.html")).isEqualTo("../story.html");
        assertThat(FieldCaps.link("HTTP://A.ORG/")).isEqualTo("HTTP://A.ORG/");
        Feed based = Feeds.parse(("<rss version=\"2.0\"><channel><title>T</title><item><title>r</title>"
                + "<link>/story</link></item></channel></rss>").getBytes(StandardCharsets.UTF_8), null,
                URI.create("https://a.org/feed"), Detail.FULL);
        assertThat(based.items().get(0).link()).isEqualTo("https://a.org/story");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"a\":1}", "x", "]", "[1]", "\"s\"", "1"})
    void aJsonFeedFollowedByTrailingGarbageIsRefused(String garbage) {
        String doc = JSON_HEAD + "{\"id\":\"1\",\"title\":\"a\"}]}" + garbage;
        assertThatThrownBy(() -> parseString(doc, Detail.FULL)).isInstanceOf(FeedException.class)
                .hasMessageStartingWith("not a valid feed: JSON error at line 1");
    }

    @Test
    void whiteSpaceAfterAJsonFeedIsFine() throws FeedException {
        assertThat(parseString(JSON_HEAD + "{\"id\":\"1\",\"title\":\"a\"}]}\n\r\n  \t", Detail.FULL).items()).hasSize(1);
    }
}
