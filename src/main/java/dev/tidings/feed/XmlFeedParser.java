package dev.tidings.feed;

import dev.tidings.model.Feed;
import dev.tidings.model.FeedFormat;
import dev.tidings.text.Sanitize;
import dev.tidings.text.SafeXml;
import dev.tidings.text.XmlDoctype;
import java.io.Reader;
import java.net.URI;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0/0.3 read in one streaming pass (StAX): this class
 * opens the document, refuses entity declarations and picks the reader by the root element
 * ({@link RssReader}, {@link AtomReader}; both use {@link MediaRssReader} and {@link XhtmlWriter}
 * over one {@link XmlCursor}).
 *
 * <p>The factory is configured here, never left at the JDK's defaults ({@link SafeXml}): no DTD
 * processing, no external entities, no external DTD access. A DOCTYPE that declares entities
 * is refused ({@link XmlDoctype}); a plain DOCTYPE naming an external DTD (old RSS 0.91) is
 * tolerated and the DTD is never fetched; HTML named entities such as {@code &nbsp;} are resolved
 * from jsoup's table. Elements nest at most {@value #MAX_DEPTH} deep.
 */
final class XmlFeedParser {
    static final int MAX_DEPTH = XmlCursor.MAX_DEPTH;

    private static final String ENTITIES_REFUSED =
            "refused: the feed declares XML entities in its DOCTYPE (XXE or billion-laughs attack)";

    private static final XMLInputFactory FACTORY = newFactory();

    private XmlFeedParser() {
    }

    static XMLInputFactory newFactory() {
        return SafeXml.inputFactory(MAX_DEPTH + 1, false, false);
    }

    /**
     * Before any parser sees the document: refuses a DOCTYPE that declares entities.
     *
     * @param head     the start of the document, decoded leniently
     * @param complete true when {@code head} is the whole document
     */
    static void checkProlog(String head, boolean complete) throws FeedException {
        XmlDoctype.Refusal refusal = XmlDoctype.check(head, complete);
        if (refusal == null) {
            return;
        }
        switch (refusal.kind()) {
            case TOO_LARGE -> throw new FeedException("refused: the feed's DOCTYPE is larger than "
                    + head.length() / 1024 + " KB (entity declarations are not allowed)");
            case ENTITIES -> throw new FeedException(ENTITIES_REFUSED);
        }
    }

    static Feed parse(Reader in, Detail detail, URI base) throws FeedException {
        XMLStreamReader r;
        try {
            r = FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new FeedException("not a valid feed: " + xmlMessage(e));
        }
        try {
            return document(new XmlCursor(r, base), detail);
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

    private static Feed document(XmlCursor cur, Detail detail) throws XMLStreamException, FeedException {
        for (int ev = cur.stepProlog(); ev != -1; ev = cur.stepProlog()) {
            if (ev == XMLStreamConstants.DTD) {
                if (XmlDoctype.declaresEntities(cur.reader().getText())) {
                    throw new FeedException(ENTITIES_REFUSED);
                }
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                return root(cur, detail);
            }
        }
        throw new FeedException("not a valid feed: the document is empty");
    }

    private static Feed root(XmlCursor cur, Detail detail) throws XMLStreamException, FeedException {
        String name = cur.localName();
        switch (name) {
            case "rss": {
                String v = cur.reader().getAttributeValue(null, "version");
                FeedFormat f = v != null && v.startsWith("0.9") ? FeedFormat.RSS_09X : FeedFormat.RSS_20;
                return new RssReader(cur, detail).feed(f);
            }
            case "RDF":
                return new RssReader(cur, detail).feed(FeedFormat.RSS_10);
            case "feed":
                cur.atom(true);
                return new AtomReader(cur, detail).feed(
                        XmlCursor.NS_ATOM03.equals(cur.namespace()) ? FeedFormat.ATOM_03 : FeedFormat.ATOM_10);
            default:
                throw new FeedException("not a feed: the document is XML but its root element is <"
                        + Sanitize.line(name) + ">, not <rss>, <rdf:RDF> or <feed>");
        }
    }
}
