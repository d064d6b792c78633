package dev.tidings.sync;

import java.util.Locale;

/**
 * Item ids in their three spellings: the API's long form ({@code tag:google.com,2005:reader/item/}
 * + 16 hex digits), the short decimal form of {@code stream/items/ids} (a signed 64-bit number), and
 * Tidings' own {@code sync:ACCOUNT:HEX}, which says which account an item belongs to.
 */
public final class ItemIds {
    public static final String LONG_PREFIX = "tag:google.com,2005:reader/item/";
    public static final String LOCAL_PREFIX = "sync:";

    private ItemIds() {
    }

    /** 16 lowercase hex digits for an id in any spelling, or null when it is none of them. */
    public static String hex(String id) {
        if (id == null) {
            return null;
        }
        String s = id.strip();
        if (s.startsWith(LOCAL_PREFIX)) {
            int colon = s.indexOf(':', LOCAL_PREFIX.length());
            return colon < 0 ? null : hexDigits(s.substring(colon + 1));
        }
        if (s.startsWith(LONG_PREFIX)) {
            return hexDigits(s.substring(LONG_PREFIX.length()));
        }
        if (s.length() == 16 && s.charAt(0) == '0') {
            return hexDigits(s); // 16 hex digits that happen to be all digits: decimal ids never start with 0
        }
        if (!s.isEmpty() && s.length() <= 20 && s.chars().allMatch(c -> Character.isDigit(c) || c == '-')) {
            try {
                return pad(Long.toHexString(Long.parseLong(s)));
            } catch (NumberFormatException e) {
                try {
                    return pad(Long.toHexString(Long.parseUnsignedLong(s)));
                } catch (NumberFormatException e2) {
                    return null;
                }
            }
        }
        return hexDigits(s);
    }

    private static String hexDigits(String s) {
        String h = s.toLowerCase(Locale.ROOT);
        if (h.isEmpty() || h.length() > 16 || !h.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return null;
        }
        return pad(h);
    }

    private static String pad(String h) {
        return "0".repeat(16 - h.length()) + h;
    }

    /** True for exactly 16 lowercase hex digits: the form Tidings stores. */
    public static boolean isHex(String s) {
        return s != null && s.length() == 16 && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    public static String longForm(String hex) {
        return LONG_PREFIX + hex;
    }

    public static String local(String account, String hex) {
        return LOCAL_PREFIX + account + ":" + hex;
    }

    /** The account named by a {@code sync:ACCOUNT:HEX} id, or null for any other id. */
    public static String accountOf(String id) {
        if (id == null || !id.startsWith(LOCAL_PREFIX)) {
            return null;
        }
        int colon = id.indexOf(':', LOCAL_PREFIX.length());
        return colon < 0 ? null : id.substring(LOCAL_PREFIX.length(), colon);
    }
}
