package dev.tidings.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The generated JSON news-source documents (bench/gen-sources.py), one shape per trial, read into
 * memory once so the benchmark measures parsing, not the disk.
 */
@State(Scope.Benchmark)
public class SourceBytes {
    /** Where gen-sources.py wrote the documents. */
    @Param("/tmp/tidings-bench")
    public String dir;

    /** Which size: sources-ITEMS.SHAPE.json. */
    @Param("10000")
    public int items;

    /** Which shape. */
    @Param({"hn", "reddit", "mastodon", "newsapi", "gnews", "guardian"})
    public String shape;

    public byte[] bytes;

    @Setup(Level.Trial)
    public void load() {
        Path p = Path.of(dir, "sources-" + items + "." + shape + ".json");
        try {
            bytes = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("missing " + p + ": run bench/gen-sources.py first", e);
        }
    }
}
