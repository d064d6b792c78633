package dev.tidings.bench;

import dev.tidings.feed.Detail;
import dev.tidings.feed.Feeds;
import dev.tidings.model.Feed;
import java.io.ByteArrayInputStream;
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
 * Warm parse time of the JSON news sources (Hacker News, Reddit, Mastodon, NewsAPI, GNews, the
 * Guardian) through {@code Feeds.parse(InputStream, ...)}, shape detection included, exactly as
 * the CLI reads them. bench/run-jmh.sh turns ms/op into MB/s with each document's size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SourcesBenchmark {
    private static final URI BASE = URI.create("https://news.example.org/api");

    @Param({"FULL", "HEADLINES"})
    public Detail detail;

    @Benchmark
    public int source(SourceBytes doc) throws Exception {
        Feed f = Feeds.parse(new ByteArrayInputStream(doc.bytes), "application/json", BASE, detail);
        return f.items().size();
    }
}
