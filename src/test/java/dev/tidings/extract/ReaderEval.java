package dev.tidings.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * Not a test: scores reader mode against Mozilla Readability's expected output on the
 * readability-test-pages corpus (one folder per page: source.html, expected.html,
 * expected-metadata.json). Per page: token F1, precision and recall of our text against the
 * expected text (bags of lower-case words; CJK characters count one each), or the reason we
 * refused it; then the means, the refusals and the metadata fields (title, byline, site name,
 * published time) that match. Every source.html in the corpus is stored as UTF-8 (whatever its meta
 * tag says), so it is read as UTF-8. Run by bench/reader-eval.sh.
 *
 * <pre>
 * java ... ReaderEval CORPUS_DIR [--all] [--page NAME]   (--all prints every page, else the 10 worst)
 * -Deval.dump=DIR writes each page's extracted HTML and text, and the expected text, to DIR
 * </pre>
 */
public final class ReaderEval {
    private ReaderEval() {
    }

    /** The corpus uses this as every page's address. */
    static final String BASE = "http://fakehost/test/page.html";
    static final String[] FIELDS = {"title", "byline", "siteName", "publishedTime"};

    record Score(String page, double f1, double precision, double recall, String refused, long micros,
            Map<String, Boolean> fields, Map<String, String> ours, Map<String, String> expected) {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpora/readability-test-pages");
        boolean all = List.of(args).contains("--all");
        String only = List.of(args).contains("--page") ? args[List.of(args).indexOf("--page") + 1] : null;
        List<Path> pages;
        try (Stream<Path> s = Files.list(corpus)) {
            pages = s.filter(p -> only == null || p.getFileName().toString().equals(only))
                    .filter(p -> Files.isRegularFile(p.resolve("source.html"))
                    && Files.isRegularFile(p.resolve("expected.html"))).sorted().toList();
        }
        ObjectMapper json = new ObjectMapper();
        List<Score> scores = new ArrayList<>();
        for (Path p : pages) {
            scores.add(score(p, json));
        }
        scores.sort(Comparator.comparingDouble(Score::f1));
        int show = all ? scores.size() : Math.min(10, scores.size());
        System.out.println(all ? "every page, worst first:" : "the 10 worst pages:");
        System.out.println("  page                                       F1     P      R     ms  note");
        for (Score s : scores.subList(0, show)) {
            String note = s.refused() != null ? "REFUSED: " + s.refused() : mismatches(s);
            System.out.printf(Locale.ROOT, "  %-40s %5.3f  %5.3f  %5.3f %5d  %s%n", s.page(), s.f1(), s.precision(),
                    s.recall(), s.micros() / 1000, note);
        }
        int n = scores.size();
        double f1 = scores.stream().mapToDouble(Score::f1).sum() / n;
        double precision = scores.stream().mapToDouble(Score::precision).sum() / n;
        double recall = scores.stream().mapToDouble(Score::recall).sum() / n;
        long refused = scores.stream().filter(s -> s.refused() != null).count();
        long below = scores.stream().filter(s -> s.f1() < 0.9).count();
        System.out.printf(Locale.ROOT, "pages %d  mean F1 %.4f  precision %.4f  recall %.4f  refused %d"
                + "  F1<0.90: %d  median F1 %.4f%n", n, f1, precision, recall, refused, below, scores.get(n / 2).f1());
        StringBuilder meta = new StringBuilder("metadata matching:");
        for (String field : FIELDS) {
            long ok = scores.stream().filter(s -> s.fields().get(field)).count();
            meta.append(String.format(Locale.ROOT, "  %s %d/%d", field, ok, n));
        }
        System.out.println(meta);
        long total = scores.stream().mapToLong(Score::micros).sum();
        System.out.printf(Locale.ROOT, "extraction time (one cold pass over the corpus): %d ms%n", total / 1000);
    }

    static String mismatches(Score s) {
        StringBuilder sb = new StringBuilder();
        for (String field : FIELDS) {
            if (!s.fields().get(field)) {
                sb.append(field).append(" '").append(cut(s.ours().get(field))).append("' want '")
                        .append(cut(s.expected().get(field))).append("'  ");
            }
        }
        return sb.toString().strip();
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static Score score(Path dir, ObjectMapper json) throws Exception {
        String name = dir.getFileName().toString();
        byte[] source = Files.readAllBytes(dir.resolve("source.html"));
        String expectedText = Jsoup.parse(Files.readString(dir.resolve("expected.html"))).text();
        JsonNode meta = Files.isRegularFile(dir.resolve("expected-metadata.json"))
                ? json.readTree(dir.resolve("expected-metadata.json").toFile()) : json.createObjectNode();
        Map<String, String> expected = new HashMap<>();
        for (String field : FIELDS) {
            JsonNode v = meta.get(field);
            expected.put(field, v == null || v.isNull() ? "" : v.asText());
        }
        Map<String, String> ours = new HashMap<>();
        String refused = null;
        String text = "";
        long start = System.nanoTime();
        try {
            Extracted e = Extractor.extract(source, "UTF-8", BASE);
            text = Jsoup.parse(e.contentHtml()).text();
            if (System.getProperty("eval.dump") != null) {
                Files.writeString(Path.of(System.getProperty("eval.dump"), name + ".ours.html"), e.contentHtml());
                Files.writeString(Path.of(System.getProperty("eval.dump"), name + ".ours.txt"), text);
                Files.writeString(Path.of(System.getProperty("eval.dump"), name + ".want.txt"), expectedText);
            }
            ours.put("title", e.title());
            ours.put("byline", e.byline());
            ours.put("siteName", e.siteName());
            ours.put("publishedTime", e.published() == null ? "" : e.published().toString());
        } catch (ExtractException ex) {
            refused = ex.getMessage();
            for (String field : FIELDS) {
                ours.put(field, "");
            }
        }
        long micros = (System.nanoTime() - start) / 1000;
        Map<String, Integer> want = bag(expectedText);
        Map<String, Integer> got = bag(text);
        int common = 0;
        for (Map.Entry<String, Integer> en : got.entrySet()) {
            common += Math.min(en.getValue(), want.getOrDefault(en.getKey(), 0));
        }
        int gotN = got.values().stream().mapToInt(Integer::intValue).sum();
        int wantN = want.values().stream().mapToInt(Integer::intValue).sum();
        double precision = gotN == 0 ? (wantN == 0 ? 1 : 0) : common / (double) gotN;
        double recall = wantN == 0 ? 1 : common / (double) wantN;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        Map<String, Boolean> fields = new HashMap<>();
        for (String field : FIELDS) {
            fields.put(field, same(field, ours.get(field), expected.get(field)));
        }
        return new Score(name, f1, precision, recall, refused, micros, fields, ours, expected);
    }

    static boolean same(String field, String ours, String expected) {
        String a = normal(ours);
        String b = normal(expected);
        if (field.equals("publishedTime") && !a.isEmpty() && !b.isEmpty()) {
            Instant x = instant(a);
            Instant y = instant(b);
            if (x != null && y != null && b.length() == 10) { // a date only: the same day
                return x.toString().startsWith(b);
            }
            return x != null && x.equals(y);
        }
        return a.equals(b);
    }

    private static String normal(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\p{Z}]+", " ").strip();
    }

    /** ISO 8601 in its common spellings: offset with or without a colon, a space for the T, no zone (UTC). */
    static Instant instant(String s) {
        String t = s.strip().replace(' ', 'T').replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2");
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }

    /** Lower-case words (letters and digits); each CJK or kana character is a word of its own. */
    static Map<String, Integer> bag(String text) {
        Map<String, Integer> bag = new HashMap<>();
        String t = text.toLowerCase(Locale.ROOT);
        int i = 0;
        int n = t.length();
        while (i < n) {
            int c = t.codePointAt(i);
            int len = Character.charCount(c);
            if (ideographic(c)) {
                bag.merge(new String(Character.toChars(c)), 1, Integer::sum);
                i += len;
            } else if (Character.isLetterOrDigit(c)) {
                int j = i;
                while (j < n) {
                    int d = t.codePointAt(j);
                    if (!(Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK
                            || Character.getType(d) == Character.COMBINING_SPACING_MARK) || ideographic(d)) {
                        break;
                    }
                    j += Character.charCount(d);
                }
                bag.merge(t.substring(i, j), 1, Integer::sum);
                i = j;
            } else {
                i += len;
            }
        }
        return bag;
    }

    private static boolean ideographic(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI;
    }
}
