package dev.tidings.subs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImportTest {

    @Test
    void detectsByContentNotName() {
        // OPML named like a urls file
        assertThat(Import.importFile(Fixtures.bytes("opml1.xml"), "urls").subscriptions()).hasSize(4);
        // urls text named like OPML
        assertThat(Import.importFile(Fixtures.bytes("newsboat-urls-basic"), "feeds.opml").subscriptions()).hasSize(5);
        // BOM and leading whitespace before the XML
        byte[] opml = "\uFEFF \n <opml><body><outline text=\"A\" xmlUrl=\"https://a.example/\"/></body></opml>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Import.importFile(opml, "x").subscriptions()).extracting(Subscription::url).containsExactly("https://a.example/");
        byte[] opml16 = "<opml><body><outline text=\"A\" xmlUrl=\"https://a.example/\"/></body></opml>"
                .getBytes(StandardCharsets.UTF_16);
        assertThat(Import.importFile(opml16, "x").subscriptions()).hasSize(1);
        assertThat(Import.importFile(new byte[0], "empty").subscriptions()).isEmpty();
    }

    @Test
    void hostileInputsEitherWay() {
        assertThatThrownBy(() -> Import.importFile(Fixtures.bytes("opml-xxe.xml"), "import"))
                .isInstanceOf(SubsException.class).hasMessageContaining("refused: entity declarations");
        assertThatThrownBy(() -> Import.importFile(Fixtures.bytes("opml-not-xml.txt"), "import"))
                .isInstanceOf(SubsException.class).hasMessageStartingWith("import:");
        assertThat(Import.importFile(Fixtures.bytes("opml-hostile-exec.xml"), "import").problems()).hasSize(5);
        // its query: line is a query feed now (issue #13), not a problem
        assertThat(Import.importFile(Fixtures.bytes("newsboat-urls-hostile"), "import").problems()).hasSize(8);
        assertThat(Import.importFile(Fixtures.bytes("newsboat-urls-hostile"), "import").queries()).hasSize(1);
        // plain prose is read as a urls file and every line is reported, nothing thrown
        assertThat(Import.importFile("not a feed list\nreally not\n".getBytes(StandardCharsets.UTF_8), "notes").problems())
                .containsExactly("notes:1: 'not' is not an http(s) URL; line skipped",
                        "notes:2: 'really' is not an http(s) URL; line skipped");
    }
}
