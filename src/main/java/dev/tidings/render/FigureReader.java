package dev.tidings.render;

import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The one place that turns a figure into (caption, credit, alt, URL). A figure is a
 * {@code <figure>}, a WordPress {@code div.wp-caption} or a Blogger {@code table.tr-caption-container};
 * its text is walked once and sorted into caption and credit by {@link FigureText}:
 * <ul>
 *   <li>credit elements: {@code <cite>}, {@code <small>}, a class saying credit, source, copyright,
 *   attribution or photographer, or an element whose text starts with a credit label
 *   ({@code <em>Credit: Jane Roe</em>});</li>
 *   <li>bare labels ("Image source, ", "Credit", "Image caption, ", "图片来源", often visually
 *   hidden) say what the text after them is, up to the end of the label's parent;</li>
 *   <li>the caption is the figcaption's other text (or, without one, the figure's), with a
 *   trailing credit taken off by {@link Credits#split} ("… (AP Photo/Rahmat Gul)").</li>
 * </ul>
 * Without a caption, the alt text, then the title, is the caption. Tracking pixels and spacers are
 * dropped; an {@code alt=""} image outside a figure is decorative.
 *
 * <pre>
 * &lt;figure&gt;&lt;img src=a.jpg alt="A valley"&gt;&lt;figcaption&gt;Fighters train. Photograph: Ana Lopez/Getty Images&lt;/figcaption&gt;&lt;/figure&gt;
 *   = Figure("Fighters train.", "Ana Lopez/Getty Images", "https://…/a.jpg", "A valley")
 * </pre>
 */
final class FigureReader {
    private FigureReader() {
    }

    /** Marks an {@code alt=""} image's URL: dropped unless caption lines follow it. */
    static final String DECORATIVE = "decorative:";

    /** A div container's text beyond this is an article, not a caption: walked as text instead. */
    static final int MAX_DIV_CAPTION = 1500;
    private static final List<String> SPACERS = List.of("spacer.gif", "pixel.gif", "blank.gif", "transparent.gif",
            "clear.gif", "1x1.gif", "1x1.png", "/~r/", "/~ff/", "pixel.wp.com", "stats.wordpress.com",
            "doubleclick.net", "feedburner.com/~", "pixel.quantserve.com", "/b.gif?");

    /** A figure container: figure, {@code div.wp-caption}, {@code table.tr-caption-container}. */
    static boolean isContainer(Element e) {
        String tag = e.normalName();
        if (tag.equals("figure")) {
            return true;
        }
        String cls = e.className();
        return (tag.equals("div") && (hasClassToken(cls, "wp-caption") || hasClassToken(cls, "image")))
                || (tag.equals("table") && cls.contains("tr-caption-container"));
    }

    /** False for a {@code div} container whose text is too long to be a caption (a page wrapper). */
    static boolean isShortEnough(Element container) {
        if (container.normalName().equals("figure")) {
            return true;
        }
        int[] n = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    n[0] += t.getWholeText().length();
                }
                return n[0] > MAX_DIV_CAPTION ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, container);
        return n[0] <= MAX_DIV_CAPTION;
    }

    /** The picture of a container: its first image that is not a pixel, or null. */
    static Element picture(Element container) {
        for (Element img : container.getElementsByTag("img")) {
            if (!isPixel(img)) {
                return img;
            }
        }
        return null;
    }

    /** A figure container read into one caption block, or null when its picture is a pixel. */
    static Block.Figure read(Element container, Element img, URI base) {
        String url = url(img, base);
        if (isPixel(img) || isSpacer(url)) {
            return null;
        }
        FigureText text = FigureText.read(container);
        String caption = CreditLabels.cleanCaption(text.caption());
        Credits.Split split = Credits.split(caption);
        caption = split.caption();
        String credit = String.join(", ", text.credits());
        if (caption.isEmpty() && text.credits().size() == 1 && !Credits.isShort(credit)) {
            split = Credits.split(credit); // a whole caption in <small> or <cite> is a caption
            caption = split.caption();
            credit = "";
        }
        if (credit.isEmpty()) {
            credit = split.credit();
        }
        String alt = Sanitize.line(img.attr("alt"));
        if (caption.isEmpty()) {
            caption = !alt.isEmpty() ? alt : Sanitize.line(img.attr("title"));
        }
        return new Block.Figure(caption, credit, Urls.isWeb(url) ? url : "", alt);
    }

    /**
     * An image outside any figure: null when it is a pixel or spacer; a {@link #DECORATIVE} block
     * when {@code alt=""} and no title; else a block with the alt (or title) as caption.
     */
    static Block.Figure image(Element img, URI base) {
        String url = url(img, base);
        if (isPixel(img) || isSpacer(url)) {
            return null;
        }
        String alt = Sanitize.line(img.attr("alt"));
        String title = Sanitize.line(img.attr("title"));
        if (img.hasAttr("alt") && alt.isEmpty() && title.isEmpty()) {
            return new Block.Figure("", "", DECORATIVE + url, "");
        }
        Credits.Split split = Credits.split(alt.isEmpty() ? title : alt);
        return new Block.Figure(split.caption(), split.credit(), Urls.isWeb(url) ? url : "", alt);
    }

    /** The image's address: src, else a lazy-loading attribute, else the first srcset candidate. */
    static String url(Element img, URI base) {
        String src = img.attr("src").strip();
        if (src.isEmpty() || src.startsWith("data:")) {
            for (String a : List.of("data-src", "data-lazy-src", "data-original", "data-url")) {
                String lazy = img.attr(a).strip();
                if (!lazy.isEmpty()) {
                    src = lazy;
                    break;
                }
            }
        }
        if (src.isEmpty() || src.startsWith("data:")) {
            String set = img.hasAttr("srcset") ? img.attr("srcset") : img.attr("data-srcset");
            String first = firstCandidate(set);
            if (!first.isEmpty()) {
                src = first;
            }
        }
        return Urls.resolve(base, src);
    }

    private static String firstCandidate(String srcset) {
        String s = srcset.strip();
        int end = 0;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != ',') {
            end++;
        }
        return s.substring(0, end);
    }

    static boolean isPixel(Element img) {
        int w = dimension(img.attr("width"));
        int h = dimension(img.attr("height"));
        if ((w >= 0 && w <= 2) || (h >= 0 && h <= 2)) {
            return true;
        }
        String style = img.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        return style.contains("display:none") || style.contains("width:1px") || style.contains("height:1px")
                || style.contains("visibility:hidden");
    }

    private static boolean isSpacer(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        for (String s : SPACERS) {
            if (u.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private static int dimension(String v) {
        String t = v.strip().toLowerCase(Locale.ROOT).replace("px", "");
        if (t.isEmpty() || t.length() > 12) {
            return -1;
        }
        try {
            return (int) Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean hasClassToken(String classes, String token) {
        for (String c : classes.split(" ")) {
            if (c.equals(token)) {
                return true;
            }
        }
        return false;
    }
}
