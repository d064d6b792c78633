package dev.tidings.subs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** newsboat's "query:NAME:RULE" lines in the urls file and in OPML (issue #13). */
class QueryFeedTest {
    static final String URLS = "# mine\n"
            + "https://a.example/feed.xml tech\n"
            + "\"query:Unread Articles:unread = \\\"yes\\\"\"\n"
            + "\"query:Tech:tags # \\\"tech\\\"\" smart \"~ignored name\" !hidden\n"
            + "\"query:NoRule:\"\n"
            + "\"query:unread articles:title = x\"\n"
            + "query:bare\n";

    @Test
    void readsQueryLinesWithTheirTagsAndNamesTheBadOnes() {
        Subscriptions.Parsed p = Subscriptions.parse(URLS, "urls");
        assertThat(p.queries()).containsExactly(new QueryFeed("Unread Articles", "unread = \"yes\"", List.of()),
                new QueryFeed("Tech", "tags # \"tech\"", List.of("smart", "hidden")));
        assertThat(p.subscriptions()).hasSize(1);
        assertThat(p.problems()).containsExactly(
                "urls:5: query feed 'NoRule' has no rule on one line (\"query:NAME:RULE\"); line skipped",
                "urls:6: a query feed named 'unread articles' is already on line 3; line skipped",
                "urls:7: a query feed is written \"query:NAME:RULE\"; line skipped");
    }

    @Test
    void queryLinesRoundTripAndSurviveSavingTheFeeds() {
        for (QueryFeed q : Subscriptions.parse(URLS, "urls").queries()) {
            assertThat(Subscriptions.parse(Subscriptions.format(q), "urls").queries()).containsExactly(q);
        }
        String merged = UrlsFileMerge.merge(URLS, List.of(new Subscription("https://b.example/feed.xml")));
        assertThat(merged).contains("\"query:Unread Articles:unread = \\\"yes\\\"\"\n")
                .contains("\"query:Tech:tags # \\\"tech\\\"\" smart \"~ignored name\" !hidden\n")
                .doesNotContain("https://a.example/feed.xml");
        String added = UrlsFileMerge.withQueries(merged, List.of(new QueryFeed("New", "age < 7d", List.of("x y")),
                new QueryFeed("TECH", "title = y", List.of())));
        assertThat(added).endsWith("\"query:New:age < 7d\" \"x y\"\n");
        assertThat(Subscriptions.parse(added, "urls").queries()).hasSize(3);
    }

    @Test
    void opmlCarriesQueryFeedsBothWays() {
        List<QueryFeed> qs = List.of(new QueryFeed("Unread", "unread = \"yes\" and title =~ \"<&>\"", List.of("a", "b")));
        String xml = Opml.write(List.of(new Subscription("https://a.example/feed.xml")), qs, "t");
        assertThat(xml).contains("xmlns:tidings=\"" + Opml.TIDINGS_NS + "\"").contains("type=\"query\"");
        Subscriptions.Parsed back = Opml.parse(xml.getBytes(StandardCharsets.UTF_8), "x.opml");
        assertThat(back.queries()).isEqualTo(qs);
        assertThat(back.subscriptions()).hasSize(1);
        // newsboat's own form: the query in xmlUrl, tags from folders
        String newsboat = "<opml version='2.0'><body><outline text='News'>"
                + "<outline text='Unread' xmlUrl='query:Unread:unread = &quot;yes&quot;'/></outline>"
                + "<outline text='x' query='title = x'/></body></opml>";
        Subscriptions.Parsed nb = Opml.parse(newsboat.getBytes(StandardCharsets.UTF_8), "nb.opml");
        assertThat(nb.queries()).containsExactly(new QueryFeed("Unread", "unread = \"yes\"", List.of("News")));
    }
}
