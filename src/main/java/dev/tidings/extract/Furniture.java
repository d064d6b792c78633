package dev.tidings.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Page furniture that Readability's rules let through and a reader does not want, on top of them:
 * blocks whose class or id say ad, promo, newsletter, vote, login, cookie, paywall, pull quote…
 * (removed before scoring, on the first, strict attempt), and in the finished article the lines
 * that are furniture wherever they stand ("Leave your vote", "Advertisement", "3 min read"),
 * separators left from a byline, link lists, and the byline and dateline, which the article's
 * header shows already.
 */
final class Furniture {
    private Furniture() {
    }

    /** Never content, whatever else the class says ("ad-slot--in-content" is still an ad). */
    private static final Pattern ALWAYS_OUT = Pattern.compile(
            "(?i)(^|[\\s_-])(ads?|advert\\w*|adslot|sponsor\\w*|promo\\w*|comments?|disqus|share|sharing|social|"
            + "login|signin|sign-in|register|password|cookie\\w*|consent|gdpr|newsletter\\w*|subscribe|related|vote|"
            + "voting|rating|outbrain|taboola|paywall|back-?to-?top|collections?|pull-?quote|most-?read)([\\s_-]|$)");
    /** Lines that are page furniture wherever they appear. */
    private static final Pattern FURNITURE_TEXT = Pattern.compile("(?iu)^\\s*(?:»\\s*)?(?:read more|leave your vote|"
            + "related articles?|back to top(?: button)?|log ?in|sign ?in|sign ?up|register|forgot (?:your )?password\\??|"
            + "add to collection|no collections|privacy policy|share(?: this(?: article)?)?|print|advertisement|"
            + "subscribe|most read|comments?|[·|•\\s]*\\d+\\s*min(?:ute)?s?\\s+read)\\s*[.!»]?\\s*$");

    /**
     * Furniture holds little text: a block with more is content whatever its class or id say (an id
     * like "gigya-share-btns-2_gig_containerParent" can sit on the article's text).
     */
    private static final int MAX_FURNITURE_TEXT = 1000;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s·|•,/–—-]+");

    /** A block to drop before scoring: its class, id or role names furniture. Never body, article or main. */
    static boolean alwaysOut(Element e) {
        String tag = e.normalName();
        if (tag.equals("body") || tag.equals("article") || tag.equals("main") || tag.equals("html")) {
            return false;
        }
        String id = e.className() + " " + e.id() + " " + e.attr("role");
        return !id.isBlank() && ALWAYS_OUT.matcher(id).find() && Dom.textLength(e) < MAX_FURNITURE_TEXT;
    }

    /**
     * A table cell of links beside a cell with much more text: the menu column of a page laid out in
     * tables, which comes along when the row is the article.
     */
    private static boolean isMenuColumn(Element td, int length) {
        if (!td.normalName().equals("td") || Dom.linkDensity(td) <= 0.5
                || !Dom.descendants(td, "img", "picture", "figure", "pre", "table").isEmpty()) {
            return false;
        }
        for (Element sibling : td.siblingElements()) {
            if (Dom.textLength(sibling) > 2 * length) {
                return true;
            }
        }
        return false;
    }

    /** Leftovers inside the article: furniture lines, link lists, the headline again, the byline. */
    static void clean(Element article, String title) {
        List<Element> doomed = new ArrayList<>();
        for (Element e : Dom.descendants(article, "p", "div", "ul", "ol", "section", "span", "a", "h1", "h2", "h3",
                "h4", "li", "td")) {
            int length = Dom.textLength(e);
            if (length > 60) {
                if (length < 2000 && isMenuColumn(e, length)) {
                    doomed.add(e);
                }
                continue; // no furniture line is this long
            }
            String text = e.text().strip();
            boolean furniture = FURNITURE_TEXT.matcher(text).matches()
                    || (!text.isEmpty() && SEPARATORS.matcher(text).matches()); // "· ·" left from a byline
            if (furniture && Dom.descendants(e, "img", "picture", "figure", "pre", "table").isEmpty()) {
                doomed.add(e);
                continue;
            }
            String tag = e.normalName();
            if (isMenuColumn(e, length)) {
                doomed.add(e);
                continue;
            }
            if ((tag.equals("h1") || tag.equals("h2")) && !title.isEmpty() && text.equalsIgnoreCase(title.strip())) {
                doomed.add(e); // the headline is shown in the header already
            }
        }
        for (Element e : doomed) {
            if (e.parent() != null) {
                e.remove();
            }
        }
        for (Element e : article.select("[class*=byline], [rel=author], [itemprop=author], [class*=dateline], "
                + "[class*=timestamp], [class*=publish-date], [class*=pubdate]")) {
            if (e != article && e.parent() != null && Dom.textLength(e) < 150
                    && Dom.descendants(e, "img", "figure").isEmpty()) {
                Element p = e.parent();
                e.remove();
                if (p != article && p.text().isBlank() && Dom.descendants(p, "img", "figure").isEmpty()
                        && p.parent() != null) {
                    p.remove();
                }
            }
        }
    }
}
