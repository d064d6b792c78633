package dev.tidings.tui;

import dev.tidings.text.Width;

/** Messages with long URLs in them, shortened in the middle of the URL so the rest of the message shows. */
final class ShortUrls {
    private ShortUrls() {
    }

    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile("https?://\\S+");

    /**
     * {@code message} in at most {@code columns} columns by shortening the URLs in it in the
     * middle ("https://example.org/a…/page.html"), longest first and to no less than 20 columns,
     * so that what follows a long URL (the reason of an error) stays visible.
     */
    static String fit(String message, int columns) {
        String out = message;
        for (int round = 0; round < 4 && Width.of(out) > columns; round++) {
            java.util.regex.Matcher m = URL.matcher(out);
            int start = -1;
            int end = -1;
            while (m.find()) {
                if (start < 0 || m.end() - m.start() > end - start) {
                    start = m.start();
                    end = m.end();
                }
            }
            if (start < 0) {
                break;
            }
            String url = out.substring(start, end);
            int target = Math.max(20, Width.of(url) - (Width.of(out) - columns));
            if (target >= Width.of(url)) {
                break;
            }
            String head = Width.truncate(url, (target - 1) * 2 / 3);
            String tail = tail(url, target - 1 - Width.of(head));
            out = out.substring(0, start) + head + "…" + tail + out.substring(end);
        }
        return out;
    }

    /** The longest suffix of {@code s} at most {@code columns} wide. */
    private static String tail(String s, int columns) {
        int i = s.length();
        int w = 0;
        while (i > 0) {
            int cp = s.codePointBefore(i);
            int cw = Width.of(cp);
            if (w + cw > columns) {
                break;
            }
            w += cw;
            i -= Character.charCount(cp);
        }
        return s.substring(i);
    }
}
