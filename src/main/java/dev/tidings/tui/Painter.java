package dev.tidings.tui;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.Screen;
import dev.tidings.text.Width;

/**
 * Puts text on a Lanterna {@link Screen} cell by cell, measuring every grapheme itself: CJK and
 * emoji take two cells, combining marks none. Nothing is ever drawn past {@code maxCol}, no control
 * character ever reaches Lanterna, and a grapheme whose width Lanterna would get wrong (emoji in
 * the BMP, ZWJ sequences, flags) is drawn so the row still lines up.
 */
final class Painter {
    /** Drawn instead of a two-column glyph Lanterna would count as one. */
    static final String WIDE_STAND_IN = "\u3013";

    private final Screen screen;
    private final Theme theme;

    Painter(Screen screen, Theme theme) {
        this.screen = screen;
        this.theme = theme;
    }

    /** Fills columns [from, to) of a row with spaces in a style. */
    void fill(int row, int from, int to, Ui ui) {
        Theme.Look look = theme.look(ui);
        TextCharacter blank = new TextCharacter(' ', look.fg(), look.bg(), look.sgr());
        for (int c = from; c < to; c++) {
            screen.setCharacter(c, row, blank);
        }
    }

    /** Draws {@code text} from {@code col}, clipped at {@code maxCol}; returns the column after it. */
    int text(int col, int row, int maxCol, String text, Ui ui) {
        Theme.Look look = theme.look(ui);
        int c = col;
        int i = 0;
        int n = text.length();
        while (i < n && c < maxCol) {
            int cp = text.codePointAt(i);
            int start = i;
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || Character.isSurrogate((char) cp) && Character.charCount(cp) == 1) {
                continue;
            }
            // the grapheme: the base and the zero-width marks that follow it
            int end = i;
            while (end < n) {
                int next = text.codePointAt(end);
                if (Width.of(next) == 0 && !Character.isISOControl(next) && next != 0x200d) {
                    end += Character.charCount(next);
                } else if (next == 0x200d) {
                    // ZWJ sequence: the joined parts are dropped, the first glyph stands for it
                    end += Character.charCount(next);
                    if (end < n) {
                        end += Character.charCount(text.codePointAt(end));
                    }
                } else if (cp >= 0x1f1e6 && cp <= 0x1f1ff && next >= 0x1f1e6 && next <= 0x1f1ff && end == i) {
                    end += Character.charCount(next); // second half of a flag
                } else {
                    break;
                }
            }
            String grapheme = drawable(text.substring(start, i), text.substring(i, end));
            i = end;
            int w = Width.of(cp);
            if (w == 0) {
                continue; // a stray mark with nothing to sit on
            }
            TextCharacter[] tc = TextCharacter.fromString(grapheme, look.fg(), look.bg(), look.sgr());
            if (tc.length != 1) {
                tc = TextCharacter.fromString(text.substring(start, start + Character.charCount(cp)), look.fg(),
                        look.bg(), look.sgr());
            }
            TextCharacter ch = tc[0];
            if (w == 2 && !ch.isDoubleWidth()) {
                ch = TextCharacter.fromString(WIDE_STAND_IN, look.fg(), look.bg(), look.sgr())[0];
            } else if (w == 1 && ch.isDoubleWidth()) {
                w = 2;
            }
            if (c + w > maxCol) {
                break;
            }
            screen.setCharacter(c, row, ch);
            c += w;
        }
        return c;
    }

    /** The base plus its combining marks; variation selectors and skin tones dropped. */
    private static String drawable(String base, String marks) {
        if (marks.isEmpty()) {
            return base;
        }
        StringBuilder sb = new StringBuilder(base);
        for (int j = 0; j < marks.length(); ) {
            int m = marks.codePointAt(j);
            j += Character.charCount(m);
            int type = Character.getType(m);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                if (!(m >= 0xfe00 && m <= 0xfe0f)) {
                    sb.appendCodePoint(m);
                }
            }
        }
        return sb.toString();
    }
}
