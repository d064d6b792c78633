package dev.tidings.extract;

import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.jsoup.nodes.Element;

/**
 * What a block holds, counted bottom-up without building a list: the paragraphs,
 * images, list items, inputs and embeds inside it, whether a data table or a video is among them,
 * and how much text sits in lists, headings, text blocks and links. Readability's conditional
 * cleaning asks each of these of every block; asked one by one, with a list of descendants each
 * time, a chain of n nested blocks cost n^2 list entries and, under a fuzzer's instrumentation,
 * n^2 hooked string comparisons (30 s for 1,200 nested divs).
 */
final class BlockCensus {
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> TEXTISH = Set.of("span", "li", "td", "blockquote", "dl", "div", "img", "ol",
            "p", "pre", "table", "ul");

    int paragraphs;
    int images;
    int listItems;
    int inputs;
    /** Embedded objects, embeds and iframes that are not known video players. */
    int embeds;
    boolean video;
    boolean dataTable;
    long listText;
    long headingText;
    long textishText;
    /** Text in links, in-page "#" links weighted 0.3. */
    double linkText;

    /**
     * Counts what is inside {@code block} (not the block itself) from what is inside each of its
     * child elements ({@code inner}, known already) and the children themselves: one step of a
     * bottom-up count, so a pass over a tree counts each element once. {@code textLength} gives an
     * element's text length (the caller keeps them per pass), {@code isDataTable} tells data tables,
     * {@code isVideo} embeds of known video players.
     */
    static BlockCensus of(Element block, java.util.function.Function<Element, BlockCensus> inner,
            ToIntFunction<Element> textLength, Predicate<Element> isDataTable, Predicate<Element> isVideo) {
        BlockCensus c = new BlockCensus();
        for (Element child = block.firstElementChild(); child != null; child = child.nextElementSibling()) {
            c.add(inner.apply(child));
            c.count(child, textLength, isDataTable, isVideo);
        }
        return c;
    }

    private void add(BlockCensus o) {
        paragraphs += o.paragraphs;
        images += o.images;
        listItems += o.listItems;
        inputs += o.inputs;
        embeds += o.embeds;
        video |= o.video;
        dataTable |= o.dataTable;
        listText += o.listText;
        headingText += o.headingText;
        textishText += o.textishText;
        linkText += o.linkText;
    }

    private void count(Element e, ToIntFunction<Element> textLength, Predicate<Element> isDataTable,
            Predicate<Element> isVideo) {
        String name = e.normalName();
        switch (name) {
            case "p":
                paragraphs++;
                break;
            case "img":
                images++;
                break;
            case "li":
                listItems++;
                break;
            case "input":
                inputs++;
                break;
            case "table":
                dataTable |= isDataTable.test(e);
                break;
            case "object":
            case "embed":
            case "iframe":
                if (isVideo.test(e)) {
                    video = true;
                } else {
                    embeds++;
                }
                break;
            case "a":
                String href = e.attr("href");
                linkText += textLength.applyAsInt(e) * (href.length() > 1 && href.charAt(0) == '#' ? 0.3 : 1);
                break;
            default:
                break;
        }
        if (name.equals("ul") || name.equals("ol")) {
            listText += textLength.applyAsInt(e);
        }
        if (HEADINGS.contains(name)) {
            headingText += textLength.applyAsInt(e);
        }
        if (TEXTISH.contains(name)) {
            textishText += textLength.applyAsInt(e);
        }
    }
}
