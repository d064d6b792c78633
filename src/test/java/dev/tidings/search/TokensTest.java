package dev.tidings.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void foldsCaseAndCanonicalFormOfAccentedLatin() {
        assertThat(Tokens.terms("Un CAFÉ crème, s'il vous plaît")).containsExactly("un", "café", "crème", "s", "il",
                "vous", "plaît");
        // decomposed e + combining acute is the same term as the precomposed one
        assertThat(Tokens.terms("Cafe\u0301")).containsExactly("café");
    }

    @Test
    void keepsDevanagariVowelSignsAndViramaInsideTheWord() {
        assertThat(Tokens.terms("हिन्दी समाचार।")).containsExactly("हिन्दी", "समाचार");
    }

    @Test
    void persianWordWithZwnjIsOneTermFoundWithOrWithoutIt() {
        assertThat(Tokens.terms("می\u200Cخواهم بروم")).containsExactly("میخواهم", "بروم");
        assertThat(Tokens.terms("میخواهم")).containsExactly("میخواهم");
    }

    @Test
    void cjkIsIndexedAsPairsPlusTheLastCluster() {
        assertThat(Tokens.terms("東京都の天気")).containsExactly("東京", "京都", "都の", "の天", "天気", "気");
        List<Tokens.Term> q = Tokens.query("京都");
        assertThat(q).containsExactly(new Tokens.Term("京都", 0, false));
        assertThat(Tokens.query("都")).containsExactly(new Tokens.Term("都", 0, true));
    }

    @Test
    void thaiIsSplitIntoClusterPairsWithItsMarksKept() {
        // ที่ (tho + sara ii + mai ek) is one cluster
        assertThat(Tokens.terms("ที่นี่")).containsExactly("ที่นี่", "นี่");
        assertThat(Tokens.terms("ข่าวไทย")).contains("ข่า", "ไท", "ย");
    }

    @Test
    void mixedScriptsSplitAtTheScriptBoundary() {
        assertThat(Tokens.terms("iPhone発売")).containsExactly("iphone", "発売", "売");
    }

    @Test
    void positionsRunOnAcrossWordsAndBigrams() {
        StringBuilder got = new StringBuilder();
        int end = Tokens.index("a 東京都 b", 10, (t, p) -> {
            got.append(t).append('@').append(p).append(' ');
            return true;
        });
        assertThat(got.toString()).isEqualTo("a@10 東京@11 京都@12 都@13 b@14 ");
        assertThat(end).isEqualTo(15);
    }

    @Test
    void cutsHugeWordsAndKeepsSurrogatePairsWhole() {
        String word = "a".repeat(63) + "𝒜𝒜";
        String t = Tokens.terms(word).get(0);
        assertThat(t.length()).isLessThanOrEqualTo(Tokens.MAX_TERM);
        assertThat(Character.isHighSurrogate(t.charAt(t.length() - 1))).isFalse();
        assertThat(Tokens.terms("x".repeat(1_000_000))).hasSize(1);
    }

    @Test
    void punctuationAndControlsAreNotTerms() {
        assertThat(Tokens.terms("— \u001b[31m !!! \u202e")).containsExactly("31m");
        assertThat(Tokens.terms("")).isEmpty();
    }
}
