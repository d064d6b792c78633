package dev.tidings.render;

import dev.tidings.model.Enclosure;
import dev.tidings.text.Sanitize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How an enclosure is described to a reader, the same in the article, {@code dump} and the
 * reader's status line: "Audio: audio/mpeg · 24.6 MB · 1:02:03".
 */
public final class EnclosureText {
    private EnclosureText() {
    }

    /**
     * <pre>{@code
     * Enclosure(url, "audio/mpeg", 24613210, 3723) -> "Audio: audio/mpeg · 24.6 MB · 1:02:03"
     * Enclosure(url, "", -1, -1)                    -> "File"
     * }</pre>
     */
    public static String describe(Enclosure e) {
        List<String> parts = new ArrayList<>(3);
        String type = Sanitize.line(e.type());
        if (!type.isEmpty()) {
            parts.add(type);
        }
        if (e.length() >= 0) {
            parts.add(size(e.length()));
        }
        if (e.duration() >= 0) {
            parts.add(duration(e.duration()));
        }
        String label = label(e);
        return parts.isEmpty() ? label : label + ": " + String.join(" · ", parts);
    }

    /** "Audio", "Video", "Image", else "File". */
    public static String label(Enclosure e) {
        return switch (e.kind()) {
            case "audio" -> "Audio";
            case "video" -> "Video";
            case "image" -> "Image";
            default -> "File";
        };
    }

    /**
     * A size in decimal units: {@code 0 -> "0 bytes"}, {@code 1 -> "1 byte"}, {@code 999 -> "999 bytes"},
     * {@code 24613210 -> "24.6 MB"}, {@code 512000000 -> "512 MB"}.
     */
    public static String size(long bytes) {
        if (bytes < 1000) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = -1;
        while (v >= 999.95 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return (v < 99.95 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v))
                + " " + units[u];
    }

    /** {@code 7 -> "0:07"}, {@code 2707 -> "45:07"}, {@code 3723 -> "1:02:03"}. */
    public static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
