package dev.tidings.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers pointing down. The rules are the package table of docs/architecture.md, read
 * from the doc itself, and every reference in code counts: imports and fully-qualified names
 * ({@code dev.tidings.store.ReadState.defaultPath(...)}), not what comments or strings mention.
 */
class LayeringTest {
    static final Path SRC = Path.of("src/main/java/dev/tidings");
    static final Path DOC = Path.of("docs/architecture.md");

    /** The libraries the table names, and the package prefix each stands for. */
    static final Map<String, String> LIBRARIES = Map.of(
            "jackson", "com.fasterxml.jackson.",
            "jackson-core", "com.fasterxml.jackson.core.",
            "jsoup", "org.jsoup.",
            "lanterna", "com.googlecode.lanterna.",
            "picocli", "picocli.");

    /** A reference to one of our packages or a library, in code without comments and strings. */
    static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\w.])(dev\\.tidings\\.([a-z]+)\\.|com\\.fasterxml\\.jackson\\.[a-z]+\\.|org\\.jsoup\\."
                    + "|com\\.googlecode\\.lanterna\\.|picocli\\.)");

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)`\\s*\\|.*\\|\\s*([^|]+?)\\s*\\|\\s*$");

    /** What each package may use: package names and library prefixes; "*" for anything. */
    static Map<String, Set<String>> tableFromDoc() throws IOException {
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            if (line.startsWith("| package")) {
                inTable = true;
                continue;
            }
            if (!inTable || line.startsWith("|--")) {
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                break; // the end of the table
            }
            Set<String> allowed = new LinkedHashSet<>();
            for (String part : m.group(2).split(",")) {
                // "jsoup (entity table)" -> "jsoup"
                String name = part.replaceAll("\\(.*\\)", "").trim().toLowerCase(java.util.Locale.ROOT);
                switch (name) {
                    case "nothing" -> { }
                    case "everything" -> allowed.add("*");
                    case "everything below" -> allowed.addAll(rules.keySet());
                    default -> {
                        if (LIBRARIES.containsKey(name)) {
                            allowed.add(LIBRARIES.get(name));
                        } else {
                            assertThat(rules).as("'%s' may import '%s', which is not a package above it in"
                                    + " the table nor a known library", m.group(1), name).containsKey(name);
                            allowed.add(name);
                        }
                    }
                }
            }
            rules.put(m.group(1), allowed);
        }
        assertThat(rules).as("the package table of %s", DOC).containsKeys("model", "app", "tui", "cli");
        return rules;
    }

    /**
     * Java source with comments and the contents of string, text-block and char literals blanked
     * out (lengths kept, so nothing in them can look like a reference).
     */
    static String code(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int n = src.length();
        int i = 0;
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(src, i, end, out);
                i = end;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                while (end > 0 && src.charAt(end - 1) == '\\') {
                    end = src.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end + 3;
                blank(src, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(n, j + 1);
                blank(src, i, end, out);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String src, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(src.charAt(k) == '\n' ? '\n' : ' ');
        }
    }

    /** Every package or library a file's code refers to (its own package and the JDK left out). */
    static Set<String> references(String source, String ownPackage) {
        Set<String> out = new TreeSet<>();
        String code = code(source).replaceFirst("(?m)^\\s*package\\s+[\\w.]+\\s*;", "");
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
            String ours = m.group(2);
            if (ours == null) {
                out.add(m.group(1));
            } else if (!ours.equals(ownPackage)) {
                out.add(ours);
            }
        }
        return out;
    }

    static boolean allowed(Set<String> rule, String reference) {
        if (rule.contains("*") || rule.contains(reference)) {
            return true;
        }
        return rule.stream().anyMatch(p -> p.endsWith(".") && reference.startsWith(p));
    }

    @Test
    void everyPackageUsesOnlyWhatTheArchitectureTableAllows() throws IOException {
        Map<String, Set<String>> rules = tableFromDoc();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SRC)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String pkg = SRC.relativize(file).getName(0).toString();
                Set<String> rule = rules.get(pkg);
                assertThat(rule).as("package %s has no row in the table of %s", pkg, DOC).isNotNull();
                for (String ref : references(Files.readString(file, StandardCharsets.UTF_8), pkg)) {
                    if (!allowed(rule, ref)) {
                        violations.add(file + ": " + ref);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void referencesCountInCodeButNotInCommentsOrStrings() {
        String src = """
                package dev.tidings.tui;

                import dev.tidings.app.Saved;
                /** See {@link dev.tidings.render.Layout}. */
                class X {
                    // dev.tidings.feed.Feeds is mentioned here only
                    String s = "dev.tidings.subs.Subscription";
                    char q = '"';
                    Object o = dev.tidings.store.ReadState.defaultPath(null);
                    Object t = new com.googlecode.lanterna.TextColor.RGB(1, 2, 3);
                    Object self = dev.tidings.tui.Theme.DEFAULT;
                }
                """;
        assertThat(references(src, "tui")).containsExactly("app", "com.googlecode.lanterna.", "store");
    }

    @Test
    void theTableIsReadFromTheDoc() throws IOException {
        Map<String, Set<String>> rules = tableFromDoc();
        assertThat(rules.get("model")).isEmpty();
        assertThat(rules.get("store")).contains("io", "model", "text", "com.fasterxml.jackson.");
        assertThat(rules.get("app")).contains("model", "fetch", "feed", "store").doesNotContain("tui", "cli");
        assertThat(rules.get("cli")).containsExactly("*");
    }
}
