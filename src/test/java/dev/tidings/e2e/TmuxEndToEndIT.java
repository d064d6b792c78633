package dev.tidings.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tidings.testing.IsolatedHome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the packaged {@code target/tidings.jar} in a real terminal (tmux) the way a person
 * would: type keys, read the screen. Runs in {@code mvn verify} (failsafe) after packaging.
 *
 * <p>Without tmux on PATH the class is skipped, unless {@code TIDINGS_E2E_REQUIRED=1}, when it
 * fails. Every test uses a private tmux server ({@code -L tidings-e2e-PID -f /dev/null}) and a
 * temporary HOME / XDG directories, so neither the user's tmux nor their Tidings configuration
 * is read or touched.
 */
class TmuxEndToEndIT {
    /** The JVM can take seconds to start on a loaded two-core box: waits return as soon as the screen is right. */
    private static final Duration START = Duration.ofSeconds(15);
    private static final Duration STEP = Duration.ofSeconds(5);
    /** How long a quit (Q, Ctrl-C, SIGTERM) may take to give the shell back. */
    private static final Duration QUIT = Duration.ofSeconds(2);
    private static final Pattern EXIT = Pattern.compile("TIDINGS-EXIT=(\\d+)");
    private static final String NEEDS_TERMINAL = "tidings: the full-screen reader needs a terminal (";
    private static final String NO_TMUX = "tmux is not on PATH: end-to-end test skipped"
            + " (TIDINGS_E2E_REQUIRED=1 makes this a failure)";

    private static Tmux tmux;
    private static String jar;
    private static String java;

    @TempDir
    Path home;

    @BeforeAll
    static void needTmuxAndTheJar() {
        tmux = Tmux.forSuite("tidings-e2e");
        if (tmux != null) {
            jar = Tmux.packagedJar();
            java = Tmux.javaBinary();
        }
    }

    @BeforeEach
    void configDirectories() throws IOException {
        Assumptions.assumeTrue(tmux != null, NO_TMUX);
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("cache"));
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

    // ---------------------------------------------------------------- scenarios

    @Test
    void readsTheThirdArticleFindsInItFiltersTheListAndQuitsRestoringTheTerminal() throws IOException {
        String s = "reader";
        startShell(s, 100, 30);
        runInShell(s, tidingsCommand(""));

        String screen = tmux.waitForStill(s, "the headline list", has("item 1 of 9"), START);
        assertThat(row(screen, 0)).as("title bar").contains("Tidings").contains("Tidings Sample News");
        assertThat(row(screen, 1)).startsWith(">").contains("Alpine valley races to finish flood walls");
        assertThat(lastRow(screen, 30)).as("hint line").contains("q");

        tmux.keys(s, "j", "j");
        screen = tmux.waitForStill(s, "the third headline selected", has("item 3 of 9"), STEP);
        assertThat(row(screen, 3)).as("selection marker on the third headline")
                .startsWith(">").contains("New desert telescope");
        assertThat(row(screen, 1)).doesNotStartWith(">");
        assertThat(row(screen, 2)).doesNotStartWith(">");

        tmux.keys(s, "Enter");
        screen = tmux.waitForStill(s, "the third article",
                sc -> row(sc, 1).contains("New desert telescope captures its first images"), STEP);
        assertThat(row(screen, 0)).contains("article 3 of 9");
        assertThat(screen).contains("Tidings Sample News · ");

        // page until a caption block and its credit line have been on screen
        boolean sawImage = false;
        boolean sawSource = false;
        for (int page = 0; page < 12 && !(sawImage && sawSource); page++) {
            sawImage |= screen.contains("[Image: ");
            sawSource |= screen.lines().anyMatch(l -> l.strip().startsWith("Source: "));
            if (sawImage && sawSource) {
                break;
            }
            String before = screen;
            tmux.keys(s, "Space");
            screen = tmux.waitForStill(s, "the next page", sc -> !sc.equals(before), STEP);
        }
        assertThat(sawImage).as("a caption block \"[Image: …]\" was shown; last screen:\n%s", screen).isTrue();
        assertThat(sawSource).as("a \"Source: …\" credit line was shown; last screen:\n%s", screen).isTrue();

        tmux.keys(s, "/");
        tmux.waitForStill(s, "the find prompt", has("Find:"), STEP);
        tmux.type(s, "telescope");
        tmux.keys(s, "Enter");
        screen = tmux.waitForStill(s, "the first match", has("Match 1 of"), STEP);
        assertThat(lastRow(screen, 30)).containsPattern("Match 1 of \\d+ for \"telescope\"");
        tmux.keys(s, "n");
        tmux.waitForStill(s, "the second match", has("Match 2 of"), STEP);

        // a person pauses between Esc and q; sent together they would read as Alt-q
        tmux.keys(s, "Escape");
        screen = tmux.waitForStill(s, "the find cleared", hasNot("Match "), STEP);
        assertThat(row(screen, 0))
                .as("Esc while a find is active (the status said \"n/N, Esc clears\") clears the find and stays in"
                        + " the article; screen:\n%s", Tmux.frame(screen))
                .contains("article 3 of 9");
        tmux.keys(s, "q");
        screen = tmux.waitForStill(s, "the list again", has("item 3 of 9"), STEP);
        assertThat(row(screen, 3)).startsWith(">");

        tmux.keys(s, "/");
        tmux.waitForStill(s, "the filter prompt", has("Filter:"), STEP);
        tmux.type(s, "Harbour");
        screen = tmux.waitForStill(s, "the list filtered as I type", has("item 1 of 1"), STEP);
        assertThat(screen).contains("Harbourton buses and trams halt")
                .doesNotContain("Alpine valley").doesNotContain("New desert telescope");
        assertThat(lastRow(screen, 30)).contains("Filter: Harbour");
        tmux.keys(s, "Escape");
        screen = tmux.waitForStill(s, "the filter cleared", has(" of 9"), STEP);
        assertThat(screen).contains("Alpine valley").contains("Harbourton").doesNotContain("Filter:");

        tmux.keys(s, "Q");
        assertThat(waitForExit(s, QUIT)).as("exit status after Q").isZero();
        assertTerminalRestored(s);
    }

    @Test
    void savesAnArticleToANewCollectionQuitsRestartsAndFindsItThere() throws IOException {
        String s = "save";
        start(s, 100, 30, "");
        tmux.waitForStill(s, "the headline list", has("item 1 of 9"), START);
        tmux.keys(s, "j", "a");
        tmux.waitForStill(s, "the Add to Collection dialog", has("Add to Collection").and(has("No Collections")), STEP);
        tmux.keys(s, "n");
        tmux.waitForStill(s, "the name prompt", has("New collection name:"), STEP);
        tmux.type(s, "Read Later");
        tmux.keys(s, "Enter");
        String screen = tmux.waitForStill(s, "the article ticked", has("[x] Read Later  (1)"), STEP);
        assertThat(screen).contains("Created Read Later and saved the article to it");
        tmux.keys(s, "Enter");
        screen = tmux.waitForStill(s, "the list with a saved marker", has("item 2 of 9").and(hasNot("Add to Collection")),
                STEP);
        assertThat(row(screen, 2)).startsWith(">●+");
        tmux.keys(s, "Q");
        assertThat(waitForExit(s, QUIT)).isZero();
        tmux.close();

        Path file = home.resolve("data/tidings/collections.json");
        assertThat(file).isRegularFile();
        assertThat(Files.readString(file)).contains("\"name\" : \"Read Later\"").contains("tidings-sample-002");

        String again = "again";
        start(again, 100, 30, "");
        tmux.waitForStill(again, "the headline list", has("item 1 of 9"), START);
        tmux.keys(again, "c");
        screen = tmux.waitForStill(again, "the collections browser", has("Tidings — Collections"), STEP);
        assertThat(screen).contains("Read Later").contains("1 article");
        tmux.keys(again, "Enter");
        screen = tmux.waitForStill(again, "the collection's headlines", has("Collection: Read Later"), STEP);
        assertThat(row(screen, 1)).contains("Harbourton buses and trams");
        tmux.keys(again, "Enter");
        tmux.waitForStill(again, "the saved article", has("Source: "), STEP);
        tmux.keys(again, "Q");
        assertThat(waitForExit(again, QUIT)).isZero();
    }

    @Test
    void subscribesRefreshesReadsAndRestartsOfflineWithTheArticleMarkedRead() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] one = Files.readAllBytes(Path.of("sample-feed/tidings-sample.rss.xml"));
        byte[] two = Files.readAllBytes(Path.of("src/test/resources/feeds/rss20-content-encoded.xml"));
        server.createContext("/one.xml", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, one.length);
            ex.getResponseBody().write(one);
            ex.close();
        });
        server.createContext("/two.xml", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, two.length);
            ex.getResponseBody().write(two);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThat(cli("feeds", "add", base + "/one.xml", "--name", "Sample Desk", "--tag", "news")).isZero();
            assertThat(cli("feeds", "add", base + "/two.xml")).isZero();
            assertThat(cli("refresh")).isZero();

            String s = "subs";
            start(s, 100, 30, "");
            String screen = tmux.waitForStill(s, "the feed list", has("Tidings — 2 feeds").and(has("Sample Desk")), START);
            assertThat(screen).contains("All feeds").contains("▸ news");
            tmux.keys(s, "Enter");
            screen = tmux.waitForStill(s, "all feeds' headlines",
                    has("Tidings — all feeds").and(has("item 1 of ")), START);
            assertThat(screen).as("the feed list stays above the headlines").contains("Sample Desk")
                    .contains("── All feeds");
            String firstRow = selectedHeadline(screen);
            assertThat(firstRow).startsWith(">●");
            tmux.keys(s, "Enter");
            tmux.waitForStill(s, "the article", has("Read more: "), STEP);
            tmux.keys(s, "Q");
            assertThat(waitForExit(s, QUIT)).isZero();
            tmux.close();

            String again = "offline";
            start(again, 100, 30, "--offline");
            tmux.waitForStill(again, "the feed list from the cache", has("Tidings — 2 feeds"), START);
            tmux.keys(again, "Enter");
            screen = tmux.waitForStill(again, "the headlines again",
                    has("Tidings — all feeds").and(has("item 1 of ")), START);
            assertThat(selectedHeadline(screen)).as("the article read before is marked read").startsWith(">  ")
                    .contains(firstRow.substring(4, 30).strip());
            tmux.keys(again, "Q");
            assertThat(waitForExit(again, QUIT)).isZero();
        } finally {
            server.stop(0);
        }
    }

    /** The selected row of the headline pane: the first "&gt;" row below the pane caption. */
    private static String selectedHeadline(String screen) {
        boolean below = false;
        for (String line : screen.split("\n")) {
            if (line.startsWith("── ")) {
                below = true;
            } else if (below && line.startsWith(">")) {
                return line;
            }
        }
        throw new AssertionError("no selected headline below the feed list:\n" + screen);
    }

    /** Runs the jar's command line (not the reader) with the same home and config as the sessions. */
    private int cli(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", jar));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        IsolatedHome.apply(pb.environment(), home);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        assertThat(code).as(String.join(" ", args) + ": " + out).isLessThanOrEqualTo(0);
        return code;
    }

    @Test
    void questionMarkShowsTheKeysAndQGoesBackToTheList() {
        String s = "help";
        start(s, 100, 30, "");
        tmux.waitForStill(s, "the headline list", has("item 1 of 9"), START);

        tmux.keys(s, "?");
        String screen = tmux.waitForStill(s, "the help screen", has("quit Tidings"), STEP);
        assertThat(screen).contains("move down").contains("quit Tidings");

        tmux.keys(s, "q");
        screen = tmux.waitForStill(s, "the list again", has("item 1 of 9").and(hasNot("quit Tidings")), STEP);
        assertThat(row(screen, 1)).startsWith(">").contains("Alpine valley");
        assertThat(screen).doesNotContain("TIDINGS-EXIT");
    }

    @Test
    void aFortyByTwelveWindowShowsTheListAndAnArticleWithoutSpillingPastItsEdge() {
        String s = "small";
        start(s, 40, 12, "");
        String screen = tmux.waitForStill(s, "the headline list", has("item 1 of 9"), START);
        assertThat(row(screen, 0)).contains("Tidings");
        assertThat(row(screen, 1)).startsWith(">").contains("Alpine valley");
        assertFitsIn(screen, 40, 12);

        tmux.keys(s, "Enter");
        screen = tmux.waitForStill(s, "the first article", has("article 1 of 9"), STEP);
        assertThat(row(screen, 1)).contains("Alpine valley races");
        assertThat(screen).doesNotContain("Window too small");
        assertFitsIn(screen, 40, 12);

        tmux.keys(s, "Space");
        screen = tmux.waitForStill(s, "the second page", sc -> !row(sc, 0).endsWith("Top"), STEP);
        assertFitsIn(screen, 40, 12);

        tmux.keys(s, "Q");
        assertThat(waitForExit(s, QUIT)).isZero();
    }

    @Test
    void aWindowSmallerThanFortyByTwelveSaysSoAndQStillQuits() {
        String s = "tiny";
        start(s, 30, 8, "");
        String screen = tmux.waitForStill(s, "the too-small notice", has("Window too small"), START);
        assertFitsIn(screen, 30, 8);

        tmux.keys(s, "Q");
        assertThat(waitForExit(s, QUIT)).isZero();
    }

    @Test
    void aStormOfResizesEndsWithTheArticleLaidOutForTheFinalSize() {
        String s = "resize";
        start(s, 100, 30, "");
        tmux.waitForStill(s, "the headline list", has("item 1 of 9"), START);
        tmux.keys(s, "Enter");
        tmux.waitForStill(s, "the first article", has("article 1 of 9"), STEP);

        for (int i = 0; i < 6; i++) {
            tmux.resize(s, 60, 20);
            tmux.resize(s, 90, 25);
        }
        assertThat(tmux.display(s, "#{window_width}x#{window_height}")).isEqualTo("90x25");

        String screen = tmux.waitForStill(s, "a title bar as wide as 90 columns",
                sc -> width(row(sc, 0)) > 80 && row(sc, 0).contains("article 1 of 9")
                        && lastRow(sc, 25).contains("Space"), START); // twelve resizes: each asks stty, slow on a loaded machine
        assertThat(width(row(screen, 0))).as("title bar width, row 0: [%s]", row(screen, 0)).isBetween(81, 90);
        assertThat(row(screen, 1)).as("the article's title")
                .contains("Alpine valley races to finish flood walls before the spring thaw");
        assertFitsIn(screen, 90, 25);

        tmux.keys(s, "Q");
        assertThat(waitForExit(s, QUIT)).isZero();
    }

    @Test
    void ctrlCQuitsAtOnceWithStatusZeroAndRestoresTheTerminal() throws IOException {
        String s = "ctrlc";
        startShell(s, 100, 30);
        runInShell(s, tidingsCommand(""));
        tmux.waitForStill(s, "the headline list", has("item 1 of 9"), START);

        tmux.keys(s, "C-c");
        assertThat(waitForExit(s, QUIT)).as("exit status after Ctrl-C").isZero();
        assertTerminalRestored(s);
    }

    @Test
    void sigtermQuitsAtOnceAndRestoresTheTerminal() throws IOException {
        String s = "sigterm";
        startShell(s, 100, 30);
        runInShell(s, tidingsCommand(""));
        tmux.waitForStill(s, "the headline list", has("item 1 of 9"), START);
        tmux.keys(s, "j");
        tmux.waitForStill(s, "the second headline selected", has("item 2 of 9"), STEP);

        sigterm(s);
        int status = waitForExit(s, QUIT);
        assertThat(status).as("exit status after SIGTERM (any, as long as it exits)").isBetween(0, 255);
        assertTerminalRestored(s);
    }

    /**
     * A kill can come at any moment, also while a frame is half written. The race is hit only
     * sometimes, so this tries a few times: a correct reader passes every time.
     */
    @Test
    void sigtermWhileTheScreenIsBeingRepaintedStillRestoresTheShellScreenAndCursor() throws IOException {
        for (int attempt = 1; attempt <= 3; attempt++) {
            String s = "repaint-" + attempt;
            startShell(s, 100, 30);
            runInShell(s, tidingsCommand(""));
            tmux.waitForStill(s, "the headline list", has("item 1 of 9"), START);
            tmux.keys(s, "Enter");
            tmux.waitForStill(s, "the first article", has("article 1 of 9"), STEP);

            String[] redraws = new String[20];
            Arrays.fill(redraws, "C-l"); // C-l repaints every cell
            tmux.keys(s, redraws);
            sigterm(s);
            waitForExit(s, QUIT);
            assertTerminalRestored(s);
            tmux.ok("kill-session", "-t", s);
        }
    }

    @Test
    void stdinThatIsNotATerminalIsRefusedWithStatusTwo() {
        String s = "nostdin";
        start(s, 100, 30, "< /dev/null");
        int status = waitForExit(s, START);
        String screen = tmux.captureJoined(s);
        assertThat(screen).contains(NEEDS_TERMINAL + "stdin is not a terminal)");
        assertThat(status).as("exit status; screen:\n%s", screen).isEqualTo(2);
    }

    @Test
    void termDumbIsRefusedWithStatusTwo() {
        String s = "dumb";
        tmux.newSession(s, 100, 30, environment() + " TERM=dumb " + Tmux.sh(java) + " -jar " + Tmux.sh(jar)
                + "; echo TIDINGS-EXIT=$?; sleep 600");
        int status = waitForExit(s, START);
        String screen = tmux.captureJoined(s);
        assertThat(screen).contains(NEEDS_TERMINAL + "TERM=dumb");
        assertThat(status).as("exit status; screen:\n%s", screen).isEqualTo(2);
    }

    @Test
    void stdoutIntoAPipeIsRefusedWithStatusTwoWithoutHanging() {
        String s = "pipe";
        // the status goes to stderr, which is still the terminal
        tmux.newSession(s, 100, 30, environment() + " sh -c " + Tmux.sh("{ " + tidingsCommand("")
                + "; echo TIDINGS-EXIT=$? >&2; } | cat") + "; sleep 600");
        int status = waitForExit(s, Duration.ofSeconds(10));
        String screen = tmux.captureJoined(s);
        assertThat(screen).contains(NEEDS_TERMINAL + "stdout is not a terminal)");
        assertThat(status).as("exit status; screen:\n%s", screen).isEqualTo(2);
    }

    // ---------------------------------------------------------------- helpers

    /** {@code env ...} setting TERM and pointing HOME and the XDG directories at the temporary directory. */
    private String environment() {
        StringBuilder sb = new StringBuilder("env -u TMUX -u TMUX_PANE -u COLUMNS -u LINES -u NO_COLOR");
        for (String name : IsolatedHome.UNSET) {
            sb.append(" -u ").append(name); // env takes its options before the first NAME=VALUE
        }
        sb.append(" TERM=xterm-256color LANG=C.UTF-8");
        IsolatedHome.vars(home).forEach((k, v) -> sb.append(' ').append(k).append('=').append(Tmux.sh(v)));
        return sb.toString();
    }

    private String tidingsCommand(String args) {
        return Tmux.sh(java) + " -jar " + Tmux.sh(jar) + (args.isEmpty() ? "" : " " + args);
    }

    /** A session running Tidings directly; the pane then shows TIDINGS-EXIT=status and stays open. */
    private void start(String session, int width, int height, String args) {
        tmux.newSession(session, width, height,
                environment() + " " + tidingsCommand(args) + "; echo TIDINGS-EXIT=$?; sleep 600");
    }

    /** A session running an interactive bash without rc files, so commands can follow Tidings in the same tty. */
    private void startShell(String session, int width, int height) {
        tmux.newSession(session, width, height,
                environment() + " PS1='$ ' HISTFILE=/dev/null bash --norc --noprofile");
        tmux.waitFor(session, "the shell prompt", sc -> sc.lines().anyMatch(l -> l.equals("$")), START);
    }

    private void runInShell(String session, String command) {
        tmux.type(session, command + "; echo TIDINGS-EXIT=$?");
        tmux.keys(session, "Enter");
    }

    /** Waits for the TIDINGS-EXIT=N line (the typed command line shows "=$?", which does not match). */
    private int waitForExit(String session, Duration timeout) {
        String screen = tmux.waitFor(session, "Tidings to exit (TIDINGS-EXIT=n)", sc -> EXIT.matcher(sc).find(),
                timeout, true);
        Matcher m = EXIT.matcher(screen);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /**
     * After Tidings exited in a shell pane: the alternate screen was left, the cursor is visible and
     * the tty is back in cooked mode (canonical input, echo, signals).
     */
    private void assertTerminalRestored(String session) throws IOException {
        String screen = tmux.capture(session);
        assertThat(tmux.display(session, "#{alternate_on}"))
                .as("the alternate screen was left; screen:\n%s", Tmux.frame(screen)).isEqualTo("0");
        assertThat(screen).as("the shell's own screen is back, with no trace of the reader's:\n%s", Tmux.frame(screen))
                .contains("-jar").doesNotContain("Tidings Sample News");
        assertThat(tmux.display(session, "#{cursor_flag}"))
                .as("the cursor is visible again (tmux #{cursor_flag}); screen:\n%s", Tmux.frame(screen))
                .isEqualTo("1");

        Path tmp = home.resolve("stty.tmp");
        Path done = home.resolve("stty.txt");
        tmux.type(session, "stty -a > " + Tmux.sh(tmp.toString()) + " && mv " + Tmux.sh(tmp.toString()) + " "
                + Tmux.sh(done.toString()));
        tmux.keys(session, "Enter");
        long deadline = System.nanoTime() + STEP.toNanos();
        while (!Files.exists(done)) {
            if (System.nanoTime() - deadline > 0) {
                fail("stty -a did not run in the pane; screen:\n" + Tmux.frame(tmux.capture(session)));
            }
            Tmux.pause(Tmux.POLL);
        }
        String stty = Files.readString(done, StandardCharsets.UTF_8);
        Set<String> flags = Arrays.stream(stty.split("[\\s;]+")).collect(Collectors.toSet());
        assertThat(flags).as("stty -a after Tidings exited:\n%s", stty)
                .contains("icanon", "echo", "isig", "icrnl", "opost")
                .doesNotContain("-icanon", "-echo", "-isig", "-icrnl", "-opost");
    }

    /** kill -TERM of the java process the pane's shell started. */
    private static void sigterm(String session) {
        long shell = Long.parseLong(tmux.display(session, "#{pane_pid}"));
        ProcessHandle tidings = javaChildOf(shell);
        assertThat(tidings.destroy()).as("SIGTERM sent to %s", tidings.pid()).isTrue(); // destroy() is SIGTERM
    }

    private static ProcessHandle javaChildOf(long pid) {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (true) {
            Optional<ProcessHandle> child = ProcessHandle.of(pid).stream()
                    .flatMap(ProcessHandle::children)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                    .findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            if (System.nanoTime() - deadline > 0) {
                return fail("no java process under the pane's shell (pid " + pid + ")");
            }
            Tmux.pause(Tmux.POLL);
        }
    }

    private static Predicate<String> has(String text) {
        return screen -> screen.contains(text);
    }

    private static Predicate<String> hasNot(String text) {
        return screen -> !screen.contains(text);
    }

    private static List<String> rows(String screen) {
        return screen.lines().toList();
    }

    private static String row(String screen, int index) {
        List<String> rows = rows(screen);
        return index < rows.size() ? rows.get(index) : "";
    }

    /** The window's last row (capture-pane prints every row of the pane). */
    private static String lastRow(String screen, int height) {
        return row(screen, height - 1);
    }

    private static void assertFitsIn(String screen, int width, int height) {
        List<String> rows = rows(screen);
        assertThat(rows.size()).as("rows on screen:\n%s", Tmux.frame(screen)).isLessThanOrEqualTo(height);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(width(rows.get(i))).as("width of row %d [%s] in a %d-column window; screen:\n%s",
                    i, rows.get(i), width, Tmux.frame(screen)).isLessThanOrEqualTo(width);
        }
    }

    /** Terminal columns: East Asian wide and fullwidth characters take two, combining marks none. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                    || type == Character.CONTROL) {
                continue;
            }
            w += wide(cp) ? 2 : 1;
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115f)
                || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff)
                || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff)
                || (cp >= 0xa000 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
                || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f)
                || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6)
                || (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f900 && cp <= 0x1f9ff)
                || (cp >= 0x20000 && cp <= 0x3fffd);
    }
}
