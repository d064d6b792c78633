package dev.tidings.feed;

/**
 * Playing times as feeds write them, in seconds: {@code itunes:duration} ("1:02:03", "62:03",
 * "3723", "3723.5"), Media RSS {@code duration} (seconds). Anything else is unknown (-1).
 */
final class Durations {
    /** Longer than this (about 11.5 days) is not a playing time but junk. */
    static final long MAX = 999_999;

    private Durations() {
    }

    /**
     * <pre>{@code
     * parse("1:02:03") -> 3723   parse("62:03") -> 3723   parse("3723") -> 3723   parse("45.6") -> 45
     * parse("") -> -1            parse("1:99") -> -1      parse("-5") -> -1      parse(null) -> -1
     * }</pre>
     */
    static long parse(String text) {
        if (text == null) {
            return -1;
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > 20) {
            return -1;
        }
        String[] parts = s.split(":", -1);
        if (parts.length > 3) {
            return -1;
        }
        long total = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = i == parts.length - 1 ? wholeSeconds(parts[i]) : parts[i];
            if (p.isEmpty() || p.length() > 7 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            long v = Long.parseLong(p);
            if (i > 0 && v >= 60) {
                return -1; // minutes and seconds after a colon stay under 60
            }
            total = total * 60 + v;
        }
        return total <= MAX ? total : -1;
    }

    /** "45.6" -> "45": fractions of a second are dropped. */
    private static String wholeSeconds(String p) {
        int dot = p.indexOf('.');
        if (dot < 0) {
            return p;
        }
        String frac = p.substring(dot + 1);
        return frac.chars().allMatch(c -> c >= '0' && c <= '9') ? p.substring(0, dot) : "x";
    }
}
