package dev.tidings.app;

import dev.tidings.feed.Detail;
import dev.tidings.feed.Feeds;
import dev.tidings.search.Doc;
import dev.tidings.search.SearchIndex;
import dev.tidings.store.FeedCache;
import dev.tidings.subs.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Not a test: what search costs at 200 feeds x 500 items (100,000 articles). Run by
 * bench/search-bench.sh: {@code java -cp target/test-classes:target/tidings.jar dev.tidings.app.SearchBench DIR}.
 *
 * <ol>
 *   <li>Writes DIR/cache/tidings/feeds: 200 RSS bodies of 500 items each (titles of 7 words, bodies
 *       of about 90 words in two paragraphs from a 5,000-word vocabulary with a Zipf-like spread;
 *       every 20th item in Japanese, every 7th with accented words), written through FeedCache as a
 *       refresh writes them, and DIR/home/.config/tidings/urls naming them.</li>
 *   <li>Builds the whole index ({@link Searching#catchUp}: each body parsed in full and indexed).</li>
 *   <li>Updates one 500-item feed: {@link Searching#update} (parse + index + write) and
 *       {@link SearchIndex#update} alone, median of 15 after 5 warm-ups.</li>
 *   <li>Queries of several kinds on a warm index: median and p99 of 60 runs each after 20 warm-ups.</li>
 * </ol>
 * Prints a Markdown table (also DIR/results.md); exits 1 when a budget is missed.
 */
public final class SearchBench {
    private SearchBench() {
    }

    static final int FEEDS = 200;
    static final int ITEMS = 500;
    static final long QUERY_BUDGET_MS = 100;
    static final long UPDATE_BUDGET_MS = 200;

    static final String[] WORDS = vocabulary(5_000);
    static final String[] ACCENTED = {"café", "crème", "naïve", "São", "Zürich", "façade", "résumé", "Ciresa"};
    static final String[] JAPANESE = {"東京都の天気は晴れ", "新しい駅が開業しました", "市場の魚の値段", "大阪で祭り", "電車が遅れています"};

    private static String[] vocabulary(int n) {
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
            out[i] = sb.toString() + (i % 97 == 0 ? "" : Integer.toString(i % 10));
        }
        return out;
    }

    /** A word: low indexes far more often (Zipf-like), so there are common and rare words. */
    static String word(Random r) {
        double u = r.nextDouble();
        return WORDS[(int) Math.min(WORDS.length - 1, Math.floor(Math.pow(WORDS.length, u)) - 1)];
    }

    static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(word(r));
        }
        return sb.toString();
    }

    static byte[] feed(int f, int generation) {
        Random r = new Random(f * 1_000L + generation);
        StringBuilder sb = new StringBuilder(400_000);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Bench feed ")
                .append(f).append("</title><link>http://example.com/").append(f).append("/</link>");
        long base = 1_790_000_000L + generation * 600L;
        for (int i = 0; i < ITEMS; i++) {
            String title = i % 20 == 0 ? JAPANESE[r.nextInt(JAPANESE.length)] : words(r, 7);
            String body = "<p>" + words(r, 45) + (i % 7 == 0 ? " " + ACCENTED[r.nextInt(ACCENTED.length)] : "")
                    + ".</p><p>" + words(r, 45) + " <a href=\"http://example.com/x\">" + words(r, 3) + "</a>.</p>";
            sb.append("<item><title>").append(title).append("</title><link>http://example.com/").append(f)
                    .append("/").append(generation).append("/").append(i).append("</link><guid isPermaLink=\"false\">b-")
                    .append(f).append('-').append(generation).append('-').append(i).append("</guid><pubDate>")
                    .append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            Instant.ofEpochSecond(base - f * 3600L - i * 600L).atZone(java.time.ZoneOffset.UTC)))
                    .append("</pubDate><author>writer").append(i % 40).append("@example.com (Writer ").append(i % 40)
                    .append(")</author><description><![CDATA[").append(body).append("]]></description></item>\n");
        }
        return sb.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--first")) { // a fresh JVM: open the index, one query
            long t0 = System.nanoTime();
            List<Subscription> subs = new ArrayList<>();
            for (int f = 1; f <= FEEDS; f++) {
                subs.add(new Subscription("http://127.0.0.1:1/feed-" + String.format(Locale.ROOT, "%03d", f) + ".xml"));
            }
            Path cacheDir = Path.of(args[1]).resolve("cache/tidings");
            Searching s = new Searching(new FeedCache(cacheDir), new SearchIndex(SearchIndex.defaultDir(cacheDir)));
            SearchIndex.Results r = s.search(args[2], subs, 20);
            System.out.printf(Locale.ROOT, "first query in a fresh JVM (open 200 segments + search `%s`): %.0f ms (%,d hits)%n",
                    args[2], (System.nanoTime() - t0) / 1e6, r.total());
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/tidings-bench/search");
        Path cacheDir = dir.resolve("cache/tidings");
        FeedCache cache = new FeedCache(cacheDir);
        List<Subscription> subs = new ArrayList<>();
        StringBuilder urls = new StringBuilder();
        long t0 = System.nanoTime();
        for (int f = 1; f <= FEEDS; f++) {
            String url = "http://127.0.0.1:1/feed-" + String.format(Locale.ROOT, "%03d", f) + ".xml";
            subs.add(new Subscription(url));
            urls.append(url).append('\n');
            byte[] body = feed(f, 0);
            cache.putBody(url, body, "application/rss+xml", url, null, null, Instant.now(),
                    Feeds.parse(body, "application/rss+xml", java.net.URI.create(url), Detail.HEADLINES));
        }
        Files.createDirectories(dir.resolve("home/.config/tidings"));
        Files.writeString(dir.resolve("home/.config/tidings/urls"), urls);
        System.err.printf(Locale.ROOT, "cache written in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        SearchIndex index = new SearchIndex(SearchIndex.defaultDir(cacheDir));
        index.retain(List.of()); // from scratch
        Searching searching = new Searching(cache, index);
        long b0 = System.nanoTime();
        int built = searching.catchUp(subs);
        double buildS = (System.nanoTime() - b0) / 1e9;
        long size = index.sizeOnDisk();
        long bodies = 0;
        for (Subscription s : subs) {
            bodies += cache.get(s.url()).map(e -> (long) e.body().length).orElse(0L);
        }

        // one feed refreshed with a new generation of 500 items: parse + index + write
        Subscription one = subs.get(FEEDS / 2);
        double[] update = new double[15];
        double[] indexOnly = new double[15];
        for (int run = -5; run < update.length; run++) {
            byte[] body = feed(FEEDS / 2 + 1, run + 10);
            cache.putBody(one.url(), body, "application/rss+xml", one.url(), null, null, Instant.now(), null);
            long u0 = System.nanoTime();
            searching.update(one);
            long u1 = System.nanoTime();
            var feed = Feeds.parse(body, "application/rss+xml", java.net.URI.create(one.url()), Detail.FULL);
            List<Doc> docs = new ArrayList<>();
            for (var it : feed.items()) {
                docs.add(new Doc(it.id(), it.title(), it.link(), it.authors(), feed.title(), it.date(), it.bodyHtml()));
            }
            long i0 = System.nanoTime();
            index.update(one.url(), "bench", docs);
            long i1 = System.nanoTime();
            if (run >= 0) {
                update[run] = (u1 - u0) / 1e6;
                indexOnly[run] = (i1 - i0) / 1e6;
            }
        }
        searching.update(one);

        String common = WORDS[0];
        String mid = WORDS[40];
        String rare = WORDS[4_000];
        String[][] queries = {
            {"common word", common},
            {"rare word", rare},
            {"two words (AND)", common + " " + mid},
            {"phrase", "\"" + common + " " + mid + "\""},
            {"prefix", WORDS[3].substring(0, 3) + "*"},
            {"title: field", "title:" + mid},
            {"accented", "café"},
            {"CJK substring", "天気"},
            {"nothing matches", "zzzqqq"},
        };
        StringBuilder md = new StringBuilder();
        md.append("| measure | value | budget | verdict |\n|---|---:|---:|---|\n");
        boolean ok = true;
        md.append(String.format(Locale.ROOT, "| cached articles | %,d in %d feeds (%.1f MB of XML) | | |%n",
                FEEDS * ITEMS, FEEDS, bodies / 1e6));
        md.append(String.format(Locale.ROOT, "| build the whole index (%d feeds parsed in full + indexed) | %.1f s | | |%n",
                built, buildS));
        md.append(String.format(Locale.ROOT, "| index size on disk | %.1f MB (%.0f bytes/article) | | |%n", size / 1e6,
                (double) size / (FEEDS * ITEMS)));
        double upd = median(update);
        ok &= upd <= UPDATE_BUDGET_MS;
        md.append(String.format(Locale.ROOT, "| one 500-item feed refreshed: parse in full + index + write (median of 15) | %.0f ms (p99 %.0f) | %d ms | %s |%n",
                upd, p99(update), UPDATE_BUDGET_MS, upd <= UPDATE_BUDGET_MS ? "PASS" : "FAIL"));
        md.append(String.format(Locale.ROOT, "| of which index + write only | %.0f ms | | |%n", median(indexOnly)));
        for (String[] q : queries) {
            SearchIndex fresh = new SearchIndex(SearchIndex.defaultDir(cacheDir));
            Searching s = new Searching(cache, fresh);
            long o0 = System.nanoTime();
            SearchIndex.Results first = s.search(q[1], subs, 200);
            double firstMs = (System.nanoTime() - o0) / 1e6;
            for (int w = 0; w < 20; w++) {
                s.search(q[1], subs, 200);
            }
            double[] t = new double[60];
            for (int i = 0; i < t.length; i++) {
                long a = System.nanoTime();
                s.search(q[1], subs, 200);
                t[i] = (System.nanoTime() - a) / 1e6;
            }
            double m = median(t);
            ok &= m <= QUERY_BUDGET_MS;
            md.append(String.format(Locale.ROOT, "| query %s `%s`: %,d hits, warm median (p99; first in a fresh index) | %.1f ms (%.1f; %.0f) | %d ms | %s |%n",
                    q[0], q[1], first.total(), m, p99(t), firstMs, QUERY_BUDGET_MS, m <= QUERY_BUDGET_MS ? "PASS" : "FAIL"));
        }
        StringBuilder qs = new StringBuilder();
        for (String[] q : queries) {
            qs.append(q[1]).append('\n');
        }
        Files.writeString(dir.resolve("queries.txt"), qs);
        System.out.print(md);
        Files.writeString(dir.resolve("results.md"), md);
        if (!ok) {
            System.exit(1);
        }
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
}
