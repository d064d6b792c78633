package dev.tidings.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: the expected output lives in a file beside the test. A missing golden file is a
 * failure naming the command that writes it, never a pass; {@code -Dgolden.update=true} rewrites
 * every golden file a run reaches, for a change whose new output was looked at.
 */
public final class Golden {
    private Golden() {
    }

    /** Asserts {@code actual} equals the content of {@code file} (UTF-8). */
    public static void assertMatches(Path file, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        if (!Files.exists(file)) {
            fail("missing golden file " + file + ": look at the output below, then write it with"
                    + " mvn -B test -Dtest=" + callerClass() + " -Dgolden.update=true\n" + actual);
        }
        assertThat(actual).as("golden file %s (rewrite with -Dgolden.update=true)", file)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static String callerClass() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(n -> !n.equals(Golden.class.getName())).findFirst().orElse("THE_TEST"))
                .replaceAll(".*\\.", "");
    }
}
