package dev.tidings.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient date parsing for the formats feeds actually carry: RFC 822/1123 with real-world variants
 * (missing weekday, two-digit years, full month names, zone names like EST or "UT", junk after),
 * RFC 3339 and ISO 8601 (with or without seconds, fractions, "T" or space, date only, basic format).
 *
 * <pre>
 * parse("Tue, 24 Nov 2026 09:30:00 +0000") = 2026-11-24T09:30:00Z
 * parse("2026-11-24T09:30:00.5+01:00")     = 2026-11-24T08:30:00.5Z
 * parse("next tuesday")                    = null
 * </pre>
 */
public final class Dates {
    private Dates() {
    }

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    /** The instant, or null when the text is no date Tidings understands. */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            if (Character.isDigit(s.charAt(0)) && s.length() >= 8 && (s.charAt(4) == '-' || allDigits(s, 0, 8))) {
                Instant iso = parseIso(s);
                if (iso != null) {
                    return iso;
                }
            }
            return parseRfc822(s);
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- ISO 8601 / RFC 3339

    private static Instant parseIso(String s) {
        int[] pos = {0};
        int year;
        int month;
        int day;
        boolean basic = s.charAt(4) != '-';
        year = num(s, pos, 4);
        if (!basic) {
            expect(s, pos, '-');
        }
        month = num(s, pos, 2);
        if (!basic) {
            expect(s, pos, '-');
        }
        day = num(s, pos, 2);
        LocalDate date = LocalDate.of(year, month, day);
        if (pos[0] >= s.length()) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        char sep = s.charAt(pos[0]);
        if (sep != 'T' && sep != 't' && sep != ' ') {
            return null;
        }
        pos[0]++;
        int hour = num(s, pos, 2);
        if (pos[0] < s.length() && s.charAt(pos[0]) == ':') {
            pos[0]++;
        }
        int minute = num(s, pos, 2);
        int second = 0;
        int nanos = 0;
        if (pos[0] < s.length() && (s.charAt(pos[0]) == ':' || Character.isDigit(s.charAt(pos[0])))) {
            if (s.charAt(pos[0]) == ':') {
                pos[0]++;
            }
            second = num(s, pos, 2);
            if (pos[0] < s.length() && (s.charAt(pos[0]) == '.' || s.charAt(pos[0]) == ',')) {
                pos[0]++;
                int start = pos[0];
                while (pos[0] < s.length() && Character.isDigit(s.charAt(pos[0]))) {
                    pos[0]++;
                }
                String frac = (s.substring(start, Math.min(pos[0], start + 9)) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(frac);
            }
        }
        if (second == 60) {
            second = 59; // leap second
        }
        LocalDateTime local = LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos));
        while (pos[0] < s.length() && s.charAt(pos[0]) == ' ') {
            pos[0]++;
        }
        ZoneOffset offset = ZoneOffset.UTC;
        if (pos[0] < s.length()) {
            char z = s.charAt(pos[0]);
            if (z == 'Z' || z == 'z') {
                offset = ZoneOffset.UTC;
            } else if (z == '+' || z == '-') {
                offset = numericOffset(s.substring(pos[0]));
                if (offset == null) {
                    return null;
                }
            } else {
                ZoneOffset named = namedZone(s.substring(pos[0]).trim());
                offset = named == null ? ZoneOffset.UTC : named;
            }
        }
        return local.toInstant(offset);
    }

    private static int num(String s, int[] pos, int digits) {
        int start = pos[0];
        int end = start + digits;
        if (end > s.length() || !allDigits(s, start, end)) {
            throw new NumberFormatException("expected " + digits + " digits");
        }
        pos[0] = end;
        return Integer.parseInt(s, start, end, 10);
    }

    private static void expect(String s, int[] pos, char c) {
        if (pos[0] >= s.length() || s.charAt(pos[0]) != c) {
            throw new NumberFormatException("expected " + c);
        }
        pos[0]++;
    }

    /** "+01:00", "-0500", "+01", "+5:30". */
    private static ZoneOffset numericOffset(String z) {
        int sign = z.charAt(0) == '-' ? -1 : 1;
        String digits = z.substring(1).replace(":", "").trim();
        int sp = digits.indexOf(' ');
        if (sp >= 0) {
            digits = digits.substring(0, sp);
        }
        if (digits.isEmpty() || !allDigits(digits, 0, digits.length())) {
            return null;
        }
        int hours;
        int minutes;
        if (digits.length() <= 2) {
            hours = Integer.parseInt(digits);
            minutes = 0;
        } else if (digits.length() == 3) {
            hours = Integer.parseInt(digits.substring(0, 1));
            minutes = Integer.parseInt(digits.substring(1));
        } else {
            hours = Integer.parseInt(digits.substring(0, 2));
            minutes = Integer.parseInt(digits.substring(2, 4));
        }
        if (hours > 18 || minutes > 59) {
            return null;
        }
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    // ---------------------------------------------------------------- RFC 822 and friends

    private static Instant parseRfc822(String s) {
        String[] tokens = tokens(s);
        int i = 0;
        // skip a weekday (any alphabetic token that is not a month)
        if (i < tokens.length && isAlpha(tokens[i]) && month(tokens[i]) < 0) {
            i++;
        }
        if (i + 2 >= tokens.length) {
            return null;
        }
        int day;
        int month;
        // "24 Nov 2026" or "Nov 24 2026"
        if (isDigits(tokens[i])) {
            day = Integer.parseInt(tokens[i]);
            month = month(tokens[i + 1]);
        } else {
            month = month(tokens[i]);
            day = Integer.parseInt(digitsOnly(tokens[i + 1]));
        }
        if (month < 0) {
            return null;
        }
        String yearToken = tokens[i + 2];
        int year;
        if (!isDigits(yearToken)) {
            return null;
        }
        year = Integer.parseInt(yearToken);
        if (yearToken.length() == 2) {
            year += year < 50 ? 2000 : 1900;
        } else if (yearToken.length() == 3) {
            year += 1900;
        }
        i += 3;
        int hour = 0;
        int minute = 0;
        int second = 0;
        if (i < tokens.length && tokens[i].indexOf(':') > 0) {
            String[] hms = splitColons(tokens[i]);
            hour = Integer.parseInt(hms[0]);
            minute = hms.length > 1 ? Integer.parseInt(hms[1]) : 0;
            second = hms.length > 2 ? Integer.parseInt(beforeDot(hms[2])) : 0;
            if (second == 60) {
                second = 59;
            }
            i++;
            // "09:30 PM"
            if (i < tokens.length && (tokens[i].equalsIgnoreCase("PM") || tokens[i].equalsIgnoreCase("AM"))) {
                if (tokens[i].equalsIgnoreCase("PM") && hour < 12) {
                    hour += 12;
                } else if (tokens[i].equalsIgnoreCase("AM") && hour == 12) {
                    hour = 0;
                }
                i++;
            }
        }
        ZoneOffset offset = ZoneOffset.UTC;
        if (i < tokens.length) {
            String z = tokens[i];
            if (z.startsWith("+") || z.startsWith("-")) {
                ZoneOffset o = numericOffset(z);
                offset = o == null ? ZoneOffset.UTC : o;
            } else {
                ZoneOffset named = namedZone(z);
                if (named != null) {
                    offset = named;
                } else if ((z.startsWith("GMT") || z.startsWith("UTC")) && z.length() > 3) {
                    ZoneOffset o = numericOffset(z.substring(3));
                    offset = o == null ? ZoneOffset.UTC : o;
                }
            }
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
        return local.toInstant(offset);
    }

    /** Words split at spaces, tabs and commas, without a regex (this runs once per item). */
    private static String[] tokens(String s) {
        List<String> out = new ArrayList<>(8);
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            boolean sep = c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\r';
            if (sep) {
                if (start >= 0) {
                    out.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return out.toArray(new String[0]);
    }

    private static String[] splitColons(String t) {
        List<String> out = new ArrayList<>(3);
        int start = 0;
        for (int i = 0; i <= t.length(); i++) {
            if (i == t.length() || t.charAt(i) == ':') {
                out.add(t.substring(start, i));
                start = i + 1;
            }
        }
        return out.toArray(new String[0]);
    }

    private static String digitsOnly(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            if (Character.isDigit(t.charAt(i))) {
                sb.append(t.charAt(i));
            }
        }
        return sb.toString();
    }

    private static String beforeDot(String t) {
        int dot = t.indexOf('.');
        return dot >= 0 ? t.substring(0, dot) : t;
    }

    private static boolean isAlpha(String t) {
        for (int k = 0; k < t.length(); k++) {
            if (!Character.isLetter(t.charAt(k)) && t.charAt(k) != '.') {
                return false;
            }
        }
        return !t.isEmpty();
    }

    private static boolean isDigits(String t) {
        return !t.isEmpty() && allDigits(t, 0, t.length());
    }

    /** 1..12 for "Nov", "november", "NOV.", else -1. */
    private static int month(String token) {
        if (token.length() < 3) {
            return -1;
        }
        String prefix = token.substring(0, 3).toLowerCase(java.util.Locale.ROOT);
        for (int m = 0; m < 12; m++) {
            if (MONTHS[m].equals(prefix)) {
                return m + 1;
            }
        }
        return -1;
    }

    private static ZoneOffset namedZone(String z) {
        switch (z.toUpperCase(java.util.Locale.ROOT)) {
            case "Z": case "UT": case "UTC": case "GMT": case "Z.":
                return ZoneOffset.UTC;
            case "EST": return ZoneOffset.ofHours(-5);
            case "EDT": return ZoneOffset.ofHours(-4);
            case "CST": return ZoneOffset.ofHours(-6);
            case "CDT": return ZoneOffset.ofHours(-5);
            case "MST": return ZoneOffset.ofHours(-7);
            case "MDT": return ZoneOffset.ofHours(-6);
            case "PST": return ZoneOffset.ofHours(-8);
            case "PDT": return ZoneOffset.ofHours(-7);
            case "BST": return ZoneOffset.ofHours(1);
            case "CET": return ZoneOffset.ofHours(1);
            case "CEST": return ZoneOffset.ofHours(2);
            case "EET": return ZoneOffset.ofHours(2);
            case "EEST": return ZoneOffset.ofHours(3);
            case "IST": return ZoneOffset.ofHoursMinutes(5, 30);
            case "JST": return ZoneOffset.ofHours(9);
            case "KST": return ZoneOffset.ofHours(9);
            case "AEST": return ZoneOffset.ofHours(10);
            case "AEDT": return ZoneOffset.ofHours(11);
            case "NZST": return ZoneOffset.ofHours(12);
            case "NZDT": return ZoneOffset.ofHours(13);
            case "A": return ZoneOffset.ofHours(-1);
            case "M": return ZoneOffset.ofHours(-12);
            case "N": return ZoneOffset.ofHours(1);
            case "Y": return ZoneOffset.ofHours(12);
            default: return null;
        }
    }
}
