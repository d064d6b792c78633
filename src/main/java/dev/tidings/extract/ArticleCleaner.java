package dev.tidings.extract;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Cleans the chosen article of what scored its way in (Readability's prepArticle): presentational
 * attributes, lazy images given their real source, forms, embeds, asides, share widgets, headings
 * marked as furniture, and then, block by block, tables, lists and divs that look like link lists,
 * image galleries, forms or ads rather than text. Tables that carry data are kept whole.
 */
final class ArticleCleaner {
    private static final Pattern SHARE = Pattern.compile("(\\b|_)(share|sharedaddy)(\\b|_)", Pattern.CASE_INSENSITIVE);
    private static final Pattern VIDEOS = Pattern.compile("//(www\\.)?((dailymotion|youtube|youtube-nocookie|"
            + "player\\.vimeo|v\\.qq|bilibili|live.bilibili)\\.com|(archive|upload\\.wikimedia)\\.org|"
            + "player\\.twitch\\.tv)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AD_WORDS = Pattern.compile(
            "^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LOADING_WORDS = Pattern.compile(
            "^((loading|正在加载|Загрузка|chargement|cargando)(…|\\.\\.\\.)?)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern B64_DATA_URL = Pattern.compile("^data:\\s*([^\\s;,]+)\\s*;\\s*base64\\s*,",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LAZY_SRCSET = Pattern.compile("\\.(jpg|jpeg|png|webp)\\s+\\d");
    private static final Pattern LAZY_SRC = Pattern.compile("^\\s*\\S+\\.(jpg|jpeg|png|webp)\\S*\\s*$");
    private static final String[] PRESENTATIONAL = {"align", "background", "bgcolor", "border", "cellpadding",
        "cellspacing", "frame", "hspace", "rules", "style", "valign", "vspace"};
    private static final Set<String> SIZED = Set.of("table", "th", "td", "hr", "pre");

    private final ArticleFinder.Flags flags;
    private final Set<Element> dataTables = Collections.newSetFromMap(new IdentityHashMap<>());

    ArticleCleaner(ArticleFinder.Flags flags) {
        this.flags = flags;
    }

    void clean(Element article) {
        for (Element e : article.getAllElements()) {
            if (e.normalName().equals("svg")) {
                continue;
            }
            for (String a : PRESENTATIONAL) {
                e.removeAttr(a);
            }
            if (SIZED.contains(e.normalName())) {
                e.removeAttr("width");
                e.removeAttr("height");
            }
        }
        markDataTables(article);
        fixLazyImages(article);
        cleanConditionally(article, "form");
        cleanConditionally(article, "fieldset");
        for (String tag : new String[] {"object", "embed", "footer", "link", "aside"}) {
            remove(article, tag);
        }
        for (Element child : article.children()) {
            Element end = Dom.next(child, true);
            Element n = Dom.next(child, false);
            while (n != null && n != end) {
                if (SHARE.matcher(n.className() + " " + n.id()).find()
                        && Dom.textLength(n) < ArticleFinder.CHAR_THRESHOLD) {
                    n = Dom.removeAndNext(n);
                } else {
                    n = Dom.next(n, false);
                }
            }
        }
        for (String tag : new String[] {"iframe", "input", "textarea", "select", "button"}) {
            remove(article, tag);
        }
        for (Element h : Dom.descendants(article, "h1", "h2")) {
            if (weight(h) < 0) {
                h.remove();
            }
        }
        cleanConditionally(article, "table");
        cleanConditionally(article, "ul");
        cleanConditionally(article, "div");
        for (Element h1 : Dom.descendants(article, "h1")) {
            h1.tagName("h2");
        }
        List<Element> paragraphs = Dom.descendants(article, "p");
        for (int i = paragraphs.size() - 1; i >= 0; i--) {
            Element p = paragraphs.get(i);
            if (p.parent() != null && Dom.descendants(p, "img", "embed", "object", "iframe").isEmpty()
                    && Dom.textLength(p) == 0) {
                p.remove();
            }
        }
        for (Element br : Dom.descendants(article, "br")) {
            Node next = Dom.nextNonBlank(br.nextSibling());
            if (next instanceof Element && ((Element) next).normalName().equals("p")) {
                br.remove();
            }
        }
        for (Element table : Dom.descendants(article, "table")) {
            Element tbody = Dom.hasSingleChild(table, "tbody") ? table.child(0) : table;
            if (Dom.hasSingleChild(tbody, "tr")) {
                Element row = tbody.child(0);
                if (Dom.hasSingleChild(row, "td") && table.parent() != null) {
                    Element cell = row.child(0);
                    boolean phrasing = cell.childNodes().stream().allMatch(Dom::isPhrasing);
                    cell.tagName(phrasing ? "p" : "div");
                    table.replaceWith(cell);
                }
            }
        }
    }

    private int weight(Element e) {
        return flags.weightClasses() ? Dom.classWeight(e) : 0;
    }

    /** Removes every {@code tag} under the article, except embeds of known video players. */
    private static void remove(Element article, String tag) {
        boolean embed = tag.equals("object") || tag.equals("embed") || tag.equals("iframe");
        for (Element e : Dom.descendants(article, tag)) {
            if (embed && isVideo(e)) {
                continue;
            }
            e.remove();
        }
    }

    private static boolean isVideo(Element e) {
        for (Attribute a : e.attributes()) {
            if (VIDEOS.matcher(a.getValue()).find()) {
                return true;
            }
        }
        return e.normalName().equals("object") && VIDEOS.matcher(e.html()).find();
    }

    /** Tables of data (a caption, a header row, many cells) as opposed to tables used for layout. */
    private void markDataTables(Element root) {
        for (Element table : Dom.descendants(root, "table")) {
            if (table.attr("role").equals("presentation") || table.attr("datatable").equals("0")) {
                continue;
            }
            Element caption = table.getElementsByTag("caption").first();
            if (!table.attr("summary").isEmpty() || (caption != null && caption.childNodeSize() > 0)
                    || !Dom.descendants(table, "col", "colgroup", "tfoot", "thead", "th").isEmpty()) {
                dataTables.add(table);
                continue;
            }
            if (!Dom.descendants(table, "table").isEmpty()) {
                continue;
            }
            int rows = 0;
            int columns = 0;
            for (Element tr : table.getElementsByTag("tr")) {
                rows += Math.max(1, parseInt(tr.attr("rowspan")));
                int inRow = 0;
                for (Element td : tr.getElementsByTag("td")) {
                    inRow += Math.max(1, parseInt(td.attr("colspan")));
                }
                columns = Math.max(columns, inRow);
            }
            if (columns == 1 || rows == 1) {
                continue;
            }
            if (rows >= 10 || columns > 4 || rows * columns > 10) {
                dataTables.add(table);
            }
        }
    }

    private static int parseInt(String s) {
        try {
            return s.isEmpty() ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Images whose real source waits in data-src, data-srcset or the like get it as src / srcset. */
    private static void fixLazyImages(Element root) {
        for (Element e : Dom.descendants(root, "img", "picture", "figure")) {
            String src = e.attr("src");
            var b64 = B64_DATA_URL.matcher(src);
            if (b64.find()) {
                if (b64.group(1).equals("image/svg+xml")) {
                    continue;
                }
                boolean elsewhere = false;
                for (Attribute a : e.attributes()) {
                    if (!a.getKey().equals("src") && PagePrep.IMAGE_FILE.matcher(a.getValue()).find()) {
                        elsewhere = true;
                        break;
                    }
                }
                if (elsewhere && src.length() - b64.end() < 133) {
                    e.removeAttr("src"); // a tiny placeholder
                }
            }
            boolean hasSource = !e.attr("src").isEmpty()
                    || (!e.attr("srcset").isEmpty() && !e.attr("srcset").equals("null"));
            if (hasSource && !e.className().toLowerCase(java.util.Locale.ROOT).contains("lazy")) {
                continue;
            }
            for (Attribute a : e.attributes().asList()) {
                String key = a.getKey();
                if (key.equals("src") || key.equals("srcset") || key.equals("alt")) {
                    continue;
                }
                String copyTo = LAZY_SRCSET.matcher(a.getValue()).find() ? "srcset"
                        : LAZY_SRC.matcher(a.getValue()).find() ? "src" : null;
                if (copyTo == null) {
                    continue;
                }
                if (e.normalName().equals("img") || e.normalName().equals("picture")) {
                    e.attr(copyTo, a.getValue());
                } else if (Dom.descendants(e, "img", "picture").isEmpty()) {
                    e.appendElement("img").attr(copyTo, a.getValue());
                }
            }
        }
    }

    /** Removes each {@code tag} block that looks like furniture rather than text (Readability's rules). */
    private void cleanConditionally(Element root, String tag) {
        if (!flags.cleanConditionally()) {
            return;
        }
        List<Element> nodes = Dom.descendants(root, tag);
        textLengths.clear(); // the tree changed since the last pass
        censuses.clear();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Element node = nodes.get(i);
            if (node.parent() != null && shouldRemove(node, tag)) {
                for (Element a = node.parent(); a != null; a = a.parent()) {
                    textLengths.remove(a); // their text and what they hold shrink; nothing else changes
                    censuses.remove(a);
                }
                node.remove();
            }
        }
    }

    /**
     * Text lengths of this pass, by element: each block's density sums the lengths of the blocks
     * inside it, so without them a chain of n nested blocks cost n^3 (a second for 600 nested divs).
     */
    private final Map<Element, Integer> textLengths = new IdentityHashMap<>();

    /** What each block holds, by element, for this pass (see {@link BlockCensus}). */
    private final Map<Element, BlockCensus> censuses = new IdentityHashMap<>();

    /** What {@code block} holds: counted from its children's counts, each counted once per pass. */
    private BlockCensus census(Element block) {
        java.util.ArrayDeque<Element> todo = new java.util.ArrayDeque<>(); // no recursion: depth is the page's
        todo.push(block);
        while (!todo.isEmpty()) {
            Element e = todo.peek();
            if (censuses.containsKey(e)) {
                todo.pop();
                continue;
            }
            boolean ready = true;
            for (Element c = e.firstElementChild(); c != null; c = c.nextElementSibling()) {
                if (!censuses.containsKey(c)) {
                    todo.push(c);
                    ready = false;
                }
            }
            if (ready) {
                todo.pop();
                censuses.put(e, BlockCensus.of(e, censuses::get, this::textLength, dataTables::contains,
                        ArticleCleaner::isVideo));
            }
        }
        return censuses.get(block);
    }

    private boolean insideDataTable(Element e) {
        if (dataTables.isEmpty()) {
            return false;
        }
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (dataTables.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private int textLength(Element e) {
        Integer n = textLengths.get(e);
        if (n == null) {
            n = Dom.textLength(e);
            textLengths.put(e, n);
        }
        return n;
    }

    private boolean shouldRemove(Element node, String tag) {
        int weight = weight(node);
        if (weight >= 0 && Dom.commas(node, false) >= 10) {
            return false; // every rule before the comma count only ever keeps a block
        }
        if (tag.equals("table") && dataTables.contains(node)) {
            return false;
        }
        if (insideDataTable(node) || Dom.hasAncestor(node, "code", 3, null)) {
            return false;
        }
        BlockCensus inside = census(node);
        if (inside.dataTable) {
            return false;
        }
        if (weight < 0) {
            return true;
        }
        if (inside.video) {
            return false;
        }
        int length = textLength(node);
        boolean isList = tag.equals("ul") || tag.equals("ol")
                || (length > 0 && inside.listText / (double) length > 0.9);
        int p = inside.paragraphs;
        int img = inside.images;
        int li = inside.listItems - 100;
        int input = inside.inputs;
        int embeds = inside.embeds;
        String text = length <= 40 ? Dom.innerText(node) : "";
        if (AD_WORDS.matcher(text).matches() || LOADING_WORDS.matcher(text).matches()) {
            return true;
        }
        double headingDensity = length == 0 ? 0 : inside.headingText / (double) length;
        double linkDensity = length == 0 ? 0 : inside.linkText / length;
        double textDensity = length == 0 ? 0 : inside.textishText / (double) length;
        boolean inFigure = Dom.hasAncestor(node, "figure", 3, null);
        boolean remove = (!inFigure && img > 1 && p / (double) img < 0.5)
                || (!isList && li > p)
                || (input > p / 3)
                || (!isList && !inFigure && headingDensity < 0.9 && length < 25 && (img == 0 || img > 2)
                        && linkDensity > 0)
                || (!isList && weight < 25 && linkDensity > 0.2)
                || (weight >= 25 && linkDensity > 0.5)
                || ((embeds == 1 && length < 75) || embeds > 1)
                || (img == 0 && textDensity == 0);
        if (isList && remove) {
            for (Element child : node.children()) {
                if (child.childrenSize() > 1) {
                    return true;
                }
            }
            if (img == inside.listItems) {
                return false; // a list of images, one each
            }
        }
        return remove;
    }
}
