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
        if (!s.isEmpty() && s.length() <= 20 && all(s, DECIMAL)) {
            try {
                return hex16(Long.parseLong(s));
            } catch (NumberFormatException e) {
                try {
                    return hex16(Long.parseUnsignedLong(s));
                } catch (NumberFormatException e2) {
                    return null;
                }
            }
        }
        return hexDigits(s);
    }

    private static String hexDigits(String s) {
        String h = s.toLowerCase(Locale.ROOT);
        if (h.isEmpty() || h.length() > 16 || !all(h, HEX)) {
            return null;
        }
        return pad(h);
    }

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    /** The 64 bits as 16 lowercase hex digits, in one string (a sync lists 100,000 of them). */
    static String hex16(long v) {
        char[] c = new char[16];
        for (int i = 15; i >= 0; i--) {
            c[i] = DIGITS[(int) (v & 0xf)];
            v >>>= 4;
        }
        return new String(c);
    }

    private static String pad(String h) {
        return h.length() == 16 ? h : "0".repeat(16 - h.length()) + h;
    }

    private static final int DECIMAL = 0;
    private static final int HEX = 1;

    /** Whether every char is a decimal digit or '-' ({@link #DECIMAL}) or a lowercase hex digit ({@link #HEX}). */
    private static boolean all(String s, int kind) {
        for (int i = 0; i < s.length(); i++) { // a loop, not a stream: called 100,000 times in a cold sync
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (kind == DECIMAL ? c == '-' : c >= 'a' && c <= 'f');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** True for exactly 16 lowercase hex digits: the form Tidings stores. */
    public static boolean isHex(String s) {
        return s != null && s.length() == 16 && all(s, HEX);
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
