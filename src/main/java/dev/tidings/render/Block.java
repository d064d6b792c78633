package dev.tidings.render;

import java.util.List;

/**
 * Width-independent pieces of an article, parsed once from HTML and laid out for any width by
 * {@link Layout}. A resize re-lays the same blocks.
 */
public sealed interface Block {

    /** Running text; {@code dir} is the direction the markup gave it ({@link Direction#AUTO}: none). */
    record Paragraph(List<Span> spans, Direction dir) implements Block {
        public Paragraph {
            spans = List.copyOf(spans);
            dir = dir == null ? Direction.AUTO : dir;
        }

        public Paragraph(List<Span> spans) {
            this(spans, Direction.AUTO);
        }
    }

    /** A heading, level 1-6. */
    record Heading(int level, List<Span> spans, Direction dir) implements Block {
        public Heading {
            spans = List.copyOf(spans);
            dir = dir == null ? Direction.AUTO : dir;
        }

        public Heading(int level, List<Span> spans) {
            this(level, spans, Direction.AUTO);
        }
    }

    /** A list item; {@code marker} is "•", "3." or "" for a continuation paragraph. */
    record ListItem(int depth, String marker, List<Span> spans, Direction dir) implements Block {
        public ListItem {
            spans = List.copyOf(spans);
            dir = dir == null ? Direction.AUTO : dir;
        }

        public ListItem(int depth, String marker, List<Span> spans) {
            this(depth, marker, spans, Direction.AUTO);
        }
    }

    /** One paragraph of a block quote. */
    record Quote(List<Span> spans, Direction dir) implements Block {
        public Quote {
            spans = List.copyOf(spans);
            dir = dir == null ? Direction.AUTO : dir;
        }

        public Quote(List<Span> spans) {
            this(spans, Direction.AUTO);
        }
    }

    /** Preformatted text; lines kept as they are. */
    record Code(String text) implements Block {
    }

    /**
     * An image shown as its caption block: "[Image: caption]", then "Source: credit". Empty caption
     * shows as "[Image]".
     *
     * @param caption what the picture shows, without its credit, or ""
     * @param credit  who made it ("AFP", "Ana Lopez/Getty Images"), or ""
     * @param url     the image's http(s) address, or ""
     * @param alt     the img's alt text as the publisher wrote it, or ""
     */
    record Figure(String caption, String credit, String url, String alt) implements Block {
        public Figure {
            caption = caption == null ? "" : caption;
            credit = credit == null ? "" : credit;
            url = url == null ? "" : url;
            alt = alt == null ? "" : alt;
        }

        /** A figure with no alt text. */
        public Figure(String caption, String credit, String url) {
            this(caption, credit, url, "");
        }
    }

    /** A horizontal rule. */
    record Rule() implements Block {
    }

    /** A table as text: an optional caption and rows of cell texts. */
    record Table(String caption, List<List<String>> rows) implements Block {
        public Table {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
