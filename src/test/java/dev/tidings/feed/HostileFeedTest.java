package dev.tidings.feed;

import static dev.tidings.feed.Fixtures.parse;
import static dev.tidings.feed.Fixtures.parseString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tidings.model.Feed;
import dev.tidings.model.Item;
import dev.tidings.text.Urls;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Feeds written to hurt: entity attacks, DTD fetches, deep nesting, huge values, terminal escapes, bad links. */
class HostileFeedTest {

    private static final Duration QUICK = Duration.ofSeconds(2);
    private static final Duration NO_HANG = Duration.ofSeconds(10);

    // ------------------------------------------------------------ entities and DTDs

    @ParameterizedTest
    @ValueSource(strings = {"hostile-xxe-file-entity.xml", "hostile-xxe-atom.xml"})
    void refusesEntityDeclarations(String fixture) {
        FeedException e = refused(fixture, Detail.FULL);
        assertThat(e.getMessage()).containsIgnoringCase("entit");
        assertThat(e.getMessage()).doesNotContain("root:").doesNotContain("/bin/");
    }

    @Test
    void neverPutsLocalFileContentsIntoAFeed() {
        for (Detail detail : Detail.values()) {
            try {
                Feed feed = Feeds.parse(Fixtures.bytes("hostile-xxe-file-entity.xml"), null, null, detail);
                assertThat(feed.items()).allSatisfy(i -> assertThat(i.title()).doesNotContain("root:"));
            } catch (FeedException e) {
                assertThat(e.getMessage()).doesNotContain("root:");
            }
        }
    }

    /** Defence in depth: even without the DOCTYPE check, the configured factory expands and fetches nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"hostile-xxe-file-entity.xml", "hostile-billion-laughs.xml"})
    void configuredFactoryAloneNeverExpandsDeclaredEntities(String fixture) throws Exception {
        assertTimeoutPreemptively(QUICK, () -> {
            XMLStreamReader r = XmlFeedParser.newFactory()
                    .createXMLStreamReader(new StringReader(Fixtures.text(fixture)));
            long chars = 0;
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.CHARACTERS) {
                        assertThat(r.getText()).doesNotContain("root:");
                        chars += r.getTextLength();
                    }
                }
            } catch (XMLStreamException e) {
                assertThat(e.getMessage()).doesNotContain("root:"); // refusing is fine too
            } finally {
                r.close();
            }
            assertThat(chars).isLessThan(10_000);
        });
    }

    @Test
    void refusesBillionLaughsQuickly() {
        FeedException e = assertTimeoutPreemptively(QUICK, () -> refused("hostile-billion-laughs.xml", Detail.FULL));
        assertThat(e.getMessage()).containsIgnoringCase("entit");
    }

    @Test
    void refusesQuadraticBlowupQuickly() {
        String big = "x".repeat(50_000);
        String doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"" + big + "\">]><rss version=\"2.0\">"
                + "<channel><title>" + "&a;".repeat(20_000) + "</title></channel></rss>";
        FeedException e = assertTimeoutPreemptively(QUICK,
                () -> catchThrowableOfType(FeedException.class, () -> parseString(doc, Detail.FULL)));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).containsIgnoringCase("entit");
    }

    @Test
    void refusesParameterEntityWithoutFetchingIt() throws IOException {
        try (RecordingPort port = new RecordingPort()) {
            byte[] doc = port.into("hostile-parameter-entity.xml");
            FeedException e = assertTimeoutPreemptively(NO_HANG, () -> catchThrowableOfType(FeedException.class,
                    () -> Feeds.parse(doc, null, null, Detail.FULL)));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).containsIgnoringCase("entit");
            Fixtures.assertOneLine(e);
            assertThat(port.connections()).as("connections to the DTD's port").isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hostile-external-dtd-system.xml", "hostile-external-dtd-public.xml"})
    void neverFetchesAnExternalDtd(String fixture) throws IOException {
        try (RecordingPort port = new RecordingPort()) {
            byte[] doc = port.into(fixture);
            for (Detail detail : Detail.values()) {
                assertTimeoutPreemptively(NO_HANG, () -> {
                    try {
                        Feed feed = Feeds.parse(doc, null, null, detail);
                        assertThat(feed.items()).hasSize(1); // tolerated: read without its DTD
                    } catch (FeedException e) {
                        Fixtures.assertOneLine(e); // or refused: either is fine, fetching is not
                    }
                });
            }
            assertThat(port.connections()).as("connections to the DTD's port").isZero();
        }
    }

    @Test
    void toleratesExternalDtdAndStillResolvesHtmlEntities() throws IOException, FeedException {
        try (RecordingPort port = new RecordingPort()) {
            Feed feed = Feeds.parse(port.into("hostile-external-dtd-system.xml"), null, null, Detail.HEADLINES);
            assertThat(feed.items().get(0).title().replace('\u00a0', ' ')).isEqualTo("Harmless title");
            assertThat(port.connections()).isZero();
        }
    }

    // ------------------------------------------------------------ nesting and size limits

    @ParameterizedTest
    @EnumSource(Detail.class)
    void refusesDeepElementNestingInRssItem(Detail detail) {
        String doc = "<rss version=\"2.0\"><channel><title>deep</title><item><title>x</title>"
                + "<a>".repeat(100_000) + "</a>".repeat(100_000) + "</item></channel></rss>";
        assertRefusedForNesting(doc, detail);
    }

    @Test
    void refusesDeepElementNestingInsideDescription() {
        String doc = "<rss version=\"2.0\"><channel><item><description>"
                + "<div>".repeat(100_000) + "</div>".repeat(100_000) + "</description></item></channel></rss>";
        assertRefusedForNesting(doc, Detail.FULL);
    }

    @Test
    void refusesDeepElementNestingInsideAtomXhtmlContent() {
        String doc = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id><content type=\"xhtml\">"
                + "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + "<b>".repeat(100_000) + "</b>".repeat(100_000)
                + "</div></content></entry></feed>";
        assertRefusedForNesting(doc, Detail.FULL);
    }

    @Test
    void acceptsNestingJustBelowTheLimit() throws FeedException {
        int extra = XmlFeedParser.MAX_DEPTH - 3; // rss, channel, item
        String doc = "<rss version=\"2.0\"><channel><item><title>ok</title>"
                + "<a>".repeat(extra) + "</a>".repeat(extra) + "</item></channel></rss>";
        assertThat(parseString(doc, Detail.FULL).items()).extracting(Item::title).containsExactly("ok");
    }

    private static void assertRefusedForNesting(String doc, Detail detail) {
        Throwable t = assertTimeoutPreemptively(NO_HANG, () -> org.assertj.core.api.Assertions.catchThrowable(
                () -> parseString(doc, detail)));
        assertThat(t).isInstanceOf(FeedException.class); // not StackOverflowError, not OutOfMemoryError
        assertThat(t.getMessage()).containsIgnoringCase("nest");
        Fixtures.assertOneLine((FeedException) t);
    }

    @ParameterizedTest
    @EnumSource(Detail.class)
    void refusesDeepJsonArrayNestingInAnItem(Detail detail) {
        String doc = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"1\",\"_x\":"
                + "[".repeat(100_000) + "]".repeat(100_000) + "}]}";
        Throwable t = assertTimeoutPreemptively(NO_HANG, () -> org.assertj.core.api.Assertions.catchThrowable(
                () -> parseString(doc, detail)));
        assertThat(t).isInstanceOf(FeedException.class);
        assertThat(t.getMessage()).containsIgnoringCase("limit").containsIgnoringCase("nesting");
        Fixtures.assertOneLine((FeedException) t);
    }

    @ParameterizedTest
    @CsvSource({"content_html, FULL", "title, HEADLINES", "title, FULL"})
    void refusesJsonStringOverSixteenMebibytes(String member, Detail detail) {
        String doc = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"1\",\"" + member
                + "\":\"" + "a".repeat(17 * 1024 * 1024) + "\"}]}";
        FeedException e = assertTimeoutPreemptively(NO_HANG,
                () -> catchThrowableOfType(FeedException.class, () -> parseString(doc, detail)));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).containsIgnoringCase("limit");
        Fixtures.assertOneLine(e);
    }

    // ------------------------------------------------------------ terminal escapes

    @ParameterizedTest
    @EnumSource(Detail.class)
    void stripsRawEscapeSequencesFromRss(Detail detail) {
        Feed feed = parse("hostile-escape-sequences-raw.xml", null, detail);
        Fixtures.assertTerminalSafe(feed);
        assertThat(feed.title()).isEqualTo("Evil feed");
        assertThat(feed.link()).isEqualTo("https://evil.example/");
        assertThat(feed.description()).isEqualTo("Raw escapes in every field");
        assertThat(feed.image()).isEqualTo("https://evil.example/logo.png");
        assertThat(feed.items()).hasSize(10).allSatisfy(item -> {
            assertThat(item.title()).isEqualTo("Breaking news");
            assertThat(item.link()).matches("https://evil\\.example/\\d");
            assertThat(item.authors()).containsExactly("Mallory");
            assertThat(item.categories()).containsExactly("Cat");
            assertThat(item.enclosures().get(0).type()).isEqualTo("audio/mpeg");
            if (detail == Detail.FULL) { // headlines skip media:content: images are for the article view
                assertThat(item.images().get(0).caption()).isEqualTo("Caption");
                assertThat(item.images().get(0).credit()).isEqualTo("Credit");
            }
        });
        if (detail == Detail.FULL) {
            Item first = feed.items().get(0);
            assertThat(first.summaryHtml()).contains("Red").contains("text");
            assertThat(first.contentHtml()).contains("Link").contains("body");
        }
    }

    @ParameterizedTest
    @EnumSource(Detail.class)
    void stripsEscapesWrittenAsXml11CharacterReferences(Detail detail) {
        Feed feed = parse("hostile-escape-sequences-xml11.xml", null, detail);
        Fixtures.assertTerminalSafe(feed);
        assertThat(feed.title()).isEqualTo("Evil feed");
        assertThat(feed.description()).isEqualTo("Escapes as XML 1.1 character references");
        assertThat(feed.items()).hasSize(12)
                .allSatisfy(item -> assertThat(item.title()).isEqualTo("Breaking news"));
        if (detail == Detail.FULL) {
            assertThat(feed.items().get(0).summaryHtml()).contains("Red").contains("text");
            assertThat(feed.items().get(0).contentHtml()).contains("Body");
        }
    }

    @ParameterizedTest
    @EnumSource(Detail.class)
    void stripsEscapesFromJsonFeed(Detail detail) {
        Feed feed = parse("hostile-escape-sequences.json", null, detail);
        Fixtures.assertTerminalSafe(feed);
        assertThat(feed.title()).isEqualTo("Evil feed");
        assertThat(feed.link()).isEqualTo("https://evil.example/");
        assertThat(feed.description()).startsWith("JSON escapes in every field");
        assertThat(feed.image()).isEqualTo("https://evil.example/icon.png");
        assertThat(feed.items()).hasSize(13).allSatisfy(item -> {
            // JSON Feed titles are plain text: "&#27;[31m" stays visible text, never an escape
            assertThat(item.title()).endsWith("Breaking news" + (item.id().startsWith("id-12") ? "&#x1b;[0m" : ""));
            assertThat(item.authors()).containsExactly("Mallory");
            assertThat(item.categories()).containsExactly("Cat", "Tag");
            assertThat(item.enclosures().get(0).type()).isEqualTo("audio/mpeg");
            assertThat(item.images().get(0).url()).isEqualTo("https://evil.example/p.jpg");
        });
        if (detail == Detail.FULL) {
            Item first = feed.items().get(0);
            assertThat(first.summaryHtml()).contains("Red").contains("text");
            assertThat(first.contentHtml()).contains("Link").contains("body").contains("\uFFFD");
        }
    }

    @Test
    void doubleEscapedEscapeNeverBecomesARawEscapeInParserOutput() {
        Feed feed = parse("hostile-double-escaped-esc.xml", null, Detail.FULL);
        Fixtures.assertTerminalSafe(feed);
        assertThat(feed.title()).isEqualTo("Double escaped");
        Item first = feed.items().get(0);
        assertThat(first.title()).isEqualTo("Double escaped title");
        assertThat(first.contentHtml()).doesNotContain("\u001b").contains("red");
        assertThat(first.summaryHtml()).doesNotContain("\u001b").doesNotContain("\u0007");
        Item cdata = feed.items().get(1);
        assertThat(cdata.contentHtml()).doesNotContain("\u001b").doesNotContain("\u009b").contains("red");
    }

    @Test
    void dropsXml10ControlCharacterReference() {
        String doc = "<rss version=\"2.0\"><channel><item><title>&#x1B;[31mBreaking news</title>"
                + "<guid>1</guid></item></channel></rss>";
        try {
            Feed feed = parseString(doc, Detail.FULL);
            Fixtures.assertTerminalSafe(feed);
            assertThat(feed.items().get(0).title()).isEqualTo("Breaking news");
        } catch (FeedException e) {
            Fixtures.assertOneLine(e); // XML 1.0 forbids &#x1B;: refusing the feed is acceptable
        }
    }

    // ------------------------------------------------------------ links that are not web links

    @Test
    void dropsJavascriptAndFileLinksWhereTheyEnterTheModel() { // issue #16: they used to be kept as data
        Feed feed = parse("hostile-link-schemes.xml", URI.create("https://feeds.example.org/rss"), Detail.FULL);
        Fixtures.assertTerminalSafe(feed);
        assertThat(feed.link()).isEmpty();
        assertThat(Fixtures.item(feed, "JavaScript link").link()).isEmpty();
        assertThat(Fixtures.item(feed, "File link").link()).isEmpty();
        for (String title : new String[] {"JavaScript link", "File link", "Data link", "Mixed-case JavaScript link",
                "Tab inside the scheme"}) {
            assertThat(Urls.isWeb(Fixtures.item(feed, title).link())).as(title).isFalse();
        }
        assertThat(Urls.isWeb(Fixtures.item(feed, "Web link").link())).isTrue();
    }

    @Test
    void neverPromotesANonWebPermalinkGuidToTheItemLink() {
        Feed feed = parse("hostile-link-schemes.xml", null, Detail.HEADLINES);
        Item item = Fixtures.item(feed, "File guid only");
        assertThat(item.id()).isEqualTo("file:///etc/shadow");
        assertThat(item.link()).isEmpty();
    }

    // ------------------------------------------------------------ not a feed

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            empty.xml                        | empty
            whitespace-only.xml              | whitespace
            not-xml.txt                      | neither
            html-page.html                   | HTML page
            not-a-feed-xml-root-html.xml     | <html>
            not-a-feed-root-foo.xml          | <foo>
            not-a-feed-json-array.json       | array
            not-a-feed-json-no-version.json  | version
            truncated-mid-item.xml           | XML error
            """)
    void refusesWhatIsNotAFeedWithAClearOneLineMessage(String fixture, String expected) {
        for (Detail detail : Detail.values()) {
            FeedException e = refused(fixture, detail);
            assertThat(e.getMessage()).startsWith("not a").contains(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":",
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":{}}",
        "{\"version\":\"https://jsonfeed.org/version/1.1\"}",
        "{\"version\":42,\"items\":[]}",
        "<?xml version=\"1.0\"?><!-- nothing but a comment -->",
        "<rss version=\"2.0\"><channel><title>a</titl></channel></rss>",
        "<?xml version=\"1.0\"?>\n<rss>\n<channel>\n<title>unclosed",
        "\u0000\u0000\u0000",
        "%PDF-1.7\n"
    })
    void refusesBrokenDocumentsWithOneLineMessages(String doc) {
        FeedException e = catchThrowableOfType(FeedException.class, () -> parseString(doc, Detail.FULL));
        assertThat(e).as("FeedException for %s", Fixtures.escape(doc)).isNotNull();
        assertThat(e.getMessage()).startsWith("not a");
        Fixtures.assertOneLine(e);
    }

    @Test
    void keepsNothingOfATruncatedFeed() {
        assertThatThrownBy(() -> Feeds.parse(Fixtures.bytes("truncated-mid-item.xml"), null, null, Detail.HEADLINES))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("line ");
    }

    // ------------------------------------------------------------ helpers

    private static FeedException refused(String fixture, Detail detail) {
        FeedException e = catchThrowableOfType(FeedException.class,
                () -> Feeds.parse(Fixtures.bytes(fixture), null, null, detail));
        assertThat(e).as("%s must be refused", fixture).isNotNull();
        Fixtures.assertOneLine(e);
        return e;
    }

    /** A loopback port that accepts and counts connections, closing each at once so no fetch can hang. */
    private static final class RecordingPort implements AutoCloseable {
        private final ServerSocket server;
        private final AtomicInteger connections = new AtomicInteger();
        private final Thread acceptor;

        RecordingPort() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "recording-port");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        byte[] into(String fixture) {
            return Fixtures.text(fixture).replace("@PORT@", String.valueOf(server.getLocalPort()))
                    .getBytes(StandardCharsets.UTF_8);
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
