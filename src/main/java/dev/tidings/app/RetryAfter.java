package dev.tidings.app;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A Retry-After value read as a wait: delta-seconds ({@code "120"}) or an HTTP date
 * ({@code "Tue, 03 Jun 2025 10:00:30 GMT"}), never longer than {@link Refresher#MAX_RETRY_AFTER}.
 */
final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * How long {@code value} asks to wait from {@code now}: delta-seconds or an HTTP date (a past
     * date is zero), at most {@link Refresher#MAX_RETRY_AFTER} however it is written. Null when
     * absent or unreadable ({@code "soon"}, Arabic-Indic digits).
     */
    static Duration delay(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration max = Refresher.MAX_RETRY_AFTER;
        String v = value.trim();
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // any number of digits: compare without overflowing
            String digits = v.replaceFirst("^0+(?=.)", "");
            return digits.length() > 18 || Long.parseLong(digits) > max.toSeconds() ? max
                    : Duration.ofSeconds(Long.parseLong(digits));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            return d.compareTo(max) > 0 ? max : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
