package dev.tidings.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One measurement of {@code bench/pathological.sh} (issue #16): a pathological input of a given
 * shape and size through one whole command, in-process, timed without the JVM's start-up.
 *
 * <pre>
 * java -cp target/test-classes:target/tidings.jar dev.tidings.cli.PathologicalBench gen word 4 /tmp/in
 *   writes /tmp/in/word-4.rss.xml (a feed whose one item holds 4 MiB of the shape) and word-4.html
 * java ... PathologicalBench run text /tmp/in/word-4.rss.xml
 *   prints "RESULT exit=0 wall_ms=812 cpu_ms=1530 out_bytes=4390112"
 * </pre>
 *
 * Stages: {@code list} (list --format json: parse, headlines), {@code text} (dump --width 80:
 * parse, HTML to blocks, layout at 80, text writer), {@code markdown} (dump --format markdown),
 * {@code json} (dump --format json: layout at width 0), {@code read} (read --width 80 on the page:
 * reader-mode extraction, then the same path as text). The wall-clock limit per run belongs to the
 * script ({@code timeout}), so a quadratic case is reported, not waited for.
 */
public final class PathologicalBench {
    private PathologicalBench() {
    }

    /** The shapes, each a function of the wanted size in bytes. */
    static final List<String> SHAPES = List.of("word", "paragraph", "tiny", "nesting", "entities", "links",
            "combining", "attribute", "pre", "title");

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("gen")) {
            generate(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
        } else if (args.length == 3 && args[0].equals("run")) {
            run(args[1], Path.of(args[2]));
        } else {
            System.err.println("usage: PathologicalBench gen SHAPE MIB DIR | run list|text|markdown|json|read FILE");
            System.exit(2);
        }
    }

    // ---------------------------------------------------------------- inputs

    static void generate(String shape, int mib, Path dir) throws IOException {
        int size = mib << 20;
        Files.createDirectories(dir);
        String body = shape.equals("title") ? "<p>A short body.</p>" : body(shape, size);
        String title = shape.equals("title") ? "T".repeat(size) : "Pathological " + shape;
        String feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Bench</title>"
                + "<link>https://bench.example/</link><item><title>" + title + "</title><guid>bench-1</guid>"
                + "<link>https://bench.example/1</link><pubDate>Tue, 24 Nov 2026 09:30:00 GMT</pubDate>"
                + "<content:encoded><![CDATA[" + body + "]]></content:encoded></item></channel></rss>\n";
        Files.writeString(dir.resolve(shape + "-" + mib + ".rss.xml"), feed, StandardCharsets.UTF_8);
        String page = "<!DOCTYPE html><html><head><title>" + (shape.equals("title") ? title : "Bench page")
                + "</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Bench</h1><p>"
                + "An opening paragraph, long enough, with commas, to be scored as the article's text. ".repeat(4)
                + "</p>" + body + "</article></body></html>\n";
        Files.writeString(dir.resolve(shape + "-" + mib + ".html"), page, StandardCharsets.UTF_8);
    }

    /** About {@code size} bytes of HTML (UTF-8) of the shape. */
    static String body(String shape, int size) {
        return switch (shape) {
            case "word" -> "<p>" + "a".repeat(size) + "</p>";
            case "paragraph" -> "<p>" + repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", size) + "</p>";
            case "tiny" -> "<p>" + repeat("<b>x</b>", size) + "</p>";
            case "nesting" -> "<p>" + repeat("<b><i>", size / 2) + "core" + repeat("</i></b>", size / 2) + "</p>";
            case "entities" -> "<p>" + repeat("&amp;&eacute;&#x4e2d;&lt; ", size) + "</p>";
            case "links" -> "<p>" + repeat("<a href=\"https://bench.example/a\">link</a> ", size) + "</p>";
            case "combining" -> "<p>e" + "\u0301".repeat(size / 2) + " done</p>";
            case "attribute" -> "<p>Before.</p><figure><img src=\"https://bench.example/i.jpg\" alt=\""
                    + "a".repeat(size) + "\"></figure><p>After.</p>";
            case "pre" -> "<pre>" + repeat(" \n\t", size) + "x" + repeat("\n ", 64) + "</pre>";
            default -> throw new IllegalArgumentException("unknown shape " + shape + "; known: " + SHAPES);
        };
    }

    private static String repeat(String unit, int size) {
        return unit.repeat(Math.max(1, size / unit.length()));
    }

    // ---------------------------------------------------------------- runs

    static void run(String stage, Path file) throws IOException {
        String f = file.toString();
        String[] args = switch (stage) {
            case "list" -> new String[] {"list", "--format", "json", f};
            case "text" -> new String[] {"dump", "--format", "text", "--width", "80", f};
            case "markdown" -> new String[] {"dump", "--format", "markdown", f};
            case "json" -> new String[] {"dump", "--format", "json", f};
            case "read" -> new String[] {"read", "--format", "text", "--width", "80", f};
            default -> throw new IllegalArgumentException("unknown stage " + stage);
        };
        Path home = Files.createTempDirectory("tidings-bench-home");
        Map<String, String> vars = new HashMap<>();
        vars.put("HOME", home.toString());
        vars.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        vars.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        vars.put("XDG_DATA_HOME", home.resolve("data").toString());
        vars.put("TERM", "dumb");
        CountingWriter out = new CountingWriter();
        StringWriter err = new StringWriter();
        Env env = new Env(vars, java.io.InputStream.nullInputStream(), ZoneOffset.UTC, false, false);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        int code = Main.run(args, env, new PrintWriter(out), new PrintWriter(err));
        long wall = System.nanoTime() - start;
        cpu = os.getProcessCpuTime() - cpu;
        String firstErr = err.toString().lines().findFirst().orElse("");
        System.out.println("RESULT exit=" + code + " wall_ms=" + wall / 1_000_000 + " cpu_ms=" + cpu / 1_000_000
                + " out_bytes=" + out.count + (firstErr.isEmpty() ? "" : " err=" + firstErr.substring(0,
                Math.min(120, firstErr.length()))));
    }

    /** Discards the output, counting it (holding 8 MB of output would measure the heap instead). */
    private static final class CountingWriter extends Writer {
        long count;

        @Override
        public void write(char[] cbuf, int off, int len) {
            count += len;
        }

        @Override
        public void write(String s, int off, int len) {
            count += len;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
