package dev.tidings.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindTest {
    @Test
    void precomposedQueryFindsDecomposedTextAndTheOtherWayRound() {
        String stored = "a nai\u0308ve reader";
        assertThat(Find.contains(stored, "naïve")).isTrue();
        assertThat(Find.contains("a naïve reader", "nai\u0308ve")).isTrue();
        assertThat(Find.ranges(stored, "NAÏVE")).singleElement()
                .satisfies(r -> assertThat(stored.substring(r[0], r[1])).isEqualTo("nai\u0308ve"));
    }

    @Test
    void zwnjIsPartOfTheWord() {
        String persian = "خبرنگار می\u200cگوید";
        assertThat(Find.contains(persian, "می\u200cگوید")).isTrue();
        assertThat(Find.contains(persian, "میگوید")).isFalse();
    }

    @Test
    void asciiIsCaseInsensitiveAndEmptyFindsNothingToMark() {
        assertThat(Find.ranges("Fest and FEST", "fest")).hasSize(2);
        assertThat(Find.ranges("abc", "")).isEmpty();
        assertThat(Find.contains("abc", "")).isTrue();
    }
}
