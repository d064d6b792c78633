package dev.tidings.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code src/main/java/dev/tidings/text/UnicodeTables.java} from ICU4J's copy of the Unicode
 * Character Database (ICU4J 76.1 = Unicode 16.0): per code point its Grapheme_Cluster_Break,
 * Extended_Pictographic and Indic_Conjunct_Break (UAX #29), its terminal width (UAX #11 East Asian
 * Width and Emoji_Presentation, zero for marks and format characters), whether terminals disagree
 * on it, and the Bidi_Mirroring_Glyph pairs. ICU4J is a test dependency only: the jar carries the
 * generated table, never ICU4J.
 *
 * <p>Run with {@code tools/gen-unicode-tables.sh}; {@code UnicodeTablesTest} fails when the
 * committed file differs from what this writes.
 */
public final class UnicodeTablesGenerator {
    static final Path TARGET = Path.of("src/main/java/dev/tidings/text/UnicodeTables.java");

    private UnicodeTablesGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(TARGET, source(), StandardCharsets.UTF_8);
        System.out.println("wrote " + TARGET + " (Unicode " + unicodeVersion() + ")");
    }

    static String unicodeVersion() {
        var v = UCharacter.getUnicodeVersion();
        return v.getMajor() + "." + v.getMinor();
    }

    /** The packed properties of one code point, as {@link UnicodeTables} decodes them. */
    static int props(int cp) {
        int gcb = gcb(UCharacter.getIntPropertyValue(cp, UProperty.GRAPHEME_CLUSTER_BREAK));
        int pict = UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC) ? 1 : 0;
        int incb = switch (UCharacter.getIntPropertyValue(cp, UProperty.INDIC_CONJUNCT_BREAK)) {
            case 1 -> UnicodeTables.INCB_CONSONANT;
            case 2 -> UnicodeTables.INCB_EXTEND;
            case 3 -> UnicodeTables.INCB_LINKER;
            default -> 0;
        };
        return gcb | pict << 4 | incb << 5 | width(cp, gcb) << 7 | (disputed(cp) ? 1 : 0) << 9;
    }

    private static int gcb(int icu) {
        // ICU's UCharacter.GraphemeClusterBreak numbering, mapped to ours
        switch (icu) {
            case 1: return UnicodeTables.CONTROL;
            case 2: return UnicodeTables.CR;
            case 3: return UnicodeTables.EXTEND;
            case 4: return UnicodeTables.L;
            case 5: return UnicodeTables.LF;
            case 6: return UnicodeTables.LV;
            case 7: return UnicodeTables.LVT;
            case 8: return UnicodeTables.T;
            case 9: return UnicodeTables.V;
            case 10: return UnicodeTables.SPACING_MARK;
            case 11: return UnicodeTables.PREPEND;
            case 12: return UnicodeTables.REGIONAL_INDICATOR;
            case 15: return UnicodeTables.EXTEND; // E_Modifier (unused since Unicode 11: modifiers are Extend)
            case 17: return UnicodeTables.ZWJ;
            default: return UnicodeTables.OTHER;
        }
    }

    /**
     * Columns a terminal gives the code point on its own: 0 for marks, format characters,
     * default ignorables and Hangul medial/final jamo; 2 for East Asian Wide/Fullwidth and emoji
     * presentation; else 1. The soft hyphen counts 1 (the layout treats it itself).
     */
    static int width(int cp, int gcb) {
        if (cp == 0xad) {
            return 1;
        }
        int type = UCharacter.getType(cp);
        if (type == UCharacter.NON_SPACING_MARK || type == UCharacter.ENCLOSING_MARK || type == UCharacter.FORMAT
                || type == UCharacter.CONTROL || type == UCharacter.SURROGATE
                || type == UCharacter.LINE_SEPARATOR || type == UCharacter.PARAGRAPH_SEPARATOR
                || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || gcb == UnicodeTables.V || gcb == UnicodeTables.T) {
            return 0;
        }
        int eaw = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
        if (eaw == UCharacter.EastAsianWidth.WIDE || eaw == UCharacter.EastAsianWidth.FULLWIDTH
                || UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_PRESENTATION)) {
            return 2;
        }
        return 1;
    }

    /** Terminals draw it at different widths: East Asian Ambiguous, or an emoji shown as text by default. */
    static boolean disputed(int cp) {
        if (cp < 0x80) {
            return false;
        }
        int eaw = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
        return eaw == UCharacter.EastAsianWidth.AMBIGUOUS
                || (UCharacter.hasBinaryProperty(cp, UProperty.EMOJI)
                && !UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_PRESENTATION))
                || UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_MODIFIER)
                || UCharacter.hasBinaryProperty(cp, UProperty.REGIONAL_INDICATOR);
    }

    static String source() {
        StringBuilder ranges = new StringBuilder();
        int count = 0;
        int last = -1;
        for (int cp = 0; cp <= 0x10ffff; cp++) {
            int p = props(cp);
            if (p != last) {
                ranges.append(Integer.toHexString(cp)).append(':').append(Integer.toHexString(p)).append(' ');
                last = p;
                count++;
            }
        }
        StringBuilder mirrors = new StringBuilder();
        for (int cp = 0; cp <= 0x10ffff; cp++) {
            int m = UCharacter.getMirror(cp);
            if (m != cp && UCharacter.hasBinaryProperty(cp, UProperty.BIDI_MIRRORED)) {
                mirrors.append(Integer.toHexString(cp)).append(':').append(Integer.toHexString(m)).append(' ');
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("package dev.tidings.text;\n\n")
                .append("// GENERATED by UnicodeTablesGenerator (tools/gen-unicode-tables.sh) from ICU4J ")
                .append(com.ibm.icu.util.VersionInfo.ICU_VERSION).append(". Do not edit.\n\n")
                .append("/**\n")
                .append(" * Unicode ").append(unicodeVersion())
                .append(" properties for grapheme clusters (UAX #29) and terminal width (UAX #11, emoji\n")
                .append(" * presentation), packed per range of code points, and the Bidi_Mirroring_Glyph pairs.\n")
                .append(" * Decoded by {@link UnicodeData}.\n")
                .append(" */\n")
                .append("final class UnicodeTables {\n")
                .append("    static final String UNICODE_VERSION = \"").append(unicodeVersion()).append("\";\n\n")
                .append("    // Grapheme_Cluster_Break values (bits 0-3)\n")
                .append("    static final int OTHER = 0, CR = 1, LF = 2, CONTROL = 3, EXTEND = 4, ZWJ = 5, REGIONAL_INDICATOR = 6,\n")
                .append("            PREPEND = 7, SPACING_MARK = 8, L = 9, V = 10, T = 11, LV = 12, LVT = 13;\n")
                .append("    // bit 4: Extended_Pictographic; bits 5-6: Indic_Conjunct_Break\n")
                .append("    static final int INCB_CONSONANT = 1, INCB_EXTEND = 2, INCB_LINKER = 3;\n")
                .append("    // bits 7-8: columns (0, 1, 2); bit 9: terminals disagree on the width\n\n")
                .append("    private UnicodeTables() {\n    }\n\n")
                .append("    /** \"start:props \" per range (hex), ").append(count).append(" ranges. */\n")
                .append("    static final String[] RANGES = {\n");
        chunks(ranges.toString(), out);
        out.append("    };\n\n    /** \"code point:mirror \" pairs (hex). */\n    static final String[] MIRRORS = {\n");
        chunks(mirrors.toString(), out);
        out.append("    };\n}\n");
        return out.toString();
    }

    private static void chunks(String s, StringBuilder out) {
        List<String> lines = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int end = Math.min(s.length(), i + 96);
            while (end < s.length() && s.charAt(end - 1) != ' ') {
                end++;
            }
            lines.add(s.substring(i, end));
            i = end;
        }
        for (String l : lines) {
            out.append("        \"").append(l).append("\",\n");
        }
    }
}
