package dev.tidings.fetch;

import java.net.http.HttpHeaders;

/**
 * How long a server asks us to wait: {@code Retry-After} on a 429 or 503, and Reddit's
 * {@code x-ratelimit-*} headers, both as a Retry-After value (seconds, or the date as sent).
 */
final class RateLimits {
    private RateLimits() {
    }

    /**
     * The Retry-After of an error answer as sent; for a 429 without one, Reddit's
     * {@code x-ratelimit-reset} (seconds until the window resets, rounded up); else null.
     */
    static String retryAfter(int status, HttpHeaders headers) {
        String retry = headers.firstValue("Retry-After").orElse(null);
        if (retry == null && status == 429) {
            retry = headers.firstValue("x-ratelimit-reset").orElse(null);
            if (retry != null && !retry.trim().matches("\\d{1,9}(\\.\\d+)?")) {
                retry = null;
            } else if (retry != null) {
                retry = String.valueOf((long) Math.ceil(Double.parseDouble(retry.trim())));
            }
        }
        return retry;
    }

    /**
     * Seconds to wait before asking again when a successful answer says the rate-limit window is
     * used up (Reddit's {@code x-ratelimit-remaining} below 1 with {@code x-ratelimit-reset}), as a
     * Retry-After value; else null.
     */
    static String waitAfterSuccess(HttpHeaders headers) {
        String remaining = headers.firstValue("x-ratelimit-remaining").orElse(null);
        String reset = headers.firstValue("x-ratelimit-reset").orElse(null);
        if (remaining == null || reset == null) {
            return null;
        }
        try {
            double left = Double.parseDouble(remaining.trim());
            double seconds = Double.parseDouble(reset.trim());
            if (left >= 1 || !(seconds > 0) || seconds > 86_400) {
                return null;
            }
            return String.valueOf((long) Math.ceil(seconds));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
