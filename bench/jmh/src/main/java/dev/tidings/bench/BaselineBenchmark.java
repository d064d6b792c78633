package dev.tidings.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Floors for {@link ParseBenchmark}: what the layers under Tidings' parsers cost on the same
 * files with nothing built. Parse time well above these is Tidings' own work (sanitizing, dates,
 * URL resolution, HTML handling); parse time near them is the libraries'.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BaselineBenchmark {
    private static final XMLInputFactory STAX = newStax();
    private static final JsonFactory JSON = new JsonFactory();

    /** Configured like Tidings' XmlFeedParser factory (no DTDs, no entity replacement, namespaces on). */
    private static XMLInputFactory newStax() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /** UTF-8 bytes to chars through an InputStreamReader, as Feeds.parse reads every feed. */
    @Benchmark
    public long decodeUtf8(FeedBytes feeds) throws Exception {
        char[] buf = new char[8192];
        long n = 0;
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(feeds.rss), StandardCharsets.UTF_8)) {
            for (int k; (k = r.read(buf)) > 0; ) {
                n += k + buf[0];
            }
        }
        return n;
    }

    /** The JDK's StAX parser over the RSS file, every text node materialized, nothing kept. */
    @Benchmark
    public long staxRss(FeedBytes feeds) throws Exception {
        return stax(feeds.rss);
    }

    /** The JDK's StAX parser over the Atom file (escaped HTML bodies), nothing kept. */
    @Benchmark
    public long staxAtom(FeedBytes feeds) throws Exception {
        return stax(feeds.atom);
    }

    private static long stax(byte[] bytes) throws Exception {
        Reader in = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
        XMLStreamReader r = STAX.createXMLStreamReader(in);
        long n = 0;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    n += r.getText().length();
                } else if (ev == XMLStreamConstants.START_ELEMENT) {
                    n += r.getLocalName().length();
                }
            }
        } finally {
            r.close();
        }
        return n;
    }

    /** Jackson's streaming parser over the JSON Feed, every string materialized, nothing kept. */
    @Benchmark
    public long jacksonJson(FeedBytes feeds) throws Exception {
        long n = 0;
        Reader in = new InputStreamReader(new ByteArrayInputStream(feeds.json), StandardCharsets.UTF_8);
        try (JsonParser p = JSON.createParser(in)) {
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == JsonToken.VALUE_STRING) {
                    n += p.getText().length();
                }
            }
        }
        return n;
    }
}
