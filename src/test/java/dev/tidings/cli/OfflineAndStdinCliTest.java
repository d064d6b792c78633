package dev.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.testing.IsolatedHome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #12: --offline after the command and fetching nothing; a feed piped in without "-". */
class OfflineAndStdinCliTest {
    static final String RSS = "sample-feed/tidings-sample.rss.xml";

    @TempDir
    Path home;

    private record Run(int code, String out, String err) {
    }

    private Run run(String stdin, boolean piped, String... args) {
        Map<String, String> env = new HashMap<>(IsolatedHome.vars(home));
        env.put("TERM", "xterm-256color");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Env e = new Env(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), ZoneOffset.UTC, false,
                false, piped);
        int code = Main.run(args, e, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void offlineIsAcceptedAfterTheCommandToo() {
        Run before = run("", false, "--offline", "list", RSS);
        Run after = run("", false, "list", "--offline", RSS);
        Run dump = run("", false, "dump", "--offline", "--item", "1", RSS);
        assertThat(after.code).as(after.err).isZero();
        assertThat(after.out).isEqualTo(before.out).hasLineCount(9);
        assertThat(dump.code).as(dump.err).isZero();
    }

    @Test
    void offlineFetchesNoUrlAndSaysSo() {
        Run r = run("", false, "list", "--offline", "http://127.0.0.1:9/feed.xml");
        assertThat(r.code).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(r.err).isEqualTo("tidings: http://127.0.0.1:9/feed.xml: not fetched (--offline)\n");
    }

    @Test
    void offlineListsSubscriptionsFromTheCacheOnlyNamingTheOnesNotCached() throws IOException {
        Path urls = home.resolve("config/tidings/urls");
        Files.createDirectories(urls.getParent());
        Files.writeString(urls, "http://127.0.0.1:9/never-fetched.xml\n");
        Run r = run("", false, "list", "--offline");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.err).contains("http://127.0.0.1:9/never-fetched.xml: not in the cache yet (--offline: not fetched)");
    }

    @Test
    void refreshAndSyncRefuseOffline() {
        assertThat(run("", false, "refresh", "--offline").code).isEqualTo(ExitCodes.USAGE);
        assertThat(run("", false, "--offline", "sync").code).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aFeedPipedInWithoutADashIsReadWhenThereAreNoSubscriptions() throws IOException {
        String feed = Files.readString(Path.of(RSS));
        Run piped = run(feed, true, "list");
        Run dash = run(feed, false, "list", "-");
        assertThat(piped.code).as(piped.err).isZero();
        assertThat(piped.out).isEqualTo(dash.out).hasLineCount(9);
    }

    @Test
    void withSubscriptionsAPipeWithoutADashIsNotReadAndANoteSaysSo() throws IOException {
        Path urls = home.resolve("config/tidings/urls");
        Files.createDirectories(urls.getParent());
        Files.writeString(urls, "http://127.0.0.1:9/never-fetched.xml\n");
        Run r = run("not read", true, "list", "--offline");
        assertThat(r.err).contains("tidings: note: stdin is not read without '-' (showing your subscriptions)");
    }
}
