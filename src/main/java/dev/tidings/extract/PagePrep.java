package dev.tidings.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;

/**
 * Readies a whole page for scoring (Readability's prepDocument and friends): the real image of a
 * lazy-loaded picture comes out of its {@code <noscript>}, scripts, styles, templates and comments
 * go, runs of {@code <br><br>} become paragraphs and {@code <font>} becomes {@code <span>}.
 */
final class PagePrep {
    private PagePrep() {
    }

    static final Pattern IMAGE_FILE = Pattern.compile("\\.(jpg|jpeg|png|webp)", Pattern.CASE_INSENSITIVE);

    static void prepare(Document doc) {
        removeComments(doc);
        unwrapNoscriptImages(doc);
        for (String tag : new String[] {"script", "noscript", "style", "template"}) {
            doc.getElementsByTag(tag).remove();
        }
        Element body = doc.body();
        if (body != null) {
            replaceBrs(body);
        }
        for (Element font : doc.getElementsByTag("font")) {
            font.tagName("span");
        }
    }

    private static void removeComments(Document doc) {
        List<Node> comments = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Comment) {
                comments.add(node);
            }
        }, doc);
        for (Node c : comments) {
            c.remove();
        }
    }

    /**
     * Images with no source at all are placeholders: dropped. A {@code <noscript>} holding only an
     * image replaces the placeholder image just before it, keeping the placeholder's other sources.
     */
    static void unwrapNoscriptImages(Document doc) {
        for (Element img : doc.getElementsByTag("img")) {
            if (!hasAnySource(img)) {
                img.remove();
            }
        }
        for (Element noscript : doc.getElementsByTag("noscript")) {
            Element inner = noscriptContent(noscript);
            if (inner == null || !isSingleImage(inner)) {
                continue;
            }
            Element prev = noscript.previousElementSibling();
            if (prev == null || !isSingleImage(prev)) {
                continue;
            }
            Element prevImg = prev.normalName().equals("img") ? prev : prev.getElementsByTag("img").first();
            Element newImg = inner.getElementsByTag("img").first();
            if (prevImg == null || newImg == null) {
                continue;
            }
            for (Attribute a : prevImg.attributes()) {
                if (a.getValue().isEmpty()) {
                    continue;
                }
                if (a.getKey().equals("src") || a.getKey().equals("srcset") || IMAGE_FILE.matcher(a.getValue()).find()) {
                    if (newImg.attr(a.getKey()).equals(a.getValue())) {
                        continue;
                    }
                    String name = newImg.hasAttr(a.getKey()) ? "data-old-" + a.getKey() : a.getKey();
                    newImg.attr(name, a.getValue());
                }
            }
            prev.replaceWith(inner);
        }
    }

    private static boolean hasAnySource(Element img) {
        for (Attribute a : img.attributes()) {
            switch (a.getKey()) {
                case "src": case "srcset": case "data-src": case "data-srcset":
                    return true;
                default:
                    if (IMAGE_FILE.matcher(a.getValue()).find()) {
                        return true;
                    }
            }
        }
        return false;
    }

    /** The noscript's one element, parsed from its text when the parser kept it as text. */
    private static Element noscriptContent(Element noscript) {
        if (noscript.childrenSize() == 1 && noscript.textNodes().stream().allMatch(t -> t.isBlank())) {
            return noscript.child(0);
        }
        if (noscript.childrenSize() == 0) {
            String html = noscript.data().isEmpty() ? noscript.wholeText() : noscript.data();
            if (html.isBlank() || html.length() > 10_000) {
                return null;
            }
            List<Node> nodes = Parser.parseFragment(html.strip(), noscript.parent(), noscript.baseUri());
            List<Element> elements = new ArrayList<>();
            for (Node n : nodes) {
                if (n instanceof Element) {
                    elements.add((Element) n);
                } else if (!n.outerHtml().isBlank()) {
                    return null;
                }
            }
            return elements.size() == 1 ? elements.get(0) : null;
        }
        return null;
    }

    /** An {@code <img>}, or an element whose only content, all the way down, is one image. */
    static boolean isSingleImage(Element e) {
        Element node = e;
        while (node != null) {
            if (node.normalName().equals("img")) {
                return true;
            }
            if (node.childrenSize() != 1 || !node.text().isBlank()) {
                return false;
            }
            node = node.child(0);
        }
        return false;
    }

    /**
     * Two or more {@code <br>}s in a row end a paragraph: the inline content after them becomes a
     * {@code <p>}, up to the next double break or block. {@code <div>foo<br>bar<br> <br><br>abc</div>}
     * gives {@code <div>foo<br>bar<p>abc</p></div>}.
     */
    static void replaceBrs(Element root) {
        for (Element br : root.getElementsByTag("br")) {
            if (br.parent() == null) {
                continue; // removed as part of an earlier chain
            }
            Node next = br.nextSibling();
            boolean replaced = false;
            while ((next = Dom.nextNonBlank(next)) instanceof Element && ((Element) next).normalName().equals("br")) {
                replaced = true;
                Node after = next.nextSibling();
                next.remove();
                next = after;
            }
            if (!replaced) {
                continue;
            }
            Element p = new Element("p");
            br.replaceWith(p);
            next = p.nextSibling();
            while (next != null) {
                if (next instanceof Element && ((Element) next).normalName().equals("br")) {
                    Node nextElem = Dom.nextNonBlank(next.nextSibling());
                    if (nextElem instanceof Element && ((Element) nextElem).normalName().equals("br")) {
                        break;
                    }
                }
                if (!Dom.isPhrasing(next)) {
                    break;
                }
                Node sibling = next.nextSibling();
                p.appendChild(next);
                next = sibling;
            }
            while (p.childNodeSize() > 0 && Dom.isWhitespace(p.childNode(p.childNodeSize() - 1))) {
                p.childNode(p.childNodeSize() - 1).remove();
            }
            Element parent = p.parent();
            if (parent != null && parent.normalName().equals("p")) {
                parent.tagName("div");
            }
        }
    }
}
