package dev.tidings.render;

import dev.tidings.text.Sanitize;
import java.io.PrintWriter;
import java.util.List;

/**
 * Writes laid-out lines to a stream: plain text, or with ANSI SGR styling when asked (only ever
 * when stdout is a terminal and NO_COLOR is unset). Every string is sanitized again here, at the
 * output boundary, whatever the model promised.
 */
public final class TextWriter {
    private final PrintWriter out;
    private final boolean ansi;

    public TextWriter(PrintWriter out, boolean ansi) {
        this.out = out;
        this.ansi = ansi;
    }

    public void write(List<Line> lines) {
        for (Line l : lines) {
            write(l);
        }
    }

    public void write(Line line) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : line.segments()) {
            String text = safe(s.text());
            String sgr = ansi ? sgr(s.style()) : "";
            if (!sgr.isEmpty()) {
                sb.append("\u001b[").append(sgr).append('m').append(text).append("\u001b[0m");
            } else {
                sb.append(text);
            }
        }
        out.println(sb);
    }

    /** One-line-safe text that keeps its inner spacing (indents, table padding). */
    static String safe(String s) {
        String b = Sanitize.body(s);
        return b.replace('\n', ' ').replace('\t', ' ');
    }

    private static String sgr(Style style) {
        switch (style) {
            case TITLE: return "1";
            case HEADING: case SECTION: return "1";
            case STRONG: return "1";
            case EMPHASIS: return "3";
            case META: case CREDIT: case RULE: return "2";
            case CAPTION: return "3";
            case LINK_REF: return "36";
            case LINK_TEXT: return "4";
            case LINK_URL: return "36";
            case QUOTE: return "3";
            case CODE: return "33";
            default: return "";
        }
    }
}
