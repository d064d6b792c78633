package dev.tidings.store;

import static dev.tidings.store.SampleArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16: a collections file that is a symbolic link used to be replaced by a regular file
 * (the target kept the old content). Saves follow the link and replace the target atomically.
 */
class CollectionSymlinkTest {
    @TempDir
    Path dir;

    @Test
    void aSaveThroughASymlinkReplacesTheTargetAndKeepsTheLink() throws Exception {
        Path real = Files.createDirectories(dir.resolve("dotfiles")).resolve("collections.json");
        Path link = Files.createDirectories(dir.resolve("data")).resolve("collections.json");
        new CollectionStore(real).create("Work");
        Files.createSymbolicLink(link, Path.of("../dotfiles/collections.json")); // relative, as dotfile managers make them

        CollectionStore store = new CollectionStore(link);
        store.create("Later");
        store.add("Later", article("urn:a"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(link.toRealPath()).isEqualTo(real.toRealPath());
        assertThat(new CollectionStore(real).read().collections()).extracting(c -> c.name())
                .containsExactlyInAnyOrder("Work", "Later");
        try (var left = Files.list(dir.resolve("dotfiles"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aChainOfLinksIsFollowedToTheEnd() throws Exception {
        Path real = dir.resolve("real.json");
        new CollectionStore(real).create("A");
        Path middle = Files.createSymbolicLink(dir.resolve("middle.json"), real);
        Path first = Files.createSymbolicLink(dir.resolve("first.json"), middle);
        new CollectionStore(first).create("B");
        assertThat(Files.isSymbolicLink(first)).isTrue();
        assertThat(Files.isSymbolicLink(middle)).isTrue();
        assertThat(new CollectionStore(real).read().collections()).hasSize(2);
    }

    @Test
    void aDanglingLinkIsWrittenThroughToANewTarget() throws Exception {
        Path real = dir.resolve("elsewhere.json");
        Path link = Files.createSymbolicLink(dir.resolve("collections.json"), real);
        new CollectionStore(link).create("New");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isRegularFile(real)).isTrue();
        assertThat(new CollectionStore(real).read().collections()).hasSize(1);
    }

    @Test
    void aLinkLoopIsAnErrorThatChangesNothing() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        CollectionStore store = new CollectionStore(a);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.create("X"))
                .isInstanceOf(StoreException.class).hasMessageStartingWith(a.toString() + ":");
        assertThat(Files.isSymbolicLink(a)).isTrue();
        assertThat(Files.isSymbolicLink(b)).isTrue();
    }
}
