package dev.tidings.render;

import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The one place that turns a figure into (caption, credit, alt, URL). A figure is a
 * {@code <figure>}, a WordPress {@code div.wp-caption} or a Blogger {@code table.tr-caption-container};
 * its text is walked once and sorted into caption and credit:
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

    /** Classes that mark a credit wherever they are: "element-image__credit", "media-caption__source". */
    private static final Pattern STRONG_CREDIT_CLASS = Pattern.compile("(?i)credit|copyright|(?<![rR][eE])source");
    /** Classes that mark a credit unless they also say caption: "image__caption attribution" is a caption. */
    private static final Pattern CREDIT_CLASS = Pattern.compile("(?i)attribution|photographer|contributor");
    private static final Pattern CAPTION_CLASS = Pattern.compile("(?i)caption");
    /** A div container's text beyond this is an article, not a caption: walked as text instead. */
    static final int MAX_DIV_CAPTION = 1500;
    private static final List<String> NOISE = List.of("toggle caption", "hide caption", "show caption",
            "enlarge this image", "enlarge image", "expand", "open gallery", "view gallery", "zoom", "close");
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
        Pieces p = new Pieces(container, img);
        NodeTraversor.filter(p, container);
        p.closePending();
        String caption = Credits.cleanCaption(p.sawCaption ? p.caption.toString() : p.outside.toString());
        Credits.Split split = Credits.split(caption);
        caption = split.caption();
        String credit = String.join(", ", p.credits);
        if (caption.isEmpty() && p.credits.size() == 1 && !Credits.isShort(credit)) {
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

    private static boolean isCaptionElement(Element e) {
        String cls = e.className();
        if (e.normalName().equals("figcaption")) {
            return !STRONG_CREDIT_CLASS.matcher(cls).find(); // CNN: figcaption.image__credit
        }
        return cls.contains("wp-caption-text") || cls.contains("tr-caption") && !cls.contains("tr-caption-container");
    }

    /** The text of an element with one short text child, else null (cheap: no subtree walk). */
    private static String shortOwnText(Element e) {
        if (e.childNodeSize() != 1 || !(e.childNode(0) instanceof TextNode)) {
            return null;
        }
        String t = ((TextNode) e.childNode(0)).getWholeText();
        return t.length() <= 60 ? t : null;
    }

    private static boolean isCreditElement(Element e) {
        String tag = e.normalName();
        String cls = e.className();
        if (tag.equals("cite") || tag.equals("small") || STRONG_CREDIT_CLASS.matcher(cls).find()
                || CREDIT_CLASS.matcher(cls).find() && !CAPTION_CLASS.matcher(cls).find()) {
            return true; // "caption__credit" is a credit, "image__caption attribution" a caption
        }
        if (e.childNodeSize() == 0 || !(e.childNode(0) instanceof TextNode)) {
            return false;
        }
        String first = Sanitize.line(((TextNode) e.childNode(0)).getWholeText());
        int after = Credits.afterCreditLabel(first, 0);
        if (after <= 0) {
            return false;
        }
        if (after < first.length()) {
            return true; // "Credit: Jane Roe"
        }
        String lower = first.toLowerCase(Locale.ROOT);
        return e.childNodeSize() > 1 && (lower.endsWith(":") || lower.endsWith("：") || lower.endsWith(",")
                || lower.endsWith(" by") || lower.equals("©")); // "Photo by <a>Jane Roe</a>"

    }

    private static boolean isBlock(String tag) {
        switch (tag) {
            case "p": case "div": case "br": case "li": case "figcaption": case "td": case "tr": case "section":
            case "header": case "footer": case "h1": case "h2": case "h3": case "h4": case "h5": case "h6":
                return true;
            default:
                return false;
        }
    }

    /** One walk over a figure: caption text (inside figcaption, and outside), credit pieces. */
    private static final class Pieces implements NodeFilter {
        final Element container;
        final Element img;
        final StringBuilder caption = new StringBuilder();
        final StringBuilder outside = new StringBuilder();
        final List<String> credits = new ArrayList<>();
        boolean sawCaption;
        int captionDepth;
        Element creditElement;
        StringBuilder creditPiece;
        Credits.Label pending;
        Element pendingScope;
        StringBuilder pendingPiece;

        Pieces(Element container, Element img) {
            this.container = container;
            this.img = img;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode) {
                text(((TextNode) node).getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element)) {
                return FilterResult.CONTINUE;
            }
            Element e = (Element) node;
            String tag = e.normalName();
            switch (tag) {
                case "img": case "picture": case "source": case "script": case "style": case "noscript": case "svg":
                case "button": case "template": case "video": case "audio": case "iframe": case "object":
                    return FilterResult.SKIP_ENTIRELY;
                default:
                    break;
            }
            if (e.hasAttr("hidden")) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (isBlock(tag)) {
                space();
            }
            if (e == container) {
                return FilterResult.CONTINUE;
            }
            boolean captionElement = isCaptionElement(e);
            if (!captionElement) {
                String own = shortOwnText(e);
                if (own != null) {
                    String bare = Sanitize.line(own).toLowerCase(Locale.ROOT);
                    if (NOISE.contains(bare)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    Credits.Label label = Credits.labelKind(own);
                    if (label != null) {
                        if (creditElement == null) {
                            closePending();
                            pending = label;
                            pendingScope = e.parent();
                            if (label == Credits.Label.CAPTION) {
                                sawCaption = true;
                            }
                        }
                        return FilterResult.SKIP_ENTIRELY; // the label itself is never shown
                    }
                }
                if (creditElement == null && isCreditElement(e)) {
                    creditElement = e;
                    creditPiece = new StringBuilder();
                }
            } else {
                captionDepth++;
                sawCaption = true;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element)) {
                return FilterResult.CONTINUE;
            }
            Element e = (Element) node;
            if (e == creditElement) {
                addCredit(creditPiece);
                creditElement = null;
                creditPiece = null;
            }
            if (e == pendingScope) {
                closePending();
            }
            if (e != container && isCaptionElement(e)) {
                captionDepth--;
            }
            if (isBlock(e.normalName())) {
                space();
            }
            return FilterResult.CONTINUE;
        }

        private void text(String t) {
            if (creditElement != null) {
                creditPiece.append(t);
            } else if (pending == Credits.Label.CREDIT) {
                pendingPiece.append(t);
            } else if (pending == Credits.Label.CAPTION || captionDepth > 0) {
                caption.append(t);
            } else {
                outside.append(t);
            }
        }

        private void space() {
            caption.append(' ');
            outside.append(' ');
            if (creditPiece != null) {
                creditPiece.append(' ');
            }
            if (pendingPiece != null) {
                pendingPiece.append(' ');
            }
        }

        void closePending() {
            if (pending == Credits.Label.CREDIT) {
                addCredit(pendingPiece);
            }
            pending = null;
            pendingScope = null;
            pendingPiece = new StringBuilder();
        }

        private void addCredit(StringBuilder piece) {
            String c = piece == null ? "" : Credits.cleanCredit(piece.toString());
            if (!c.isEmpty() && !credits.contains(c)) {
                credits.add(c);
            }
        }
    }
}
