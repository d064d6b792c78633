package dev.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidings.sync.RecordedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account, sync and mark commands against a real FreshRSS's recorded answers
 * (src/test/resources/sync/freshrss, recorded with bench/greader-record.py: docs/sync-recording.md):
 * three loopback feeds of seven stories and FreshRSS's default releases feed; the scenario is the
 * recorded one: add the account, sync, mark one story read and another starred, sync, test.
 */
class SyncReplayTest {
    static final String PASSWORD = "replay-Passw0rd";
    static final String RECORDED_TOKEN = "RECORDEDTOKEN";

    @TempDir
    Path home;
    RecordedServer server;
    final List<Cli> runs = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new RecordedServer("/sync/freshrss", 20);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Cli run(String... args) {
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString(), "XDG_DATA_HOME", home.resolve("data").toString(),
                "FRESHRSS_PASSWORD", PASSWORD);
        Cli c = Cli.runWith(env, "", false, args);
        runs.add(c);
        return c;
    }

    @Test
    void addSyncMarkSyncTestAgainstRecordedFreshRss() throws IOException {
        Cli add = run("account", "add", "greader", server.base, "--user", "bob", "--password-env", "FRESHRSS_PASSWORD",
                "--name", "fresh");
        assertThat(add.code).as(add.toString()).isZero();

        Cli first = run("sync");
        assertThat(first.code).as(first.toString()).isZero();
        assertThat(first.out).isEqualTo("Synced 1 of 1 account (fresh: 4 feeds, 21 new, 0 changes pushed)\n");

        Cli list = run("list", "--format", "tsv");
        assertThat(list.code).as(list.toString()).isZero();
        assertThat(list.out.lines()).hasSize(21).anyMatch(l -> l.contains("Feed 2 story 5"));
        List<String> ids = new ArrayList<>();
        for (String line : run("list", "--format", "json").out.lines().toList()) {
            if (line.strip().startsWith("\"id\" : \"sync:fresh:")) {
                ids.add(line.strip().replaceAll(".*: \"(.*)\".*", "$1"));
            }
        }
        assertThat(ids).hasSize(21);

        assertThat(run("mark", "read", ids.get(0)).code).isZero();
        assertThat(run("mark", "star", ids.get(1)).code).isZero();
        assertThat(run("account", "list").out).contains("fresh  " + server.base + "  user bob").contains("2 queued");

        Cli second = run("sync");
        assertThat(second.code).as(second.toString()).isZero();
        assertThat(second.out).contains("2 changes pushed");
        String hex0 = ids.get(0).substring("sync:fresh:".length());
        String hex1 = ids.get(1).substring("sync:fresh:".length());
        assertThat(server.requests).anyMatch(r -> r.startsWith("POST /reader/api/0/edit-tag")
                && r.contains("item%2F" + hex0) && r.contains("a=user%2F-%2Fstate%2Fcom.google%2Fread"));
        assertThat(server.requests).anyMatch(r -> r.startsWith("POST /reader/api/0/edit-tag")
                && r.contains("item%2F" + hex1) && r.contains("a=user%2F-%2Fstate%2Fcom.google%2Fstarred"));
        assertThat(Files.readString(home.resolve("data/tidings/sync/fresh/queue"))).isEmpty();
        // the starred story is in the account's Starred feed
        assertThat(run("list", "--format", "tsv").out.lines()).hasSize(22);

        Cli test = run("account", "test", "fresh");
        assertThat(test.out).isEqualTo("Account fresh: OK (4 subscriptions)\n");

        Path token = home.resolve("data/tidings/sync/fresh/token");
        assertThat(Files.getPosixFilePermissions(token)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(token)).contains(RECORDED_TOKEN);
        assertNoSecretOutsideTheTokenFile(token);
    }

    /** Neither the password nor the session token in any other file, file name or output. */
    private void assertNoSecretOutsideTheTokenFile(Path token) throws IOException {
        run("export");
        try (Stream<Path> files = Files.walk(home)) {
            for (Path p : files.toList()) {
                assertThat(p.toString()).doesNotContain(PASSWORD).doesNotContain(RECORDED_TOKEN);
                if (Files.isRegularFile(p) && !p.equals(token)) {
                    String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                    assertThat(text).as(p.toString()).doesNotContain(PASSWORD).doesNotContain(RECORDED_TOKEN);
                }
            }
        }
        for (Cli c : runs) {
            assertThat(c.out + c.err).doesNotContain(PASSWORD).doesNotContain(RECORDED_TOKEN);
        }
    }

    @Test
    void aRefusedLoginSavesNothingAndNamesNoSecret() {
        Cli add = run("account", "add", "greader", server.base + "/wrong", "--user", "bob", "--password-env",
                "FRESHRSS_PASSWORD", "--debug");
        assertThat(add.code).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(add.err).startsWith("tidings: ").hasLineCount(1).doesNotContain(PASSWORD);
        assertThat(Files.exists(home.resolve("config/tidings/accounts.json"))).isFalse();
        assertThat(run("sync").code).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void plainHttpToAnotherHostIsRefused() {
        Cli add = run("account", "add", "greader", "http://rss.example.org/api/greader.php", "--user", "bob",
                "--password-env", "FRESHRSS_PASSWORD");
        assertThat(add.code).isEqualTo(ExitCodes.USAGE);
        assertThat(add.err).contains("plain http: use https");
        assertThat(server.requests).isEmpty();
    }
}
