package dev.tidings.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test of {@code mvn verify} (failsafe orders classes by {@link Order}):
 * the test JVMs' HOME, XDG directories and TIDINGS_COLLECTIONS point at a copy of
 * {@code src/test/user-home}, which stands for a user's own collections and subscriptions. Any
 * test that fell back to the environment instead of its own temporary home would have changed it.
 */
@Order(Integer.MAX_VALUE)
class UserFilesUntouchedIT {
    @Test
    void noTestWroteIntoTheUsersFiles() throws IOException {
        String home = System.getenv("HOME");
        assertThat(home).as("the build must point HOME at target/user-home").endsWith("user-home");
        assertThat(System.getenv("TIDINGS_COLLECTIONS")).startsWith(home);
        assertThat(tree(Path.of(home))).isEqualTo(tree(Path.of("src/test/user-home")));
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = root.relativize(p).toString();
                files.put(rel, Files.isDirectory(p) ? "dir" : Files.readString(p));
            }
        }
        return files;
    }
}
