package dev.tidings.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A theme: each {@link Ui} style mapped to a foreground, a background and attributes.
 *
 * <p>File format, one style a line ({@code #} comments):
 * <pre>
 * selection = black cyan bold        # foreground background attributes...
 * link_ref  = bright-cyan            # background defaults to the terminal's
 * title     = default default bold
 * caption   = #c0a060 default italic # truecolor; 0-255 for the 256-colour palette
 * </pre>
 * Colours: default, black, red, green, yellow, blue, magenta, cyan, white, bright-black ...
 * bright-white, 0-255, #rrggbb. Attributes: bold, italic, underline, reverse, blink, crossed-out.
 * Colours are fitted to the terminal: truecolor only where COLORTERM says so, 256 colours where
 * TERM does, else the 16 ANSI colours; with NO_COLOR only attributes are used.
 */
public final class Theme {
    /** Fixed names of the bundled themes. */
    public static final List<String> BUNDLED = List.of("default", "dark", "light", "high-contrast", "mono");

    /** How many colours the terminal shows. */
    public enum Depth { NONE, ANSI16, INDEXED256, TRUECOLOR }

    /** One style's colours and attributes. */
    public record Look(TextColor fg, TextColor bg, EnumSet<SGR> sgr) {
    }

    /** A theme file that could not be used: the message names the file and line. */
    public static final class ThemeException extends Exception {
        private static final long serialVersionUID = 1L;

        public ThemeException(String message) {
            super(message);
        }
    }

    private static final java.util.regex.Pattern TRAILING_COMMENT = java.util.regex.Pattern.compile("\\s#(\\s|$)");

    private final String name;
    private final Map<Ui, Look> looks;

    private Theme(String name, Map<Ui, Look> looks) {
        this.name = name;
        this.looks = looks;
    }

    public String name() {
        return name;
    }

    public Look look(Ui ui) {
        return looks.get(ui);
    }

    /** A theme by bundled name or by path, fitted to the terminal's colour depth. */
    public static Theme load(String nameOrPath, Depth depth) throws ThemeException {
        Map<Ui, Look> looks = new EnumMap<>(Ui.class);
        // every theme starts from the built-in mono looks so a partial file still works
        parse("(built-in)", MONO_BASE, Depth.NONE, looks);
        String n = nameOrPath == null || nameOrPath.isBlank() ? "default" : nameOrPath.strip();
        if (depth == Depth.NONE && !n.equals("mono")) {
            load(n, Depth.TRUECOLOR); // still report a broken theme file
            return load("mono", Depth.NONE); // NO_COLOR: colours would be dropped, so use looks made without them
        }
        if (BUNDLED.contains(n)) {
            String text = bundled(n);
            parse("themes/" + n + ".theme", text, depth, looks);
            return new Theme(n, looks);
        }
        Path path = Path.of(n);
        if (!n.contains("/") && !n.endsWith(".theme") && !Files.exists(path)) {
            throw new ThemeException("theme '" + Sanitize.line(n) + "' not found: bundled themes are "
                    + String.join(", ", BUNDLED) + ", or give a path to a .theme file");
        }
        if (!Files.isRegularFile(path)) {
            throw new ThemeException(Sanitize.line(n) + ": no such theme file");
        }
        try {
            parse(Sanitize.line(n), Files.readString(path, StandardCharsets.UTF_8), depth, looks);
        } catch (IOException e) {
            throw new ThemeException(Sanitize.line(n) + ": cannot read (" + Sanitize.line(e.getMessage()) + ")");
        }
        return new Theme(path.getFileName().toString().replaceFirst("\\.theme$", ""), looks);
    }

    private static String bundled(String name) throws ThemeException {
        try (InputStream in = Theme.class.getResourceAsStream("/dev/tidings/themes/" + name + ".theme")) {
            if (in == null) {
                throw new ThemeException("bundled theme '" + name + "' is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ThemeException("bundled theme '" + name + "': " + e.getMessage());
        }
    }

    /** Reads theme lines into {@code looks}; the first bad line is an error naming file and line. */
    static void parse(String file, String text, Depth depth, Map<Ui, Look> looks) throws ThemeException {
        int n = 0;
        for (String raw : text.split("\n", -1)) {
            n++;
            String line = raw;
            if (line.strip().startsWith("#")) {
                continue;
            }
            java.util.regex.Matcher comment = TRAILING_COMMENT.matcher(line);
            if (comment.find()) {
                line = line.substring(0, comment.start()); // "# note", but not "#c0a060"
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + ":" + n + ": ";
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ThemeException(where + "expected 'style = foreground [background] [attributes]'");
            }
            String key = line.substring(0, eq).strip();
            Ui ui = Ui.byConfigName(key);
            if (ui == null) {
                throw new ThemeException(where + "unknown style '" + Sanitize.line(key) + "'");
            }
            String[] words = line.substring(eq + 1).strip().split("\\s+");
            TextColor fg = TextColor.ANSI.DEFAULT;
            TextColor bg = TextColor.ANSI.DEFAULT;
            EnumSet<SGR> sgr = EnumSet.noneOf(SGR.class);
            int colours = 0;
            for (String w : words) {
                if (w.isEmpty()) {
                    continue;
                }
                SGR attr = attribute(w);
                if (attr != null) {
                    sgr.add(attr);
                    continue;
                }
                TextColor c = colour(w);
                if (c == null) {
                    throw new ThemeException(where + "'" + Sanitize.line(w) + "' is neither a colour nor an attribute");
                }
                if (colours == 0) {
                    fg = c;
                } else if (colours == 1) {
                    bg = c;
                } else {
                    throw new ThemeException(where + "more than two colours");
                }
                colours++;
            }
            looks.put(ui, new Look(fit(fg, depth), fit(bg, depth), sgr));
        }
    }

    private static SGR attribute(String w) {
        switch (w.toLowerCase(Locale.ROOT)) {
            case "bold": return SGR.BOLD;
            case "italic": return SGR.ITALIC;
            case "underline": return SGR.UNDERLINE;
            case "reverse": return SGR.REVERSE;
            case "blink": return SGR.BLINK;
            case "crossed-out": return SGR.CROSSED_OUT;
            default: return null;
        }
    }

    static TextColor colour(String w) {
        String s = w.toLowerCase(Locale.ROOT);
        if (s.equals("default")) {
            return TextColor.ANSI.DEFAULT;
        }
        if (s.matches("#[0-9a-f]{6}")) {
            return new TextColor.RGB(Integer.parseInt(s.substring(1, 3), 16), Integer.parseInt(s.substring(3, 5), 16),
                    Integer.parseInt(s.substring(5, 7), 16));
        }
        if (s.matches("[0-9]{1,3}")) {
            int i = Integer.parseInt(s);
            return i <= 255 ? new TextColor.Indexed(i) : null;
        }
        boolean bright = s.startsWith("bright-");
        String base = bright ? s.substring(7) : s;
        for (TextColor.ANSI a : TextColor.ANSI.values()) {
            if (a.name().equalsIgnoreCase(base) && !a.name().endsWith("_BRIGHT") && a != TextColor.ANSI.DEFAULT) {
                return bright ? TextColor.ANSI.valueOf(a.name() + "_BRIGHT") : a;
            }
        }
        return null;
    }

    /** A colour the terminal can show: downgraded to the palette it has, or dropped with NO_COLOR. */
    static TextColor fit(TextColor c, Depth depth) {
        if (c == TextColor.ANSI.DEFAULT) {
            return c;
        }
        switch (depth) {
            case NONE:
                return TextColor.ANSI.DEFAULT;
            case TRUECOLOR:
                return c;
            case INDEXED256:
                if (c instanceof TextColor.RGB) {
                    return TextColor.Indexed.fromRGB(c.getRed(), c.getGreen(), c.getBlue());
                }
                return c;
            default:
                if (c instanceof TextColor.ANSI) {
                    return c;
                }
                return nearestAnsi(c.getRed(), c.getGreen(), c.getBlue());
        }
    }

    private static TextColor nearestAnsi(int r, int g, int b) {
        TextColor best = TextColor.ANSI.WHITE;
        int bestDistance = Integer.MAX_VALUE;
        for (TextColor.ANSI a : TextColor.ANSI.values()) {
            if (a == TextColor.ANSI.DEFAULT) {
                continue;
            }
            int dr = a.getRed() - r;
            int dg = a.getGreen() - g;
            int db = a.getBlue() - b;
            int d = dr * dr + dg * dg + db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        return best;
    }

    /** The colour depth from the environment (COLORTERM, TERM, NO_COLOR). */
    public static Depth depth(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return Depth.NONE;
        }
        String colorterm = env.getOrDefault("COLORTERM", "").toLowerCase(Locale.ROOT);
        if (colorterm.equals("truecolor") || colorterm.equals("24bit")) {
            return Depth.TRUECOLOR;
        }
        String term = env.getOrDefault("TERM", "");
        if (term.contains("256color") || term.contains("direct")) {
            return Depth.INDEXED256;
        }
        return Depth.ANSI16;
    }

    /** Problems found when checking every line of a theme, for tests and `--theme` errors. */
    static List<String> check(String file, String text) {
        List<String> errors = new ArrayList<>();
        try {
            parse(file, text, Depth.TRUECOLOR, new EnumMap<>(Ui.class));
        } catch (ThemeException e) {
            errors.add(e.getMessage());
        }
        return errors;
    }

    /** Looks that work with no colour at all: the floor every theme builds on. */
    static final String MONO_BASE = String.join("\n",
            "title = default default bold",
            "heading = default default bold",
            "section = default default bold",
            "strong = default default bold",
            "emphasis = default default italic",
            "caption = default default italic",
            "link_text = default default underline",
            "titlebar = default default reverse bold",
            "selection = default default reverse",
            "prompt = default default bold",
            "error = default default bold",
            "unread = default default bold",
            "match = default default reverse underline",
            "help_key = default default bold");
}
