package dev.tidings.feed;

import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.model.Item;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.io.Reader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.nodes.Entities;

/**
 * RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0/0.3 read in one streaming pass (StAX).
 *
 * <p>The factory is configured here, never left at the JDK's defaults: no DTD processing, no
 * external entities, no external DTD access. A DOCTYPE that declares entities (XXE, billion
 * laughs) is refused; a plain DOCTYPE naming an external DTD (old RSS 0.91) is tolerated and the DTD
 * is never fetched; HTML named entities such as {@code &nbsp;} are resolved from jsoup's table.
 * Elements nest at most {@value #MAX_DEPTH} deep.
 */
final class XmlFeedParser {
    static final int MAX_DEPTH = 256;

    private static final String NS_XML = XMLConstants.XML_NS_URI;
    private static final String NS_ATOM10 = "http://www.w3.org/2005/Atom";
    private static final String NS_ATOM03 = "http://purl.org/atom/ns#";
    private static final String NS_RSS10 = "http://purl.org/rss/1.0/";
    private static final String NS_RSS090 = "http://my.netscape.com/rdf/simple/0.9/";
    private static final String NS_USERLAND = "http://backend.userland.com/rss";
    private static final String NS_CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String NS_DC = "http://purl.org/dc/elements/1.1/";
    private static final String NS_DCTERMS = "http://purl.org/dc/terms/";
    private static final String NS_MEDIA = "http://search.yahoo.com/mrss";
    private static final String NS_XHTML = "http://www.w3.org/1999/xhtml";

    private static final XMLInputFactory FACTORY = newFactory();

    private final XMLStreamReader r;
    private final Detail detail;
    private final URI[] bases = new URI[MAX_DEPTH + 2];
    private int depth;
    private boolean atom;

    private XmlFeedParser(XMLStreamReader r, Detail detail, URI base) {
        this.r = r;
        this.detail = detail;
        this.bases[0] = base;
    }

    static XMLInputFactory newFactory() {
        return dev.tidings.text.SafeXml.inputFactory(MAX_DEPTH + 1, false, false);
    }

    static Feed parse(Reader in, Detail detail, URI base) throws FeedException {
        XMLStreamReader r;
        try {
            r = FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new FeedException("not a valid feed: " + xmlMessage(e));
        }
        try {
            return new XmlFeedParser(r, detail, base).document();
        } catch (XMLStreamException e) {
            throw new FeedException("not a valid feed: " + xmlMessage(e));
        } catch (RuntimeException e) {
            // the JDK's StAX wraps some well-formedness errors in runtime exceptions
            throw new FeedException("not a valid feed: " + Sanitize.line(String.valueOf(e.getMessage())));
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // closing a reader that failed
            }
        }
    }

    private static String xmlMessage(XMLStreamException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        // "ParseError at [row,col]:[3,5]\nMessage: ..." -> "line 3, column 5: ..."
        int m = msg.indexOf("Message: ");
        String text = m >= 0 ? msg.substring(m + 9) : msg;
        if (e.getLocation() != null && e.getLocation().getLineNumber() > 0) {
            return "XML error at line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber() + ": " + Sanitize.line(text);
        }
        return "XML error: " + Sanitize.line(text);
    }

    // ---------------------------------------------------------------- walking

    private Feed document() throws XMLStreamException, FeedException {
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.DTD) {
                checkDoctype(r.getText());
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                enter();
                return root();
            }
        }
        throw new FeedException("not a valid feed: the document is empty");
    }

    private static void checkDoctype(String doctype) throws FeedException {
        String d = doctype == null ? "" : doctype;
        if (d.contains("<!ENTITY") || d.contains("<!entity")) {
            throw new FeedException("refused: the feed declares XML entities in its DOCTYPE"
                    + " (XXE or billion-laughs attack)");
        }
    }

    private Feed root() throws XMLStreamException, FeedException {
        String name = r.getLocalName();
        String ns = nsOf();
        switch (name) {
            case "rss": {
                String v = r.getAttributeValue(null, "version");
                FeedFormat f = v != null && (v.startsWith("0.9")) ? FeedFormat.RSS_09X : FeedFormat.RSS_20;
                return rss(f);
            }
            case "RDF":
                return rss(FeedFormat.RSS_10);
            case "feed":
                atom = true;
                return atomFeed(NS_ATOM03.equals(ns) ? FeedFormat.ATOM_03 : FeedFormat.ATOM_10);
            default:
                throw new FeedException("not a feed: the document is XML but its root element is <"
                        + Sanitize.line(name) + ">, not <rss>, <rdf:RDF> or <feed>");
        }
    }

    private String nsOf() {
        String ns = r.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    /** Short name of the current element: "title", "dc:creator", "media:content", "atom:link"... */
    private String key() {
        String ns = nsOf();
        String local = r.getLocalName();
        if (ns.isEmpty() || ns.equals(NS_RSS10) || ns.equals(NS_RSS090) || ns.startsWith(NS_USERLAND)) {
            return atom ? "?:" + local : local;
        }
        if (ns.equals(NS_ATOM10) || ns.equals(NS_ATOM03)) {
            return atom ? local : "atom:" + local;
        }
        if (ns.equals(NS_CONTENT)) {
            return "content:" + local;
        }
        if (ns.equals(NS_DC) || ns.equals(NS_DCTERMS)) {
            return "dc:" + local;
        }
        if (ns.startsWith(NS_MEDIA)) {
            return "media:" + local;
        }
        return "?:" + local;
    }

    /** Call after a START_ELEMENT: tracks depth and xml:base. */
    private void enter() throws FeedException {
        depth++;
        if (depth > MAX_DEPTH) {
            throw new FeedException("not a valid feed: elements nest deeper than " + MAX_DEPTH + " levels");
        }
        URI parent = bases[depth - 1];
        String xmlBase = r.getAttributeValue(NS_XML, "base");
        if (xmlBase != null && !xmlBase.isBlank()) {
            URI resolved = Urls.base(Urls.resolve(parent, xmlBase));
            bases[depth] = resolved != null ? resolved : parent;
        } else {
            bases[depth] = parent;
        }
    }

    private URI base() {
        return bases[depth];
    }

    /**
     * Advances to the next child element of the current element. Returns true positioned on the
     * child's START_ELEMENT, false positioned on the current element's END_ELEMENT.
     */
    private boolean nextChild() throws XMLStreamException, FeedException {
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                enter();
                return true;
            }
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                return false;
            }
        }
        throw new FeedException("not a valid feed: the document ends before its elements are closed");
    }

    /** Skips the current element and everything inside it. */
    private void skip() throws XMLStreamException, FeedException {
        int target = depth - 1;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                enter();
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth == target) {
                    return;
                }
            }
        }
        throw new FeedException("not a valid feed: the document ends before its elements are closed");
    }

    /** The text inside the current element (child tags dropped, their text kept), then past its end. */
    private String text() throws XMLStreamException, FeedException {
        int target = depth - 1;
        StringBuilder sb = null;
        String single = null;
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE: {
                    String t = r.getText();
                    if (single == null && sb == null) {
                        single = t;
                    } else {
                        if (sb == null) {
                            sb = new StringBuilder(single);
                        }
                        if (sb.length() < FieldCaps.MAX_READ) { // past it the caps cut anyway
                            sb.append(t);
                        }
                    }
                    break;
                }
                case XMLStreamConstants.ENTITY_REFERENCE: {
                    if (sb == null) {
                        sb = new StringBuilder(single == null ? "" : single);
                    }
                    sb.append(entity(r.getLocalName()));
                    break;
                }
                case XMLStreamConstants.START_ELEMENT:
                    enter();
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    depth--;
                    if (depth == target) {
                        return sb != null ? sb.toString() : single == null ? "" : single;
                    }
                    break;
                default:
                    break;
            }
        }
        throw new FeedException("not a valid feed: the document ends before its elements are closed");
    }

    /** The children of the current element serialized as HTML (for Atom xhtml content and inline markup). */
    private String markup() throws XMLStreamException, FeedException {
        int target = depth - 1;
        StringBuilder sb = new StringBuilder();
        int skipWrapperDepth = -1;
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    if (sb.length() < FieldCaps.MAX_READ) { // past it the body cap cuts anyway
                        escapeText(sb, r.getText());
                    }
                    break;
                case XMLStreamConstants.ENTITY_REFERENCE:
                    escapeText(sb, entity(r.getLocalName()));
                    break;
                case XMLStreamConstants.START_ELEMENT: {
                    enter();
                    String local = r.getLocalName();
                    if (depth == target + 2 && sb.toString().isBlank() && local.equals("div")
                            && NS_XHTML.equals(nsOf())) {
                        skipWrapperDepth = depth; // Atom's xhtml wrapper div is not content
                        break;
                    }
                    sb.append('<').append(local);
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String an = r.getAttributeLocalName(i);
                        if (an.startsWith("on")) {
                            continue;
                        }
                        sb.append(' ').append(an).append("=\"");
                        escapeAttr(sb, r.getAttributeValue(i));
                        sb.append('"');
                    }
                    sb.append('>');
                    break;
                }
                case XMLStreamConstants.END_ELEMENT: {
                    if (depth == target + 1) {
                        depth--;
                        return sb.toString();
                    }
                    if (depth == skipWrapperDepth) {
                        skipWrapperDepth = -1;
                    } else {
                        String local = r.getLocalName();
                        if (!isVoid(local)) {
                            sb.append("</").append(local).append('>');
                        }
                    }
                    depth--;
                    break;
                }
                default:
                    break;
            }
        }
        throw new FeedException("not a valid feed: the document ends before its elements are closed");
    }

    private static boolean isVoid(String tag) {
        switch (tag) {
            case "img": case "br": case "hr": case "input": case "meta": case "link": case "source":
            case "area": case "base": case "col": case "embed": case "param": case "track": case "wbr":
                return true;
            default:
                return false;
        }
    }

    /** An entity reference the parser did not resolve: HTML named entities, else the literal text. */
    private static String entity(String name) {
        String v = Entities.getByName(name);
        return v == null || v.isEmpty() ? "&" + name + ";" : v;
    }

    static void escapeText(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                default: sb.append(c);
            }
        }
    }

    private static void escapeAttr(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '"': sb.append("&quot;"); break;
                default: sb.append(c);
            }
        }
    }

    /** An element's body as HTML: nested elements serialized, text kept as the feed wrote it. */
    private String htmlBody(boolean escapedHtml) throws XMLStreamException, FeedException {
        // Character data inside RSS description / content:encoded is HTML once XML-unescaped.
        // Child elements (unescaped XHTML inline in RSS) are serialized.
        int target = depth - 1;
        StringBuilder sb = new StringBuilder();
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    if (sb.length() >= FieldCaps.MAX_READ) {
                        break; // past it the body cap cuts anyway
                    }
                    if (escapedHtml) {
                        sb.append(r.getText());
                    } else {
                        escapeText(sb, r.getText());
                    }
                    break;
                case XMLStreamConstants.ENTITY_REFERENCE:
                    if (escapedHtml) {
                        sb.append(entity(r.getLocalName()));
                    } else {
                        escapeText(sb, entity(r.getLocalName()));
                    }
                    break;
                case XMLStreamConstants.START_ELEMENT: {
                    // inline markup inside an escaped-HTML element: serialize it and go on
                    String inner = markupOfCurrent();
                    sb.append(inner);
                    break;
                }
                case XMLStreamConstants.END_ELEMENT:
                    depth--;
                    if (depth == target) {
                        return sb.toString();
                    }
                    break;
                default:
                    break;
            }
        }
        throw new FeedException("not a valid feed: the document ends before its elements are closed");
    }

    /** Positioned on a START_ELEMENT (not yet entered): the element itself serialized. */
    private String markupOfCurrent() throws XMLStreamException, FeedException {
        enter();
        StringBuilder sb = new StringBuilder();
        String local = r.getLocalName();
        sb.append('<').append(local);
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String an = r.getAttributeLocalName(i);
            if (an.startsWith("on")) {
                continue;
            }
            sb.append(' ').append(an).append("=\"");
            escapeAttr(sb, r.getAttributeValue(i));
            sb.append('"');
        }
        sb.append('>');
        sb.append(markup());
        if (!isVoid(local)) {
            sb.append("</").append(local).append('>');
        }
        return sb.toString();
    }

    /** Plain text turned into HTML: escaped, blank lines become paragraphs, newlines line breaks. */
    static String plainToHtml(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(t.length() + 32);
        for (String para : t.split("\\r?\\n\\s*\\r?\\n")) {
            sb.append("<p>");
            escapeText(sb, para.strip());
            sb.append("</p>");
        }
        return sb.toString().replace("\n", "<br>");
    }

    /** RSS descriptions are usually HTML but sometimes plain text: decide by looking. */
    static String htmlOrPlain(String s) {
        for (int i = 0; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '<') {
                char n = s.charAt(i + 1);
                if (Character.isLetter(n) || n == '/' || n == '!') {
                    return s;
                }
            } else if (c == '&') {
                char n = s.charAt(i + 1);
                if (Character.isLetter(n) || n == '#') {
                    return s;
                }
            }
        }
        return plainToHtml(s);
    }

    /** A one-line field that may carry markup or escaped entities: reduced to plain text. */
    static String plainTitle(String s) {
        String t = s;
        if (t.indexOf('<') >= 0 && t.indexOf('>') > 0) {
            t = org.jsoup.Jsoup.parseBodyFragment(t).text();
        } else if (t.indexOf('&') >= 0) {
            t = org.jsoup.parser.Parser.unescapeEntities(t, false);
        }
        return Sanitize.line(t);
    }

    // ---------------------------------------------------------------- RSS

    private Feed rss(FeedFormat format) throws XMLStreamException, FeedException {
        FeedHeader h = new FeedHeader();
        List<Item> items = new ArrayList<>();
        while (nextChild()) {
            switch (key()) {
                case "channel":
                    rssChannel(h, items);
                    break;
                case "item":
                    items.add(rssItem());
                    break;
                case "image":
                    h.image = rssImage();
                    break;
                default:
                    skip();
            }
        }
        return h.build(format, items);
    }

    private void rssChannel(FeedHeader h, List<Item> items) throws XMLStreamException, FeedException {
        while (nextChild()) {
            switch (key()) {
                case "title":
                    h.title = plainTitle(text());
                    break;
                case "link":
                    h.link = Urls.resolve(base(), text());
                    break;
                case "description":
                    h.description = plainTitle(text());
                    break;
                case "image":
                    h.image = rssImage();
                    break;
                case "item":
                    items.add(rssItem());
                    break;
                default:
                    skip();
            }
        }
    }

    private String rssImage() throws XMLStreamException, FeedException {
        String url = "";
        String about = r.getAttributeValue(null, "about");
        while (nextChild()) {
            if (key().equals("url")) {
                url = Urls.resolve(base(), text());
            } else {
                skip();
            }
        }
        return url.isEmpty() && about != null ? Urls.resolve(base(), about) : url;
    }

    private Item rssItem() throws XMLStreamException, FeedException {
        ItemBuilder b = new ItemBuilder();
        String about = attr("about");
        if (about != null) {
            b.id = about;
        }
        boolean full = detail == Detail.FULL;
        while (nextChild()) {
            String k = key();
            switch (k) {
                case "title":
                case "dc:title":
                    if (b.title.isEmpty()) {
                        b.title = plainTitle(text());
                    } else {
                        skip();
                    }
                    break;
                case "link":
                    if (b.link.isEmpty()) {
                        b.link = Urls.resolve(base(), text());
                    } else {
                        skip();
                    }
                    break;
                case "atom:link":
                    atomLink(b);
                    break;
                case "guid": {
                    String perma = r.getAttributeValue(null, "isPermaLink");
                    b.idIsPermalink = perma == null || !perma.trim().equalsIgnoreCase("false");
                    String g = text().trim();
                    b.id = g; // as the feed wrote it: ids must not depend on where the feed was fetched
                    if (b.idIsPermalink) {
                        b.guidLink = Urls.resolve(base(), g);
                    }
                    break;
                }
                case "dc:identifier":
                    if (b.id.isEmpty()) {
                        b.id = text().trim();
                    } else {
                        skip();
                    }
                    break;
                case "pubDate":
                case "dc:date":
                case "dc:issued":
                case "dc:created":
                    if (b.published == null) {
                        b.published = Dates.parse(text());
                    } else {
                        skip();
                    }
                    break;
                case "atom:updated":
                case "dc:modified":
                case "lastBuildDate":
                    b.updated = Dates.parse(text());
                    break;
                case "author":
                    b.addAuthor(rssAuthor(text()));
                    break;
                case "dc:creator":
                case "dc:contributor":
                    b.addAuthor(plainTitle(text()));
                    break;
                case "category":
                case "dc:subject":
                    b.addCategory(plainTitle(text()));
                    break;
                case "enclosure":
                    enclosure(b, attr("url"), attr("type"), attr("length"));
                    skip();
                    break;
                case "description":
                    if (full) {
                        URI here = base();
                        b.summaryHtml = absolutize(htmlOrPlain(htmlBody(true)), here);
                    } else {
                        skip();
                    }
                    break;
                case "content:encoded":
                    if (full) {
                        URI here = base();
                        b.contentHtml = absolutize(htmlBody(true), here);
                    } else {
                        skip();
                    }
                    break;
                case "atom:summary":
                    if (full && b.summaryHtml.isEmpty()) {
                        b.summaryHtml = atomTextAsHtml();
                    } else {
                        skip();
                    }
                    break;
                case "atom:content":
                    if (full && b.contentHtml.isEmpty()) {
                        b.contentHtml = atomTextAsHtml();
                    } else {
                        skip();
                    }
                    break;
                default:
                    if (full && k.startsWith("media:")) {
                        media(b, k, true); // images are for the article view: headlines skip them
                    } else {
                        skip();
                    }
            }
        }
        return b.build();
    }

    private String attr(String local) {
        String v = r.getAttributeValue(null, local);
        if (v == null) {
            // rdf:about and friends
            for (int i = 0; i < r.getAttributeCount(); i++) {
                if (r.getAttributeLocalName(i).equals(local)) {
                    return r.getAttributeValue(i);
                }
            }
        }
        return v;
    }

    /** RSS author is an e-mail address, often "jane@example.org (Jane Doe)": keep the name. */
    private static String rssAuthor(String raw) {
        String s = plainTitle(raw);
        int open = s.indexOf('(');
        int close = s.lastIndexOf(')');
        if (open >= 0 && close > open) {
            String name = s.substring(open + 1, close).trim();
            if (!name.isEmpty()) {
                return name;
            }
        }
        return s;
    }

    private void enclosure(ItemBuilder b, String url, String type, String length) {
        if (url == null || url.isBlank()) {
            return;
        }
        String u = Urls.resolve(base(), url);
        long len = -1;
        if (length != null) {
            try {
                len = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                len = -1;
            }
        }
        b.addEnclosure(u, type, len);
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("image/")) {
            b.addImage(u, "", "");
        }
    }

    /** Media RSS: media:content, media:thumbnail, media:group, item-level description/title/credit. */
    private void media(ItemBuilder b, String k, boolean full) throws XMLStreamException, FeedException {
        MediaImages m = b.media;
        switch (k) {
            case "media:group": {
                MediaImages.Group g = new MediaImages.Group();
                while (nextChild()) {
                    switch (key()) {
                        case "media:content", "media:thumbnail" -> {
                            MediaImages.Media one = mediaObject(key());
                            if (one != null && g.media.size() < MediaImages.MAX) {
                                g.media.add(one);
                            }
                        }
                        case "media:description" -> g.caption = plainTitle(text());
                        case "media:title" -> g.title = plainTitle(text());
                        case "media:credit" -> g.credit = MediaImages.joinCredit(g.credit, plainTitle(text()));
                        default -> skip();
                    }
                }
                m.add(g);
                break;
            }
            case "media:content":
            case "media:thumbnail":
                m.add(mediaObject(k));
                break;
            case "media:description":
                m.caption = plainTitle(text());
                break;
            case "media:title":
                m.title = plainTitle(text());
                break;
            case "media:credit":
                m.credit = MediaImages.joinCredit(m.credit, plainTitle(text()));
                break;
            default:
                skip();
        }
    }

    /** The current media:content or media:thumbnail with its children, or null when not an image. */
    private MediaImages.Media mediaObject(String k) throws XMLStreamException, FeedException {
        String url = attr("url");
        String medium = attr("medium");
        String type = attr("type");
        boolean isDefault = "true".equalsIgnoreCase(String.valueOf(attr("isDefault")).strip());
        String caption = "";
        String credit = "";
        String title = "";
        while (nextChild()) {
            switch (key()) {
                case "media:description" -> caption = plainTitle(text());
                case "media:title" -> title = plainTitle(text());
                case "media:credit" -> credit = MediaImages.joinCredit(credit, plainTitle(text()));
                default -> skip();
            }
        }
        if (url == null || url.isBlank() || !isImage(url, medium, type, k)) {
            return null;
        }
        return new MediaImages.Media(k.equals("media:thumbnail"), Urls.resolve(base(), url), caption, title, credit,
                isDefault);
    }

    private static boolean isImage(String url, String medium, String type, String k) {
        if (k.equals("media:thumbnail")) {
            return true;
        }
        if (medium != null) {
            return medium.trim().equalsIgnoreCase("image");
        }
        if (type != null) {
            return type.toLowerCase(Locale.ROOT).startsWith("image/");
        }
        String u = url.toLowerCase(Locale.ROOT);
        int q = u.indexOf('?');
        if (q >= 0) {
            u = u.substring(0, q);
        }
        return u.endsWith(".jpg") || u.endsWith(".jpeg") || u.endsWith(".png") || u.endsWith(".gif")
                || u.endsWith(".webp") || u.endsWith(".avif");
    }

    // ---------------------------------------------------------------- Atom

    private Feed atomFeed(FeedFormat format) throws XMLStreamException, FeedException {
        FeedHeader h = new FeedHeader();
        List<Item> items = new ArrayList<>();
        while (nextChild()) {
            switch (key()) {
                case "title":
                    h.title = atomTextPlain();
                    break;
                case "link": {
                    String rel = attr("rel");
                    String href = attr("href");
                    if (href != null && (rel == null || rel.equals("alternate")) && h.link.isEmpty()) {
                        h.link = Urls.resolve(base(), href);
                    }
                    skip();
                    break;
                }
                case "subtitle":
                case "tagline":
                    h.description = atomTextPlain();
                    break;
                case "author":
                    while (nextChild()) {
                        if (key().equals("name")) {
                            String name = FieldCaps.line(plainTitle(text()));
                            if (!name.isEmpty()) {
                                h.authors.add(name);
                            }
                        } else {
                            skip();
                        }
                    }
                    break;
                case "logo":
                    h.image = Urls.resolve(base(), text());
                    break;
                case "icon":
                    if (h.image.isEmpty()) {
                        h.image = Urls.resolve(base(), text());
                    } else {
                        skip();
                    }
                    break;
                case "entry":
                    items.add(atomEntry());
                    break;
                default:
                    skip();
            }
        }
        return h.build(format, items);
    }

    private Item atomEntry() throws XMLStreamException, FeedException {
        ItemBuilder b = new ItemBuilder();
        boolean full = detail == Detail.FULL;
        while (nextChild()) {
            String k = key();
            switch (k) {
                case "id":
                    b.id = text().trim();
                    break;
                case "title":
                    b.title = atomTextPlain();
                    break;
                case "link":
                    atomLink(b);
                    break;
                case "published":
                case "issued":
                case "created":
                    if (b.published == null) {
                        b.published = Dates.parse(text());
                    } else {
                        skip();
                    }
                    break;
                case "updated":
                case "modified":
                    b.updated = Dates.parse(text());
                    break;
                case "author":
                case "contributor":
                    if (k.equals("author")) {
                        while (nextChild()) {
                            if (key().equals("name")) {
                                b.addAuthor(plainTitle(text()));
                            } else {
                                skip();
                            }
                        }
                    } else {
                        skip();
                    }
                    break;
                case "category": {
                    String term = attr("label");
                    if (term == null || term.isBlank()) {
                        term = attr("term");
                    }
                    if (term != null) {
                        b.addCategory(term);
                    }
                    skip();
                    break;
                }
                case "summary":
                    if (full) {
                        b.summaryHtml = atomTextAsHtml();
                    } else {
                        skip();
                    }
                    break;
                case "content": {
                    String src = attr("src");
                    if (src != null && !src.isBlank()) {
                        b.contentSrc = Urls.resolve(base(), src); // out-of-line content: a link of last resort
                    }
                    if (full) {
                        b.contentHtml = atomTextAsHtml();
                    } else {
                        skip();
                    }
                    break;
                }
                case "dc:creator":
                    b.addAuthor(plainTitle(text()));
                    break;
                case "dc:subject":
                    b.addCategory(plainTitle(text()));
                    break;
                default:
                    if (full && k.startsWith("media:")) {
                        media(b, k, true); // images are for the article view: headlines skip them
                    } else {
                        skip();
                    }
            }
        }
        return b.build();
    }

    private void atomLink(ItemBuilder b) throws XMLStreamException, FeedException {
        String rel = attr("rel");
        String href = attr("href");
        if (href != null) {
            if (rel == null || rel.isBlank() || rel.equals("alternate")) {
                if (b.link.isEmpty()) {
                    b.link = Urls.resolve(base(), href);
                }
            } else if (rel.equals("enclosure")) {
                enclosure(b, href, attr("type"), attr("length"));
            }
        }
        skip();
    }

    /** An Atom text construct as plain text (titles, subtitles). */
    private String atomTextPlain() throws XMLStreamException, FeedException {
        String type = attr("type");
        String mode = attr("mode");
        String t = type == null ? "text" : type.toLowerCase(Locale.ROOT);
        if (t.contains("xhtml") || "xml".equals(mode) && t.contains("html")) {
            return plainTitle(markup());
        }
        if (t.contains("html") || "escaped".equals(mode)) {
            return plainTitle(text());
        }
        return Sanitize.line(text());
    }

    private static final java.util.regex.Pattern RELATIVE_URL = java.util.regex.Pattern.compile(
            "(?i)\\b(?:href|src)\\s*=\\s*[\"']?(?![a-z][a-z0-9+.-]*:|#|[\"'])");

    /**
     * Relative href/src in a body made absolute against the xml:base in scope (else the feed's
     * URL), as feedparser does. Only bodies that have a relative URL pay for the HTML parse.
     */
    private String absolutize(String html, URI base) {
        if (base == null || html.isEmpty() || !RELATIVE_URL.matcher(html).find()) {
            return html;
        }
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        for (org.jsoup.nodes.Element e : doc.select("[href], [src]")) {
            for (String attr : new String[] {"href", "src"}) {
                if (e.hasAttr(attr)) {
                    String v = e.attr(attr);
                    if (!v.isBlank() && !v.startsWith("#")) {
                        e.attr(attr, Urls.resolve(base, v));
                    }
                }
            }
        }
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }

    /** An Atom text construct (summary, content) as HTML, relative URLs made absolute. */
    private String atomTextAsHtml() throws XMLStreamException, FeedException {
        URI here = base();
        return absolutize(atomTextAsHtmlRaw(), here);
    }

    private String atomTextAsHtmlRaw() throws XMLStreamException, FeedException {
        String type = attr("type");
        String mode = attr("mode");
        String t = type == null ? "text" : type.toLowerCase(Locale.ROOT);
        if (t.contains("xhtml") || ("xml".equals(mode) && !t.equals("text") && !t.equals("text/plain"))) {
            return markup();
        }
        if (t.contains("html") || "escaped".equals(mode)) {
            return htmlBody(true);
        }
        if ("base64".equals(mode)) {
            skip();
            return "";
        }
        return plainToHtml(text());
    }

    /** Feed-level fields gathered before the items are known. */
    private static final class FeedHeader {
        String title = "";
        String link = "";
        String description = "";
        String image = "";
        /** Feed-level authors: entries without their own inherit them (RFC 4287 4.2.1). */
        final List<String> authors = new ArrayList<>();

        Feed build(FeedFormat format, List<Item> items) {
            return FieldCaps.feed(format, title, link, description,
                    image, ItemBuilder.inheritAuthors(items, authors));
        }
    }
}
