package dev.tidings.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tidings.testing.IsolatedHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
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
 * Issue #12 in a real terminal: what only a tty shows. A text browser (a script that reads a line)
 * gets the terminal in cooked mode and every key typed into it; Ctrl-Z gives the shell a clean
 * screen and tty and {@code fg} brings the reader back drawn and reading keys at once; Ctrl-\ prints
 * no thread dump; a paste is text; mouse reports are no keys; a reader whose only feed is missing
 * exits 3. HOME and every XDG directory point into a temporary folder; tmux runs a private server.
 */
class TerminalHandOverIT {
    private static final Duration START = Duration.ofSeconds(15);
    private static final Duration STEP = Duration.ofSeconds(5);
    private static final Pattern EXIT = Pattern.compile("TIDINGS-EXIT=(\\d+)");

    private static Tmux tmux;
    private static String jar;
    private static String java;

    @TempDir
    Path home;

    @BeforeAll
    static void needTmuxAndTheJar() {
        tmux = Tmux.forSuite("tidings-handover");
        if (tmux != null) {
            jar = Tmux.packagedJar();
            java = Tmux.javaBinary();
        }
    }

    @BeforeEach
    void directories() throws IOException {
        Assumptions.assumeTrue(tmux != null, "tmux is not on PATH: end-to-end test skipped");
        Files.createDirectories(home.resolve("config/tidings"));
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

    @Test
    void aTextBrowserGetsTheTerminalInCookedModeAndEveryKeyThenTheReaderComesBack() throws IOException {
        Path got = home.resolve("got.txt");
        Path browser = home.resolve("text-browser.sh");
        Files.writeString(browser, "#!/bin/sh\n"
                + "printf 'TEXT-BROWSER %s\\n' \"$1\"\n"
                + "stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '\n"
                + "printf '\\nTYPE A LINE: '\n"
                + "IFS= read -r line\n"
                + "printf 'GOT[%s]\\n' \"$line\" > " + Tmux.sh(got.toString()) + "\n");
        Files.setPosixFilePermissions(browser, PosixFilePermissions.fromString("rwx------"));
        config("browser = " + browser + "\n");
        String s = "browser";
        startShell(s);
        run(s, "");
        tmux.waitForStill(s, "the headline list", has("item 1 of 9"), START);

        tmux.keys(s, "o");
        String screen = tmux.waitFor(s, "the browser asking for a line", has("TYPE A LINE:"), STEP);
        assertThat(screen).contains("TEXT-BROWSER https://news.example.org/");
        assertThat(screen).as("the tty the browser sees:\n%s", Tmux.frame(screen)).contains("icanon echo")
                .doesNotContain("-icanon").doesNotContain("-echo");
        assertThat(tmux.display(s, "#{alternate_on}")).as("the reader left the alternate screen").isEqualTo("0");
        tmux.type(s, "every key reaches it");
        tmux.keys(s, "Enter");
        screen = tmux.waitForStill(s, "the reader back", has("item 1 of 9"), STEP);
        assertThat(Files.readString(got, StandardCharsets.UTF_8)).isEqualTo("GOT[every key reaches it]\n");
        assertThat(tmux.display(s, "#{alternate_on}")).isEqualTo("1");
        assertThat(screen).contains("Alpine valley").doesNotContain("TEXT-BROWSER");

        tmux.keys(s, "j");
        tmux.waitForStill(s, "raw mode again: one key, no Enter", has("item 2 of 9"), STEP);

        tmux.keys(s, "C-\\");
        tmux.keys(s, "j");
        screen = tmux.waitForStill(s, "Ctrl-\\ did nothing", has("item 3 of 9"), STEP);
        assertThat(screen).doesNotContain("thread dump").doesNotContain("Full thread").doesNotContain("\"main\"");

        tmux.keys(s, "Q");
        assertThat(waitForExit(s)).isZero();
        assertCookedTty(s);
    }

    @Test
    void ctrlZGivesTheShellACleanTtyAndFgBringsTheReaderBackReadingKeysAtOnce() throws IOException {
        config("mouse = on\n");
        String s = "suspend";
        startShell(s);
        run(s, "");
        tmux.waitForStill(s, "the headline list", has("item 1 of 9"), START);
        assertThat(tmux.display(s, "#{mouse_sgr_flag}")).as("mouse = on asks for SGR reports").isEqualTo("1");

        tmux.keys(s, "C-z");
        String screen = tmux.waitFor(s, "the job stopped", has("Stopped"), STEP);
        assertThat(tmux.display(s, "#{alternate_on}")).isEqualTo("0");
        assertThat(tmux.display(s, "#{mouse_sgr_flag}")).as("no mouse reports into the shell").isEqualTo("0");
        assertThat(screen).doesNotContain("Alpine valley");
        assertCookedTty(s);

        tmux.type(s, "fg");
        tmux.keys(s, "Enter");
        screen = tmux.waitForStill(s, "the reader drawn again", has("item 1 of 9"), STEP);
        assertThat(screen).contains("Alpine valley").contains("Harbourton");
        assertThat(tmux.display(s, "#{alternate_on}")).isEqualTo("1");
        assertThat(tmux.display(s, "#{mouse_sgr_flag}")).isEqualTo("1");
        tmux.keys(s, "j");
        tmux.waitForStill(s, "a key read without Enter", has("item 2 of 9"), STEP);

        tmux.type(s, "\u001b[<65;10;5M"); // the wheel, as the terminal reports it
        tmux.waitForStill(s, "the wheel moved down", has("item 5 of 9"), STEP);
        tmux.type(s, "\u001b[<0;20;4M\u001b[<0;20;4m"); // a click on the third headline (row 4, 1-based)
        tmux.waitForStill(s, "the clicked article", has("article 3 of 9"), STEP);

        tmux.keys(s, "Q");
        tmux.waitFor(s, "the shell after Q", sc -> sc.lines().anyMatch(l -> l.equals("$ ")  || l.equals("$")), STEP);
        tmux.type(s, "echo TIDINGS-EXIT=$?"); // fg's status is the reader's
        tmux.keys(s, "Enter");
        assertThat(waitForExit(s, 2)).as("the status after fg and Q").isZero();
        assertThat(tmux.display(s, "#{mouse_sgr_flag}")).isEqualTo("0");
    }

    @Test
    void aPasteIsTextInThePromptAndAStrayMouseReportIsNoKey() {
        String s = "paste";
        startShell(s);
        run(s, "");
        tmux.waitForStill(s, "the headline list", has("item 1 of 9"), START);

        tmux.type(s, "\u001b[<0;10;5M"); // mouse reports nobody asked for (mouse is off)
        tmux.type(s, "\u001b[M !!");
        tmux.keys(s, "j");
        String screen = tmux.waitForStill(s, "only j moved", has("item 2 of 9"), STEP);
        assertThat(screen).doesNotContain("does nothing here");

        tmux.keys(s, "/");
        tmux.waitForStill(s, "the filter prompt", has("Filter:"), STEP);
        tmux.ok("set-buffer", "-b", "clip", "Harbour\nq");
        tmux.ok("paste-buffer", "-p", "-b", "clip", "-t", s);
        screen = tmux.waitForStill(s, "the pasted text in the prompt", has("Filter: Harbour q"), STEP);
        assertThat(screen).as("the newline and q of the paste are no keys").contains("filter \"Harbour q\"");
        tmux.keys(s, "Escape");
        tmux.waitForStill(s, "the filter cleared", hasNot("Filter:"), STEP);
        tmux.ok("paste-buffer", "-p", "-b", "clip", "-t", s);
        tmux.waitForStill(s, "the paste refused outside a prompt", has("Paste ignored"), STEP);

        tmux.keys(s, "Q");
        assertThat(waitForExit(s)).isZero();
    }

    @Test
    void aReaderWhoseOnlyFeedIsMissingSaysSoAndExitsThree() {
        String s = "missing";
        startShell(s);
        run(s, Tmux.sh(home.resolve("no-such-feed.xml").toString()));
        // the shell's command line names the file too: wait for the reader's own words
        tmux.waitForStill(s, "the error in the status line", has("no-such-feed.xml: no such file"), START);
        tmux.keys(s, "q");
        assertThat(waitForExit(s)).isEqualTo(3);
        assertThat(tmux.captureJoined(s)).contains("tidings: " + home.resolve("no-such-feed.xml"));
    }

    // ---------------------------------------------------------------- helpers

    private void config(String text) throws IOException {
        Files.writeString(home.resolve("config/tidings/config"), text);
    }

    private String environment() {
        StringBuilder sb = new StringBuilder("env -u TMUX -u TMUX_PANE -u COLUMNS -u LINES -u NO_COLOR"
                + " -u DISPLAY -u WAYLAND_DISPLAY");
        for (String name : IsolatedHome.UNSET) {
            sb.append(" -u ").append(name);
        }
        sb.append(" TERM=xterm-256color LANG=C.UTF-8");
        IsolatedHome.vars(home).forEach((k, v) -> sb.append(' ').append(k).append('=').append(Tmux.sh(v)));
        return sb.toString();
    }

    private void startShell(String session) {
        tmux.newSession(session, 100, 30, environment() + " PS1='$ ' HISTFILE=/dev/null bash --norc --noprofile");
        tmux.waitFor(session, "the shell prompt", sc -> sc.lines().anyMatch(l -> l.equals("$")), START);
    }

    private void run(String session, String args) {
        tmux.type(session, Tmux.sh(java) + " -jar " + Tmux.sh(jar) + (args.isEmpty() ? "" : " " + args)
                + "; echo TIDINGS-EXIT=$?");
        tmux.keys(session, "Enter");
    }

    private int waitForExit(String session) {
        return waitForExit(session, 1);
    }

    /** The status of the {@code nth} TIDINGS-EXIT line (after Ctrl-Z the shell runs the echo once already). */
    private int waitForExit(String session, int nth) {
        String screen = tmux.waitFor(session, "Tidings to exit", sc -> EXIT.matcher(sc).results().count() >= nth,
                STEP, true);
        Matcher m = EXIT.matcher(screen);
        for (int i = 0; i < nth; i++) {
            assertThat(m.find()).isTrue();
        }
        return Integer.parseInt(m.group(1));
    }

    /** The tty as the shell wants it: canonical input, echo, signals (stty -a run in the pane). */
    private void assertCookedTty(String session) throws IOException {
        Path tmp = home.resolve("stty.tmp");
        Path done = home.resolve("stty.txt");
        Files.deleteIfExists(done);
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
        assertThat(flags).as("stty -a:\n%s", stty).contains("icanon", "echo", "isig")
                .doesNotContain("-icanon", "-echo", "-isig");
        assertThat(stty).as("the quit key is back for the shell").containsPattern("quit = \\^\\\\");
    }

    private static Predicate<String> has(String text) {
        return screen -> screen.contains(text);
    }

    private static Predicate<String> hasNot(String text) {
        return screen -> !screen.contains(text);
    }
}
