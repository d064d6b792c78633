package dev.tidings.rules;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds one comparison ({@code field op value}) into a {@link Node.Check}, once: regexes are
 * compiled, dates and ages read, case folded. Which operators apply depends on the field's kind;
 * anything else is a {@link RuleException} at the operator's or the value's column.
 */
final class Conditions {
    private static final Pattern AGE = Pattern.compile("(\\d{1,9})(min|h|d|w)?", Pattern.CASE_INSENSITIVE);

    private final Clock clock;
    private final ZoneId zone;

    Conditions(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** The operators each kind takes, for messages. */
    static String operators(Field.Kind kind) {
        switch (kind) {
            case TEXT:
            case LIST: return "=, !=, =~, !~, #, !#, in";
            case BOOL: return "=, !=";
            default: return "=, !=, <, >, <=, >=, between";
        }
    }

    /** {@code field op value}; {@code op} is the operator token ("in" and "between" are words). */
    Node.Check compare(Field field, Token op, Token value) throws RuleException {
        String o = op.text().toLowerCase(Locale.ROOT);
        if (!applies(field.kind, o)) {
            throw new RuleException(op.column(), field.ruleName() + " takes " + operators(field.kind) + ", not " + op.describe());
        }
        switch (field.kind) {
            case TEXT:
            case LIST: return text(field, o, value);
            case BOOL: return bool(field, o, value);
            case DATE: return date(o, value);
            default: return age(o, value);
        }
    }

    /** {@code field in (a, b, ...)}. */
    Node.Check in(Field field, Token op, List<Token> values) throws RuleException {
        if (field.kind != Field.Kind.TEXT && field.kind != Field.Kind.LIST) {
            throw new RuleException(op.column(), field.ruleName() + " takes " + operators(field.kind) + ", not 'in'");
        }
        Set<String> set = new HashSet<>();
        for (Token t : values) {
            set.add(fold(t.text()));
        }
        return v -> {
            for (String s : values(field, v)) {
                if (set.contains(fold(s))) {
                    return true;
                }
            }
            return false;
        };
    }

    /** A bare boolean field ({@code unread}): true when it is. */
    Node.Check bare(Field field, Token at) throws RuleException {
        if (field.kind != Field.Kind.BOOL) {
            throw new RuleException(at.column(), "expected an operator after " + field.ruleName() + ", found " + at.describe());
        }
        return field::bool;
    }

    private static boolean applies(Field.Kind kind, String op) {
        switch (kind) {
            case TEXT:
            case LIST: return List.of("=", "!=", "=~", "!~", "#", "!#").contains(op);
            case BOOL: return op.equals("=") || op.equals("!=");
            default: return List.of("=", "!=", "<", ">", "<=", ">=", "between").contains(op);
        }
    }

    // ---------------------------------------------------------------- text and lists

    private Node.Check text(Field field, String op, Token value) throws RuleException {
        String want = fold(value.text());
        switch (op) {
            case "=": return v -> any(field, v, s -> fold(s).equals(want));
            case "!=": return v -> !any(field, v, s -> fold(s).equals(want));
            case "#": return v -> any(field, v, s -> field.kind == Field.Kind.LIST ? fold(s).equals(want) : hasWord(s, want));
            case "!#": return v -> !any(field, v, s -> field.kind == Field.Kind.LIST ? fold(s).equals(want) : hasWord(s, want));
            default: {
                BoundedRegex re = BoundedRegex.compile(value.text(), value.column());
                boolean positive = op.equals("=~");
                return v -> any(field, v, re::find) == positive;
            }
        }
    }

    private interface StringTest {
        boolean test(String s);
    }

    private static boolean any(Field field, ItemView v, StringTest t) {
        for (String s : values(field, v)) {
            if (t.test(s)) {
                return true;
            }
        }
        return false;
    }

    /** A text field's value, or a list field's values ("" alone for an empty list, as newsboat's empty attribute). */
    private static List<String> values(Field field, ItemView v) {
        if (field.kind == Field.Kind.TEXT) {
            return List.of(field.text(v));
        }
        List<String> l = field.list(v);
        return l.isEmpty() ? List.of("") : l;
    }

    private static boolean hasWord(String text, String word) {
        for (String w : text.split("\\s+")) {
            if (fold(w).equals(word)) {
                return true;
            }
        }
        return false;
    }

    static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- yes/no

    private static Node.Check bool(Field field, String op, Token value) throws RuleException {
        boolean want;
        switch (fold(value.text())) {
            case "yes":
            case "true":
            case "1": want = true; break;
            case "no":
            case "false":
            case "0": want = false; break;
            default: throw new RuleException(value.column(), "expected yes or no, found " + value.describe());
        }
        boolean eq = op.equals("=");
        return v -> (field.bool(v) == want) == eq;
    }

    // ---------------------------------------------------------------- dates

    /** A day or a moment as the instants [start, end). */
    private record Span(Instant start, Instant end) {
    }

    private Span span(String text, int column) throws RuleException {
        try {
            if (text.length() == 10) {
                LocalDate d = LocalDate.parse(text);
                return new Span(d.atStartOfDay(zone).toInstant(), d.plusDays(1).atStartOfDay(zone).toInstant());
            }
            Instant t;
            try {
                t = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException e) {
                t = LocalDateTime.parse(text).atZone(zone).toInstant();
            }
            return new Span(t, t.plusNanos(1));
        } catch (DateTimeException e) {
            throw new RuleException(column, "expected a date like 2026-11-01 or 2026-11-01T08:30, found '"
                    + Lexer.shorten(text) + "'");
        }
    }

    private Node.Check date(String op, Token value) throws RuleException {
        if (op.equals("between")) {
            String[] r = range(value);
            Span from = span(r[0], value.column());
            Span to = span(r[1], value.column());
            return v -> {
                Instant d = v.date();
                return d != null && !d.isBefore(from.start()) && d.isBefore(to.end());
            };
        }
        Span s = span(value.text(), value.column());
        switch (op) {
            case "=": return v -> v.date() != null && !v.date().isBefore(s.start()) && v.date().isBefore(s.end());
            case "!=": return v -> v.date() == null || v.date().isBefore(s.start()) || !v.date().isBefore(s.end());
            case "<": return v -> v.date() != null && v.date().isBefore(s.start());
            case "<=": return v -> v.date() != null && v.date().isBefore(s.end());
            case ">": return v -> v.date() != null && !v.date().isBefore(s.end());
            default: return v -> v.date() != null && !v.date().isBefore(s.start());
        }
    }

    // ---------------------------------------------------------------- ages

    /** An age: a count of whole units. */
    private record Age(long count, long unitSeconds) {
    }

    private static Age ageOf(String text, int column) throws RuleException {
        Matcher m = AGE.matcher(text);
        if (!m.matches()) {
            throw new RuleException(column, "expected an age like 7, 7d, 12h, 2w or 30min, found '" + Lexer.shorten(text) + "'");
        }
        String unit = m.group(2) == null ? "d" : fold(m.group(2));
        long seconds = unit.equals("min") ? 60 : unit.equals("h") ? 3600 : unit.equals("w") ? 7 * 86400 : 86400;
        return new Age(Long.parseLong(m.group(1)), seconds);
    }

    /** The article's age in whole units, or null without a date. */
    private Long age(ItemView v, long unitSeconds) {
        Instant d = v.date();
        if (d == null) {
            return null;
        }
        return Math.floorDiv(clock.instant().getEpochSecond() - d.getEpochSecond(), unitSeconds);
    }

    private Node.Check age(String op, Token value) throws RuleException {
        if (op.equals("between")) {
            String[] r = range(value);
            Age from = ageOf(r[0], value.column());
            Age to = ageOf(r[1], value.column());
            return v -> {
                Long a = age(v, from.unitSeconds());
                Long b = age(v, to.unitSeconds());
                return a != null && a >= from.count() && b <= to.count();
            };
        }
        Age want = ageOf(value.text(), value.column());
        return v -> {
            Long a = age(v, want.unitSeconds());
            if (a == null) {
                return op.equals("!=");
            }
            long n = want.count();
            switch (op) {
                case "=": return a == n;
                case "!=": return a != n;
                case "<": return a < n;
                case "<=": return a <= n;
                case ">": return a > n;
                default: return a >= n;
            }
        };
    }

    /** "a:b" split at its one colon. */
    private static String[] range(Token value) throws RuleException {
        String t = value.text();
        int colon = t.indexOf(':');
        if (colon <= 0 || colon == t.length() - 1 || t.indexOf(':', colon + 1) >= 0) {
            throw new RuleException(value.column(), "expected a range like 0:7 or 2026-11-01:2026-11-30, found "
                    + value.describe());
        }
        return new String[] {t.substring(0, colon), t.substring(colon + 1)};
    }

}
