package dev.tidings.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryTest {
    @Test
    void wordsPhrasesPrefixesAndFields() {
        Query q = Query.parse("title:\"Climate Deal\" paris* author:Ng  feed:bbc plain");
        assertThat(q.toString()).isEqualTo("title:\"climate deal\" paris* author:ng feed:bbc plain");
        assertThat(q.clauses().get(0).field()).isEqualTo(Query.Field.TITLE);
        assertThat(q.clauses().get(1).terms().get(0).prefix()).isTrue();
    }

    @Test
    void aWordOfSeveralTermsIsAPhrase() {
        assertThat(Query.parse("e-mail").toString()).isEqualTo("\"e mail\"");
        assertThat(Query.parse("東京都").clauses()).hasSize(1);
        assertThat(Query.parse("東京都").clauses().get(0).terms()).hasSize(2);
    }

    @Test
    void unknownFieldNamesAreText() {
        assertThat(Query.parse("https://x.org").toString()).isEqualTo("\"https x org\"");
        assertThat(Query.parse("title: alone").toString()).isEqualTo("title alone");
    }

    @Test
    void anOpenQuoteClosesAtTheEnd() {
        assertThat(Query.parse("\"open ended").toString()).isEqualTo("\"open ended\"");
    }

    @Test
    void emptyOrPunctuationOnlyIsRefusedWithAReason() {
        assertThatThrownBy(() -> Query.parse("   ")).hasMessage("empty query");
        assertThatThrownBy(() -> Query.parse("!!! --")).hasMessageContaining("only punctuation");
        assertThatThrownBy(() -> Query.parse("x".repeat(Query.MAX_LENGTH + 1))).hasMessageContaining("longer than");
    }

    @Test
    void clausesAreCapped() {
        assertThat(Query.parse("a ".repeat(100)).clauses()).hasSize(Query.MAX_CLAUSES);
    }
}
