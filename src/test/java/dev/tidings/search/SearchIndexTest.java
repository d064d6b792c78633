package dev.tidings.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {
    @TempDir
    Path tmp;

    private static Doc doc(String id, String title, String body, String date) {
        return new Doc(id, title, "https://news.example/" + id, List.of("Ana Ng"), "Morning Post",
                date == null ? null : Instant.parse(date + "T08:00:00Z"), body);
    }

    private SearchIndex.Results search(SearchIndex index, String q, String... sources) {
        return index.search(Query.parse(q), List.of(sources), 100);
    }

    private static List<String> ids(SearchIndex.Results r) {
        return r.hits().stream().map(Hit::id).toList();
    }

    @Test
    void findsWordsInBodiesAsWellAsTitles() throws IOException {
        SearchIndex index = new SearchIndex(tmp);
        index.update("https://a.example/feed", "s1", List.of(
                doc("1", "Harbour reopens", "<p>The <b>Ciresa</b> ferry sails again.</p>", "2026-11-01"),
                doc("2", "Weather", "<p>Rain.</p>", "2026-11-02")));
        SearchIndex.Results r = search(index, "ciresa", "https://a.example/feed");
        assertThat(ids(r)).containsExactly("1");
        Hit h = r.hits().get(0);
        assertThat(h.title()).isEqualTo("Harbour reopens");
        assertThat(h.feedName()).isEqualTo("Morning Post");
        assertThat(h.source()).isEqualTo("https://a.example/feed");
        assertThat(h.published()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
    }

    @Test
    void titleHitsRankAboveBodyHitsThenNewerFirst() throws IOException {
        SearchIndex index = new SearchIndex(tmp);
        index.update("f", "s", List.of(
                doc("old-title", "Tram strike ends", "", "2026-01-01"),
                doc("new-body", "City news", "<p>the tram strike</p>", "2026-11-20"),
                doc("newer-title", "Tram lines", "", "2026-06-01"),
                doc("undated-body", "Other", "tram", null)));
        assertThat(ids(search(index, "tram", "f"))).containsExactly("newer-title", "old-title", "new-body",
                "undated-body");
    }

    @Test
    void phrasesNeedTheWordsTogetherAndInOneField() throws IOException {
        SearchIndex index = new SearchIndex(tmp);
        index.update("f", "s", List.of(
                doc("1", "Climate deal reached", "", "2026-01-01"),
                doc("2", "Deal on climate", "", "2026-01-02"),
                doc("3", "Summit ends: climate", "<p>deal signed</p>", "2026-01-03")));
        assertThat(ids(search(index, "\"climate deal\"", "f"))).containsExactly("1");
        assertThat(ids(search(index, "climate deal", "f"))).containsExactly("2", "1", "3");
    }

    @Test
    void prefixesAndFieldsNarrowTheMatch() throws IOException {
        SearchIndex index = new SearchIndex(tmp);
        index.update("f", "s", List.of(
                doc("1", "Parliament votes", "", "2026-01-01"),
                doc("2", "Paris marathon", "<p>Ana Ng wrote this</p>", "2026-01-02"),
                doc("3", "Rome", "<p>parish news</p>", "2026-01-03")));
        assertThat(ids(search(index, "par*", "f"))).containsExactly("2", "1", "3");
        assertThat(ids(search(index, "title:par*", "f"))).containsExactly("2", "1");
        assertThat(ids(search(index, "author:ng", "f"))).hasSize(3);
        assertThat(ids(search(index, "title:ng", "f"))).isEmpty();
        assertThat(ids(search(index, "feed:\"morning post\" rome", "f"))).containsExactly("3");
    }

    @Test
    void findsScriptsWithoutSpacesBySubstring() throws IOException {
        SearchIndex index = new SearchIndex(tmp);
        index.update("f", "s", List.of(
                doc("ja", "東京都の天気", "", "2026-01-01"),
                doc("th", "ข่าวไทยวันนี้", "", "2026-01-02"),
                doc("fa", "می\u200Cخواهم", "", "2026-01-03"),
                doc("hi", "हिन्दी समाचार", "", "2026-01-04")));
        assertThat(ids(search(index, "京都", "f"))).containsExactly("ja");
        assertThat(ids(search(index, "天", "f"))).containsExactly("ja");
        assertThat(ids(search(index, "気", "f"))).containsExactly("ja");
        assertThat(ids(search(index, "ไทย", "f"))).containsExactly("th");
        assertThat(ids(search(index, "میخواهم", "f"))).containsExactly("fa");
        assertThat(ids(search(index, "समाचार", "f"))).containsExactly("hi");
    }

    @Test
    void anUpdateReplacesTheFeedsArticles() throws IOException {
        SearchIndex index = new SearchIndex(tmp);
        index.update("f", "v1", List.of(doc("gone", "Vanishing story", "", "2026-01-01")));
        index.update("g", "v1", List.of(doc("other", "Vanishing act elsewhere", "", "2026-01-01")));
        assertThat(ids(search(index, "vanishing", "f", "g"))).containsExactly("gone", "other");
        index.update("f", "v2", List.of(doc("new", "Fresh story", "", "2026-01-02")));
        assertThat(ids(search(index, "vanishing", "f", "g"))).containsExactly("other");
        assertThat(index.stamp("f")).isEqualTo("v2");
        index.removeFeed("g");
        assertThat(ids(search(index, "vanishing", "f", "g"))).isEmpty();
        assertThat(index.stamp("g")).isNull();
    }

    @Test
    void aDamagedSegmentIsDroppedWithOneNoteAndNeverThrows() throws IOException {
        SearchIndex index = new SearchIndex(tmp);
        index.update("f", "v1", List.of(doc("1", "Kept story", "", "2026-01-01")));
        Path file = index.file("f");
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 0x55;
        Files.write(file, b);
        SearchIndex fresh = new SearchIndex(tmp);
        assertThat(fresh.stamp("f")).isNull();
        assertThat(fresh.drainNotes()).singleElement().asString().contains("damaged").contains("rebuilt");
        assertThat(Files.exists(file)).isFalse();
        assertThat(ids(search(fresh, "kept", "f"))).isEmpty();
        assertThat(fresh.drainNotes()).isEmpty();
    }

    @Test
    void garbageAndTruncatedFilesAreDamagedNotCrashes() throws IOException {
        SearchIndex index = new SearchIndex(tmp);
        index.update("f", "v1", List.of(doc("1", "Story", "", "2026-01-01")));
        byte[] b = Files.readAllBytes(index.file("f"));
        for (int cut : new int[] {0, 3, 20, b.length - 5}) {
            Files.write(index.file("f"), java.util.Arrays.copyOf(b, cut));
            SearchIndex fresh = new SearchIndex(tmp);
            assertThat(search(fresh, "story", "f").total()).isZero();
            assertThat(fresh.drainNotes()).hasSize(1);
        }
    }

    @Test
    void retainDropsSegmentsOfOtherSources() throws IOException {
        SearchIndex index = new SearchIndex(tmp);
        index.update("f", "v", List.of(doc("1", "One", "", null)));
        index.update("g", "v", List.of(doc("2", "Two", "", null)));
        assertThat(index.retain(List.of("g"))).isEqualTo(1);
        assertThat(index.stamp("f")).isNull();
        assertThat(index.stamp("g")).isEqualTo("v");
    }

    @Test
    void limitKeepsTheBestAndCountsAll() throws IOException {
        SearchIndex index = new SearchIndex(tmp);
        List<Doc> docs = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            docs.add(doc("d" + i, "Item " + i, "<p>common</p>", "2026-01-" + String.format("%02d", 1 + i % 28)));
        }
        index.update("f", "v", docs);
        SearchIndex.Results r = index.search(Query.parse("common"), List.of("f"), 5);
        assertThat(r.total()).isEqualTo(50);
        assertThat(r.hits()).hasSize(5);
        assertThat(r.hits().get(0).published()).isEqualTo(Instant.parse("2026-01-28T08:00:00Z"));
    }

    @Test
    void htmlTextSkipsScriptsAndDecodesReferences() {
        assertThat(HtmlText.text("<p>Caf&eacute; &amp; <script>var secret=1</script>more&#x21;<!-- x --></p>", 1000))
                .isEqualTo(" Café &   more!  ");
        assertThat(HtmlText.text("a < b &bogus c", 1000)).isEqualTo("a < b &bogus c");
        assertThat(HtmlText.text("<p>" + "x".repeat(100), 10)).hasSize(10);
    }
}
