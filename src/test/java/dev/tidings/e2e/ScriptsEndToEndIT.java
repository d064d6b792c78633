package dev.tidings.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.BreakIterator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #10: the sample's many-scripts article (tidings-sample-009) read in a real terminal (tmux)
 * at 100x40 and 40x12, the bytes the reader writes recorded with {@code tmux pipe-pane}. Every
 * paragraph must be on screen whole (emoji, flags, NFD Latin, Vietnamese, Thai, Devanagari, CJK
 * with half-width katakana, Hangul), no word lost at a wrap, right-to-left paragraphs (Persian
 * with ZWNJ, Hebrew) in visual order and right-aligned, and not one NUL byte written.
 *
 * <p>Left-to-right paragraphs are checked against the feed's own text; right-to-left ones word by
 * word against a reversal done here with ICU4J (clusters reversed, brackets mirrored), and line by
 * line against {@code tidings dump --bidi}. Skipped without tmux, as {@link TmuxEndToEndIT}.
 */
class ScriptsEndToEndIT {
    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration STEP = Duration.ofSeconds(5);
    private static final Pattern RTL = Pattern.compile("[\\u0590-\\u08ff]");

    private static Tmux tmux;
    private static String jar;
    private static String java;

    @TempDir
    Path home;

    @BeforeAll
    static void needTmuxAndTheJar() {
        tmux = Tmux.forSuite("tidings-scripts");
        if (tmux != null) {
            jar = Tmux.packagedJar();
            java = Tmux.javaBinary();
        }
    }

    @AfterEach
    void killSessions() {
        if (tmux != null) {
            tmux.close();
        }
    }

    @AfterAll
    static void killServer() {
        if (tmux != null) {
            tmux.close();
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"100, 40", "40, 12"})
    void everyParagraphOfTheManyScriptsArticleIsOnScreenWhole(int width, int height) throws Exception {
        Assumptions.assumeTrue(tmux != null, "tmux is not on PATH: end-to-end test skipped");
        Path raw = home.resolve("raw.bin");
        String s = "scripts";
        tmux.newSession(s, width, height, environment() + " " + Tmux.sh(java) + " -jar " + Tmux.sh(jar)
                + "; sleep 600");
        tmux.ok("pipe-pane", "-o", "-t", s, "cat >> " + Tmux.sh(raw.toString()));
        tmux.waitForStill(s, "the headline list", sc -> sc.contains(" of 9"), START);
        tmux.keys(s, "G");
        tmux.waitForStill(s, "the last headline", sc -> sc.contains("item 9 of 9"), STEP);
        tmux.keys(s, "Enter");
        String screen = tmux.waitForStill(s, "the article", sc -> sc.contains("article 9 of 9"), STEP);
        List<String> rows = new ArrayList<>();
        for (int page = 0; page < 60; page++) {
            String[] lines = screen.split("\n", -1);
            List<String> page0 = new ArrayList<>();
            for (int r = 1; r < Math.min(lines.length, height - 1); r++) {
                page0.add(lines[r]);
            }
            append(rows, page0);
            String top = lines[0];
            if (top.endsWith("Bot") || top.endsWith("All")) {
                break;
            }
            String before = screen;
            tmux.keys(s, "Space");
            screen = tmux.waitForStill(s, "the next page", sc -> !sc.equals(before), STEP);
        }
        tmux.ok("pipe-pane", "-t", s); // stop recording
        String onScreen = String.join("\n", rows);

        // the terminal received no NUL, no "??" and no replacement character
        byte[] bytes = Files.readAllBytes(raw);
        assertThat(bytes.length).as("bytes recorded by pipe-pane").isGreaterThan(1000);
        int nuls = 0;
        for (byte b : bytes) {
            nuls += b == 0 ? 1 : 0;
        }
        assertThat(nuls).as("NUL bytes written to the terminal").isZero();
        String written = new String(bytes, StandardCharsets.UTF_8);
        assertThat(written).doesNotContain("??").doesNotContain("\ufffd");
        assertThat(onScreen).doesNotContain("??").doesNotContain("\ufffd");

        String joined = squeeze(onScreen);
        for (String paragraph : paragraphs()) {
            if (RTL.matcher(paragraph).find()) {
                for (String word : paragraph.split(" ")) {
                    assertThat(nfc(onScreen)).as("word %s of %s in visual order, on screen:\n%s", word, paragraph,
                            Tmux.frame(onScreen)).contains(nfc(visual(word)));
                }
                String first = visual(paragraph.split(" ")[0]);
                assertThat(rows.stream().map(String::stripTrailing).anyMatch(r -> r.endsWith(first)))
                        .as("the paragraph starts at the right edge: %s; screen:\n%s", first, Tmux.frame(onScreen))
                        .isTrue();
            } else {
                assertThat(joined).as("paragraph on screen whole: %s; screen:\n%s", paragraph,
                        Tmux.frame(onScreen)).contains(squeeze(paragraph));
            }
        }
        // and exactly the lines the text pipeline lays out for this width, in display order
        int textWidth = Math.max(10, Math.min(width - 2, 100));
        Set<String> shown = new LinkedHashSet<>();
        for (String r : rows) {
            shown.add(nfc(r.strip()));
        }
        for (String line : dumpBidi(textWidth)) {
            if (!line.isBlank()) {
                assertThat(shown).as("line from dump --bidi --width %d; screen:\n%s", textWidth,
                        Tmux.frame(onScreen)).contains(nfc(line.strip()));
            }
        }
    }

    /** Appends a page, leaving out the rows it repeats from the end of the last one (the last page overlaps). */
    static void append(List<String> rows, List<String> page) {
        int overlap = 0;
        for (int k = Math.min(rows.size(), page.size() - 1); k > 0; k--) {
            if (rows.subList(rows.size() - k, rows.size()).equals(page.subList(0, k))) {
                overlap = k;
                break;
            }
        }
        rows.addAll(page.subList(overlap, page.size()));
    }

    private String environment() {
        return "env -u TMUX -u TMUX_PANE -u COLUMNS -u LINES -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8"
                + " HOME=" + Tmux.sh(home.toString())
                + " XDG_CONFIG_HOME=" + Tmux.sh(home.resolve("config").toString())
                + " XDG_CACHE_HOME=" + Tmux.sh(home.resolve("cache").toString())
                + " XDG_DATA_HOME=" + Tmux.sh(home.resolve("data").toString());
    }

    /** The article's paragraphs as the feed has them (text, not HTML). */
    static List<String> paragraphs() throws IOException {
        JsonNode feed = new ObjectMapper().readTree(Path.of("sample-feed", "tidings-sample.json").toFile());
        for (JsonNode item : feed.get("items")) {
            if (item.get("id").asText().equals("tidings-sample-009")) {
                List<String> out = new ArrayList<>();
                Jsoup.parse(item.get("content_html").asText()).select("p").forEach(p -> out.add(p.text()));
                assertThat(out).hasSize(11);
                return out;
            }
        }
        throw new AssertionError("tidings-sample-009 is missing from the sample feed");
    }

    /** A right-to-left word as a terminal that does no bidi must be sent it: clusters reversed, brackets mirrored. */
    static String visual(String word) {
        if (!RTL.matcher(word).find()) {
            return word;
        }
        BreakIterator bi = BreakIterator.getCharacterInstance();
        bi.setText(word);
        List<String> clusters = new ArrayList<>();
        for (int start = bi.first(), end = bi.next(); end != BreakIterator.DONE; start = end, end = bi.next()) {
            clusters.add(word.substring(start, end));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = clusters.size() - 1; i >= 0; i--) {
            String c = clusters.get(i);
            int cp = c.codePointAt(0);
            int m = UCharacter.hasBinaryProperty(cp, com.ibm.icu.lang.UProperty.BIDI_MIRRORED)
                    ? UCharacter.getMirror(cp) : cp;
            sb.appendCodePoint(m).append(c, Character.charCount(cp), c.length());
        }
        return sb.toString();
    }

    private List<String> dumpBidi(int width) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar, "dump", "--bidi", "--item", "9", "--width",
                Integer.toString(width), Path.of("sample-feed", "tidings-sample.json").toString())
                .redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        for (String xdg : new String[] {"CONFIG", "CACHE", "DATA", "STATE"}) {
            pb.environment().put("XDG_" + xdg + "_HOME", home.resolve(xdg.toLowerCase(Locale.ROOT)).toString());
        }
        pb.environment().remove("NO_COLOR");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** NFC, no white space: wrapping may only move where lines break. */
    private static String squeeze(String s) {
        Matcher m = Pattern.compile("\\s+").matcher(nfc(s));
        return m.replaceAll("");
    }
}
