package dev.tidings.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Not a test: how long reader mode takes to extract a 500 KB page, warm (budget 150 ms). The page
 * is the long-form fixture with its body repeated to 500 KB, furniture and all. Run by
 * bench/reader-bench.sh.
 */
public final class ExtractBench {
    private ExtractBench() {
    }

    public static void main(String[] args) throws Exception {
        String page = Files.readString(Path.of(args.length > 0 ? args[0]
                : "src/test/resources/reader/longform-pullquotes.html"));
        int target = args.length > 1 ? Integer.parseInt(args[1]) : 500 * 1024;
        int start = page.indexOf("<p>", Math.max(0, page.indexOf("<article")));
        int end = page.indexOf("</p>", start) + 4; // one paragraph of the article, copied
        String body = page.substring(start, end);
        // more of the article, inside the article: copies of its paragraphs before the first one
        StringBuilder sb = new StringBuilder(page.substring(0, start));
        while (sb.length() + (page.length() - start) < target) {
            sb.append(body);
        }
        sb.append(page.substring(start));
        String html = sb.toString();
        byte[] bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < 30; i++) {
            Extractor.extract(bytes, "UTF-8", "https://news.example.org/long");
        }
        int n = 40;
        long[] t = new long[n];
        long[] cpu = new long[n];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int chars = 0;
        for (int i = 0; i < n; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            chars = Extractor.extract(bytes, "UTF-8", "https://news.example.org/long").textLength();
            t[i] = System.nanoTime() - s;
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
        }
        Arrays.sort(t);
        Arrays.sort(cpu);
        System.out.printf("page=%d KB article text=%d chars  extract warm: median %.1f ms, p90 %.1f ms, best %.1f ms"
                + " (budget 150 ms); CPU of the extracting thread: median %.1f ms (wall time counts waits for a busy"
                + " machine's cores, CPU time does not)%n", bytes.length / 1024, chars, t[n / 2] / 1e6,
                t[n * 9 / 10] / 1e6, t[0] / 1e6, cpu[n / 2] / 1e6);
    }
}
