package dev.tidings.tui;

import dev.tidings.text.Sanitize;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A desktop notification asked of the terminal with an escape sequence, written through the
 * reader's own output path ({@link CellScreen#notification}):
 * <ul>
 *   <li>OSC 9 ({@code ESC ] 9 ; text BEL}): iTerm2, WezTerm, Windows Terminal, kitty, ghostty,
 *       ConEmu; also the choice when the terminal is unknown (terminals ignore OSCs they do not know);</li>
 *   <li>OSC 777 ({@code ESC ] 777 ; notify ; title ; body BEL}): urxvt, foot and VTE terminals
 *       (GNOME Terminal, Ptyxis, Tilix), picked by TERM, VTE_VERSION or TERM_PROGRAM.</li>
 * </ul>
 * Inside tmux ($TMUX set) the sequence is wrapped for passthrough ({@code ESC P tmux; ... ESC \},
 * every ESC inside doubled); tmux 3.3+ forwards it only with {@code set -g allow-passthrough on}.
 * The text is sanitized here, whatever the caller passed: no control characters (no BEL or ESC
 * can end or start a sequence early), no {@code ;} in OSC 777 fields, at most 200 characters.
 */
final class TerminalNotification {
    private TerminalNotification() {
    }

    /** Which sequence a terminal understands. */
    enum Kind { OSC9, OSC777 }

    static final int MAX_TEXT = 200;

    /** The kind for the terminal the environment describes. */
    static Kind kind(Map<String, String> env) {
        String term = env.getOrDefault("TERM", "");
        String program = env.getOrDefault("TERM_PROGRAM", "");
        if (term.startsWith("rxvt") || term.startsWith("foot") || env.containsKey("VTE_VERSION")
                || program.equalsIgnoreCase("vte") || program.equalsIgnoreCase("ptyxis")) {
            return Kind.OSC777;
        }
        return Kind.OSC9;
    }

    /** The bytes to write for a notification with this title and body. */
    static byte[] bytes(String title, String body, Map<String, String> env) {
        String t = clean(title);
        String b = clean(body);
        String seq = kind(env) == Kind.OSC777
                ? "\u001b]777;notify;" + t.replace(';', ',') + ";" + b.replace(';', ',') + "\u0007"
                : "\u001b]9;" + (t.isEmpty() ? b : t + ": " + b) + "\u0007";
        String tmux = env.get("TMUX");
        if (tmux != null && !tmux.isEmpty()) {
            seq = "\u001bPtmux;" + seq.replace("\u001b", "\u001b\u001b") + "\u001b\\";
        }
        return seq.getBytes(StandardCharsets.UTF_8);
    }

    /** One line, no controls or bidi overrides, at most {@link #MAX_TEXT} characters. */
    static String clean(String s) {
        String line = Sanitize.line(s == null ? "" : s);
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length() && out.length() < MAX_TEXT; i++) {
            char c = line.charAt(i);
            if (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f)) {
                out.append(c);
            }
        }
        if (out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
            out.setLength(out.length() - 1); // never half a character
        }
        return out.toString();
    }
}
