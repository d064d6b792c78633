package dev.tidings.subs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeedSettingsTest {
    private static final String LINE = "https://a.example/feed.xml news \"~A Feed\" reload-time=30 max-items=200"
            + " keep-days=14 reader-mode=yes \"user-agent=Mozilla/5.0 (X11; Linux)\"";

    @Test
    void readsEverySettingFromTheUrlsLine() {
        Subscriptions.Parsed p = Subscriptions.parse(LINE + "\n", "urls");
        assertThat(p.problems()).isEmpty();
        Subscription s = p.subscriptions().get(0);
        assertThat(s.name()).isEqualTo("A Feed");
        assertThat(s.tags()).containsExactly("news");
        assertThat(s.settings()).isEqualTo(new FeedSettings(30, 200, 14, true, "Mozilla/5.0 (X11; Linux)"));
    }

    @Test
    void writesThemBackAndReadsTheSame() {
        Subscription s = Subscriptions.parse(LINE + "\n", "urls").subscriptions().get(0);
        String text = Subscriptions.format(List.of(s));
        assertThat(text).contains("reload-time=30 max-items=200 keep-days=14 reader-mode=yes"
                + " \"user-agent=Mozilla/5.0 (X11; Linux)\"");
        assertThat(Subscriptions.parse(text, "urls").subscriptions()).containsExactly(s);
    }

    @Test
    void savingTouchesOnlyTheLineWhoseSettingsChanged() {
        String old = "# mine\n" + LINE + "\nhttps://b.example/f  max-items=5   # spaces kept\n";
        List<Subscription> subs = Subscriptions.parse(old, "urls").subscriptions();
        assertThat(UrlsFileMerge.merge(old, subs)).isEqualTo(old);

        Subscription b = subs.get(1);
        assertThat(b.settings().maxItems()).isEqualTo(5);
        String merged = UrlsFileMerge.merge(old, List.of(subs.get(0),
                b.withSettings(new FeedSettings(null, 5, 30, null, null))));
        assertThat(merged).isEqualTo("# mine\n" + LINE + "\nhttps://b.example/f max-items=5 keep-days=30\n");
    }

    @Test
    void aBadValueIsAProblemButTheFeedStays() {
        Subscriptions.Parsed p = Subscriptions.parse(
                "https://a.example/f max-items=lots reload-time=99999 reader-mode=maybe keep-days=7\n", "urls");
        assertThat(p.subscriptions()).hasSize(1);
        assertThat(p.subscriptions().get(0).settings()).isEqualTo(new FeedSettings(null, null, 7, null, null));
        assertThat(p.problems()).containsExactly(
                "urls:1: max-items: expected a whole number, not 'lots'; setting ignored",
                "urls:1: reload-time: expected a whole number from 0 to 10080, not 99999; setting ignored",
                "urls:1: reader-mode: expected yes or no, not 'maybe'; setting ignored");
    }

    @Test
    void otherTokensWithAnEqualsSignStayTags() {
        Subscription s = Subscriptions.parse("https://a.example/f lang=en\n", "urls").subscriptions().get(0);
        assertThat(s.tags()).containsExactly("lang=en");
        assertThat(s.settings().isEmpty()).isTrue();
    }

    @Test
    void aTagThatWouldReadBackAsASettingIsNotKept() {
        Subscription s = new Subscription("https://a.example/f", "", List.of("max-items=3", "ok"));
        assertThat(s.tags()).containsExactly("ok");
    }

    @Test
    void aUserAgentWithControlsIsRefused() {
        assertThatThrownBy(() -> new FeedSettings(null, null, null, null, "a\u001b[31m"))
                .hasMessageContaining("user-agent");
        Subscriptions.Parsed p = Subscriptions.parse("https://a.example/f \"user-agent=\"\n", "urls");
        assertThat(p.problems()).singleElement().asString().contains("user-agent");
    }

    @Test
    void renamingKeepsTheSettings() {
        Subscription s = Subscriptions.parse(LINE + "\n", "urls").subscriptions().get(0);
        assertThat(s.withName("B").settings()).isEqualTo(s.settings());
        assertThat(s.withUrl("https://c.example/f").settings()).isEqualTo(s.settings());
    }
}
