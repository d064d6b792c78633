package dev.tidings.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.model.Enclosure;
import dev.tidings.model.Feed;
import dev.tidings.model.Item;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Enclosures with their sizes and playing times, from every format that has them (issue #13). */
class EnclosuresTest {
    private static final URI BASE = URI.create("https://harbour.example.net/feed.xml");

    @Test
    void itunesDurationGoesToThePodcastEnclosureAndMediaContentMergesIntoIt() {
        Feed f = Fixtures.parse("rss20-podcast-itunes-duration.xml", BASE, Detail.FULL);
        assertThat(f.items().get(0).enclosures()).containsExactly(
                new Enclosure("https://cdn.harbour.example.net/ep12.mp3", "audio/mpeg", 24613210, 3723));
        assertThat(f.items().get(1).enclosures()).containsExactly(
                new Enclosure("https://harbour.example.net/ep11.m4a", "audio/x-m4a", -1, 2707));
        assertThat(f.items().get(2).enclosures()).containsExactly(
                new Enclosure("https://cdn.harbour.example.net/ep10.ogg", "audio/ogg", 900, -1));
    }

    @Test
    void headlinesCarryTheEnclosureAndItsDurationToo() {
        Feed f = Fixtures.parse("rss20-podcast-itunes-duration.xml", BASE, Detail.HEADLINES);
        assertThat(f.items().get(0).enclosures()).extracting(Enclosure::duration).containsExactly(3723L);
    }

    @Test
    void mediaContentVideoIsAnEnclosureOnePerGroupTheDefaultRendition() {
        Feed f = Fixtures.parse("rss20-media-content-video-group.xml", BASE, Detail.FULL);
        Item video = f.items().get(0);
        assertThat(video.enclosures()).containsExactly(
                new Enclosure("https://v.river.example.org/barrier-1080.mp4", "video/mp4", 9800000, 95));
        assertThat(video.images()).extracting(i -> i.url()).containsExactly("https://img.river.example.org/barrier.jpg");
        Item audio = f.items().get(1);
        assertThat(audio.enclosures()).containsExactly(new Enclosure("https://a.river.example.org/mayor", "", -1, 312));
        assertThat(audio.images()).extracting(i -> i.url()).containsExactly("https://img.river.example.org/mayor.jpg");
    }

    @Test
    void jsonFeedDurationInSeconds() {
        Feed f = Fixtures.parse("jsonfeed11-attachment-durations.json", BASE, Detail.FULL);
        assertThat(f.items().get(0).enclosures()).containsExactly(
                new Enclosure("https://night.example.com/owls.mp3", "audio/mpeg", 5242880, 1805),
                new Enclosure("https://night.example.com/owls-notes.pdf", "application/pdf", -1, -1),
                new Enclosure("https://night.example.com/owls.opus", "audio/opus", -1, 12));
    }

    @Test
    void durationsInTheShapesFeedsWriteThem() {
        assertThat(Durations.parse("1:02:03")).isEqualTo(3723);
        assertThat(Durations.parse(" 62:03 ")).isEqualTo(3723);
        assertThat(Durations.parse("3723")).isEqualTo(3723);
        assertThat(Durations.parse("45.6")).isEqualTo(45);
        assertThat(Durations.parse("0:00:07")).isEqualTo(7);
        for (String junk : new String[] {"", "1:99", "-5", "1:2:3:4", "1::2", "9".repeat(30), "ten", "1.2.3", null}) {
            assertThat(Durations.parse(junk)).as("%s", junk).isEqualTo(-1);
        }
    }

    @Test
    void aHostileItemKeepsAtMost64Enclosures() throws FeedException {
        StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><item><title>t</title>");
        for (int i = 0; i < 5000; i++) {
            sb.append("<enclosure url=\"https://x.example/").append(i).append(".mp3\" type=\"audio/mpeg\"/>");
        }
        sb.append("</item></channel></rss>");
        Feed f = Feeds.parse(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), null, BASE, Detail.FULL);
        assertThat(f.items().get(0).enclosures()).hasSize(64);
    }
}
