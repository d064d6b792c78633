package dev.tidings.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small formatting helpers shared by the commands. */
final class Formats {
    private Formats() {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    /** "2026-11-24", or "unknown   " (same width) for a missing date. */
    static String day(Instant date, ZoneId zone) {
        return date == null ? "unknown   " : DAY.format(date.atZone(zone));
    }
}
