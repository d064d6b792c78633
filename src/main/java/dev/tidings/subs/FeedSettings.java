package dev.tidings.subs;

import dev.tidings.text.Sanitize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One feed's own settings, written in its line of the urls file as {@code key=value} tokens after
 * the URL (quoted when the value has spaces):
 * <pre>
 * https://example.org/feed.xml news "~Example" reload-time=30 max-items=200 keep-days=14 reader-mode=yes "user-agent=Mozilla/5.0 (X11)"
 * </pre>
 * A null field is "not set here": the global setting of the config file applies. Only the keys in
 * {@link #KEYS} are settings; any other token (even one with an {@code =}) stays a tag.
 *
 * @param reloadMinutes minutes between background refreshes while the reader is open (1..10080);
 *                      0 turns them off for this feed
 * @param maxItems      keep at most this many newest items (1..1,000,000); 0 = no limit
 * @param keepDays      drop items older than this many days (1..36,500); 0 = no limit
 * @param readerMode    open this feed's articles in reader mode (yes/no)
 * @param userAgent     the User-Agent sent for this feed (printable ASCII, at most 200 characters)
 */
public record FeedSettings(Integer reloadMinutes, Integer maxItems, Integer keepDays, Boolean readerMode,
                           String userAgent) {
    /** Nothing set: every global setting applies. */
    public static final FeedSettings NONE = new FeedSettings(null, null, null, null, null);

    /** The keys a urls-file token may set, in the order {@link #tokens()} writes them. */
    public static final List<String> KEYS = List.of("reload-time", "max-items", "keep-days", "reader-mode", "user-agent");

    public FeedSettings {
        check("reload-time", reloadMinutes, 10_080);
        check("max-items", maxItems, 1_000_000);
        check("keep-days", keepDays, 36_500);
        if (userAgent != null) {
            String clean = Sanitize.line(userAgent).strip();
            if (clean.isEmpty() || clean.length() > 200 || !clean.equals(userAgent)
                    || !clean.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("user-agent: expected 1 to 200 printable ASCII characters");
            }
        }
    }

    private static void check(String key, Integer value, int max) {
        if (value != null && (value < 0 || value > max)) {
            throw new IllegalArgumentException(key + ": expected a whole number from 0 to " + max + ", not " + value);
        }
    }

    /** True when nothing is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** True when {@code token} ("max-items=20") names one of {@link #KEYS}. */
    static boolean isSetting(String token) {
        int eq = token.indexOf('=');
        return eq > 0 && KEYS.contains(token.substring(0, eq).toLowerCase(Locale.ROOT));
    }

    /**
     * These settings with one more token applied (a later token for the same key wins).
     *
     * @throws IllegalArgumentException naming the key and what was expected
     */
    FeedSettings with(String token) {
        int eq = token.indexOf('=');
        String key = token.substring(0, eq).toLowerCase(Locale.ROOT);
        String value = token.substring(eq + 1).strip();
        switch (key) {
            case "reload-time":
                return new FeedSettings(number(key, value), maxItems, keepDays, readerMode, userAgent);
            case "max-items":
                return new FeedSettings(reloadMinutes, number(key, value), keepDays, readerMode, userAgent);
            case "keep-days":
                return new FeedSettings(reloadMinutes, maxItems, number(key, value), readerMode, userAgent);
            case "reader-mode":
                return new FeedSettings(reloadMinutes, maxItems, keepDays, yesNo(value), userAgent);
            case "user-agent":
                return new FeedSettings(reloadMinutes, maxItems, keepDays, readerMode, value);
            default:
                throw new IllegalArgumentException("unknown setting '" + Sanitize.line(key) + "'");
        }
    }

    /** A whole number of at most 9 digits; the record's constructor checks its range. */
    static int number(String key, String value) {
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(key + ": expected a whole number, not '" + Sanitize.line(value) + "'");
        }
        return Integer.parseInt(value);
    }

    /** yes/no, on/off, true/false. */
    static boolean yesNo(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "yes": case "on": case "true":
                return true;
            case "no": case "off": case "false":
                return false;
            default:
                throw new IllegalArgumentException("reader-mode: expected yes or no, not '" + Sanitize.line(value) + "'");
        }
    }

    /** The settings as urls-file tokens ("max-items=200"), unquoted; {@link #with} reads each back. */
    List<String> tokens() {
        List<String> out = new ArrayList<>();
        if (reloadMinutes != null) {
            out.add("reload-time=" + reloadMinutes);
        }
        if (maxItems != null) {
            out.add("max-items=" + maxItems);
        }
        if (keepDays != null) {
            out.add("keep-days=" + keepDays);
        }
        if (readerMode != null) {
            out.add("reader-mode=" + (readerMode ? "yes" : "no"));
        }
        if (userAgent != null) {
            out.add("user-agent=" + userAgent);
        }
        return out;
    }
}
