package dev.tidings.feed;

import static dev.tidings.feed.Fixtures.full;
import static dev.tidings.feed.Fixtures.headlines;
import static dev.tidings.feed.Fixtures.item;
import static dev.tidings.feed.Fixtures.parseString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Image;
import dev.tidings.model.Item;
import dev.tidings.model.Social;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The JSON news sources (issue #15): each shape read into the same model as RSS. */
class FeedsSourcesTest {

    @ParameterizedTest
    @CsvSource({
        "sources/hn-algolia-search.json, HACKER_NEWS, 3",
        "sources/reddit-listing.json, REDDIT, 3",
        "sources/mastodon-timeline.json, MASTODON, 3",
        "sources/newsapi-top-headlines.json, NEWSAPI, 2",
        "sources/gnews-search.json, GNEWS, 1",
        "sources/guardian-search.json, GUARDIAN, 2",
    })
    void detectsEachShapeFromItsMembers(String fixture, FeedFormat format, int items) {
        Feed f = full(fixture);
        assertThat(f.format()).isEqualTo(format);
        assertThat(f.items()).hasSize(items);
        Fixtures.assertTerminalSafe(f);
        Feed h = headlines(fixture);
        assertThat(h.items()).extracting(Item::id).containsExactlyElementsOf(f.items().stream().map(Item::id).toList());
        assertThat(h.items()).allSatisfy(i -> assertThat(i.contentHtml()).isEmpty());
    }

    @Test
    void detectionIgnoresMemberOrderAndTheDecisiveMemberMayComeLate() throws FeedException {
        String filler = "\"padding\":\"" + "x".repeat(100_000) + "\",";
        Feed f = parseString("{" + filler + "\"nbHits\":1,\"hits\":[{\"objectID\":\"7\",\"title\":\"Late\"}]}", Detail.FULL);
        assertThat(f.format()).isEqualTo(FeedFormat.HACKER_NEWS);
        assertThat(f.items()).extracting(Item::title).containsExactly("Late");
        Feed r = parseString("{\"data\":{\"children\":[{\"data\":{\"name\":\"t3_a\",\"title\":\"No kind\"}}]}}", Detail.FULL);
        assertThat(r.format()).isEqualTo(FeedFormat.REDDIT);
    }

    @Test
    void hackerNewsLinksTheStoryOrItsItemPageAndCountsPointsAndComments() {
        Feed f = full("sources/hn-algolia-search.json");
        assertThat(f.title()).isEqualTo("Hacker News: tides");
        Item story = item(f, "Tide tables for the Varenta estuary, rebuilt in SQLite");
        assertThat(story.link()).isEqualTo("https://tides.example.org/varenta");
        assertThat(story.id()).isEqualTo("https://news.ycombinator.com/item?id=41000001");
        assertThat(story.social()).isEqualTo(new Social(120, 45, "https://news.ycombinator.com/item?id=41000001", "", ""));
        assertThat(story.published()).isEqualTo(Instant.ofEpochSecond(1795940100L));
        assertThat(story.authors()).containsExactly("marisol");
        Item ask = item(f, "Ask HN: What do you read news with in a terminal?");
        assertThat(ask.link()).isEqualTo("https://news.ycombinator.com/item?id=41000002");
        assertThat(ask.contentHtml()).contains("<p>I rotate between three &amp; lose track.");
        Item comment = item(f, "Re: Tide tables for the Varenta estuary, rebuilt in SQLite");
        assertThat(comment.contentHtml()).contains("<i>off by an hour</i>");
        assertThat(comment.social().commentsLink()).isEqualTo("https://news.ycombinator.com/item?id=41000001");
    }

    @Test
    void redditUnescapesSelftextAndUrlsKeepsTheSourcePreviewAndMakesGalleryCaptions() {
        Feed f = full("sources/reddit-listing.json");
        assertThat(f.title()).isEqualTo("r/rivers");
        assertThat(f.link()).isEqualTo("https://www.reddit.com/r/rivers/");
        Item self = item(f, "Gauge station at Santa Brigida is back online & reporting");
        assertThat(self.contentHtml()).contains("<strong>October</strong>").contains("15 minutes &amp; a webcam")
                .doesNotContain("&lt;");
        assertThat(self.link()).isEqualTo("https://www.reddit.com/r/rivers/comments/1abc01/gauge_station_at_santa_brigida/");
        assertThat(self.id()).isEqualTo("reddit:t3_1abc01");
        assertThat(self.social().points()).isEqualTo(340);
        assertThat(self.social().comments()).isEqualTo(12);
        assertThat(self.categories()).containsExactly("Data");
        Item photo = item(f, "Aerial photo of the new flood walls");
        assertThat(photo.link()).isEqualTo("https://photos.example.net/walls?a=1&b=2");
        assertThat(photo.images()).containsExactly(new Image(
                "https://preview.redd.it/walls.jpg?width=2048&format=pjpg&s=abc", "", "photos.example.net"));
        assertThat(photo.social().commentsLink()).isEqualTo("https://www.reddit.com/r/rivers/comments/1abc02/aerial_photo/");
        Item gallery = item(f, "Three weirs along the Varenta, upstream to down");
        String html = gallery.contentHtml();
        assertThat(html).contains("src=\"https://preview.redd.it/m1.jpg?width=1200&amp;s=11\"")
                .contains("<figcaption>The upper weir at dawn</figcaption>")
                .contains("<figcaption>Lower weir &amp; fish ladder</figcaption>");
        assertThat(html.indexOf("m1.jpg")).as("gallery order, not metadata order").isLessThan(html.indexOf("m2.jpg"));
        assertThat(gallery.published()).isEqualTo(Instant.ofEpochMilli(1795920000500L));
    }

    @Test
    void mastodonMakesTitlesFromTextKeepsContentWarningsAndShowsBoosts() {
        Feed f = full("sources/mastodon-timeline.json");
        assertThat(f.title()).isEqualTo("river.example.social timeline");
        Item first = f.items().get(0);
        assertThat(first.title()).isEqualTo("The river is back inside its banks this morning.");
        assertThat(first.authors()).containsExactly("Ana Ferreira (@ana)");
        assertThat(first.categories()).containsExactly("#varenta");
        assertThat(first.contentHtml()).contains("<figcaption>Brown water under a wooden footbridge, mud on the railings");
        assertThat(first.social().comments()).isEqualTo(3);

        Item warned = f.items().get(1);
        assertThat(warned.title()).isEqualTo("CW: flood damage, injured animals").doesNotContain("sheep");
        assertThat(warned.social().contentWarning()).isEqualTo("flood damage, injured animals");
        assertThat(warned.summaryHtml()).isEmpty();
        assertThat(warned.contentHtml()).contains("forty sheep").contains("https://shelter.example.org/report");

        Item boost = f.items().get(2);
        assertThat(boost.social().boostedBy()).isEqualTo("Ana Ferreira (@ana)");
        assertThat(boost.authors()).containsExactly("Cara (@cara@other.example.net)");
        assertThat(boost.link()).isEqualTo("https://other.example.net/@cara/113400000000000009");
        assertThat(boost.title()).startsWith("Volunteers needed at the Santa Brigida").endsWith("…").hasSizeLessThanOrEqualTo(81);
        assertThat(boost.enclosures()).extracting(e -> e.url()).containsExactly("https://other.example.net/media/sandbags.mp4");
    }

    @Test
    void mastodonTitleIsTheFirstLineShortenedAtAWord() {
        assertThat(MastodonParser.title("<p>One&amp;two<br>three</p>", "x")).isEqualTo("One&two");
        assertThat(MastodonParser.title("<p></p>", "fallback")).isEqualTo("fallback");
        String t = MastodonParser.title("<p>" + "word ".repeat(40) + "</p>", "x");
        assertThat(t).endsWith("word…").hasSizeLessThanOrEqualTo(MastodonParser.TITLE_LENGTH + 1);
    }

    @Test
    void newsApiCreditsTheSourceAndStripsTheSnippetMarker() {
        Feed f = full("sources/newsapi-top-headlines.json");
        Item walls = item(f, "Flood walls finished a week before the thaw");
        assertThat(walls.images()).containsExactly(new Image("https://courier.example.com/img/walls.jpg", "", "Valley Courier"));
        assertThat(walls.contentHtml()).contains("The mayor thanked").doesNotContain("chars]").doesNotContain("…<")
                .contains("reader mode");
        assertThat(walls.summaryHtml()).contains("The last section was poured on Sunday.");
        Item bare = item(f, "Pass road reopens after rockfall");
        assertThat(bare.authors()).isEmpty();
        assertThat(bare.images()).isEmpty();
    }

    @Test
    void redditEntitiesAreDecodedOnce() {
        assertThat(RedditParser.unescape("&lt;p&gt;a &amp;amp; b&lt;/p&gt;")).isEqualTo("<p>a &amp; b</p>");
        assertThat(RedditParser.unescape("x&nbsp;y &#39;q&#39;")).isEqualTo("x\u00a0y 'q'");
        assertThat(RedditParser.unescape("no entities")).isEqualTo("no entities");
    }

    @Test
    void snippetMarkersAreCutFromTheEndOnly() {
        assertThat(NewsApiParser.withoutMarker("The mayor thanked… [+2318 chars]")).isEqualTo("The mayor thanked");
        assertThat(NewsApiParser.withoutMarker("citing low... [1874 chars]")).isEqualTo("citing low");
        assertThat(NewsApiParser.withoutMarker("A [+12 chars] aside, then more")).isEqualTo("A [+12 chars] aside, then more");
        assertThat(NewsApiParser.withoutMarker("no marker")).isEqualTo("no marker");
        assertThat(NewsApiParser.withoutMarker("[+5 chars]")).isEmpty();
    }

    @Test
    void gnewsIsTheArticlesShapeWithImageAndTotalArticles() {
        Feed f = full("sources/gnews-search.json");
        assertThat(f.title()).isEqualTo("GNews");
        Item ferry = f.items().get(0);
        assertThat(ferry.images()).containsExactly(new Image("https://lakes.example.org/ferry.jpg", "", "Lakes Daily"));
        assertThat(ferry.contentHtml()).endsWith(NewsApiParser.SNIPPET_NOTE).doesNotContain("[1874 chars]");
    }

    @Test
    void guardianBodyIsTheFullHtml() {
        Feed f = full("sources/guardian-search.json");
        assertThat(f.title()).isEqualTo("The Guardian: Environment");
        Item walls = item(f, "Alpine valley finishes its flood walls before the thaw");
        assertThat(walls.contentHtml()).contains("<figcaption>").contains("This year they watched concrete.");
        assertThat(walls.summaryHtml()).contains("<em>changed</em>");
        assertThat(walls.authors()).containsExactly("Marta Oliveira");
        assertThat(walls.categories()).containsExactly("Environment", "Floods");
        assertThat(walls.id()).isEqualTo("guardian:environment/2026/nov/30/alpine-flood-walls");
        Item ferry = item(f, "Lake ferry cuts winter crossings");
        assertThat(ferry.authors()).containsExactly("Tom Berg");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sources/error-newsapi.json|NewsAPI|apiKeyInvalid: Your API key is not valid.",
        "sources/error-gnews.json|GNews|The API key you sent is not valid.",
        "sources/error-guardian.json|The Guardian|The api-key provided is invalid",
        "sources/error-reddit.json|Reddit|Forbidden (private) [403]",
        "sources/error-mastodon.json|the service|This method requires an authenticated user",
    })
    void errorDocumentsNameTheServiceAndItsMessage(String fixture, String service, String message) {
        ServiceErrorException e = catchThrowableOfType(
                () -> Feeds.parse(Fixtures.bytes(fixture), null, null, Detail.HEADLINES), ServiceErrorException.class);
        assertThat(e).isNotNull();
        assertThat(e.service()).isEqualTo(service);
        assertThat(e.serviceMessage()).startsWith(message);
        assertThat(e.getMessage()).doesNotContain("not a feed");
        Fixtures.assertOneLine(e);
    }

    @Test
    void errorBodiesOfHttpAnswersAreReadToo() {
        assertThat(Feeds.serviceError("{\"status\":\"error\",\"code\":\"rateLimited\",\"message\":\"Too many\"}".getBytes()))
                .contains("NewsAPI answered with an error: rateLimited: Too many");
        assertThat(Feeds.serviceError("{\"message\":\"API rate limit exceeded\"}".getBytes()))
                .contains("the service answered with an error: API rate limit exceeded");
        assertThat(Feeds.serviceError("<html>nope</html>".getBytes())).isEmpty();
        assertThat(Feeds.serviceError("{\"hits\":[]}".getBytes())).isEmpty();
        assertThat(Feeds.serviceError(new byte[0])).isEmpty();
    }

    @Test
    void unknownShapesNameWhatWasFoundAndPointAtTheReadme() {
        FeedException e = catchThrowableOfType(() -> Feeds.parse(Fixtures.bytes("sources/unknown-shape.json"), null, null,
                Detail.FULL), FeedException.class);
        assertThat(e.getMessage()).startsWith("not a feed: a JSON object with members results, page")
                .contains("\"hits\"").contains("\"articles\"").contains("README.md");
        Fixtures.assertOneLine(e);
        FeedException arr = catchThrowableOfType(() -> parseString("[1,2,3]", Detail.FULL), FeedException.class);
        assertThat(arr.getMessage()).contains("array whose items are not Mastodon statuses");
        FeedException empty = catchThrowableOfType(() -> parseString("{}", Detail.FULL), FeedException.class);
        assertThat(empty.getMessage()).contains("an empty JSON object");
    }

    @Test
    void anEmptyTimelineIsAFeedWithNoItems() throws FeedException {
        assertThat(parseString("[]", Detail.FULL).items()).isEmpty();
    }
}
