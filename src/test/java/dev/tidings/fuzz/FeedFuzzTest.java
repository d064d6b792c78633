package dev.tidings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import dev.tidings.feed.Feeds;
import dev.tidings.model.Feed;
import dev.tidings.model.Item;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz targets for the feed parsers, one per format, all through the public entry
 * {@link Feeds#parse(byte[], String, URI, Detail)}: the format is detected from the content, so the
 * targets differ by their seed corpus ({@code FeedFuzzTestInputs/<method>/}) and dictionary.
 *
 * <p>The contract checked: {@link FeedException} is the only exception; one input costs at most
 * {@link Budget}; one-line fields hold no control characters; a headlines-only parse and a full
 * parse that both succeed agree on every item's id, title and link (list and dump number the
 * same items). {@code mvn verify} runs the seeds; {@code JAZZER_FUZZ=1} fuzzes (bench/fuzz-all.sh).
 */
class FeedFuzzTest {
    private static final URI BASE = URI.create("https://feeds.example.org/news/feed");

    @BeforeAll
    static void loadClasses() throws Exception {
        // class loading (and Jazzer's instrumentation of it) is not what an input costs
        parseBoth("<rss version=\"2.0\"><channel><title>t</title><item><title>a</title><description>&lt;p&gt;b"
                + "</description></item></channel></rss>");
        parseBoth("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[{\"id\":\"1\","
                + "\"content_html\":\"<p>x</p>\"}]}");
    }

    @DictionaryEntries({"<rss version=\"2.0\">", "<channel>", "</channel>", "<item>", "</item>", "<title>",
        "<link>", "<guid isPermaLink=\"false\">", "<description>", "<content:encoded>", "<![CDATA[", "]]>",
        "<pubDate>", "<enclosure url=\"", "<media:content url=\"", "<media:credit>", "<dc:creator>", "&amp;",
        "&#27;", "&lt;", "<?xml version=\"1.0\" encoding=\"", "<!DOCTYPE rss"})
    @FuzzTest(maxDuration = "10m")
    void rss(byte[] input) throws Exception {
        check(input);
    }

    @DictionaryEntries({"<feed xmlns=\"http://www.w3.org/2005/Atom\">", "</feed>", "<entry>", "</entry>",
        "<title type=\"html\">", "<content type=\"xhtml\">", "<content type=\"html\">", "<summary>",
        "<link rel=\"alternate\" href=\"", "<id>", "<updated>", "<published>", "<author><name>", "xml:base=\"",
        "<div xmlns=\"http://www.w3.org/1999/xhtml\">", "&amp;", "&#x1B;", "<![CDATA["})
    @FuzzTest(maxDuration = "10m")
    void atom(byte[] input) throws Exception {
        check(input);
    }

    @DictionaryEntries({"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
        + "xmlns=\"http://purl.org/rss/1.0/\">", "</rdf:RDF>", "<channel rdf:about=\"", "<item rdf:about=\"",
        "</item>", "<title>", "<link>", "<description>", "<dc:date>", "<dc:creator>", "<items><rdf:Seq>",
        "<rdf:li resource=\"", "&amp;", "<![CDATA["})
    @FuzzTest(maxDuration = "10m")
    void rdf(byte[] input) throws Exception {
        check(input);
    }

    @DictionaryEntries({"{\"version\":\"https://jsonfeed.org/version/1.1\"", "\"items\":[", "\"id\":",
        "\"title\":", "\"content_html\":", "\"content_text\":", "\"summary\":", "\"url\":", "\"external_url\":",
        "\"date_published\":", "\"date_modified\":", "\"authors\":[{\"name\":", "\"author\":{\"name\":",
        "\"tags\":[", "\"attachments\":[{\"url\":", "\"mime_type\":", "\"image\":", "\"home_page_url\":",
        "\\u001b", "\\ud800", "null", "true", "1e999"})
    @FuzzTest(maxDuration = "10m")
    void jsonFeed(byte[] input) throws Exception {
        check(input);
    }

    private static void check(byte[] input) throws Exception {
        Budget.check(() -> {
            Feed full = parse(input, Detail.FULL);
            Feed headlines = parse(input, Detail.HEADLINES);
            for (Feed f : new Feed[] {full, headlines}) {
                if (f != null) {
                    assertClean(f);
                }
            }
            if (full != null && headlines != null) {
                assertThat(summary(headlines.items())).as("headlines-only parse agrees with the full parse")
                        .isEqualTo(summary(full.items()));
            }
        });
    }

    private static Feed parse(byte[] input, Detail detail) {
        try {
            return Feeds.parse(input, null, BASE, detail);
        } catch (FeedException documented) {
            return null;
        }
    }

    private static void parseBoth(String feed) throws Exception {
        check(feed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<String> summary(List<Item> items) {
        return items.stream().map(i -> i.id() + "\u0000" + i.title() + "\u0000" + i.link()).toList();
    }

    private static void assertClean(Feed f) {
        Budget.assertPrintable("feed title", f.title(), false);
        Budget.assertPrintable("feed link", f.link(), false);
        for (Item i : f.items()) {
            Budget.assertPrintable("item id", i.id(), false);
            Budget.assertPrintable("item title", i.title(), false);
            Budget.assertPrintable("item link", i.link(), false);
            i.authors().forEach(a -> Budget.assertPrintable("author", a, false));
            i.categories().forEach(c -> Budget.assertPrintable("category", c, false));
        }
    }
}
