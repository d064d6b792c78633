package dev.tidings.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlDoctypeTest {
    @Test
    void plainDoctypeWithExternalDtdPasses() {
        assertThat(XmlDoctype.check("<?xml version='1.0'?>\n<!DOCTYPE rss PUBLIC \"-//Netscape//DTD RSS 0.91//EN\""
                + " \"http://my.netscape.com/publish/formats/rss-0.91.dtd\"><rss/>", true)).isNull();
        assertThat(XmlDoctype.check("", true)).isNull();
        assertThat(XmlDoctype.check("<rss><!ENTITY not in a prolog></rss>", true)).isNull();
    }

    @Test
    void entityDeclarationIsFoundWithWhereItIs() {
        String doc = "<!-- c -->\n<!doctype r [ <!entity a 'x'> ]><r>&a;</r>";
        XmlDoctype.Refusal r = XmlDoctype.check(doc, true);
        assertThat(r).isEqualTo(new XmlDoctype.Refusal(XmlDoctype.Kind.ENTITIES, 11, 25));
        assertThat(doc.substring(r.entityAt())).startsWith("<!entity");
    }

    @Test
    void byteOrderMarkInAnyDecodingDoesNotHideTheDoctype() {
        String doctype = "<!DOCTYPE r [<!ENTITY a SYSTEM 'file:///etc/passwd'>]><r/>";
        for (String bom : new String[] {"\uFEFF", "\u00EF\u00BB\u00BF", "\u00FE\u00FF", "\u00FF\u00FE"}) {
            assertThat(XmlDoctype.check(bom + doctype, true)).as("BOM %s", bom).isNotNull();
        }
    }

    @Test
    void quotedBracketsAndGreaterThanDoNotEndTheDoctype() {
        assertThat(XmlDoctype.check("<!DOCTYPE r SYSTEM 'a]>b' [<!ENTITY x 'y'>]><r/>", true).kind())
                .isEqualTo(XmlDoctype.Kind.ENTITIES);
    }

    @Test
    void doctypeCutOffIsRefusedOnlyWhenMoreFollows() {
        String cut = "<!DOCTYPE r [ <!-- " + "x".repeat(100);
        assertThat(XmlDoctype.check(cut, false).kind()).isEqualTo(XmlDoctype.Kind.TOO_LARGE);
        assertThat(XmlDoctype.check(cut, true)).isNull();
    }

    @Test
    void dtdEventTextIsCheckedInAnyCase() {
        assertThat(XmlDoctype.declaresEntities("<!DOCTYPE r [<!Entity a 'x'>]>")).isTrue();
        assertThat(XmlDoctype.declaresEntities("<!DOCTYPE r SYSTEM 'r.dtd'>")).isFalse();
        assertThat(XmlDoctype.declaresEntities(null)).isFalse();
    }
}
