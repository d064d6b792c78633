package dev.tidings.feed;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns the inside of an XML element back into HTML text: Atom's inline XHTML content, markup
 * that a publisher left unescaped in an RSS description, and the escaped HTML of the rest.
 * Event handlers ({@code on...}) are dropped, void elements get no end tag, and text stops
 * accumulating past {@link FieldCaps#MAX_READ} (the body cap cuts there anyway).
 */
final class XhtmlWriter {
    private XhtmlWriter() {
    }

    /**
     * The children of the current element serialized as HTML; Atom's wrapping
     * {@code <div xmlns="http://www.w3.org/1999/xhtml">} is not content and is left out.
     */
    static String markup(XmlCursor cur) throws XMLStreamException, FeedException {
        XMLStreamReader r = cur.reader();
        int level = cur.depth();
        StringBuilder sb = new StringBuilder();
        int wrapperDepth = -1;
        while (cur.stepWithin(level)) {
            switch (cur.event()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (sb.length() < FieldCaps.MAX_READ) {
                        escapeText(sb, r.getText());
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> escapeText(sb, XmlCursor.entity(r.getLocalName()));
                case XMLStreamConstants.START_ELEMENT -> {
                    if (cur.depth() == level + 1 && sb.toString().isBlank() && r.getLocalName().equals("div")
                            && XmlCursor.NS_XHTML.equals(cur.namespace())) {
                        wrapperDepth = cur.depth();
                    } else {
                        startTag(sb, r);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (cur.depth() == wrapperDepth) {
                        wrapperDepth = -1;
                    } else {
                        endTag(sb, r.getLocalName());
                    }
                }
                default -> {
                    // comments, processing instructions: not content
                }
            }
        }
        return sb.toString();
    }

    /**
     * An element's body as HTML: character data kept as the feed wrote it when {@code escapedHtml}
     * (RSS description, content:encoded, Atom type="html"), else escaped; nested elements serialized.
     */
    static String htmlBody(XmlCursor cur, boolean escapedHtml) throws XMLStreamException, FeedException {
        XMLStreamReader r = cur.reader();
        int level = cur.depth();
        StringBuilder sb = new StringBuilder();
        while (cur.stepWithin(level)) {
            switch (cur.event()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (sb.length() < FieldCaps.MAX_READ) {
                        if (escapedHtml) {
                            sb.append(r.getText());
                        } else {
                            escapeText(sb, r.getText());
                        }
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> {
                    String v = XmlCursor.entity(r.getLocalName());
                    if (escapedHtml) {
                        sb.append(v);
                    } else {
                        escapeText(sb, v);
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    // inline markup inside an escaped-HTML element: serialize it and go on
                    String local = r.getLocalName();
                    startTag(sb, r);
                    sb.append(markup(cur));
                    endTag(sb, local);
                }
                default -> {
                    // comments, processing instructions: not content
                }
            }
        }
        return sb.toString();
    }

    private static void startTag(StringBuilder sb, XMLStreamReader r) {
        sb.append('<').append(r.getLocalName());
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
    }

    private static void endTag(StringBuilder sb, String local) {
        if (!isVoid(local)) {
            sb.append("</").append(local).append('>');
        }
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
}
