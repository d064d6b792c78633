package dev.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.tidings.app.Headline;
import dev.tidings.model.Item;
import dev.tidings.text.Width;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue #12's display defects, on whole screens: nothing a user needs is cut off at 40x12, no stray colour. */
class ReaderFixesScreenTest {
    private DefaultVirtualTerminal terminal;
    private CellScreen screen;
    private ByteTerminal bytes;
    private ReaderLoop reader;

    private void start(int w, int h, String theme, List<Headline> entries) throws Exception {
        terminal = new DefaultVirtualTerminal(new TerminalSize(w, h));
        bytes = new ByteTerminal(w, h);
        screen = new CellScreen(terminal, bytes, Glyphs.UNICODE, BidiMode.APP);
        screen.startScreen();
        ReaderState state = new ReaderState(KeyMap.defaults(), java.time.ZoneOffset.UTC);
        reader = new ReaderLoop(screen, state, Theme.load(theme, Theme.Depth.ANSI16), Map.of(), null);
        reader.resize();
        state.setEntries(entries);
        reader.render();
    }

    private void press(String keys) throws IOException {
        for (char c : keys.toCharArray()) {
            reader.handleKey(new KeyStroke(c, false, false));
        }
        reader.render();
    }

    private String text() {
        bytes.replay();
        return bytes.screen();
    }

    @Test
    void highContrastPaintsNoColumnOfTheListInTheStatusLinesColours() throws Exception {
        start(80, 24, "high-contrast", Samples.entries());
        Cells cells = screen.cells();
        Theme.Look body = cells.look(3, 2); // the gap after the markers of the second, unselected row
        for (int row = 2; row < 10; row++) {
            assertThat(cells.look(0, row).bg()).as("background of column 0, row %d", row).isEqualTo(body.bg());
        }
    }

    @Test
    void helpAtFortyByTwelveWrapsEveryDescriptionInsteadOfCuttingIt() throws Exception {
        start(40, 12, "mono", Samples.entries());
        press("?");
        for (int page = 0; page < 8; page++) {
            for (String line : text().split("\n")) {
                assertThat(Width.of(line)).isLessThanOrEqualTo(40);
                assertThat(line).as("a help row cut short").doesNotContain("…");
            }
            press(" ");
        }
        List<HelpLayout.HelpLine> lines = reader.state().help().lines();
        List<String> descriptions = new ArrayList<>();
        StringBuilder d = null;
        for (HelpLayout.HelpLine l : lines) {
            assertThat(l.textCol() + Width.of(l.text())).isLessThanOrEqualTo(40);
            if (!l.key().isEmpty()) {
                if (d != null) {
                    descriptions.add(d.toString().strip());
                }
                d = new StringBuilder();
            }
            d.append(' ').append(l.text());
        }
        descriptions.add(d.toString().strip());
        List<String> expected = new ArrayList<>();
        for (String[] row : reader.state().help().rows()) {
            expected.add(row[1]);
        }
        assertThat(descriptions).isEqualTo(expected);
        assertThat(lines.size()).isGreaterThan(expected.size()); // some did wrap at 40 columns
    }

    @Test
    void showingALongLinkAtFortyByTwelveShowsAllOfIt() throws Exception {
        String url = "https://news.example.org/" + "section/".repeat(25) + "story.html?id=12345";
        Headline first = Samples.entries().get(0);
        Item it = first.item();
        Item longLink = new Item(it.id(), it.title(), url, it.published(), it.updated(), it.authors(), it.categories(),
                it.summaryHtml(), it.contentHtml(), it.enclosures(), it.images());
        start(40, 12, "mono", List.of(new Headline(first.number(), first.feed(), longLink)));
        press("Y");
        String rows = text();
        assertThat(rows).contains("any key closes");
        StringBuilder joined = new StringBuilder();
        for (String line : rows.split("\n")) {
            assertThat(Width.of(line)).isLessThanOrEqualTo(40);
            joined.append(line.strip());
        }
        assertThat(joined.toString()).contains(url);
    }

    @Test
    void aLinkTooLongForTheWholeWindowSaysHowMuchIsNotShown() throws Exception {
        String url = "https://news.example.org/" + "x".repeat(2000);
        Headline first = Samples.entries().get(0);
        Item it = first.item();
        Item longLink = new Item(it.id(), it.title(), url, it.published(), it.updated(), it.authors(), it.categories(),
                it.summaryHtml(), it.contentHtml(), it.enclosures(), it.images());
        start(40, 12, "mono", List.of(new Headline(first.number(), first.feed(), longLink)));
        press("Y");
        assertThat(text()).contains("more characters (y copies");
    }

    @Test
    void aReaderModeErrorKeepsItsReasonWhenItsUrlIsLong() throws Exception {
        start(80, 14, "mono", Samples.entries());
        reader.handleKey(new KeyStroke(com.googlecode.lanterna.input.KeyType.Enter));
        String id = reader.state().current().item().id();
        String url = "https://news.example.org/" + "very-long-path/".repeat(12) + "page.html";
        reader.state().extractFailed(id, url + ": HTTP 404 Not Found");
        reader.render();
        String status = reader.state().statusText();
        assertThat(status).contains("HTTP 404 Not Found").contains("https://news.example").contains("…");
        assertThat(Width.of(status)).isLessThanOrEqualTo(78);
        String[] lines = text().split("\n");
        assertThat(lines[lines.length - 1]).contains("HTTP 404 Not Found");
    }
}
