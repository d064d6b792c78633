package dev.tidings.subs;

import static dev.tidings.subs.SubscriptionsTest.sub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpmlTest {

    static Subscriptions.Parsed parse(String xml) {
        return Opml.parse(xml.getBytes(StandardCharsets.UTF_8), "t.opml");
    }

    @Test
    void opml1WithDeclaredLatin1() {
        Subscriptions.Parsed p = Opml.parse(Fixtures.bytes("opml1.xml"), "opml1.xml");
        assertThat(p.problems()).isEmpty();
        assertThat(p.subscriptions()).containsExactly(
                sub("https://cafe.example/rss", "Caf\u00e9 news"),
                sub("http://plain.example/feed.xml", "No type attribute"),
                sub("https://title.example/feed", "Title wins"),
                sub("https://phys.example/rss?x=1&y=2", "Physics & stuff", "Science"));
    }

    @Test
    void opml2NestedFoldersBecomeTags() {
        Subscriptions.Parsed p = Opml.parse(Fixtures.bytes("opml2-nested-folders.xml"), "nested.opml");
        assertThat(p.subscriptions()).containsExactly(
                sub("https://top.example/feed", "Top level"),
                sub("https://world.example/rss", "Deep feed", "News", "World", "daily", "long reads"),
                sub("https://local.example/atom", "Local", "News"),
                sub("https://gadgets.example/feed", "Gadgets", "Tech (title only)"));
        assertThat(p.problems()).containsExactly(
                "nested.opml:17: 'https://GADGETS.example/feed/' is already on line 16; outline skipped");
    }

    @Test
    void hostileOutlinesAreRefusedAndNeverRun() throws IOException {
        Files.deleteIfExists(Path.of("/tmp/tidings-subs-pwned-opml"));
        Files.deleteIfExists(Path.of("/tmp/tidings-subs-pwned-opml-filter"));
        Subscriptions.Parsed p = Opml.parse(Fixtures.bytes("opml-hostile-exec.xml"), "hostile.opml");
        assertThat(p.problems()).containsExactly(
                "hostile.opml:6: exec: sources are never run by Tidings; outline skipped",
                "hostile.opml:7: exec: sources are never run by Tidings; outline skipped",
                "hostile.opml:8: filter: sources are never run by Tidings; outline skipped",
                "hostile.opml:9: file: sources are never read by Tidings; outline skipped",
                "hostile.opml:10: 'gopher://old.example/' is not an http(s) URL; outline skipped");
        assertThat(p.subscriptions()).containsExactly(
                sub("https://fine.example/feed", "Fine"),
                sub("https://fine.example/second", "Sneaky red $(id)"));
        assertThat(Path.of("/tmp/tidings-subs-pwned-opml")).doesNotExist();
        assertThat(Path.of("/tmp/tidings-subs-pwned-opml-filter")).doesNotExist();
    }

    @Test
    void entityDeclarationsAreRefused() {
        assertThatThrownBy(() -> Opml.parse(Fixtures.bytes("opml-xxe.xml"), "opml-xxe.xml"))
                .isInstanceOf(SubsException.class)
                .hasMessage("opml-xxe.xml:3: refused: entity declarations (DOCTYPE on line 2); nothing imported");
        // the same document in UTF-16 is refused too
        byte[] utf16 = new String(Fixtures.bytes("opml-xxe.xml"), StandardCharsets.UTF_8)
                .replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> Opml.parse(utf16, "x16.opml"))
                .isInstanceOf(SubsException.class).hasMessageContaining("refused: entity declarations");
        // a billion-laughs style internal entity
        assertThatThrownBy(() -> parse("<!DOCTYPE opml [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><opml><body/></opml>"))
                .isInstanceOf(SubsException.class).hasMessageContaining("refused: entity declarations");
    }

    @Test
    void undeclaredEntityAndExternalDtdLoadNothing() {
        assertThatThrownBy(() -> parse("<opml><head><title>&xxe;</title></head><body/></opml>"))
                .isInstanceOf(SubsException.class).hasMessageStartingWith("t.opml:1: malformed XML: ");
        // an external DTD is neither fetched nor fatal (port 9 on loopback: nothing listens, nothing is asked)
        Subscriptions.Parsed p = parse("<?xml version=\"1.0\"?>\n<!DOCTYPE opml SYSTEM \"http://127.0.0.1:9/opml.dtd\">\n"
                + "<opml version=\"1.0\"><body><outline text=\"A\" xmlUrl=\"https://a.example/\"/></body></opml>");
        assertThat(p.subscriptions()).containsExactly(sub("https://a.example/", "A"));
    }

    @Test
    void notXmlIsOneLineErrorWithLineNumber() {
        assertThatThrownBy(() -> Opml.parse(Fixtures.bytes("opml-not-xml.txt"), "opml-not-xml.txt"))
                .isInstanceOf(SubsException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("opml-not-xml.txt:2: not an OPML document (root element <html>)");
        assertThatThrownBy(() -> parse("<opml>\n<body>\n<outline text=\"a\" & />\n</body></opml>"))
                .isInstanceOf(SubsException.class)
                .hasMessageMatching("t\\.opml:3: malformed XML: [^\\n]+");
        assertThatThrownBy(() -> parse("<rss version=\"2.0\"><channel/></rss>"))
                .isInstanceOf(SubsException.class).hasMessage("t.opml:1: not an OPML document (root element <rss>)");
        assertThatThrownBy(() -> parse("<opml><body><outline text=\"x\" xmlUrl=\"https://a.example/\">"))
                .isInstanceOf(SubsException.class).hasMessageStartingWith("t.opml:1: malformed XML");
        assertThatThrownBy(() -> parse("<opml>" + "<outline>".repeat(200) + "</opml>"))
                .isInstanceOf(SubsException.class).hasMessageContaining("nested deeper");
    }

    @Test
    void outlinesOutsideBodyAreIgnoredAndFeedChildrenAreNotFolders() {
        Subscriptions.Parsed p = parse("<opml><head><outline xmlUrl=\"https://head.example/\"/></head><body>"
                + "<outline text=\"Feed\" xmlUrl=\"https://a.example/\"><outline text=\"Child\" xmlUrl=\"https://b.example/\"/></outline>"
                + "<outline text=\"Named after itself\" title=\"https://c.example/\" xmlUrl=\"https://c.example/\"/>"
                + "</body></opml>");
        assertThat(p.subscriptions()).containsExactly(sub("https://a.example/", "Feed"), sub("https://b.example/", "Child"),
                sub("https://c.example/", ""));
    }

    @Test
    void writeRoundTripsAGroupedList() {
        List<Subscription> subs = List.of(
                sub("https://a.example/feed?x=1&y=2", "A <&> \"quoted\" 'name'", "news", "daily", "x y"),
                sub("https://b.example/", "", "news"),
                sub("https://c.example/", "Untagged"),
                sub("https://d.example/", "D", "tech & <stuff>"),
                sub("https://e.example/", "\u65e5\u672c\u8a9e \ud83d\udcf0"));
        String xml = Opml.write(subs, "My <feeds>");
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<opml version=\"2.0\">", "<title>My &lt;feeds&gt;</title>", "type=\"rss\"",
                        "xmlUrl=\"https://a.example/feed?x=1&amp;y=2\"")
                .doesNotContain("dateCreated");
        Subscriptions.Parsed back = Opml.parse(xml.getBytes(StandardCharsets.UTF_8), "out.opml");
        assertThat(back.problems()).isEmpty();
        assertThat(back.subscriptions()).isEqualTo(subs);
    }

    @Test
    void writeGroupsByFirstTag() {
        List<Subscription> subs = List.of(sub("https://a.example/", "A", "x"), sub("https://b.example/", "B"),
                sub("https://c.example/", "C", "y"), sub("https://d.example/", "D", "x", "z"));
        Subscriptions.Parsed back = Opml.parse(Opml.write(subs, "").getBytes(StandardCharsets.UTF_8), "out.opml");
        assertThat(back.subscriptions()).containsExactly(subs.get(0), subs.get(3), subs.get(1), subs.get(2));
        assertThat(Opml.write(subs, " ")).contains("<title>Tidings subscriptions</title>");
    }
}
