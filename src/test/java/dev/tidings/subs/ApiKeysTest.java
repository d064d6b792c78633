package dev.tidings.subs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where news API keys come from (issue #15): environment, then a private key file, then the config. */
class ApiKeysTest {
    @TempDir
    Path dir;

    private Path keyFile(String name, String content, String perms) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    @Test
    void environmentThenKeyFileThenConfig() throws IOException {
        Path f = keyFile("guardian.key", "# my key\n\n  from-file  \n", "rw-------");
        ApiKeys.Loaded l = ApiKeys.load(
                Map.of("guardian-api-key-file", "guardian.key", "newsapi-api-key", "from-config",
                        "gnews-api-key", "gnews-config"),
                Map.of("TIDINGS_GNEWS_KEY", "from-env", "HOME", dir.toString()), dir);
        assertThat(l.keys()).containsEntry("guardian", "from-file").containsEntry("newsapi", "from-config")
                .containsEntry("gnews", "from-env");
        assertThat(l.problems()).isEmpty();
        assertThat(ApiKeys.load(Map.of("guardian-api-key-file", "~/guardian.key"), Map.of("HOME", dir.toString()), Path.of("/"))
                .keys()).containsEntry("guardian", "from-file");
        assertThat(f).exists();
        assertThat(l.toString()).doesNotContain("from-file").doesNotContain("from-env");
    }

    @Test
    void aKeyFileOthersCanReadIsNotUsedAndTheMessageNamesTheFileNotTheKey() throws IOException {
        keyFile("open.key", "leaky-secret\n", "rw-r--r--");
        ApiKeys.Loaded l = ApiKeys.load(Map.of("newsapi-api-key-file", "open.key", "newsapi-api-key", "fallback"),
                Map.of(), dir);
        assertThat(l.keys()).doesNotContainKey("newsapi");
        assertThat(l.problems()).singleElement().asString().contains("newsapi-api-key-file").contains("open.key")
                .contains("chmod 600").doesNotContain("leaky-secret");
    }

    @Test
    void missingEmptyAndBadKeysAreProblemsNotKeys() throws IOException {
        keyFile("empty.key", "\n# nothing\n", "r--------");
        ApiKeys.Loaded l = ApiKeys.load(Map.of("gnews-api-key-file", "empty.key", "guardian-api-key-file", "nope.key",
                "newsapi-api-key", "has space"), Map.of(), dir);
        assertThat(l.keys()).isEmpty();
        assertThat(l.problems()).hasSize(3).anySatisfy(p -> assertThat(p).contains("empty"))
                .anySatisfy(p -> assertThat(p).contains("no such file"))
                .allSatisfy(p -> assertThat(p).doesNotContain("has space"));
    }
}
