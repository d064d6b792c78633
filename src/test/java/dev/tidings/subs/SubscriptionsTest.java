package dev.tidings.subs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionsTest {
    static final List<String> MARKERS = List.of("exec", "filter", "tag", "bt", "url");

    static Subscription sub(String url, String name, String... tags) {
        return new Subscription(url, name, List.of(tags));
    }

    // ------------------------------------------------------------ Subscription

    @Test
    void aTagOfTildesAndSpacesSurvivesWritingAndReadingBack() {
        // issue #16, found by SubscriptionsFuzzTest#urlsFile: "~ ~x" was kept as "~x", written
        // unquoted, and read back as the display name
        Subscriptions.Parsed p = Subscriptions.parse("https://a.example/f \"ab\\\\\" \"!~ ~x\"\n", "urls");
        assertThat(p.subscriptions().get(0).tags()).containsExactly("ab\\", "x");
        Subscriptions.Parsed again = Subscriptions.parse(Subscriptions.format(p.subscriptions()), "urls");
        assertThat(again.subscriptions()).isEqualTo(p.subscriptions());
    }

    @Test
    void subscriptionValidatesUrlAndCleansNameAndTags() {
        Subscription s = new Subscription("https://a.example/f", null,
                List.of(" x ", "", "\u001b[31mred", "x", "!hidden", "~odd", "two\nlines"));
        assertThat(s.name()).isEmpty();
        assertThat(s.tags()).containsExactly("x", "red", "hidden", "odd", "two lines");
        assertThat(new Subscription("https://a.example/f", "A\r\u202eB", List.of()).name()).isEqualTo("A B");
        for (String bad : new String[] {null, "", "ftp://x", "exec:ls", "/relative", "https://", "https://a.example/a b",
            "https://a.example/\u001b[0m"}) {
            assertThatThrownBy(() -> new Subscription(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void tagsAreCopied() {
        java.util.ArrayList<String> tags = new java.util.ArrayList<>(List.of("a"));
        Subscription s = new Subscription("https://a.example/f", "", tags);
        tags.add("b");
        assertThat(s.tags()).containsExactly("a");
        assertThatThrownBy(() -> s.tags().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    // ------------------------------------------------------------ parse

    @Test
    void parsesNewsboatUrlsBasic() {
        Subscriptions.Parsed p = Subscriptions.parse(Fixtures.text("newsboat-urls-basic"), "urls");
        assertThat(p.problems()).isEmpty();
        assertThat(p.subscriptions()).containsExactly(
                sub("https://lwn.net/headlines/rss", "LWN.net", "linux"),
                sub("https://example.org/tech.xml", "", "tech", "tech news", "hidden"),
                sub("https://blog.example.com/atom.xml", "A \"quoted\" blog", "personal"),
                sub("https://no-tags.example/feed", ""),
                sub("https://example.net/feed?a=1&b=2#frag", "", "news"));
    }

    @Test
    void refusesHostileSourcesNamingTheirLinesAndRunsNothing() throws IOException {
        for (String m : MARKERS) {
            Files.deleteIfExists(Path.of("/tmp/tidings-subs-pwned-" + m));
        }
        Subscriptions.Parsed p = Subscriptions.parse(Fixtures.text("newsboat-urls-hostile"), "urls");
        assertThat(p.problems()).containsExactly(
                "urls:3: exec: sources are never run by Tidings; line skipped",
                "urls:4: filter: sources are never run by Tidings; line skipped",
                "urls:6: file: sources are never read by Tidings; line skipped",
                "urls:7: 'ftp://x' is not an http(s) URL; line skipped",
                "urls:9: 'https://example.org/`touch' is not an http(s) URL; line skipped",
                "urls:10: 'https://ok.example/first.xml/' is already on line 2; line skipped",
                "urls:11: 'javascript:alert(1)' is not an http(s) URL; line skipped",
                "urls:12: unterminated quote; line skipped");
        assertThat(p.queries()).containsExactly(new QueryFeed("Unread", "unread = \"yes\"", List.of())); // issue #13
        assertThat(p.subscriptions()).containsExactly(
                sub("https://ok.example/first.xml", "", "ok"),
                sub("https://ok.example/tags.xml", "$(rm -rf ~)",
                        "$(touch /tmp/tidings-subs-pwned-tag)", "`touch", "/tmp/tidings-subs-pwned-bt`"));
        for (String m : MARKERS) {
            assertThat(Path.of("/tmp/tidings-subs-pwned-" + m)).doesNotExist();
        }
        // and the shell-looking data survives a save/load round trip unchanged
        assertThat(Subscriptions.parse(Subscriptions.format(p.subscriptions()), "urls").subscriptions())
                .isEqualTo(p.subscriptions());
    }

    @Test
    void blankCommentsBomAndCrlf() {
        Subscriptions.Parsed p = Subscriptions.parse("\uFEFF# c\r\n\r\n   \t\r\nhttps://a.example/x a\r\n#https://b.example/\r\n", "u");
        assertThat(p.problems()).isEmpty();
        assertThat(p.subscriptions()).containsExactly(sub("https://a.example/x", "", "a"));
        assertThat(Subscriptions.parse("", "u").subscriptions()).isEmpty();
    }

    @Test
    void problemMessagesAreOneSafeLine() {
        Subscriptions.Parsed p = Subscriptions.parse("gopher://\u001b]52;c;ZXZpbA==\u0007x" + "y".repeat(200), "u\u001b[2J");
        assertThat(p.problems()).hasSize(1);
        String m = p.problems().get(0);
        assertThat(m).startsWith("u:1: 'gopher://x").doesNotContain("\u001b", "\u0007", "\n").hasSizeLessThan(140);
    }

    // ------------------------------------------------------------ format

    @Test
    void formatRoundTripsAwkwardValues() {
        List<Subscription> subs = List.of(
                sub("https://a.example/feed", "Plain", "one"),
                sub("https://b.example/feed?q=1&r=2", "Name with \"quotes\" and \\ back\\slash", "two words", "#notcomment",
                        "quote\"in", "back\\slash"),
                sub("http://c.example/", ""),
                sub("https://d.example/x#frag", "~tilde ~inside", "\u00e9t\u00e9", "\u65e5\u672c"),
                sub("https://e.example/", "Injected\nexec:rm -rf ~", "tag\nhttps://evil.example/"));
        String text = Subscriptions.format(subs);
        assertThat(text).startsWith(Subscriptions.HEADER + "\n");
        assertThat(text.lines()).hasSize(1 + subs.size());
        Subscriptions.Parsed back = Subscriptions.parse(text, "urls");
        assertThat(back.problems()).isEmpty();
        assertThat(back.subscriptions()).isEqualTo(subs);
        assertThat(text).contains("https://a.example/feed one ~Plain\n", "\"two words\"", "\"~~tilde ~inside\"");
    }

    // ------------------------------------------------------------ files

    @Test
    void missingFileLoadsEmpty(@TempDir Path dir) throws IOException {
        Subscriptions.Parsed p = Subscriptions.load(dir.resolve("nope/urls"));
        assertThat(p.subscriptions()).isEmpty();
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void saveIsAtomicPrivateAndLeavesNoTempFile(@TempDir Path dir) throws IOException {
        Path conf = dir.resolve("tidings");
        Path file = conf.resolve("urls");
        List<Subscription> subs = List.of(sub("https://a.example/f", "A", "t"), sub("https://b.example/g", ""));
        Subscriptions.save(file, subs);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conf))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Subscriptions.load(file).subscriptions()).isEqualTo(subs);

        // overwriting a world-readable file leaves a private one, and nothing else in the directory
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        List<Subscription> more = Subscriptions.add(subs, sub("https://c.example/h", "C"));
        Subscriptions.save(file, more);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(conf)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("urls");
        }
        assertThat(Subscriptions.load(file).subscriptions()).isEqualTo(more);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith(Subscriptions.HEADER);
    }

    @Test
    void loadReportsProblemsWithTheFileName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("urls");
        Files.writeString(file, "https://a.example/\nexec:true\n");
        assertThat(Subscriptions.load(file).problems())
                .containsExactly("urls:2: exec: sources are never run by Tidings; line skipped");
    }

    // ------------------------------------------------------------ list edits

    // ------------------------------------------------------------ saving keeps what is not a feed

    static final String HAND_EDITED = "# my feeds, sorted by hand\n"
            + "\n"
            + "https://a.example/feed.xml news \"~Alpha\"   # the good one\n"
            + "exec:~/bin/weather.sh \"~Weather\"\n"
            + "https://b.example/rss !hidden \"tech news\"\n"
            + "https://c.example/atom \"unterminated\n"
            + "# old ones\n"
            + "https://d.example/feed\n"
            + "https://a.example/feed.xml/ dup\n";

    @Test
    void unchangedSubscriptionsLeaveTheFileAsItWas() {
        List<Subscription> subs = Subscriptions.parse(HAND_EDITED, "urls").subscriptions();
        assertThat(UrlsFileMerge.merge(HAND_EDITED, subs)).isEqualTo(HAND_EDITED);
    }

    @Test
    void addAppendsAndKeepsCommentsAndRefusedLines() {
        List<Subscription> subs = Subscriptions.add(Subscriptions.parse(HAND_EDITED, "urls").subscriptions(),
                sub("https://e.example/new.xml", "New one", "misc"));
        String merged = UrlsFileMerge.merge(HAND_EDITED, subs);
        assertThat(merged).isEqualTo(HAND_EDITED + "https://e.example/new.xml misc \"~New one\"\n");
        assertThat(Subscriptions.parse(merged, "urls").subscriptions()).isEqualTo(subs);
    }

    @Test
    void removeDropsTheFeedsLinesOnly() {
        List<Subscription> subs = Subscriptions.remove(Subscriptions.parse(HAND_EDITED, "urls").subscriptions(),
                "https://a.example/feed.xml");
        String merged = UrlsFileMerge.merge(HAND_EDITED, subs);
        assertThat(merged).doesNotContain("a.example") // its duplicate goes too, or it would come back
                .contains("# my feeds, sorted by hand", "exec:~/bin/weather.sh", "https://b.example/rss !hidden",
                        "\"unterminated", "# old ones");
        assertThat(Subscriptions.parse(merged, "urls").subscriptions()).isEqualTo(subs);
    }

    @Test
    void renameAndMoveRewriteTheLineWhereItIs() {
        List<Subscription> subs = Subscriptions.parse(HAND_EDITED, "urls").subscriptions();
        subs = Subscriptions.rename(subs, "https://b.example/rss", "Bee");
        subs = Subscriptions.replaceUrl(subs, "https://d.example/feed", "https://d.example/new-home.xml");
        String merged = UrlsFileMerge.merge(HAND_EDITED, subs);
        List<String> lines = List.of(merged.split("\n"));
        assertThat(lines.get(4)).isEqualTo("https://b.example/rss hidden \"tech news\" ~Bee");
        assertThat(lines.get(7)).isEqualTo("https://d.example/new-home.xml");
        assertThat(lines.get(2)).isEqualTo("https://a.example/feed.xml news \"~Alpha\"   # the good one");
        assertThat(lines).hasSize(9);
        assertThat(Subscriptions.parse(merged, "urls").subscriptions()).isEqualTo(subs);
    }

    @Test
    void crlfAndBomSurviveAndANewFileGetsTheHeader() {
        String crlf = "\uFEFF# mine\r\nhttps://a.example/f\r\n";
        List<Subscription> subs = Subscriptions.add(Subscriptions.parse(crlf, "urls").subscriptions(),
                sub("https://b.example/f", ""));
        assertThat(UrlsFileMerge.merge(crlf, subs)).isEqualTo("\uFEFF# mine\r\nhttps://a.example/f\r\nhttps://b.example/f\r\n");
        assertThat(UrlsFileMerge.merge(null, subs)).startsWith(Subscriptions.HEADER + "\n");
        assertThat(UrlsFileMerge.merge("", subs)).isEqualTo(Subscriptions.format(subs));
    }

    @Test
    void saveKeepsTheHandEditedLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("urls");
        Files.writeString(file, HAND_EDITED, StandardCharsets.UTF_8);
        List<Subscription> subs = Subscriptions.load(file).subscriptions();
        Subscriptions.save(file, Subscriptions.add(subs, sub("https://e.example/x", "")));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(HAND_EDITED + "https://e.example/x\n");
    }

    @Test
    void addRefusesDuplicatesIgnoringTrailingSlashAndHostCase() {
        List<Subscription> list = Subscriptions.add(List.of(), sub("https://a.example/feed", ""));
        assertThatThrownBy(() -> Subscriptions.add(list, sub("https://a.example/feed/", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("already subscribed: https://a.example/feed/");
        assertThatThrownBy(() -> Subscriptions.add(list, sub("HTTPS://A.Example/feed", "")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Subscriptions.add(list, sub("https://a.example/Feed", ""))).hasSize(2); // paths are case-sensitive
    }

    @Test
    void removeRenameReplaceArePure() {
        List<Subscription> list = List.of(sub("https://a.example/", "A", "x"), sub("https://b.example/", "B"),
                sub("https://c.example/", "C"));
        assertThat(Subscriptions.remove(list, "https://b.example")).extracting(Subscription::name).containsExactly("A", "C");
        assertThat(Subscriptions.rename(list, "https://a.example/", "Alpha").get(0)).isEqualTo(sub("https://a.example/", "Alpha", "x"));
        assertThat(Subscriptions.rename(list, "https://a.example/", null).get(0).name()).isEmpty();
        List<Subscription> moved = Subscriptions.replaceUrl(list, "https://a.example/", "https://new.example/feed");
        assertThat(moved.get(0)).isEqualTo(sub("https://new.example/feed", "A", "x"));
        assertThat(Subscriptions.replaceUrl(list, "https://a.example/", "https://a.example").get(0).url())
                .isEqualTo("https://a.example"); // the same feed, spelled differently
        assertThat(list.get(0).url()).isEqualTo("https://a.example/"); // input untouched

        assertThatThrownBy(() -> Subscriptions.remove(list, "https://zzz.example/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not subscribed: https://zzz.example/");
        assertThatThrownBy(() -> Subscriptions.rename(list, "https://zzz.example/", "Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not subscribed");
        assertThatThrownBy(() -> Subscriptions.replaceUrl(list, "https://zzz.example/", "https://y.example/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not subscribed");
        assertThatThrownBy(() -> Subscriptions.replaceUrl(list, "https://a.example/", "https://b.example/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("already subscribed: https://b.example/");
        assertThatThrownBy(() -> Subscriptions.replaceUrl(list, "https://a.example/", "exec:true"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an http(s) URL");
    }
}
