package dev.tidings.tui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The programs the config names for links and enclosures: {@code open-with} rules (a MIME type or
 * a URL regex, then a program; the first rule that matches wins, else the browser) and
 * {@code send-to} commands (a name, then a program), each a {@link ProgramTemplate}.
 *
 * <pre>
 * open-with = video/* mpv %u
 * open-with = "youtube\.com/watch" mpv --ytdl %u
 * open-with = audio/* @background mpv --no-video %u
 * send-to   = wallabag wallabag-cli add --title %t %u
 * </pre>
 *
 * A pattern is a MIME type when it looks like one ({@code audio/*}, {@code video/mp4},
 * {@code *&#47;*}: a known top-level type or {@code *}), else a regex found anywhere in the URL
 * (case-insensitive); {@code type:} or {@code url:} before it says which. {@code @background}
 * after the pattern or name starts the program beside the reader instead of handing it the
 * terminal.
 */
public final class Launchers {
    /** No rules, no commands: links go to the browser. */
    public static final Launchers NONE = new Launchers(List.of(), List.of());

    private static final Pattern MIME = Pattern.compile(
            "(?:application|audio|video|image|text|font|model|message|multipart|example|\\*)/[A-Za-z0-9.+*_-]+",
            Pattern.CASE_INSENSITIVE);

    /** One open-with rule: {@code mime} (lower case, may end in "/*") or {@code url}. */
    record OpenRule(String mime, Pattern url, ProgramTemplate program) {
        boolean matches(String link, String type) {
            if (url != null) {
                return url.matcher(link).find();
            }
            String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
            int semi = t.indexOf(';');
            if (semi >= 0) {
                t = t.substring(0, semi).strip();
            }
            if (t.isEmpty()) {
                return false;
            }
            if (mime.equals("*/*")) {
                return true;
            }
            return mime.endsWith("/*") ? t.startsWith(mime.substring(0, mime.length() - 1)) : t.equals(mime);
        }
    }

    /** One send-to command. */
    public record SendCommand(String name, ProgramTemplate program) {
    }

    private final List<OpenRule> rules;
    private final List<SendCommand> commands;

    private Launchers(List<OpenRule> rules, List<SendCommand> commands) {
        this.rules = List.copyOf(rules);
        this.commands = List.copyOf(commands);
    }

    /**
     * The rules and commands from the config's values, one per line as written.
     *
     * @throws IllegalArgumentException naming the setting, the value and what is wrong
     */
    public static Launchers parse(List<String> openWith, List<String> sendTo) {
        List<OpenRule> rules = new ArrayList<>();
        for (String value : openWith) {
            List<String> w = words("open-with", value, "open-with = video/* mpv %u");
            String pattern = w.get(0);
            ProgramTemplate program = program("open-with", value, w);
            try {
                if (pattern.startsWith("url:")) {
                    rules.add(new OpenRule(null, regex(pattern.substring(4)), program));
                } else if (pattern.startsWith("type:") || MIME.matcher(pattern).matches()) {
                    String mime = pattern.startsWith("type:") ? pattern.substring(5) : pattern;
                    rules.add(new OpenRule(mime.strip().toLowerCase(Locale.ROOT), null, program));
                } else {
                    rules.add(new OpenRule(null, regex(pattern), program));
                }
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("open-with: '" + value + "': not a regex: " + e.getDescription());
            }
        }
        List<SendCommand> commands = new ArrayList<>();
        for (String value : sendTo) {
            List<String> w = words("send-to", value, "send-to = pinboard pinboard-add %u %t");
            String name = w.get(0);
            if (name.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("send-to: '" + value + "': a name cannot be a number");
            }
            for (SendCommand c : commands) {
                if (c.name().equals(name)) {
                    throw new IllegalArgumentException("send-to: '" + name + "' is named twice");
                }
            }
            commands.add(new SendCommand(name, program("send-to", value, w)));
        }
        return new Launchers(rules, commands);
    }

    private static List<String> words(String setting, String value, String example) {
        List<String> w;
        try {
            w = ProgramTemplate.split(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": '" + value + "': " + e.getMessage());
        }
        if (w.size() < 2 || w.size() == 2 && w.get(1).equals("@background")) {
            throw new IllegalArgumentException(setting + ": '" + value + "': expected a "
                    + (setting.equals("send-to") ? "name" : "MIME type or URL regex") + " and a program, as in '"
                    + example + "'");
        }
        return w;
    }

    private static ProgramTemplate program(String setting, String value, List<String> w) {
        boolean background = w.get(1).equals("@background");
        return new ProgramTemplate(w.subList(background ? 2 : 1, w.size()), background);
    }

    private static Pattern regex(String p) {
        if (p.isEmpty()) {
            throw new PatternSyntaxException("empty pattern", p, 0);
        }
        return Pattern.compile(p, Pattern.CASE_INSENSITIVE);
    }

    /** The program for this link (its MIME type "" when unknown), or empty for the browser. */
    public Optional<ProgramTemplate> openWith(String url, String type) {
        for (OpenRule r : rules) {
            if (r.matches(url, type)) {
                return Optional.of(r.program());
            }
        }
        return Optional.empty();
    }

    public List<SendCommand> commands() {
        return commands;
    }

    /** The names, for the prompt: ["pinboard", "wallabag"]. */
    public List<String> commandNames() {
        return commands.stream().map(SendCommand::name).toList();
    }

    /** The send-to command by name, or by its number (1-based) in the config. */
    public Optional<SendCommand> command(String nameOrNumber) {
        String s = nameOrNumber.strip();
        if (!s.isEmpty() && s.length() < 6 && s.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(s);
            return n >= 1 && n <= commands.size() ? Optional.of(commands.get(n - 1)) : Optional.empty();
        }
        return commands.stream().filter(c -> c.name().equals(s)).findFirst();
    }

    /**
     * Where {@code program} is: itself when it names a path, else the first executable of that
     * name on {@code PATH}; empty when there is none (the caller says so on the status line).
     */
    static Optional<Path> locate(String program, Map<String, String> env) {
        if (program.contains("/")) {
            try {
                Path p = Path.of(program);
                return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
            } catch (java.nio.file.InvalidPathException e) {
                return Optional.empty();
            }
        }
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            try {
                Path p = Path.of(dir, program);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            } catch (java.nio.file.InvalidPathException e) {
                // a PATH entry or name no file can have: not here
            }
        }
        return Optional.empty();
    }
}
