package dev.tidings.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The committed tables are exactly what the generator writes from ICU4J: nothing is kept by hand. */
class UnicodeTablesTest {
    @Test
    void committedTablesAreWhatTheGeneratorWrites() throws Exception {
        String committed = Files.readString(UnicodeTablesGenerator.TARGET, StandardCharsets.UTF_8);
        assertThat(committed)
                .as("UnicodeTables.java is stale or edited by hand: run tools/gen-unicode-tables.sh")
                .isEqualTo(UnicodeTablesGenerator.source());
    }

    @Test
    void namesTheUnicodeVersionOfIcu4j() {
        assertThat(Graphemes.UNICODE_VERSION).isEqualTo(UnicodeTablesGenerator.unicodeVersion()).isEqualTo("16.0");
    }

    @Test
    void everyCodePointDecodesToItsGeneratedProperties() {
        for (int cp = 0; cp <= 0x10ffff; cp++) {
            if (UnicodeData.props(cp) != UnicodeTablesGenerator.props(cp)) {
                throw new AssertionError("U+" + Integer.toHexString(cp) + ": " + UnicodeData.props(cp) + " != "
                        + UnicodeTablesGenerator.props(cp));
            }
        }
    }

    @Test
    void mirrorsBrackets() {
        assertThat(Graphemes.mirror('(')).isEqualTo(')');
        assertThat(Graphemes.mirror('«')).isEqualTo('»');
        assertThat(Graphemes.mirror('[')).isEqualTo(']');
        assertThat(Graphemes.mirror('a')).isEqualTo('a');
    }
}
