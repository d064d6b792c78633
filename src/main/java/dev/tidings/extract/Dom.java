package dev.tidings.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Small questions about jsoup elements that the reader-mode passes share: text length, link
 * density, class weight, the document-order walk. Nothing here recurses: jsoup's parser caps
 * nesting at 512, and every walk is a loop over parents or a jsoup traversal.
 */
final class Dom {
    private Dom() {
    }

    static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
            Pattern.CASE_INSENSITIVE);
    static final Pattern NEGATIVE = Pattern.compile("-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|"
            + "contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|"
            + "skyscraper|sponsor|shopping|tags|widget", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_HIDDEN = Pattern.compile(
            "(?:^|;)\\s*(?:display\\s*:\\s*none|visibility\\s*:\\s*hidden)\\s*(?:!important\\s*)?(?:;|$)",
            Pattern.CASE_INSENSITIVE);

    /** Block elements a div must not hold to be read as a paragraph (Readability's DIV_TO_P_ELEMS). */
    static final Set<String> DIV_TO_P = Set.of("blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul");
    private static final Set<String> PHRASING = Set.of("abbr", "audio", "b", "bdo", "br", "button", "cite", "code",
            "data", "datalist", "dfn", "em", "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter",
            "noscript", "object", "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span",
            "strong", "sub", "sup", "textarea", "time", "var", "wbr");

    /** The element's text, trimmed, white space runs as one space: {@code <p> a <b>b</b></p>} gives "a b". */
    static String innerText(Element e) {
        return e.text();
    }

    /**
     * The length of {@link #innerText}, counted without building the string: characters of text with
     * each run of white space as one space, leading and trailing space left out. (jsoup's text() also
     * puts a space between blocks with none; this does not, so it can be a few characters shorter.)
     */
    static int textLength(Element e) {
        int n = 0;
        boolean space = false;
        for (Node x = e.childNodeSize() > 0 ? e.childNode(0) : null; x != null; x = nextInside(x, e)) {
            if (!(x instanceof TextNode)) {
                continue;
            }
            String t = ((TextNode) x).getWholeText();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00a0') {
                    space = n > 0;
                } else if (c != '\u200b' && c != '\u00ad') {
                    n += space ? 2 : 1;
                    space = false;
                }
            }
        }
        return n;
    }

    /** Commas in the element's text; with {@code anyScript}, the Arabic, CJK and other commas too. */
    static int commas(Element e, boolean anyScript) {
        int n = 0;
        for (Node x = e.childNodeSize() > 0 ? e.childNode(0) : null; x != null; x = nextInside(x, e)) {
            if (!(x instanceof TextNode)) {
                continue;
            }
            String t = ((TextNode) x).getWholeText();
            for (int i = 0; i < t.length(); i++) {
                switch (t.charAt(i)) {
                    case ',':
                        n++;
                        break;
                    case '\u060C': case '\uFE50': case '\uFE10': case '\uFE11': case '\u2E41': case '\u2E34':
                    case '\u2E32': case '\uFF0C':
                        n += anyScript ? 1 : 0;
                        break;
                    default:
                        break;
                }
            }
        }
        return n;
    }

    /** Share of the element's text that sits in links (in-page "#" links count 0.3); 0 when it has no text. */
    static double linkDensity(Element e) {
        int total = textLength(e);
        if (total == 0) {
            return 0;
        }
        double links = 0;
        for (Element a : e.getElementsByTag("a")) {
            String href = a.attr("href");
            double weight = href.length() > 1 && href.charAt(0) == '#' ? 0.3 : 1;
            links += textLength(a) * weight;
        }
        return links / total;
    }

    /** +25 / -25 for a class and an id that say content ("article-body") or furniture ("sidebar"). */
    static int classWeight(Element e) {
        int weight = 0;
        String c = e.className();
        if (!c.isEmpty()) {
            weight += NEGATIVE.matcher(c).find() ? -25 : 0;
            weight += POSITIVE.matcher(c).find() ? 25 : 0;
        }
        String id = e.id();
        if (!id.isEmpty()) {
            weight += NEGATIVE.matcher(id).find() ? -25 : 0;
            weight += POSITIVE.matcher(id).find() ? 25 : 0;
        }
        return weight;
    }

    /** The next element in document order; with {@code skipChildren}, the next one after this subtree. */
    static Element next(Element node, boolean skipChildren) {
        if (!skipChildren) {
            Element child = node.firstElementChild();
            if (child != null) {
                return child;
            }
        }
        Element e = node;
        while (e != null) {
            Element sibling = e.nextElementSibling();
            if (sibling != null) {
                return sibling;
            }
            e = e.parent();
        }
        return null;
    }

    /** Removes the element and returns the next element after it in document order. */
    static Element removeAndNext(Element node) {
        Element next = next(node, true);
        node.remove();
        return next;
    }

    /** Hidden by a {@code hidden} attribute, {@code aria-hidden="true"} or an inline display:none / visibility:hidden. */
    static boolean probablyHidden(Element e) {
        if (e.hasAttr("hidden")) {
            return true;
        }
        if (e.attr("aria-hidden").equals("true") && !e.className().contains("fallback-image")) {
            return true;
        }
        String style = e.attr("style");
        return !style.isEmpty() && STYLE_HIDDEN.matcher(style).find();
    }

    /** Text, inline elements, and links or edits that hold only those. Comments are not. */
    static boolean isPhrasing(Node node) {
        if (node instanceof TextNode) {
            return true;
        }
        if (!(node instanceof Element)) {
            return false;
        }
        List<Node> todo = new ArrayList<>();
        todo.add(node);
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            if (n instanceof TextNode) {
                continue;
            }
            if (!(n instanceof Element)) {
                return false;
            }
            String tag = ((Element) n).normalName();
            if (PHRASING.contains(tag)) {
                continue;
            }
            if (tag.equals("a") || tag.equals("del") || tag.equals("ins")) {
                todo.addAll(n.childNodes());
                continue;
            }
            return false;
        }
        return true;
    }

    /** A blank text node or a {@code <br>}. */
    static boolean isWhitespace(Node node) {
        return node instanceof TextNode ? ((TextNode) node).isBlank()
                : node instanceof Element && ((Element) node).normalName().equals("br");
    }

    /** The next sibling node that is an element or non-blank text, from {@code node} on (it may be null). */
    static Node nextNonBlank(Node node) {
        Node n = node;
        while (n instanceof TextNode && ((TextNode) n).isBlank()) {
            n = n.nextSibling();
        }
        return n;
    }

    /** Exactly one child element, a {@code tag}, and no text beside it. */
    static boolean hasSingleChild(Element e, String tag) {
        if (e.childrenSize() != 1 || !e.child(0).normalName().equals(tag)) {
            return false;
        }
        for (TextNode t : e.textNodes()) {
            if (!t.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** No text, and no children but {@code <br>}s and {@code <hr>}s. Stops at the first sign of content. */
    static boolean isWithoutContent(Element e) {
        Node n = e.childNodeSize() > 0 ? e.childNode(0) : null;
        while (n != null) {
            if (n instanceof TextNode && !((TextNode) n).isBlank()) {
                return false;
            }
            if (n instanceof Element) {
                String tag = ((Element) n).normalName();
                if (!tag.equals("br") && !tag.equals("hr")) {
                    return false;
                }
            }
            n = nextInside(n, e);
        }
        return true;
    }

    /** Any descendant is a block (div, p, table, list…). Stops at the first. */
    static boolean hasBlockDescendant(Element e) {
        Node n = e.childNodeSize() > 0 ? e.childNode(0) : null;
        while (n != null) {
            if (n instanceof Element && DIV_TO_P.contains(((Element) n).normalName())) {
                return true;
            }
            n = nextInside(n, e);
        }
        return false;
    }

    /** The next node in document order that is still inside {@code root}, or null. */
    static Node nextInside(Node n, Node root) {
        if (n.childNodeSize() > 0) {
            return n.childNode(0);
        }
        Node x = n;
        while (x != null && x != root) {
            Node sibling = x.nextSibling();
            if (sibling != null) {
                return sibling;
            }
            x = x.parent();
        }
        return null;
    }

    /** An ancestor within {@code maxDepth} levels (all levels when maxDepth is negative) is a {@code tag}. */
    static boolean hasAncestor(Element e, String tag, int maxDepth, java.util.function.Predicate<Element> test) {
        int depth = 0;
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (maxDepth > 0 && depth > maxDepth) {
                return false;
            }
            if (p.normalName().equals(tag) && (test == null || test.test(p))) {
                return true;
            }
            depth++;
        }
        return false;
    }

    /** The descendants (not the element itself) with one of the tags. */
    static List<Element> descendants(Element e, String... tags) {
        List<Element> out = new ArrayList<>();
        for (Element c : e.getAllElements()) {
            if (c == e) {
                continue;
            }
            String name = c.normalName();
            for (String t : tags) {
                if (name.equals(t)) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * How much of {@code b}'s wording is in {@code a}, 0 to 1 (Readability's textSimilarity): 1 minus the
     * share of b's characters in words a lacks.
     */
    static double similarity(String a, String b) {
        List<String> ta = words(a);
        List<String> tb = words(b);
        if (ta.isEmpty() || tb.isEmpty()) {
            return 0;
        }
        Set<String> inA = Set.copyOf(ta);
        int unique = -1;
        int all = -1;
        for (String t : tb) {
            all += t.length() + 1;
            if (!inA.contains(t)) {
                unique += t.length() + 1;
            }
        }
        return 1 - Math.max(0, unique) / (double) Math.max(1, all);
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
