package dev.tidings.text;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * StAX input factories safe for hostile XML (feeds, OPML files). The JDK's defaults would read a
 * DTD, expand entities and fetch external ones; these read no DTD, expand nothing, fetch nothing
 * (a resolver refuses every external load), and cap element depth.
 */
public final class SafeXml {
    private SafeXml() {
    }

    /**
     * A new factory: no DTD, no external entities or schemas, no entity expansion, namespace
     * aware, elements at most {@code maxDepth} deep (where the implementation supports the limit;
     * callers keep their own depth check).
     *
     * @param coalescing          text arrives as one event per text node
     * @param replaceEntityReferences false: an undeclared entity such as {@code &nbsp;} arrives as an
     *                            ENTITY_REFERENCE event for the caller to resolve
     */
    public static XMLInputFactory inputFactory(int maxDepth, boolean coalescing, boolean replaceEntityReferences) {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory(); // the JDK's own parser: no service lookup at start, and the one these limits are tested on
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, replaceEntityReferences);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, coalescing);
        trySet(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        trySet(f, "http://www.oracle.com/xml/jaxp/properties/maxElementDepth", maxDepth);
        trySet(f, "http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", 0);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("refusing to fetch " + systemId);
        });
        return f;
    }

    private static void trySet(XMLInputFactory f, String name, Object value) {
        try {
            f.setProperty(name, value);
        } catch (IllegalArgumentException e) {
            // a StAX implementation without this property: the caller's own checks still apply
        }
    }
}
