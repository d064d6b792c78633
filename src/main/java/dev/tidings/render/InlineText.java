package dev.tidings.render;

import dev.tidings.text.Sanitize;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The inline text of the block being collected while the article's HTML is walked: text with HTML
 * whitespace rules, styled by the strong, emphasis and code elements open around it, and marked as
 * a link's text when a link closes around visible text. {@link #take} ends the run and hands over
 * its spans, merged and trimmed.
 *
 * <pre>
 * text("See "); openLink(1); text("  this "); closeLink(); take()
 *   = [Span("See ", BODY), Span("this", LINK_TEXT, 1)]
 * take() with nothing collected = []
 * </pre>
 */
final class InlineText {
    private List<Span> spans = new ArrayList<>();
    private int strong;
    private int emphasis;
    private int code;
    /** The footnote number of each open link (0: not a web link), innermost first. */
    private final Deque<Integer> linkNumbers = new ArrayDeque<>();
    /** Where each open link's text starts in {@link #spans}, innermost first. */
    private final Deque<Integer> linkStarts = new ArrayDeque<>();

    boolean isEmpty() {
        return spans.isEmpty();
    }

    /** Text with HTML whitespace rules: runs of whitespace become one space. */
    void text(String raw) {
        String t = Sanitize.body(raw);
        if (t.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(t.length());
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                space = true;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        if (space) {
            sb.append(' ');
        }
        if (sb.length() == 0) {
            return;
        }
        spans.add(new Span(sb.toString(), style()));
    }

    /** A {@code <br>}: a line break inside the block, unless nothing came before it. */
    void lineBreak() {
        if (!spans.isEmpty()) {
            spans.add(new Span("\n", Style.BODY));
        }
    }

    /** An element of {@code style} ({@link Style#STRONG}, {@link Style#EMPHASIS} or {@link Style#CODE}) opens. */
    void enter(Style style) {
        switch (style) {
            case STRONG -> strong++;
            case EMPHASIS -> emphasis++;
            case CODE -> code++;
            default -> throw new IllegalArgumentException("not an inline element style: " + style);
        }
    }

    /** An element of {@code style} closes (a stray closing tag changes nothing). */
    void leave(Style style) {
        switch (style) {
            case STRONG -> strong = Math.max(0, strong - 1);
            case EMPHASIS -> emphasis = Math.max(0, emphasis - 1);
            case CODE -> code = Math.max(0, code - 1);
            default -> throw new IllegalArgumentException("not an inline element style: " + style);
        }
    }

    /** Code wins over strong, strong over emphasis. */
    private Style style() {
        if (code > 0) {
            return Style.CODE;
        }
        if (strong > 0) {
            return Style.STRONG;
        }
        if (emphasis > 0) {
            return Style.EMPHASIS;
        }
        return Style.BODY;
    }

    /** A link opens; {@code number} is its footnote, or 0 when it is not a web link. */
    void openLink(int number) {
        linkNumbers.push(number);
        linkStarts.push(spans.size());
    }

    /** The innermost link closes: its text becomes link text when any of it is visible. */
    void closeLink() {
        Integer number = linkNumbers.poll();
        Integer start = linkStarts.poll();
        if (number == null || number <= 0 || start == null) {
            return;
        }
        boolean hasText = false;
        for (int i = Math.min(start, spans.size()); i < spans.size(); i++) {
            if (!spans.get(i).text().isBlank()) {
                hasText = true;
                break;
            }
        }
        if (hasText) {
            for (int i = start; i < spans.size(); i++) {
                Span s = spans.get(i);
                spans.set(i, new Span(s.text(), Style.LINK_TEXT, number));
            }
        }
    }

    /** Ends the run: its spans {@linkplain #normalize normalized} (maybe none); the next run starts empty. */
    List<Span> take() {
        List<Span> taken = normalize(spans);
        spans = new ArrayList<>();
        // a block ending inside a link moves the link's start: later spans start at 0
        if (!linkStarts.isEmpty()) {
            int n = linkStarts.size();
            linkStarts.clear();
            for (int i = 0; i < n; i++) {
                linkStarts.push(0);
            }
        }
        return taken;
    }

    /**
     * Merges adjacent same-style spans, folds the double space where two spans meet, trims the
     * ends and drops empty text. One pass with a builder per merged run: linear in the text.
     */
    static List<Span> normalize(List<Span> spans) {
        List<Span> out = new ArrayList<>();
        StringBuilder run = null;
        Style style = null;
        int link = 0;
        boolean lastSpace = false;
        for (Span s : spans) {
            String t = s.text();
            if (lastSpace && !t.isEmpty() && t.charAt(0) == ' ') {
                t = t.substring(1);
            }
            if (t.isEmpty()) {
                continue;
            }
            if (run != null && style == s.style() && link == s.link()) {
                run.append(t);
            } else {
                if (run != null) {
                    out.add(new Span(run.toString(), style, link));
                }
                run = new StringBuilder(t);
                style = s.style();
                link = s.link();
            }
            lastSpace = t.charAt(t.length() - 1) == ' ';
        }
        if (run != null) {
            out.add(new Span(run.toString(), style, link));
        }
        int first = 0;
        while (first < out.size() && out.get(first).text().isBlank()) {
            first++;
        }
        int last = out.size() - 1;
        while (last >= first && out.get(last).text().isBlank()) {
            last--;
        }
        if (first > last) {
            return new ArrayList<>();
        }
        List<Span> trimmed = new ArrayList<>(out.subList(first, last + 1));
        Span head = trimmed.get(0);
        trimmed.set(0, new Span(head.text().stripLeading(), head.style(), head.link()));
        Span tail = trimmed.get(trimmed.size() - 1);
        trimmed.set(trimmed.size() - 1, new Span(tail.text().stripTrailing(), tail.style(), tail.link()));
        return trimmed;
    }
}
