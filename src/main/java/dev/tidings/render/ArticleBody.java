package dev.tidings.render;

import java.util.List;

/**
 * An article body converted once from HTML: its blocks and its numbered link table.
 *
 * @param blocks width-independent blocks, in reading order
 * @param links  footnote URLs; link number n is {@code links.get(n - 1)}
 */
public record ArticleBody(List<Block> blocks, List<String> links) {
    public ArticleBody {
        blocks = List.copyOf(blocks);
        links = List.copyOf(links);
    }

    /** The images of the body, in order. */
    public List<Block.Figure> figures() {
        return blocks.stream().filter(b -> b instanceof Block.Figure).map(b -> (Block.Figure) b).toList();
    }
}
