package dev.tidings.tui;

import static dev.tidings.tui.Samples.keys;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue #12: a paste is text for the open prompt, never keys; the wheel scrolls and a click opens. */
class PasteAndMouseTest {
    private static InputSplitter.Mouse wheelDown() {
        return new InputSplitter.Mouse(65, 10, 5, false);
    }

    @Test
    void aPasteGoesIntoTheSearchPromptAsOneLineOfText() {
        ReaderState s = Samples.state(100, 30);
        keys(s, "/");
        s.paste("tele\nscope\u001b[31m");
        assertThat(s.prompt()).isEqualTo(Prompt.FILTER);
        assertThat(s.input()).isEqualTo("tele scope");
        assertThat(s.quitRequested()).isFalse();
        assertThat(s.screen()).isEqualTo(Action.Screen.LIST);
    }

    @Test
    void aPasteOutsideAPromptRunsNoKeyAndSaysItWasIgnored() {
        ReaderState s = Samples.state(100, 30);
        s.paste("jjjjq");
        assertThat(s.selected()).isZero();
        assertThat(s.quitRequested()).isFalse();
        assertThat(s.statusText()).startsWith("Paste ignored");
    }

    @Test
    void aPasteNeverAnswersAYesNoQuestion() {
        ReaderState s = Samples.state(100, 30);
        keys(s, "A");
        assertThat(s.prompt()).isEqualTo(Prompt.CONFIRM);
        s.paste("y");
        assertThat(s.prompt()).isEqualTo(Prompt.CONFIRM);
        assertThat(s.statusText()).contains("answer y or n");
    }

    @Test
    void aLinkNumberPromptTakesOnlyTheDigitsOfAPaste() {
        ReaderState s = Samples.state(100, 30);
        keys(s, "Enter", "f");
        assertThat(s.prompt()).isEqualTo(Prompt.FOLLOW);
        s.paste("link 12");
        assertThat(s.input()).isEqualTo("12");
    }

    @Test
    void theWheelMovesTheListAndScrollsTheArticle() {
        ReaderState s = Samples.state(100, 30);
        s.mouse(wheelDown());
        assertThat(s.selected()).isEqualTo(PasteAndMouse.WHEEL_ROWS);
        s.mouse(new InputSplitter.Mouse(64, 10, 5, false));
        assertThat(s.selected()).isZero();
        keys(s, "Enter");
        s.mouse(wheelDown());
        assertThat(s.articleTop()).isEqualTo(PasteAndMouse.WHEEL_ROWS);
    }

    @Test
    void aClickOnAHeadlineOpensIt() {
        ReaderState s = Samples.state(100, 30);
        int row = s.headlineOrigin() + 2; // 0-based screen row of the third headline
        s.mouse(new InputSplitter.Mouse(0, 20, row + 1, false));
        assertThat(s.screen()).isEqualTo(Action.Screen.ARTICLE);
        assertThat(s.current().item().id()).isEqualTo("tidings-sample-003");
    }

    @Test
    void releasesRightClicksAndClicksBelowTheListDoNothing() {
        ReaderState s = Samples.state(100, 30);
        s.mouse(new InputSplitter.Mouse(0, 20, 3, true));
        s.mouse(new InputSplitter.Mouse(2, 20, 3, false));
        s.mouse(new InputSplitter.Mouse(0, 20, 29, false));
        assertThat(s.screen()).isEqualTo(Action.Screen.LIST);
        assertThat(s.selected()).isZero();
        assertThat(s.statusText()).isEmpty();
    }

    @Test
    void clearingAFilterThatMatchedNothingPutsTheCursorBackWhereItWas() {
        ReaderState s = Samples.state(100, 30);
        keys(s, "j", "j", "/");
        s.paste("no such words anywhere");
        assertThat(s.visible()).isEmpty();
        keys(s, "Esc");
        assertThat(s.selected()).isEqualTo(2);
    }
}
