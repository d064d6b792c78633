package dev.tidings.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Makes the found article safe and self-contained HTML for the renderer: links and image sources
 * absolute, {@code javascript:} links reduced to their text, wrappers that only wrap one other
 * wrapper flattened, and nothing that could run or fetch: no frames, embeds, media players, form
 * controls, event handlers or inline styles. Figures keep their markup (classes included), so the
 * renderer sees the caption and the credit as the publisher marked them.
 */
final class ArticleOutput {
    private ArticleOutput() {
    }

    private static final String[] NEVER = {"script", "style", "noscript", "template", "iframe", "frame", "frameset",
        "object", "embed", "applet", "form", "button", "input", "select", "textarea", "canvas", "dialog", "link",
        "meta", "base", "map", "audio", "video", "track", "svg", "math"};
    private static final Pattern SRCSET_URL = Pattern.compile("(\\S+)(\\s+[\\d.]+[xw])?(\\s*(?:,|$))");

    static void finish(Element article) {
        absoluteUrls(article);
        simplifyNested(article);
        for (Element e : Dom.descendants(article, NEVER)) {
            if (e.parent() != null && !(e.normalName().equals("math") && !e.text().isBlank())) {
                e.remove();
            }
        }
        for (Element source : Dom.descendants(article, "source")) {
            if (source.parent() == null || !source.parent().normalName().equals("picture")) {
                source.remove();
            }
        }
        for (Element e : article.getAllElements()) {
            List<Attribute> attrs = e.attributes().asList();
            for (Attribute a : attrs) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                String v = a.getValue().strip().toLowerCase(Locale.ROOT);
                if (key.startsWith("on") || key.equals("style") || key.equals("srcdoc") || key.equals("formaction")
                        || (isUrlAttr(key) && (v.startsWith("javascript:") || v.startsWith("data:text")
                        || v.startsWith("vbscript:")))) {
                    e.removeAttr(a.getKey());
                }
            }
        }
    }

    private static boolean isUrlAttr(String key) {
        return key.equals("href") || key.equals("src") || key.equals("srcset") || key.equals("poster")
                || key.equals("action") || key.equals("xlink:href") || key.startsWith("data-");
    }

    private static void absoluteUrls(Element article) {
        for (Element a : Dom.descendants(article, "a")) {
            String href = a.attr("href");
            if (href.isEmpty()) {
                continue;
            }
            if (href.strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                if (a.childNodeSize() == 1 && a.childNode(0) instanceof TextNode) {
                    a.replaceWith(new TextNode(a.text()));
                } else {
                    a.tagName("span");
                    a.removeAttr("href");
                }
            } else if (!href.startsWith("#")) {
                String abs = a.absUrl("href");
                if (!abs.isEmpty()) {
                    a.attr("href", abs);
                }
            }
        }
        for (Element m : Dom.descendants(article, "img", "picture", "figure", "video", "audio", "source")) {
            for (String attr : new String[] {"src", "poster"}) {
                if (!m.attr(attr).isEmpty() && !m.attr(attr).startsWith("data:")) {
                    String abs = m.absUrl(attr);
                    if (!abs.isEmpty()) {
                        m.attr(attr, abs);
                    }
                }
            }
            String srcset = m.attr("srcset");
            if (!srcset.isEmpty()) {
                Matcher x = SRCSET_URL.matcher(srcset);
                StringBuilder sb = new StringBuilder();
                while (x.find()) {
                    String url = x.group(1);
                    String abs = url.startsWith("data:") ? url : resolve(m, url);
                    x.appendReplacement(sb, Matcher.quoteReplacement(abs + (x.group(2) == null ? "" : x.group(2))
                            + x.group(3)));
                }
                x.appendTail(sb);
                m.attr("srcset", sb.toString());
            }
        }
    }

    private static String resolve(Element e, String url) {
        try {
            String base = e.baseUri();
            return base.isEmpty() ? url : java.net.URI.create(base).resolve(url.replace(" ", "%20")).toString();
        } catch (IllegalArgumentException ex) {
            return url;
        }
    }

    /** A div or section that is empty goes; one that only wraps another div or section gives way to it. */
    private static void simplifyNested(Element article) {
        Element node = article;
        while (node != null) {
            String tag = node.normalName();
            if (node != article && node.parent() != null && (tag.equals("div") || tag.equals("section"))) {
                if (Dom.isWithoutContent(node)) {
                    node = Dom.removeAndNext(node);
                    continue;
                }
                if (Dom.hasSingleChild(node, "div") || Dom.hasSingleChild(node, "section")) {
                    Element child = node.child(0);
                    for (Attribute a : node.attributes()) {
                        child.attr(a.getKey(), a.getValue());
                    }
                    node.replaceWith(child);
                    node = child;
                    continue;
                }
            }
            node = next(node, article);
        }
    }

    /** Document order inside {@code root} only. */
    private static Element next(Element node, Element root) {
        Element child = node.firstElementChild();
        if (child != null) {
            return child;
        }
        for (Element e = node; e != null && e != root; e = e.parent()) {
            Element sibling = e.nextElementSibling();
            if (sibling != null) {
                return sibling;
            }
        }
        return null;
    }
}
