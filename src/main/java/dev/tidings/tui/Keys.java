package dev.tidings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** Lanterna key strokes to the key names {@link KeyMap} uses. */
final class Keys {
    private Keys() {
    }

    /** "j", "G", "Enter", "C-d", "PgDn"...; "" for keys Tidings ignores (mouse, unknown). */
    static String name(KeyStroke k) {
        KeyType t = k.getKeyType();
        switch (t) {
            case Character: {
                Character ch = k.getCharacter();
                if (ch == null) {
                    return "";
                }
                if (k.isCtrlDown() && !k.isAltDown()) {
                    char c = Character.toLowerCase(ch);
                    return c >= 'a' && c <= 'z' ? "C-" + c : "";
                }
                if (k.isAltDown()) {
                    return "";
                }
                if (ch == ' ') {
                    return "Space";
                }
                if (Character.isISOControl(ch)) {
                    return "";
                }
                return String.valueOf(ch);
            }
            case Enter: return "Enter";
            case Escape: return "Esc";
            case Backspace: return "Backspace";
            case Tab: return "Tab";
            case ArrowUp: return "Up";
            case ArrowDown: return "Down";
            case ArrowLeft: return "Left";
            case ArrowRight: return "Right";
            case PageUp: return "PgUp";
            case PageDown: return "PgDn";
            case Home: return "Home";
            case End: return "End";
            case Delete: return "Delete";
            case Insert: return "Insert";
            case F1: return "F1";
            case F2: return "F2";
            case F3: return "F3";
            case F4: return "F4";
            case F5: return "F5";
            case F6: return "F6";
            case F7: return "F7";
            case F8: return "F8";
            case F9: return "F9";
            case F10: return "F10";
            case F11: return "F11";
            case F12: return "F12";
            default: return "";
        }
    }
}
