package dev.tidings.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Finds the article in a prepared page the way Mozilla's Readability does (its grabArticle, ported
 * to jsoup): one walk in document order drops hidden nodes, the byline, a heading that repeats the
 * title, unlikely furniture (comments, sidebars, menus…) and empty blocks, and turns text sitting
 * directly in {@code <div>}s into paragraphs; paragraphs are scored (length, commas) and give their
 * score to five levels of ancestors; the best container, damped by its link density, is taken with
 * the siblings that look like more of the same article, then cleaned ({@link ArticleCleaner}).
 * When that leaves less than {@value #CHAR_THRESHOLD} characters it tries again on the untouched
 * page, less strictly each time (keep unlikely nodes, ignore class names, clean less), and keeps the
 * longest result.
 */
final class ArticleFinder {
    static final int CHAR_THRESHOLD = 500;
    private static final int TOP_CANDIDATES = 5;

    private static final Pattern UNLIKELY = Pattern.compile("-ad-|ai2html|banner|breadcrumbs|combx|comment|community|"
            + "cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|"
            + "skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAYBE = Pattern.compile("and|article|body|column|content|main|mathjax|shadow",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE = Pattern.compile("byline|author|dateline|writtenby|p-author",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> UNLIKELY_ROLES = Set.of("menu", "menubar", "complementary", "navigation",
            "alert", "alertdialog", "dialog");
    private static final Set<String> TAGS_TO_SCORE = Set.of("section", "h2", "h3", "h4", "h5", "h6", "p", "td",
            "pre");
    private static final Set<String> EMPTY_REMOVABLE = Set.of("div", "section", "header", "h1", "h2", "h3", "h4",
            "h5", "h6");
    private static final Set<String> KEEP_TAG_AS_SIBLING = Set.of("div", "article", "section", "p", "ol", "ul",
            "figure", "table", "blockquote", "pre");
    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");

    /** What one pass found: the article (a detached {@code <div>}), and the byline seen on the way. */
    record Found(Element article, int textLength) {
    }

    private final String title;
    private final boolean bylineKnown;
    private String byline = "";
    private Flags flags = new Flags(true, true, true);
    private final Map<Element, double[]> scores = new IdentityHashMap<>();

    /** Which of the strict rules are on; each retry turns the next one off. */
    record Flags(boolean stripUnlikely, boolean weightClasses, boolean cleanConditionally) {
    }

    ArticleFinder(String title, boolean bylineKnown) {
        this.title = title;
        this.bylineKnown = bylineKnown;
    }

    /** The byline found in the page (the element that said "byline", "author"…), or "". */
    String byline() {
        return byline;
    }

    /** The article of the page under {@code body}, or null when the page has no text at all. */
    Element find(Element body) {
        Element pristine = body.clone();
        List<Found> attempts = new ArrayList<>();
        while (true) {
            Found f = attempt(body);
            if (f.textLength() >= CHAR_THRESHOLD) {
                return f.article();
            }
            attempts.add(f);
            if (flags.stripUnlikely()) {
                flags = new Flags(false, true, true);
            } else if (flags.weightClasses()) {
                flags = new Flags(false, false, true);
            } else if (flags.cleanConditionally()) {
                flags = new Flags(false, false, false);
            } else {
                Found best = Collections.max(attempts, (a, b) -> Integer.compare(a.textLength(), b.textLength()));
                return best.textLength() == 0 ? null : best.article();
            }
            body.empty();
            for (Node n : pristine.clone().childNodes().toArray(new Node[0])) {
                body.appendChild(n);
            }
            scores.clear();
        }
    }

    private Found attempt(Element body) {
        List<Element> toScore = walk(body);
        List<Element> candidates = score(toScore);
        Element top = topCandidate(body, candidates);
        Element article = withSiblings(top);
        new ArticleCleaner(flags).clean(article);
        return new Found(article, Dom.textLength(article));
    }

    // ---------------------------------------------------------------- the walk

    private List<Element> walk(Element body) {
        List<Element> toScore = new ArrayList<>();
        boolean titleHeaderSeen = false;
        Element node = body;
        while (node != null) {
            String tag = node.normalName();
            String match = node.className() + " " + node.id();
            if (node != body && Dom.probablyHidden(node)) {
                node = Dom.removeAndNext(node);
                continue;
            }
            if (node.attr("aria-modal").equals("true") && node.attr("role").equals("dialog")) {
                node = Dom.removeAndNext(node);
                continue;
            }
            if (!bylineKnown && byline.isEmpty() && isByline(node, match)) {
                byline = bylineText(node);
                node = Dom.removeAndNext(node);
                continue;
            }
            if (!titleHeaderSeen && duplicatesTitle(node)) {
                titleHeaderSeen = true;
                node = Dom.removeAndNext(node);
                continue;
            }
            if (flags.stripUnlikely() && node != body) {
                if (UNLIKELY.matcher(match).find() && !MAYBE.matcher(match).find()
                        && !Dom.hasAncestor(node, "table", 3, null) && !Dom.hasAncestor(node, "code", 3, null)
                        && !tag.equals("a")) {
                    node = Dom.removeAndNext(node);
                    continue;
                }
                if (UNLIKELY_ROLES.contains(node.attr("role"))
                        || (Furniture.alwaysOut(node) && (bylineKnown || !byline.isEmpty() || !holdsByline(node)))) {
                    node = Dom.removeAndNext(node);
                    continue;
                }
            }
            if (EMPTY_REMOVABLE.contains(tag) && Dom.isWithoutContent(node)) {
                node = Dom.removeAndNext(node);
                continue;
            }
            if (TAGS_TO_SCORE.contains(tag)) {
                toScore.add(node);
            }
            if (tag.equals("div")) {
                wrapPhrasingRuns(node);
                if (Dom.hasSingleChild(node, "p") && Dom.linkDensity(node) < 0.25) {
                    Element p = node.child(0);
                    node.replaceWith(p);
                    node = p;
                    toScore.add(node);
                } else if (!Dom.hasBlockDescendant(node)) {
                    node.tagName("p");
                    toScore.add(node);
                }
            }
            node = Dom.next(node, false);
        }
        return toScore;
    }

    private static boolean isByline(Element node, String match) {
        if (!(node.attr("rel").equals("author") || node.attr("itemprop").contains("author")
                || BYLINE.matcher(match).find())) {
            return false;
        }
        int length = Dom.textLength(node);
        return length > 0 && length < 100;
    }

    /** Whether a byline the walk has yet to see sits inside: furniture removal must not take it along. */
    private static boolean holdsByline(Element node) {
        for (Element e : node.getAllElements()) {
            if (e != node && isByline(e, e.className() + " " + e.id())) {
                return true;
            }
        }
        return false;
    }

    private static String bylineText(Element node) {
        Element end = Dom.next(node, true);
        for (Element n = Dom.next(node, false); n != null && n != end; n = Dom.next(n, false)) {
            if (n.attr("itemprop").contains("name")) {
                return n.text().strip();
            }
        }
        return node.text().strip();
    }

    private boolean duplicatesTitle(Element node) {
        String tag = node.normalName();
        return (tag.equals("h1") || tag.equals("h2")) && !title.isEmpty()
                && Dom.similarity(title, node.text()) > 0.75;
    }

    /** Inline content directly in a div (text, links, spans between blocks) becomes paragraphs. */
    private static void wrapPhrasingRuns(Element div) {
        List<Node> children = new ArrayList<>(div.childNodes());
        int i = 0;
        while (i < children.size()) {
            if (!Dom.isPhrasing(children.get(i))) {
                i++;
                continue;
            }
            int from = i;
            while (i < children.size() && Dom.isPhrasing(children.get(i))) {
                i++;
            }
            int to = i;
            while (from < to && Dom.isWhitespace(children.get(from))) {
                children.get(from++).remove();
            }
            while (to > from && Dom.isWhitespace(children.get(to - 1))) {
                children.get(--to).remove();
            }
            if (from < to) {
                Element p = new Element("p");
                children.get(from).before(p);
                for (int k = from; k < to; k++) {
                    p.appendChild(children.get(k));
                }
            }
        }
    }

    // ---------------------------------------------------------------- scoring

    private List<Element> score(List<Element> toScore) {
        List<Element> candidates = new ArrayList<>();
        for (Element e : toScore) {
            Element parent = e.parent();
            if (parent == null) {
                continue;
            }
            int length = Dom.textLength(e);
            if (length < 25) {
                continue;
            }
            double score = 1 + (Dom.commas(e, true) + 1) + Math.min(length / 100, 3);
            Element ancestor = parent;
            for (int level = 0; level < 5 && ancestor != null; level++) {
                if (ancestor.parent() == null || ancestor.normalName().equals("html")) {
                    break;
                }
                double[] s = scores.get(ancestor);
                if (s == null) {
                    s = new double[] {initialScore(ancestor)};
                    scores.put(ancestor, s);
                    candidates.add(ancestor);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                s[0] += score / divider;
                ancestor = ancestor.parent();
            }
        }
        return candidates;
    }

    private double initialScore(Element e) {
        double score;
        switch (e.normalName()) {
            case "div": score = 5; break;
            case "pre": case "td": case "blockquote": score = 3; break;
            case "address": case "ol": case "ul": case "dl": case "dd": case "dt": case "li": case "form":
                score = -3; break;
            case "h1": case "h2": case "h3": case "h4": case "h5": case "h6": case "th": score = -5; break;
            default: score = 0;
        }
        return score + (flags.weightClasses() ? Dom.classWeight(e) : 0);
    }

    private double score(Element e) {
        double[] s = scores.get(e);
        return s == null ? 0 : s[0];
    }

    private Element topCandidate(Element body, List<Element> candidates) {
        List<Element> top = new ArrayList<>();
        for (Element c : candidates) {
            double[] s = scores.get(c);
            s[0] = s[0] * (1 - Dom.linkDensity(c));
            for (int t = 0; t < TOP_CANDIDATES; t++) {
                if (t >= top.size() || s[0] > score(top.get(t))) {
                    top.add(t, c);
                    if (top.size() > TOP_CANDIDATES) {
                        top.remove(top.size() - 1);
                    }
                    break;
                }
            }
        }
        Element best = top.isEmpty() ? null : top.get(0);
        if (best == null || best.normalName().equals("body")) {
            Element div = new Element("div");
            for (Node n : body.childNodes().toArray(new Node[0])) {
                div.appendChild(n);
            }
            body.appendChild(div);
            scores.put(div, new double[] {initialScore(div)});
            return div;
        }
        // several close runners-up under one ancestor: that ancestor is the article
        List<Set<Element>> alternatives = new ArrayList<>();
        for (int i = 1; i < top.size(); i++) {
            if (score(top.get(i)) / score(best) >= 0.75) {
                Set<Element> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());
                for (Element a = top.get(i).parent(); a != null; a = a.parent()) {
                    ancestors.add(a);
                }
                alternatives.add(ancestors);
            }
        }
        if (alternatives.size() >= 3) {
            for (Element p = best.parent(); p != null && !p.normalName().equals("body"); p = p.parent()) {
                int containing = 0;
                for (Set<Element> a : alternatives) {
                    containing += a.contains(p) ? 1 : 0;
                }
                if (containing >= 3) {
                    best = p;
                    break;
                }
            }
        }
        scores.computeIfAbsent(best, x -> new double[] {initialScore(x)});
        // a parent scoring higher holds more of the article
        double last = score(best);
        double threshold = last / 3;
        for (Element p = best.parent(); p != null && !p.normalName().equals("body"); p = p.parent()) {
            if (!scores.containsKey(p)) {
                continue;
            }
            double ps = score(p);
            if (ps < threshold) {
                break;
            }
            if (ps > last) {
                best = p;
                break;
            }
            last = ps;
        }
        // an only child is its parent's article
        while (best.parent() != null && !best.parent().normalName().equals("body") && best.parent().childrenSize() == 1) {
            best = best.parent();
        }
        scores.computeIfAbsent(best, x -> new double[] {initialScore(x)});
        return best;
    }

    private Element withSiblings(Element best) {
        Element article = new Element("div");
        Element parent = best.parent();
        if (parent == null) {
            article.appendChild(best);
            return article;
        }
        double bestScore = score(best);
        double threshold = Math.max(10, bestScore * 0.2);
        for (Element sibling : new ArrayList<>(parent.children())) {
            boolean append = sibling == best;
            if (!append) {
                double bonus = !best.className().isEmpty() && sibling.className().equals(best.className())
                        ? bestScore * 0.2 : 0;
                double[] s = scores.get(sibling);
                if (s != null && s[0] + bonus >= threshold) {
                    append = true;
                } else if (sibling.normalName().equals("p")) {
                    double ld = Dom.linkDensity(sibling);
                    String text = Dom.innerText(sibling);
                    append = (text.length() > 80 && ld < 0.25) || (text.length() < 80 && text.length() > 0
                            && ld == 0 && SENTENCE_END.matcher(text).find());
                }
            }
            if (append) {
                if (!KEEP_TAG_AS_SIBLING.contains(sibling.normalName())) {
                    sibling.tagName("div");
                }
                article.appendChild(sibling);
            }
        }
        return article;
    }
}
