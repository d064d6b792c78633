package dev.tidings.render;

import java.util.List;

/**
 * Layout time per MB for pathological text (issue #16): one unbroken word, one giant paragraph of
 * short words, long runs of combining marks, and a word broken only by soft hyphens, each of 1, 2,
 * 4 and 8 MB, at widths 80 and 0 (what {@code dump --format json} uses). Linear means the time per
 * MB stays flat. Run by bench/layout-bench.sh.
 */
public final class LayoutBench {
    private LayoutBench() {
    }

    public static void main(String[] args) {
        String[] shapes = {"unbroken-word", "giant-paragraph", "combining-marks", "soft-hyphens", "mixed-scripts"};
        System.out.println("| shape | width | 1 MB | 2 MB | 4 MB | 8 MB | 8 MB / 1 MB |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        warm();
        for (String shape : shapes) {
            for (int width : new int[] {80, 0}) {
                StringBuilder row = new StringBuilder("| " + shape + " | " + width + " |");
                double first = 0;
                double last = 0;
                for (int mb = 1; mb <= 8; mb *= 2) {
                    String text = text(shape, mb << 20);
                    long t0 = System.nanoTime();
                    List<Line> lines = Layout.lay(List.of(new Block.Paragraph(List.of(new Span(text, Style.BODY)))), width);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (lines.isEmpty()) {
                        throw new AssertionError("no lines");
                    }
                    first = mb == 1 ? ms : first;
                    last = ms;
                    row.append(String.format(" %.0f ms |", ms));
                }
                row.append(String.format(" %.1fx |", last / first));
                System.out.println(row);
            }
        }
    }

    private static void warm() {
        for (int i = 0; i < 3; i++) {
            Layout.lay(List.of(new Block.Paragraph(List.of(new Span(text("mixed-scripts", 1 << 18), Style.BODY)))), 80);
        }
    }

    static String text(String shape, int chars) {
        StringBuilder sb = new StringBuilder(chars + 16);
        switch (shape) {
            case "unbroken-word":
                while (sb.length() < chars) {
                    sb.append("abcdefghij");
                }
                break;
            case "giant-paragraph":
                while (sb.length() < chars) {
                    sb.append("word ");
                }
                break;
            case "combining-marks":
                while (sb.length() < chars) {
                    sb.append('e').append("\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309");
                }
                break;
            case "soft-hyphens":
                while (sb.length() < chars) {
                    sb.append("hyphen\u00ad");
                }
                break;
            default:
                while (sb.length() < chars) {
                    sb.append("Noël 漢字 👩‍💻 میگویند नमस्ते ไทย 🇫🇷 ");
                }
        }
        return sb.toString();
    }
}
