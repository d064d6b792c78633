import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The alternatives we weighed for issue #13's search index, on the same synthetic 100,000 articles
 * as dev.tidings.app.SearchBench (200 feeds x 500 items, 7-word titles, 90-word bodies, a Zipf-like
 * 5,000-word vocabulary): Apache Lucene 9.12.3 (FSDirectory, StandardAnalyzer) and SQLite FTS5 through
 * sqlite-jdbc 3.50.3.0 (unicode61). Not part of the build: run by bench/search-alternatives.sh.
 *
 * usage: java -cp lucene-core.jar:lucene-queryparser.jar:sqlite-jdbc.jar SearchAlternatives.java lucene|sqlite|first-lucene|first-sqlite DIR
 */
public class SearchAlternatives {
    static final int FEEDS = 200;
    static final int ITEMS = 500;
    static String[] WORDS = vocabulary(5_000);

    static String[] vocabulary(int n) {
        String[] syl = {"ka", "lo", "mi", "ren", "sto", "va", "quil", "dor", "pe", "tra", "nu", "bel", "gan", "ri",
            "sol", "mar", "te", "zu", "fen", "ox"};
        Random r = new Random(7);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int parts = 2 + r.nextInt(3);
            for (int p = 0; p < parts; p++) {
                sb.append(syl[r.nextInt(syl.length)]);
            }
            out[i] = sb + (i % 97 == 0 ? "" : Integer.toString(i % 10));
        }
        return out;
    }

    static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            sb.append(i == 0 ? "" : " ").append(WORDS[(int) Math.min(WORDS.length - 1, Math.floor(Math.pow(WORDS.length, u)) - 1)]);
        }
        return sb.toString();
    }

    /** Article f/i of a generation: id, title, body, author, feed, date seconds. */
    static String[] article(Random r, int f, int i, int gen) {
        return new String[] {"b-" + f + "-" + gen + "-" + i, words(r, 7), words(r, 90), "Writer " + (i % 40),
            "Bench feed " + f, Long.toString(1_790_000_000L - f * 3600L - i * 600L)};
    }

    static final String[] QUERIES = {WORDS[0], WORDS[4_000], WORDS[0] + " " + WORDS[40],
        "\"" + WORDS[0] + " " + WORDS[40] + "\"", WORDS[3].substring(0, 3) + "*", "title:" + WORDS[40]};

    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[1]);
        switch (a[0]) {
            case "lucene": lucene(dir, true); break;
            case "first-lucene": lucene(dir, false); break;
            case "sqlite": sqlite(dir, true); break;
            default: sqlite(dir, false);
        }
    }

    static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static double p99(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)];
    }

    static long size(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void lucene(Path dir, boolean build) throws Exception {
        long start = System.nanoTime();
        var analyzer = new StandardAnalyzer();
        if (!build) { // a fresh JVM: open the index and answer one query (what a search costs cold)
            try (var fs = FSDirectory.open(dir); var reader = DirectoryReader.open(fs)) {
                IndexSearcher s = new IndexSearcher(reader);
                TopDocs td = s.search(new QueryParser("body", analyzer).parse(QUERIES[0]), 20,
                        new Sort(new SortField("date", SortField.Type.LONG, true)));
                System.out.printf(Locale.ROOT, "lucene first query in a fresh JVM: %.0f ms (%d hits)%n", ms(start), td.totalHits.value);
            }
            return;
        }
        try (var fs = FSDirectory.open(dir); var w = new IndexWriter(fs, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64))) {
            long b0 = System.nanoTime();
            for (int f = 1; f <= FEEDS; f++) {
                Random r = new Random(f);
                for (int i = 0; i < ITEMS; i++) {
                    w.addDocument(doc(article(r, f, i, 0)));
                }
            }
            w.commit();
            System.out.printf(Locale.ROOT, "lucene build 100,000: %.1f s, size %.1f MB%n", ms(b0) / 1000, size(dir) / 1e6);
            double[] upd = new double[10];
            for (int run = -3; run < upd.length; run++) {
                Random r = new Random(run + 100);
                long u0 = System.nanoTime();
                w.deleteDocuments(new Term("feed_id", "100"));
                for (int i = 0; i < ITEMS; i++) {
                    w.addDocument(doc(article(r, 100, i, run + 10)));
                }
                w.commit();
                if (run >= 0) {
                    upd[run] = ms(u0);
                }
            }
            System.out.printf(Locale.ROOT, "lucene one 500-item feed replaced + commit: median %.0f ms%n", median(upd));
        }
        try (var fs = FSDirectory.open(dir); var reader = DirectoryReader.open(fs)) {
            IndexSearcher s = new IndexSearcher(reader);
            Sort byDate = new Sort(new SortField("date", SortField.Type.LONG, true));
            for (String q : QUERIES) {
                var query = new QueryParser("body", analyzer).parse(q);
                double[] t = new double[60];
                long hits = 0;
                for (int i = -20; i < t.length; i++) {
                    long q0 = System.nanoTime();
                    TopDocs td = s.search(query, 200, byDate);
                    hits = td.totalHits.value;
                    if (i >= 0) {
                        t[i] = ms(q0);
                    }
                }
                System.out.printf(Locale.ROOT, "lucene query %s: %d hits, median %.1f ms, p99 %.1f ms%n", q, hits, median(t), p99(t));
            }
        }
    }

    static Document doc(String[] x) {
        Document d = new Document();
        d.add(new StringField("id", x[0], Field.Store.YES));
        d.add(new StringField("feed_id", x[0].split("-")[1], Field.Store.NO));
        d.add(new TextField("title", x[1], Field.Store.YES));
        d.add(new TextField("body", x[2], Field.Store.NO));
        d.add(new TextField("author", x[3], Field.Store.YES));
        d.add(new TextField("feed", x[4], Field.Store.YES));
        long date = Long.parseLong(x[5]);
        d.add(new LongPoint("date_point", date));
        d.add(new NumericDocValuesField("date", date));
        return d;
    }

    static void sqlite(Path dir, boolean build) throws Exception {
        long start = System.nanoTime();
        Files.createDirectories(dir);
        String url = "jdbc:sqlite:" + dir.resolve("search.db");
        if (!build) {
            try (Connection c = DriverManager.getConnection(url);
                 PreparedStatement ps = c.prepareStatement("SELECT id, title FROM docs WHERE docs MATCH ? ORDER BY date DESC LIMIT 20")) {
                ps.setString(1, QUERIES[0]);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n++;
                    }
                }
                System.out.printf(Locale.ROOT, "sqlite first query in a fresh JVM (native library extracted and loaded): %.0f ms (%d rows)%n", ms(start), n);
            }
            return;
        }
        try (Connection c = DriverManager.getConnection(url)) {
            System.out.printf(Locale.ROOT, "sqlite first connection (native library extracted and loaded): %.0f ms%n", ms(start));
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, feed_id UNINDEXED, title, body, author, feed, date UNINDEXED, tokenize='unicode61')");
            }
            c.setAutoCommit(false);
            long b0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO docs VALUES (?,?,?,?,?,?,?)")) {
                for (int f = 1; f <= FEEDS; f++) {
                    Random r = new Random(f);
                    for (int i = 0; i < ITEMS; i++) {
                        bind(ps, article(r, f, i, 0), f);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            c.commit();
            System.out.printf(Locale.ROOT, "sqlite build 100,000: %.1f s, size %.1f MB%n", ms(b0) / 1000, size(dir) / 1e6);
            double[] upd = new double[10];
            for (int run = -3; run < upd.length; run++) {
                Random r = new Random(run + 100);
                long u0 = System.nanoTime();
                try (PreparedStatement del = c.prepareStatement("DELETE FROM docs WHERE feed_id = ?");
                     PreparedStatement ps = c.prepareStatement("INSERT INTO docs VALUES (?,?,?,?,?,?,?)")) {
                    del.setString(1, "100");
                    del.executeUpdate();
                    for (int i = 0; i < ITEMS; i++) {
                        bind(ps, article(r, 100, i, run + 10), 100);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                if (run >= 0) {
                    upd[run] = ms(u0);
                }
            }
            System.out.printf(Locale.ROOT, "sqlite one 500-item feed replaced + commit: median %.0f ms (DELETE scans: feed_id is not indexed in FTS5)%n", median(upd));
            for (String q : QUERIES) {
                String fts = q.startsWith("title:") ? "title : " + q.substring(6) : q;
                double[] t = new double[30];
                int n = 0;
                for (int i = -5; i < t.length; i++) {
                    long q0 = System.nanoTime();
                    try (PreparedStatement ps = c.prepareStatement("SELECT id, title FROM docs WHERE docs MATCH ? ORDER BY date DESC LIMIT 200")) {
                        ps.setString(1, fts);
                        n = 0;
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                n++;
                            }
                        }
                    }
                    if (i >= 0) {
                        t[i] = ms(q0);
                    }
                }
                System.out.printf(Locale.ROOT, "sqlite query %s: %d rows (of the top 200), median %.1f ms, p99 %.1f ms%n", q, n, median(t), p99(t));
            }
        }
    }

    static void bind(PreparedStatement ps, String[] x, int f) throws Exception {
        ps.setString(1, x[0]);
        ps.setString(2, Integer.toString(f));
        ps.setString(3, x[1]);
        ps.setString(4, x[2]);
        ps.setString(5, x[3]);
        ps.setString(6, x[4]);
        ps.setLong(7, Long.parseLong(x[5]));
    }
}
