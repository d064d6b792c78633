package dev.tidings.cli;

import dev.tidings.app.Headline;
import dev.tidings.model.SavedCollection;
import dev.tidings.model.Enclosure;
import dev.tidings.model.Item;
import dev.tidings.render.FigureHtml;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A collection as OPML (its links) or as an Atom 1.0 feed another reader can subscribe to. */
final class Exports {
    private Exports() {
    }

    static String opml(SavedCollection c, List<Headline> entries) {
        return dev.tidings.subs.Opml.document(xml(c.name()), w -> {
            for (Headline e : entries) {
                w.writeCharacters("\n    ");
                w.writeEmptyElement("outline");
                w.writeAttribute("type", "link");
                w.writeAttribute("text", xml(e.item().title().isEmpty() ? Urls.web(e.item().link()) : e.item().title()));
                if (Urls.isWeb(e.item().link())) {
                    w.writeAttribute("url", xml(e.item().link()));
                }
                if (e.item().date() != null) {
                    w.writeAttribute("created", e.item().date().toString());
                }
            }
        });
    }

    static String atom(SavedCollection c, List<Headline> entries, Instant now) {
        StringWriter sw = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(sw);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("feed");
            w.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            indent(w, 1);
            element(w, "title", c.name());
            indent(w, 1);
            element(w, "id", "urn:tidings:collection:" + hash(c.name().toLowerCase(java.util.Locale.ROOT)));
            indent(w, 1);
            Instant updated = c.created() != null ? c.created() : now;
            for (Headline e : entries) {
                Instant d = e.item().updated() != null ? e.item().updated() : e.item().published();
                if (d != null && d.isAfter(updated)) {
                    updated = d;
                }
            }
            element(w, "updated", updated.toString());
            indent(w, 1);
            w.writeStartElement("generator");
            w.writeAttribute("uri", "https://github.com/tidings-reader/tidings");
            w.writeCharacters("Tidings");
            w.writeEndElement();
            indent(w, 1);
            w.writeStartElement("author");
            element(w, "name", "Tidings collection");
            w.writeEndElement();
            for (Headline e : entries) {
                Item i = e.item();
                indent(w, 1);
                w.writeStartElement("entry");
                indent(w, 2);
                element(w, "title", i.title().isEmpty() ? "(untitled)" : i.title());
                indent(w, 2);
                element(w, "id", isUri(i.id()) ? i.id() : "urn:tidings:article:" + hash(i.id()));
                if (Urls.isWeb(i.link())) {
                    indent(w, 2);
                    w.writeEmptyElement("link");
                    w.writeAttribute("rel", "alternate");
                    w.writeAttribute("href", xml(i.link()));
                }
                for (Enclosure x : i.enclosures()) { // a podcast app can play the saved episode
                    if (Urls.isWeb(x.url())) {
                        indent(w, 2);
                        w.writeEmptyElement("link");
                        w.writeAttribute("rel", "enclosure");
                        w.writeAttribute("href", xml(x.url()));
                        if (!x.type().isEmpty()) {
                            w.writeAttribute("type", xml(x.type()));
                        }
                        if (x.length() >= 0) {
                            w.writeAttribute("length", Long.toString(x.length()));
                        }
                    }
                }
                Instant entryUpdated = i.updated() != null ? i.updated() : i.published() != null ? i.published() : updated;
                if (i.published() != null) {
                    indent(w, 2);
                    element(w, "published", i.published().toString());
                }
                indent(w, 2);
                element(w, "updated", entryUpdated.toString());
                for (String a : i.authors()) {
                    indent(w, 2);
                    w.writeStartElement("author");
                    element(w, "name", a);
                    w.writeEndElement();
                }
                for (String cat : i.categories()) {
                    indent(w, 2);
                    w.writeEmptyElement("category");
                    w.writeAttribute("term", xml(cat));
                }
                indent(w, 2);
                w.writeStartElement("content");
                w.writeAttribute("type", "html");
                // the lead picture a feed announced outside the body goes in front, with its caption
                w.writeCharacters(xml(Sanitize.body(FigureHtml.withLeadImage(i.bodyHtml(), Urls.base(i.link()),
                        i.images()))));
                w.writeEndElement();
                indent(w, 1);
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing Atom failed", e);
        }
        return sw.toString();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(xml(text));
        w.writeEndElement();
    }

    private static void indent(XMLStreamWriter w, int level) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(level));
    }

    /** Text XML 1.0 can carry: sanitized, and with the characters it forbids removed. */
    static String xml(String s) {
        String t = Sanitize.body(s);
        StringBuilder sb = new StringBuilder(t.length());
        t.codePoints().forEach(cp -> {
            if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                    || cp >= 0x10000) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static boolean isUri(String s) {
        return s.matches("(?i)(https?|urn|tag):\\S+");
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                sb.append(String.format("%02x", d[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
