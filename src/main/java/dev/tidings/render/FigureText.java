package dev.tidings.render;

import dev.tidings.text.Sanitize;
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
 * The text of one figure, walked once and sorted into caption and credit pieces: credit elements
 * ({@code <cite>}, {@code <small>}, a class saying credit, source, copyright, attribution or
 * photographer, an element whose text starts with a credit label), bare labels ("Image source, ",
 * "Image caption, ", often visually hidden) that say what the text after them is up to the end of
 * the label's parent, caption elements, and the rest. Controls such as "toggle caption" are dropped.
 *
 * <pre>
 * read(&lt;figure&gt;&lt;img&gt;&lt;figcaption&gt;Fighters train &lt;small&gt;Photo: AFP&lt;/small&gt;&lt;/figcaption&gt;&lt;/figure&gt;)
 *   caption() = " Fighters train  ", credits() = ["AFP"]
 * </pre>
 */
final class FigureText implements NodeFilter {
    /** Classes that mark a credit wherever they are: "element-image__credit", "media-caption__source". */
    private static final Pattern STRONG_CREDIT_CLASS = Pattern.compile("(?i)credit|copyright|(?<![rR][eE])source");
    /** Classes that mark a credit unless they also say caption: "image__caption attribution" is a caption. */
    private static final Pattern CREDIT_CLASS = Pattern.compile("(?i)attribution|photographer|contributor");
    private static final Pattern CAPTION_CLASS = Pattern.compile("(?i)caption");
    private static final List<String> NOISE = List.of("toggle caption", "hide caption", "show caption",
            "enlarge this image", "enlarge image", "expand", "open gallery", "view gallery", "zoom", "close");

    private final Element container;
    /** Text inside caption elements (figcaption, wp-caption-text) and after a caption label. */
    private final StringBuilder caption = new StringBuilder();
    /** The figure's other text: its caption when it has no caption element. */
    private final StringBuilder outside = new StringBuilder();
    private final List<String> credits = new ArrayList<>();
    private boolean sawCaption;
    private int captionDepth;
    private Element creditElement;
    private StringBuilder creditPiece;
    private CreditLabels.Label pending;
    private Element pendingScope;
    private StringBuilder pendingPiece;

    private FigureText(Element container) {
        this.container = container;
    }

    /** Walks {@code container} once (its images, scripts and hidden elements unread). */
    static FigureText read(Element container) {
        FigureText t = new FigureText(container);
        NodeTraversor.filter(t, container);
        t.closePending();
        return t;
    }

    /** The caption text, label-free but not yet cleaned: the caption elements' text, else the figure's. */
    String caption() {
        return sawCaption ? caption.toString() : outside.toString();
    }

    /** The credits found, cleaned, each once, in order. */
    List<String> credits() {
        return credits;
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
                CreditLabels.Label label = CreditLabels.labelKind(own);
                if (label != null) {
                    if (creditElement == null) {
                        closePending();
                        pending = label;
                        pendingScope = e.parent();
                        if (label == CreditLabels.Label.CAPTION) {
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
        } else if (pending == CreditLabels.Label.CREDIT) {
            pendingPiece.append(t);
        } else if (pending == CreditLabels.Label.CAPTION || captionDepth > 0) {
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

    private void closePending() {
        if (pending == CreditLabels.Label.CREDIT) {
            addCredit(pendingPiece);
        }
        pending = null;
        pendingScope = null;
        pendingPiece = new StringBuilder();
    }

    private void addCredit(StringBuilder piece) {
        String c = piece == null ? "" : CreditLabels.cleanCredit(piece.toString());
        if (!c.isEmpty() && !credits.contains(c)) {
            credits.add(c);
        }
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
        int after = CreditLabels.afterCreditLabel(first, 0);
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
}
