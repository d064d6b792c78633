package dev.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * README's key table is generated from the same {@link KeyMap} that handles input, so the docs
 * cannot drift from behaviour. {@code mvn test -Dgolden.update=true} rewrites it.
 */
class ReadmeKeysTest {
    static final Path README = Path.of("README.md");
    static final String START = "<!-- keys:start (generated from KeyMap by ReadmeKeysTest) -->";
    static final String END = "<!-- keys:end -->";

    static String table() {
        KeyMap keys = KeyMap.defaults();
        StringBuilder sb = new StringBuilder();
        sb.append("| keys | what they do | where |\n|------|--------------|-------|\n");
        for (Action a : Action.values()) {
            List<String> k = keys.keysFor(a);
            if (k.isEmpty()) {
                continue;
            }
            String where = java.util.Arrays.stream(Action.Screen.values()).filter(a::appliesTo)
                    .map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
            sb.append("| ").append(k.stream().map(x -> "`" + x.replace("|", "\\|") + "`").collect(Collectors.joining(" ")))
                    .append(" | ").append(a.help()).append(" | ").append(where).append(" |\n");
        }
        return sb.toString();
    }

    @Test
    void readmeKeyTableMatchesTheKeyMap() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README has the keys markers").isGreaterThanOrEqualTo(0);
        assertThat(end).isGreaterThan(start);
        String expected = START + "\n" + table() + END;
        String actual = readme.substring(start, end + END.length());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(README, readme.replace(actual, expected), StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).isEqualTo(expected);
    }
}
