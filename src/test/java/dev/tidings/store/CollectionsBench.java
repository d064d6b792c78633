package dev.tidings.store;

import dev.tidings.model.SavedCollection;
import dev.tidings.model.Image;
import dev.tidings.model.Item;
import dev.tidings.model.Library;
import dev.tidings.model.SavedArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Not a test: what the collections file costs with 10,000 saved articles. Run by
 * bench/collections-bench.sh:
 * {@code java -cp target/test-classes:target/tidings.jar dev.tidings.store.CollectionsBench /tmp/tidings-bench/collections}.
 *
 * <ol>
 *   <li>Writes {@code DIR/collections.json}: 10,000 articles (bodies of about 2 KB of HTML with a
 *       figure, a heading and two links) in 20 collections, each article in one or two. The file
 *       is built once from {@link Dto} objects, then saved once through the store so it is exactly
 *       what Tidings writes, and read back to check it.</li>
 *   <li>"Open the browser" ({@code new CollectionStore(file).read()} + {@code newestFirst()}): cold
 *       in fresh JVMs (wall time with JVM start, and the in-process time) and warm (median of 20
 *       in one JVM).</li>
 *   <li>"Add one article" ({@code store.add}, durable write included): 20 adds on a store that has
 *       the file cached (the TUI case), 20 adds each after another store changed the file (forces a
 *       re-read), and in fresh JVMs (a CLI-like first save).</li>
 * </ol>
 * Prints a Markdown table (also written to {@code DIR/results.md}); exits 1 when a budget is missed.
 */
public final class CollectionsBench {
    private CollectionsBench() {
    }

    static final int ARTICLES = 10_000;
    static final int COLLECTIONS = 20;
    static final long BROWSER_BUDGET_MS = 300;
    static final long ADD_BUDGET_MS = 100;
    private static final int COLD_RUNS = 5;
    private static final int WARM_RUNS = 20;
    private static final String[] TOPICS = {"Climate", "Alps", "Harbour", "Elections", "Science", "Schools",
        "Health", "Energy", "Transport", "City council", "Culture", "Markets", "Weather", "Farming", "Museums",
        "Long reads", "Weekend", "Follow up", "Photos", "Read later"};

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--open")) {
            childOpen(Path.of(args[1]));
            return;
        }
        if (args.length == 2 && args[0].equals("--read")) {
            childRead(Path.of(args[1]));
            return;
        }
        if (args.length == 3 && args[0].equals("--add")) {
            childAdd(Path.of(args[1]), args[2]);
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/tidings-bench/collections");
        Files.createDirectories(dir);
        Path file = dir.resolve("collections.json");

        long t = System.nanoTime();
        generate(file);
        System.out.printf("generated %s: %,d bytes, %,d articles in %d collections (%.1f s)%n", file, Files.size(file),
                ARTICLES, COLLECTIONS, (System.nanoTime() - t) / 1e9);
        System.out.println("load: " + loadAverage());

        List<String> rows = new ArrayList<>();
        List<String> missed = new ArrayList<>();

        // (a) open the browser, cold: a fresh JVM each time
        long[] coldWall = new long[COLD_RUNS];
        long[] coldIn = new long[COLD_RUNS];
        for (int i = 0; i < COLD_RUNS; i++) {
            long[] r = child("--open", file.toString());
            coldWall[i] = r[0];
            coldIn[i] = r[1];
        }
        rows.add(row("open the browser, cold: in-process (readIndex + newestFirst, fresh JVM)", coldIn,
                BROWSER_BUDGET_MS, missed));
        rows.add(row("open the browser, cold: wall incl. JVM start (`java -cp`, no CDS archive)", coldWall, -1, missed));

        // `tidings collections list` from the jar: what a user at the shell waits for
        Path jar = Path.of(System.getProperty("tidings.jar", "target/tidings.jar"));
        if (Files.isRegularFile(jar)) {
            long[] listWall = new long[COLD_RUNS];
            for (int i = 0; i < COLD_RUNS; i++) {
                listWall[i] = cli(jar, "--collections-file", file.toString(), "collections", "list");
            }
            rows.add(row("`tidings collections list`, cold: wall incl. JVM start (`java -jar`)", listWall, -1, missed));
        }

        // the strict read of everything: what showing a collection's articles, and every first
        // save of a process, wait for (articles are checked, their views built on first use)
        long[] fullWall = new long[COLD_RUNS];
        long[] fullIn = new long[COLD_RUNS];
        for (int i = 0; i < COLD_RUNS; i++) {
            long[] r = child("--read", file.toString());
            fullWall[i] = r[0];
            fullIn[i] = r[1];
        }
        rows.add(row("strict read of everything, cold: in-process (read + newestFirst, fresh JVM)", fullIn,
                BROWSER_BUDGET_MS, missed));

        // (a) open the browser, warm
        for (int i = 0; i < 5; i++) {
            open(file);
        }
        long[] warm = new long[WARM_RUNS];
        for (int i = 0; i < WARM_RUNS; i++) {
            long s = System.nanoTime();
            open(file);
            warm[i] = (System.nanoTime() - s) / 1_000_000;
        }
        rows.add(row("open the browser, warm (new store, readIndex + newestFirst)", warm, BROWSER_BUDGET_MS, missed));

        for (int i = 0; i < 5; i++) {
            readAll(file);
        }
        long[] warmFull = new long[WARM_RUNS];
        for (int i = 0; i < WARM_RUNS; i++) {
            long s = System.nanoTime();
            readAll(file);
            warmFull[i] = (System.nanoTime() - s) / 1_000_000;
        }
        rows.add(row("strict read of everything, warm (new store, read + newestFirst)", warmFull, BROWSER_BUDGET_MS,
                missed));

        // (b) add one article: the store has the file cached (the TUI saving one article after another)
        CollectionStore store = new CollectionStore(file);
        store.read();
        int seq = 0;
        for (int i = 0; i < 3; i++) {
            store.add(TOPICS[i], extra(seq++));
        }
        long[] cached = new long[WARM_RUNS];
        for (int i = 0; i < WARM_RUNS; i++) {
            SavedArticle a = extra(seq++);
            long s = System.nanoTime();
            store.add(TOPICS[i % COLLECTIONS], a);
            cached[i] = (System.nanoTime() - s) / 1_000_000;
        }
        rows.add(row("add one article, store has the file cached (incl. fsync + rename)", cached, ADD_BUDGET_MS,
                missed));

        // (b) add one article after another process changed the file: the store must re-read it first
        CollectionStore other = new CollectionStore(file);
        long[] reread = new long[WARM_RUNS];
        for (int i = 0; i < WARM_RUNS; i++) {
            other.add(TOPICS[(i + 7) % COLLECTIONS], extra(seq++));
            SavedArticle a = extra(seq++);
            long s = System.nanoTime();
            store.add(TOPICS[i % COLLECTIONS], a);
            reread[i] = (System.nanoTime() - s) / 1_000_000;
        }
        rows.add(row("add one article after another store wrote (re-read + write)", reread, ADD_BUDGET_MS, missed));

        // (b) add one article in a fresh JVM: a CLI-like first save, class loading and JIT included
        long[] addWall = new long[COLD_RUNS];
        long[] addIn = new long[COLD_RUNS];
        for (int i = 0; i < COLD_RUNS; i++) {
            long[] r = child("--add", file.toString(), "https://news.example.org/story/cold-add-" + i);
            addWall[i] = r[0];
            addIn[i] = r[1];
        }
        rows.add(row("add one article, cold: in-process (read + add, fresh JVM)", addIn, -1, missed));
        rows.add(row("add one article, cold: wall incl. JVM start", addWall, -1, missed));

        List<String> breakdown = breakdown(file);

        Library end = new CollectionStore(file).read();
        int expected = ARTICLES + seq + COLD_RUNS;
        if (end.articles().size() != expected) {
            throw new IllegalStateException("expected " + expected + " articles at the end, found "
                    + end.articles().size());
        }

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Collections file: %,d articles in %d collections, %,d bytes (%s)%n%n",
                ARTICLES, COLLECTIONS, Files.size(file), file));
        md.append("| measurement | runs | median | p90 | max | budget | result |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        rows.forEach(r -> md.append(r).append('\n'));
        md.append("\nWhere the time goes, warm, in one JVM (median of 10):\n\n| step | median |\n| --- | ---: |\n");
        breakdown.forEach(r -> md.append(r).append('\n'));
        md.append(String.format(Locale.ROOT, "%nJava %s, %d CPUs, load before: %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadAverage()));
        if (!missed.isEmpty()) {
            md.append("\nBudgets missed: ").append(String.join("; ", missed)).append('\n');
        }
        System.out.println();
        System.out.print(md);
        Files.writeString(dir.resolve("results.md"), md, StandardCharsets.UTF_8);
        System.exit(missed.isEmpty() ? 0 : 1);
    }

    /** The parts of a read and of a save, timed one by one. */
    private static List<String> breakdown(Path file) throws Exception {
        CollectionStore store = new CollectionStore(file);
        int n = 10;
        long[] readBytes = new long[n];
        long[] index = new long[n];
        long[] parse = new long[n];
        long[] read = new long[n];
        long[] views = new long[n];
        long[] newest = new long[n];
        long[] serialize = new long[n];
        long[] fsync = new long[n];
        byte[] bytes = null;
        for (int i = 0; i < n + 3; i++) {
            int k = Math.max(0, i - 3); // the first 3 rounds warm up
            long s = System.nanoTime();
            bytes = Files.readAllBytes(file);
            readBytes[k] = since(s);
            s = System.nanoTime();
            if (WireScanner.index(bytes, new java.util.HashSet<>()) == null) {
                throw new IllegalStateException("the index read gave up on the bench file");
            }
            index[k] = since(s);
            s = System.nanoTime();
            Dto.FileDto dto = new CollectionStore(file).parse(bytes);
            parse[k] = since(s);
            s = System.nanoTime();
            Library lib = new CollectionStore(file).read();
            read[k] = since(s);
            s = System.nanoTime();
            lib.newestFirst();
            newest[k] = since(s);
            s = System.nanoTime();
            int built = 0;
            for (SavedArticle a : lib.articles().values()) {
                built += a.item().contentHtml().length() > 0 ? 1 : 0;
            }
            views[k] = since(s);
            if (built != lib.articles().size()) {
                throw new IllegalStateException("an article without a body");
            }
            s = System.nanoTime();
            byte[] out = WireWriter.serialize(dto);
            serialize[k] = since(s);
            Path tmp = file.resolveSibling(".bench-fsync.tmp");
            s = System.nanoTime();
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(out);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            fsync[k] = since(s);
            Files.delete(tmp);
        }
        List<String> rows = new ArrayList<>();
        rows.add(brow("Files.readAllBytes (" + bytes.length / 1_000_000 + " MB)", readBytes));
        rows.add(brow("index read: header parsed, articles byte-scanned (Wire.index)", index));
        rows.add(brow("strict parse: every token and type checked, articles kept as bytes (CollectionStore.parse)",
                parse));
        rows.add(brow("read() on a new store, all of it", read));
        rows.add(brow("building all 10,000 article views (Sanitize etc.; on first use only)", views));
        rows.add(brow("Library.newestFirst", newest));
        rows.add(brow("serialize: header by Jackson + article bytes copied (what a save writes)", serialize));
        rows.add(brow("write + fsync of that many bytes to a new file", fsync));
        return rows;
    }

    private static long since(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String brow(String what, long[] ms) {
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %d ms |", what, percentile(sorted, 50));
    }

    /** What the browser (TUI and `collections list`) does: the quick index read. */
    private static Library open(Path file) throws StoreException {
        Library lib = new CollectionStore(file).readIndex();
        List<SavedCollection> shown = lib.newestFirst();
        if (shown.size() < COLLECTIONS) {
            throw new IllegalStateException("expected " + COLLECTIONS + " collections, got " + shown.size());
        }
        return lib;
    }

    /** The strict read of everything. */
    private static Library readAll(Path file) throws StoreException {
        Library lib = new CollectionStore(file).read();
        if (lib.newestFirst().size() < COLLECTIONS || lib.articles().size() < ARTICLES) {
            throw new IllegalStateException("expected " + COLLECTIONS + " collections and " + ARTICLES + " articles");
        }
        return lib;
    }

    private static void childRead(Path file) throws Exception {
        long s = System.nanoTime();
        readAll(file);
        long inProcess = (System.nanoTime() - s) / 1_000_000;
        System.out.println("RESULT " + inProcess);
    }

    /** Runs the real command line; returns its wall time in ms. */
    private static long cli(Path jar, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(Arrays.asList(args));
        long s = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        long wall = (System.nanoTime() - s) / 1_000_000;
        if (code != 0 || out.lines().count() < COLLECTIONS) {
            throw new IllegalStateException("`" + String.join(" ", args) + "` failed (exit " + code + "): " + out);
        }
        return wall;
    }

    private static void childOpen(Path file) throws Exception {
        long s = System.nanoTime();
        open(file);
        long inProcess = (System.nanoTime() - s) / 1_000_000;
        System.out.println("RESULT " + inProcess);
    }

    private static void childAdd(Path file, String key) throws Exception {
        long s = System.nanoTime();
        CollectionStore store = new CollectionStore(file);
        store.read();
        store.add(TOPICS[0], SampleArticles.realistic(key, key.hashCode(), Instant.parse("2026-11-25T08:00:00Z")));
        long inProcess = (System.nanoTime() - s) / 1_000_000;
        System.out.println("RESULT " + inProcess);
    }

    /** Runs this class in a fresh JVM; returns {wall ms including JVM start, in-process ms}. */
    private static long[] child(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CollectionsBench.class.getName()));
        cmd.addAll(Arrays.asList(args));
        long s = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        long wall = (System.nanoTime() - s) / 1_000_000;
        if (code != 0 || !out.startsWith("RESULT ")) {
            throw new IllegalStateException("child " + args[0] + " failed (exit " + code + "): " + out);
        }
        return new long[] {wall, Long.parseLong(out.substring(7).trim())};
    }

    private static String row(String what, long[] ms, long budget, List<String> missed) {
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        long median = percentile(sorted, 50);
        long p90 = percentile(sorted, 90);
        String result;
        if (budget < 0) {
            result = "info";
        } else if (median <= budget) {
            result = "PASS";
        } else {
            result = "FAIL";
            missed.add(what + ": median " + median + " ms > " + budget + " ms");
        }
        return String.format(Locale.ROOT, "| %s | %d | %d ms | %d ms | %d ms | %s | %s |", what, ms.length, median, p90,
                sorted[sorted.length - 1], budget < 0 ? "—" : "≤ " + budget + " ms", result);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static SavedArticle extra(int n) {
        return SampleArticles.realistic("https://news.example.org/story/bench-add-" + n, 1_000_000L + n,
                Instant.parse("2026-11-25T12:00:00Z").plusSeconds(n));
    }

    // ---------------------------------------------------------------- the file

    /** Builds the file from Dto objects, then lets the store save it once in its own format. */
    static void generate(Path file) throws IOException, StoreException, CollectionException {
        Files.deleteIfExists(file);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(file.getParent(), ".collections.json.*.tmp")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        Dto.FileDto dto = Dto.FileDto.fresh();
        Instant created = Instant.parse("2026-01-05T09:00:00Z");
        for (int c = 0; c < COLLECTIONS; c++) {
            Dto.CollectionDto col = new Dto.CollectionDto();
            col.name = TOPICS[c];
            col.created = created.plusSeconds(86_400L * 7 * c).toString();
            dto.collections.add(col);
        }
        Random r = new Random(20261125L);
        Instant newest = Instant.parse("2026-11-24T18:00:00Z");
        SavedArticle first = null;
        for (int i = 0; i < ARTICLES; i++) {
            SavedArticle a = SampleArticles.realistic("https://news.example.org/story/" + (100_000 + i), i,
                    newest.minusSeconds(1_800L * i));
            if (first == null) {
                first = a;
            }
            byte[] json = WireWriter.oneLine(toDto(a));
            dto.articles.put(a.key(), new Dto.Article(a.key(), json, 0, json.length, null));
            int home = r.nextInt(COLLECTIONS);
            dto.collections.get(home).articles.add(a.key());
            if (r.nextInt(3) == 0) { // a third of the articles are in a second collection
                int second = (home + 1 + r.nextInt(COLLECTIONS - 1)) % COLLECTIONS;
                dto.collections.get(second).articles.add(a.key());
            }
        }
        Files.write(file, WireWriter.serialize(dto));

        // one save through the store: the file is now byte for byte what Tidings writes, lock file included
        CollectionStore store = new CollectionStore(file);
        store.create("Scratch");
        store.delete("Scratch");
        Library lib = new CollectionStore(file).read();
        if (lib.articles().size() != ARTICLES || lib.collections().size() != COLLECTIONS) {
            throw new IllegalStateException("generated file reads back with " + lib.articles().size() + " articles and "
                    + lib.collections().size() + " collections");
        }
        if (!lib.articles().get(first.key()).equals(first)) {
            throw new IllegalStateException("generated article does not read back equal:\n" + first + "\n"
                    + lib.articles().get(first.key()));
        }
    }

    /** The same mapping as the store's own (CollectionEdits.put). */
    private static Dto.ArticleDto toDto(SavedArticle s) {
        Item i = s.item();
        Dto.ArticleDto a = new Dto.ArticleDto();
        a.id = i.id();
        a.title = i.title();
        a.link = i.link();
        a.feedTitle = s.feedTitle();
        a.feedUrl = s.feedUrl();
        a.authors = new ArrayList<>(i.authors());
        a.categories = new ArrayList<>(i.categories());
        a.published = i.published() == null ? null : i.published().toString();
        a.updated = i.updated() == null ? null : i.updated().toString();
        a.savedAt = s.savedAt().toString();
        for (Image img : i.images()) {
            Dto.ImageDto d = new Dto.ImageDto();
            d.url = img.url();
            d.caption = img.caption();
            d.credit = img.credit();
            a.images.add(d);
        }
        a.html = i.bodyHtml();
        return a;
    }
}
