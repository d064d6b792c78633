package dev.tidings.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.UnicodeSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Our clusters against ICU4J 76.1's (Unicode 16.0) BreakIterator. The Unicode test files cannot be
 * downloaded here, so the cases are built the way GraphemeBreakTest.txt is: every pair of property
 * classes, with and without a mark between, plus every RGI emoji sequence (emoji-test.txt's
 * fully-qualified list, from ICU's [:RGI_Emoji:]) and seeded random text.
 */
class GraphemesTest {
    /** One code point per distinct packed value (grapheme class, pictographic, conjunct class, width). */
    static List<Integer> representatives() {
        Map<Integer, Integer> first = new LinkedHashMap<>();
        for (int cp = 0; cp <= 0x10ffff; cp++) {
            if (Character.getType(cp) == Character.SURROGATE) {
                continue;
            }
            first.putIfAbsent(UnicodeData.props(cp) & 0x1ff, cp);
        }
        return new ArrayList<>(first.values());
    }

    static List<Integer> icuBreaks(String s) {
        BreakIterator bi = BreakIterator.getCharacterInstance();
        bi.setText(s);
        List<Integer> out = new ArrayList<>();
        for (int b = bi.next(); b != BreakIterator.DONE; b = bi.next()) {
            out.add(b);
        }
        return out;
    }

    static List<Integer> ourBreaks(String s) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s.length(); ) {
            i = Graphemes.next(s, i);
            out.add(i);
        }
        return out;
    }

    static void same(String s) {
        List<Integer> icu = icuBreaks(s);
        List<Integer> ours = ourBreaks(s);
        if (!icu.equals(ours)) {
            StringBuilder hex = new StringBuilder();
            s.codePoints().forEach(c -> hex.append(Integer.toHexString(c)).append(' '));
            throw new AssertionError("[" + hex.toString().trim() + "]: ICU " + icu + ", ours " + ours);
        }
    }

    @Test
    void everyPairAndTripleOfPropertyClassesBreaksAsIcu() {
        List<Integer> reps = representatives();
        assertThat(reps.size()).isGreaterThan(20);
        int[] marks = {0x301, 0x200d, 0x94d, 0x903, 0x1f3fb, 0xfe0f};
        for (int a : reps) {
            for (int b : reps) {
                same(new String(new int[] {a, b}, 0, 2));
                for (int m : marks) {
                    same(new String(new int[] {a, m, b}, 0, 3));
                }
            }
        }
    }

    @Test
    void everyRgiEmojiSequenceIsOneCluster() {
        UnicodeSet rgi = new UnicodeSet("[:RGI_Emoji:]");
        int n = 0;
        for (String e : rgi) {
            assertThat(Graphemes.next(e, 0)).as(e).isEqualTo(e.length());
            assertThat(Width.of(e)).as(e).isGreaterThanOrEqualTo(1);
            n++;
        }
        assertThat(n).isGreaterThan(3500);
        for (String flag : new UnicodeSet("[:RGI_Emoji_Flag_Sequence:]")) {
            assertThat(Width.of(flag)).as(flag).isEqualTo(2);
        }
        for (String zwj : new UnicodeSet("[:RGI_Emoji_ZWJ_Sequence:]")) {
            int first = zwj.codePointAt(0);
            if (Graphemes.width(first) == 2 && !zwj.codePoints().anyMatch(c -> c >= 0x1f3fb && c <= 0x1f3ff)) {
                assertThat(Width.of(zwj)).as(zwj).isEqualTo(2);
            }
        }
    }

    @Test
    void seededRandomTextBreaksAsIcu() {
        int[] alphabet = {'a', ' ', '\r', '\n', 0x301, 0x308, 0x200d, 0x200c, 0xfe0f, 0x1f44d, 0x1f3fd, 0x1f469,
                0x1f4bb, 0x1f1eb, 0x1f1f7, 0x1100, 0x1161, 0x11a8, 0xac00, 0xac01, 0x915, 0x94d, 0x937, 0x93f, 0x94c,
                0xe17, 0xe35, 0xe48, 0xe33, 0x600, 0x645, 0x6cc, 0x5d0, 0x5b8, 0x6f22, 0xff76, 0xff9e, 0x20000, 0x2764,
                0x20e3, '1', 0xad, 0x9, 0xe0067, 0x1f3f4};
        Random r = new Random(16);
        for (int k = 0; k < 40_000; k++) {
            int len = 1 + r.nextInt(8);
            int[] cps = new int[len];
            for (int i = 0; i < len; i++) {
                cps[i] = alphabet[r.nextInt(alphabet.length)];
            }
            same(new String(cps, 0, len));
        }
    }

    @Test
    void measuresClustersAsTerminalsDraw() {
        assertThat(Width.of("e\u0301")).isEqualTo(1);
        assertThat(Width.of("👍")).isEqualTo(2);
        assertThat(Width.of("👍🏽")).isEqualTo(4); // tmux 3.3, xterm and VTE draw the modifier on its own
        assertThat(Width.of("🇫🇷")).isEqualTo(2);
        assertThat(Width.of("👩‍💻")).isEqualTo(2);
        assertThat(Width.of("क्ष")).isEqualTo(2);
        assertThat(Graphemes.next("क्ष", 0)).isEqualTo(3); // GB9c: one conjunct
        assertThat(Width.of("मौसम")).isEqualTo(4);
        assertThat(Width.of("ที่")).isEqualTo(1);
        assertThat(Width.of("\u1100\u1161")).isEqualTo(2);
        assertThat(Width.of("ｶﾀｶﾅ")).isEqualTo(4);
        assertThat(Width.of("می\u200cگویند")).isEqualTo(7);
        assertThat(Width.of("𠀀")).isEqualTo(2);
        assertThat(Width.of("1\ufe0f\u20e3")).isEqualTo(1);
        assertThat(Width.of("")).isZero();
        assertThat(Width.truncate("e\u0301e\u0301", 1)).isEqualTo("e\u0301");
        assertThat(Width.truncate("🇫🇷🇩🇪", 3)).isEqualTo("🇫🇷");
    }
}
