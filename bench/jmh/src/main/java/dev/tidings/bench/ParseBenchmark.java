package dev.tidings.bench;

import dev.tidings.feed.Detail;
import dev.tidings.feed.FeedException;
import dev.tidings.feed.Feeds;
import dev.tidings.model.Feed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm parse time of a whole feed through the public facade, {@code Feeds.parse(InputStream, ...)},
 * exactly as the CLI calls it (from a stream, with no content type). One operation parses one
 * whole file; bench/run-jmh.sh turns ms/op into MB/s with the file's size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseBenchmark {
    private static final URI BASE = URI.create("https://news.example.org/feeds/bench");

    @Param({"FULL", "HEADLINES"})
    public Detail detail;

    private int parse(byte[] bytes) throws FeedException, IOException {
        Feed f = Feeds.parse(new ByteArrayInputStream(bytes), null, BASE, detail);
        return f.items().size();
    }

    @Benchmark
    public int rss(FeedBytes feeds) throws Exception {
        return parse(feeds.rss);
    }

    @Benchmark
    public int atom(FeedBytes feeds) throws Exception {
        return parse(feeds.atom);
    }

    @Benchmark
    public int json(FeedBytes feeds) throws Exception {
        return parse(feeds.json);
    }
}
