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
 * The generated feeds (bench/gen-feeds.py), read into memory once per trial so that the
 * benchmarks measure parsing, not the disk.
 */
@State(Scope.Benchmark)
public class FeedBytes {
    /** Where gen-feeds.py wrote the feeds. */
    @Param("/tmp/tidings-bench")
    public String dir;

    /** Which size: feed-ITEMS.rss.xml, feed-ITEMS.atom.xml, feed-ITEMS.json. */
    @Param("10000")
    public int items;

    public byte[] rss;
    public byte[] atom;
    public byte[] json;

    @Setup(Level.Trial)
    public void load() {
        rss = read("rss.xml");
        atom = read("atom.xml");
        json = read("json");
    }

    private byte[] read(String ext) {
        Path p = Path.of(dir, "feed-" + items + "." + ext);
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("missing " + p + ": run bench/gen-feeds.py first", e);
        }
    }
}
