package dev.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Account validation, the accounts file and where passwords come from. */
class AccountsAndSecretsTest {
    @TempDir
    Path dir;

    @Test
    void httpsIsRequiredExceptForThisMachine() {
        assertThat(new Account("a", "https://rss.example.org/api/greader.php/", "u", null, "").url())
                .isEqualTo("https://rss.example.org/api/greader.php");
        for (String local : List.of("http://127.0.0.1:8080/api", "http://localhost/x", "http://[::1]:9/", "http://127.9.9.9/")) {
            assertThat(new Account("a", local, "u", null, "").url()).startsWith("http://");
        }
        for (String remote : List.of("http://rss.example.org/", "http://10.0.0.2/", "http://127.0.0.1.example.org/",
                "http://localhost.example.org/")) {
            assertThatThrownBy(() -> new Account("a", remote, "u", null, "")).hasMessageContaining("plain http");
        }
        assertThatThrownBy(() -> new Account("a", "https://bob:pw@rss.example.org/", "u", null, ""))
                .hasMessageContaining("must not contain a user, password");
        assertThatThrownBy(() -> new Account("A b", "https://x.org", "u", null, "")).hasMessageContaining("account name");
        assertThat(Account.defaultName("https://www.Inoreader.com")).isEqualTo("inoreader-com");
    }

    @Test
    void theAccountsFileKeepsTheSourceNeverThePassword() throws Exception {
        Accounts accounts = new Accounts(dir.resolve("c/accounts.json"), dir.resolve("d/sync"));
        List<Account> all = List.of(
                new Account("env", "https://a.org", "u", new PasswordSource.Env("RSS_PW"), ""),
                new Account("file", "https://b.org", "u", new PasswordSource.File("/home/u/.rss-pw"), ""),
                new Account("cmd", "https://c.org", "u", new PasswordSource.Command(List.of("pass", "show", "rss")), ""),
                new Account("ino", "https://www.inoreader.com", "u", PasswordSource.PROMPT, "1000001"));
        accounts.save(all);
        assertThat(accounts.load()).isEqualTo(all);
        assertThat(Files.getPosixFilePermissions(accounts.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        accounts.saveToken("env", "user/abc123");
        assertThat(Files.getPosixFilePermissions(accounts.dir("env").resolve("token")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(accounts.dir("env"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(accounts.token("env")).contains("user/abc123");
        assertThat(Files.readString(accounts.file())).doesNotContain("abc123");

        Files.writeString(accounts.file(), "{\"version\":1,\"accounts\":[],\"accounts\":[]}");
        assertThatThrownBy(accounts::load).hasMessageStartingWith(accounts.file() + ": malformed JSON");
        Files.writeString(accounts.file(), "");
        assertThatThrownBy(accounts::load).hasMessageContaining("empty file");
        assertThatThrownBy(() -> new Accounts(dir.resolve("none.json"), dir).account("x"))
                .hasMessageContaining("no account named 'x'. Known: none");
    }

    @Test
    void aPasswordFileMustBeTheOwnersOnly() throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "hunter2\nsecond line ignored\n");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-r--r--"));
        PasswordSource.File source = new PasswordSource.File(pw.toString());
        assertThatThrownBy(() -> PasswordSource.read(source, Map.of()))
                .hasMessageContaining("chmod 600").hasMessageNotContaining("hunter2");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        assertThat(PasswordSource.read(source, Map.of())).isEqualTo("hunter2");
    }

    @Test
    void aPasswordCommandRunsWithoutAShell() throws Exception {
        Path marker = dir.resolve("marker");
        // with a shell, "; touch marker" would run; as an argument list it is printed as text
        PasswordSource.Command cmd = new PasswordSource.Command(List.of("echo", "pw-from-command; touch " + marker));
        assertThat(PasswordSource.read(cmd, Map.of())).isEqualTo("pw-from-command; touch " + marker);
        assertThat(Files.exists(marker)).isFalse();
        assertThatThrownBy(() -> PasswordSource.read(new PasswordSource.Command(List.of("false")), Map.of()))
                .hasMessageContaining("exited with 1");
        assertThatThrownBy(() -> PasswordSource.read(new PasswordSource.Env("NOT_SET_HERE"), Map.of()))
                .hasMessageContaining("NOT_SET_HERE").hasMessageContaining("not set");
        assertThat(PasswordSource.read(new PasswordSource.Env("PW"), Map.of("PW", "x y"))).isEqualTo("x y");
    }

    @Test
    void itemIdsInEverySpelling() {
        String hex = "000661985d36273a";
        assertThat(ItemIds.hex("tag:google.com,2005:reader/item/" + hex)).isEqualTo(hex);
        assertThat(ItemIds.hex(Long.toString(Long.parseUnsignedLong(hex, 16)))).isEqualTo(hex);
        assertThat(ItemIds.hex("sync:fresh:" + hex)).isEqualTo(hex);
        assertThat(ItemIds.hex("-1")).isEqualTo("ffffffffffffffff"); // Google's ids are signed
        assertThat(ItemIds.hex("1")).isEqualTo("0000000000000001");
        assertThat(ItemIds.hex("-9223372036854775808")).isEqualTo("8000000000000000");
        assertThat(ItemIds.hex("0000000000001000")).isEqualTo("0000000000001000"); // hex, though all digits
        assertThat(ItemIds.hex("1796156887017274")).isEqualTo("000661985d36273a"); // FreshRSS's decimal form
        assertThat(ItemIds.hex("not an id")).isNull();
        assertThat(ItemIds.accountOf("sync:fresh:" + hex)).isEqualTo("fresh");
        assertThat(GReaderClient.labelOf("user/1/label/Tech")).isEqualTo("Tech"); // Miniflux's form
        assertThat(GReaderClient.labelOf("user/-/label/Tech")).isEqualTo("Tech"); // FreshRSS's
    }
}
