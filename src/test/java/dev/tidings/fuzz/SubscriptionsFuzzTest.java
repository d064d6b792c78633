package dev.tidings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tidings.subs.Opml;
import dev.tidings.subs.SubsException;
import dev.tidings.subs.Subscription;
import dev.tidings.subs.Subscriptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz targets for the subscription files: OPML import ({@link Opml#parse}) and the newsboat-style
 * urls file ({@link Subscriptions#parse}).
 *
 * <p>The contract checked: {@link SubsException} (OPML that is not well-formed or declares
 * entities) is the only exception, and the urls file throws none; one input costs at most
 * {@link Budget}; names and tags hold no control characters; what was read survives a round
 * trip: the urls file written and read again is the same subscriptions; the OPML export read back
 * is the same feeds (grouped by first tag, as {@link Opml#write} documents), and a second round
 * trip changes nothing.
 */
class SubscriptionsFuzzTest {
    @BeforeAll
    static void loadClasses() throws Exception {
        checkOpml(("<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>t</title></head><body><outline text=\"n\">"
                + "<outline type=\"rss\" text=\"a\" xmlUrl=\"https://a.example/feed\"/></outline></body></opml>")
                .getBytes(StandardCharsets.UTF_8));
        checkUrls("https://a.example/feed \"tag\" \"~Name\"\n# c\n".getBytes(StandardCharsets.UTF_8));
    }

    @DictionaryEntries({"<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<opml version=\"2.0\">", "<opml version=\"1.0\">",
        "<head>", "<title>", "<body>", "</body>", "</opml>", "<outline ", "</outline>", "/>", "text=\"", "title=\"",
        "type=\"rss\"", "xmlUrl=\"", "htmlUrl=\"", "category=\"", "https://", "http://", "exec:", "filter:",
        "query:", "&amp;", "&#27;", "<!DOCTYPE opml", "<!ENTITY"})
    @FuzzTest(maxDuration = "10m")
    void opml(byte[] input) throws Exception {
        checkOpml(input);
    }

    private static void checkOpml(byte[] input) throws Exception {
        Budget.check(() -> {
            Subscriptions.Parsed parsed;
            try {
                parsed = Opml.parse(input, "fuzz.opml");
            } catch (SubsException documented) {
                return;
            }
            assertClean(parsed);
            // the export groups feeds by first tag and turns commas in later tags into spaces
            // (Opml.write): read back, it is the same feeds, and a second round trip changes nothing
            List<Subscription> once = roundTrip(parsed.subscriptions());
            assertThat(once).extracting(Subscription::url).as("OPML export read back: the same feeds")
                    .containsExactlyInAnyOrderElementsOf(parsed.subscriptions().stream().map(Subscription::url).toList());
            assertThat(roundTrip(once)).as("OPML export read back twice").isEqualTo(once);
        });
    }

    // no control characters: libFuzzer's dictionary file format cannot hold a raw newline
    @DictionaryEntries({"https://", "http://", " \"", "\" ", "\"~", "\"!", "#", "exec:", "filter:", "query:",
        "\\\"", "\u202e", "~", "!", "\u00a0", "\u3000"})
    @FuzzTest(maxDuration = "10m")
    void urlsFile(byte[] input) throws Exception {
        checkUrls(input);
    }

    private static void checkUrls(byte[] input) throws Exception {
        Budget.check(() -> {
            Subscriptions.Parsed parsed = Subscriptions.parse(new String(input, StandardCharsets.UTF_8), "urls");
            assertClean(parsed);
            Subscriptions.Parsed again = Subscriptions.parse(Subscriptions.format(parsed.subscriptions()), "urls");
            assertThat(again.subscriptions()).as("urls file written and read back").isEqualTo(parsed.subscriptions());
            assertThat(again.problems()).as("problems reading back what we wrote").isEmpty();
        });
    }

    private static List<Subscription> roundTrip(List<Subscription> subs) {
        return Opml.parse(Opml.write(subs, "Fuzz").getBytes(StandardCharsets.UTF_8), "export.opml").subscriptions();
    }

    private static void assertClean(Subscriptions.Parsed parsed) {
        for (Subscription s : parsed.subscriptions()) {
            Budget.assertPrintable("url", s.url(), false);
            Budget.assertPrintable("name", s.name(), false);
            s.tags().forEach(t -> Budget.assertPrintable("tag", t, false));
        }
        parsed.problems().forEach(p -> Budget.assertPrintable("problem", p, false));
    }
}
