package dev.tidings.render;

import dev.tidings.text.Width;
import java.util.List;

/**
 * One laid-out line of styled segments, at most the layout width wide, in logical (memory) order.
 * {@code rtl} is its paragraph's direction: a right-to-left line is reordered for display by
 * {@link Bidi} and right-aligned in the text column.
 */
public record Line(List<Segment> segments, boolean rtl) {
    public static final Line BLANK = new Line(List.of());

    public Line {
        segments = List.copyOf(segments);
    }

    /** A left-to-right line. */
    public Line(List<Segment> segments) {
        this(segments, false);
    }

    public static Line of(String text, Style style) {
        return new Line(List.of(new Segment(text, style)));
    }

    /** The plain text of the line. */
    public String text() {
        if (segments.size() == 1) {
            return segments.get(0).text();
        }
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            sb.append(s.text());
        }
        return sb.toString();
    }

    /** Display width in terminal columns. */
    public int width() {
        return Width.of(text());
    }
}
