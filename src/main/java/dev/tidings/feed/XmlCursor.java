package dev.tidings.feed;

import dev.tidings.text.Urls;
import java.net.URI;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.nodes.Entities;

/**
 * A StAX reader that owns the element depth and the {@code xml:base} in scope, so the format
 * readers never count levels themselves. {@link #depth()} is always the depth of the element the
 * current event belongs to: the element just started, the element just ended (its end is undone on
 * the next step), or the element around the text. Every walk is one of three shapes:
 *
 * <pre>{@code
 * while (cur.nextChild()) { ...read or skip the child... }   // the children of the current element
 * int level = cur.depth();
 * while (cur.stepWithin(level)) { ...any event inside... }    // everything inside, to its end
 * cur.skip();  cur.text();                                   // the whole element, consumed
 * }</pre>
 *
 * Elements nest at most {@value #MAX_DEPTH} deep; deeper is a {@link FeedException}.
 */
final class XmlCursor {
    static final int MAX_DEPTH = 256;

    private static final String NS_XML = XMLConstants.XML_NS_URI;
    static final String NS_ATOM10 = "http://www.w3.org/2005/Atom";
    static final String NS_ATOM03 = "http://purl.org/atom/ns#";
    private static final String NS_RSS10 = "http://purl.org/rss/1.0/";
    private static final String NS_RSS090 = "http://my.netscape.com/rdf/simple/0.9/";
    private static final String NS_USERLAND = "http://backend.userland.com/rss";
    private static final String NS_CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String NS_DC = "http://purl.org/dc/elements/1.1/";
    private static final String NS_DCTERMS = "http://purl.org/dc/terms/";
    private static final String NS_MEDIA = "http://search.yahoo.com/mrss";
    private static final String NS_ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    static final String NS_XHTML = "http://www.w3.org/1999/xhtml";

    private final XMLStreamReader r;
    private final URI[] bases = new URI[MAX_DEPTH + 2];
    private int depth;
    /** The current event is an END_ELEMENT whose level is left on the next step. */
    private boolean leaving;
    private int event = -1;
    /** Inside an Atom document: unqualified names are foreign, Atom names are bare. */
    private boolean atom;

    XmlCursor(XMLStreamReader r, URI base) {
        this.r = r;
        this.bases[0] = base;
    }

    /** The reader, for the current event's attributes, name and text. */
    XMLStreamReader reader() {
        return r;
    }

    int depth() {
        return depth;
    }

    int event() {
        return event;
    }

    void atom(boolean atom) {
        this.atom = atom;
    }

    /** The base URI in scope for the current element (its own {@code xml:base} included). */
    URI base() {
        return bases[depth];
    }

    /** One event further, depth and base kept. */
    int step() throws XMLStreamException, FeedException {
        if (leaving) {
            depth--;
            leaving = false;
        }
        if (!r.hasNext()) {
            throw new FeedException("not a valid feed: the document ends before its elements are closed");
        }
        event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
            enter();
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            leaving = true;
        }
        return event;
    }

    /** Before the root: the next event, or -1 at the end of an empty document (DTD events included). */
    int stepProlog() throws XMLStreamException, FeedException {
        if (!r.hasNext()) {
            return -1;
        }
        return step();
    }

    /**
     * One event further inside the element at {@code level}; false on that element's own end.
     */
    boolean stepWithin(int level) throws XMLStreamException, FeedException {
        return !(step() == XMLStreamConstants.END_ELEMENT && depth == level);
    }

    /**
     * Advances to the next child element of the current element: true positioned on the child's
     * start, false on the current element's end. Text between children is passed over.
     */
    boolean nextChild() throws XMLStreamException, FeedException {
        int level = leaving ? depth - 1 : depth; // on a child's end: the child is over, its parent is current
        while (stepWithin(level)) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /** Skips the current element and everything inside it. */
    void skip() throws XMLStreamException, FeedException {
        int level = depth;
        while (stepWithin(level)) {
            // nothing kept
        }
    }

    /** The text inside the current element (child tags dropped, their text kept), then past its end. */
    String text() throws XMLStreamException, FeedException {
        int level = depth;
        StringBuilder sb = null;
        String single = null;
        while (stepWithin(level)) {
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
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
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> {
                    if (sb == null) {
                        sb = new StringBuilder(single == null ? "" : single);
                    }
                    sb.append(entity(r.getLocalName()));
                }
                default -> {
                    // child tags: their text is kept, the tags are not
                }
            }
        }
        return sb != null ? sb.toString() : single == null ? "" : single;
    }

    /** An attribute of the current element by local name, in no namespace first (rdf:about and friends next). */
    String attr(String local) {
        String v = r.getAttributeValue(null, local);
        if (v == null) {
            for (int i = 0; i < r.getAttributeCount(); i++) {
                if (r.getAttributeLocalName(i).equals(local)) {
                    return r.getAttributeValue(i);
                }
            }
        }
        return v;
    }

    String localName() {
        return r.getLocalName();
    }

    String namespace() {
        String ns = r.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    /** Short name of the current element: "title", "dc:creator", "media:content", "atom:link"... */
    String key() {
        String ns = namespace();
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
        if (ns.equals(NS_ITUNES)) {
            return "itunes:" + local;
        }
        return "?:" + local;
    }

    /** An entity reference the parser did not resolve: HTML named entities, else the literal text. */
    static String entity(String name) {
        String v = Entities.getByName(name);
        return v == null || v.isEmpty() ? "&" + name + ";" : v;
    }

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
}
