package dev.tidings.subs;

import dev.tidings.text.Sanitize;
import dev.tidings.text.XmlDoctype;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * OPML 1.0 and 2.0 import and OPML 2.0 export. Every {@code <outline>} with an {@code xmlUrl} is a
 * feed (name from {@code title}, else {@code text}); an outline without one is a folder whose text
 * becomes a tag of every feed inside it (outer folders first); OPML 2.0's {@code category}
 * (comma-separated) adds tags. Outlines whose xmlUrl is {@code exec:}, {@code filter:} or any other
 * non-http(s) source are refused with a problem: newsboat's import ran those through {@code sh -c},
 * Tidings never runs or reads them. A query feed is an outline with a {@code tidings:query}
 * attribute holding its rule (name from {@code title}/{@code text}), or, as newsboat's own
 * {@code query:} source, {@code xmlUrl="query:NAME:RULE"}; the export writes the first form. A
 * document declaring entities is refused whole; no DTD or external entity is ever loaded.
 */
public final class Opml {
    private Opml() {
    }

    /** Folders nested deeper than this make the whole file suspect. */
    static final int MAX_DEPTH = 100;

    private static final XMLInputFactory INPUT = newInputFactory();

    static XMLInputFactory newInputFactory() {
        return dev.tidings.text.SafeXml.inputFactory(MAX_DEPTH + 10, true, true);
    }

    // ---------------------------------------------------------------- import

    /**
     * The feeds in an OPML document. Refused outlines and duplicates become problems
     * ("feeds.opml:12: exec: sources are never run by Tidings; outline skipped").
     *
     * @throws SubsException "FILE:LINE: why" when the bytes are not well-formed OPML or declare entities
     */
    public static Subscriptions.Parsed parse(byte[] bytes, String fileName) {
        String file = Sanitize.line(fileName);
        refuseEntityDeclarations(bytes, file);
        List<Subscription> subs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<QueryFeed> queries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        XMLStreamReader r = null;
        try {
            r = INPUT.createXMLStreamReader(new ByteArrayInputStream(bytes));
            boolean root = true;
            boolean inBody = false;
            // one entry per open <outline>: the folder's tag, or FEED
            Deque<String> outlines = new ArrayDeque<>();
            int depth = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    if (XmlDoctype.declaresEntities(r.getText())) {
                        throw new SubsException(file + ":" + line(r.getLocation()) + ": refused: entity declarations");
                    }
                } else if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth > MAX_DEPTH) {
                        throw new SubsException(file + ":" + line(r.getLocation()) + ": nested deeper than "
                                + MAX_DEPTH + " elements; refused");
                    }
                    String local = r.getLocalName();
                    if (root) {
                        root = false;
                        if (!local.equalsIgnoreCase("opml")) {
                            throw new SubsException(file + ":" + line(r.getLocation()) + ": not an OPML document (root element <"
                                    + Subscriptions.show(local) + ">)");
                        }
                    } else if (local.equals("body") && depth == 2) {
                        inBody = true;
                    } else if (inBody && local.equals("outline")) {
                        outlines.push(outline(r, file, outlines, subs, problems, seen, queries));
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    String local = r.getLocalName();
                    if (inBody && local.equals("outline") && !outlines.isEmpty()) {
                        outlines.pop();
                    } else if (local.equals("body") && depth == 1) {
                        inBody = false;
                    }
                }
            }
            if (root) {
                throw new SubsException(file + ":1: empty document; not OPML");
            }
        } catch (XMLStreamException e) {
            throw new SubsException(file + ":" + line(e.getLocation()) + ": " + xmlMessage(e), e);
        } catch (RuntimeException e) {
            if (e instanceof SubsException) {
                throw e;
            }
            // some StAX failures (limits, odd encodings) surface unchecked
            throw new SubsException(file + ":" + line(r == null ? null : r.getLocation()) + ": "
                    + Subscriptions.show(e.getMessage() == null ? e.toString() : firstLine(e.getMessage())), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
        return new Subscriptions.Parsed(subs, problems, queries);
    }

    /** The namespace of the {@code tidings:query} attribute. */
    public static final String TIDINGS_NS = "https://tidings.dev/ns/opml";

    /** Pushed for a feed outline: its children (rare) are not inside a folder named after it. */
    private static final String FEED = "";

    /** Handles one {@code <outline>} start; returns what to push: the folder's tag, or {@link #FEED}. */
    private static String outline(XMLStreamReader r, String file, Deque<String> open, List<Subscription> subs,
            List<String> problems, Map<String, Integer> seen, List<QueryFeed> queries) {
        String xmlUrl = null;
        String query = null;
        String text = null;
        String title = null;
        String category = null;
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String a = r.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
            String v = r.getAttributeValue(i);
            switch (a) {
                case "xmlurl" -> xmlUrl = v;
                case "text" -> text = v;
                case "title" -> title = v;
                case "category" -> category = v;
                case "query" -> {
                    if (TIDINGS_NS.equals(r.getAttributeNamespace(i))) {
                        query = v;
                    }
                }
                default -> {
                    // htmlUrl, type, description, ...: not needed
                }
            }
        }
        int lineNo = line(r.getLocation());
        if (query != null || (xmlUrl != null && QueryFeed.isQuery(xmlUrl.strip()))) {
            List<String> tags = new ArrayList<>();
            open.descendingIterator().forEachRemaining(tags::add);
            if (category != null) {
                tags.addAll(List.of(category.split(",")));
            }
            String label = title != null && !title.isBlank() ? title : text;
            try {
                QueryFeed q = query != null ? new QueryFeed(label, query, tags) : QueryFeed.of(xmlUrl.strip(), tags);
                Integer first = seen.putIfAbsent("\u0000query:" + q.name().toLowerCase(Locale.ROOT), lineNo);
                if (first != null) {
                    problems.add(file + ":" + lineNo + ": a query feed named '" + Subscriptions.show(q.name())
                            + "' is already on line " + first + "; outline skipped");
                } else {
                    queries.add(q);
                }
            } catch (IllegalArgumentException e) {
                problems.add(file + ":" + lineNo + ": " + e.getMessage() + "; outline skipped");
            }
            return FEED;
        }
        if (xmlUrl == null || xmlUrl.isBlank()) {
            String folder = Sanitize.line(text != null && !text.isBlank() ? text : title);
            return folder;
        }
        String where = file + ":" + lineNo + ": ";
        String source = xmlUrl.strip();
        String refusal = SubscriptionLine.refusal(source);
        if (refusal != null) {
            problems.add(where + refusal + "; outline skipped");
            return FEED;
        }
        dev.tidings.text.UrlKeys.Stripped keyless = dev.tidings.text.UrlKeys.strip(source);
        if (keyless.hadKey()) {
            problems.add(where + SubscriptionLine.keyDropped(keyless.parameter()));
            source = keyless.url();
        }
        String name = Sanitize.line(title != null && !title.isBlank() ? title : text);
        if (name.equals(source)) {
            name = "";
        }
        List<String> tags = new ArrayList<>();
        for (var it = open.descendingIterator(); it.hasNext();) {
            String t = it.next();
            tags.add(t); // FEED and unnamed folders are "", dropped by Subscription
        }
        if (category != null) {
            for (String c : category.split(",")) {
                tags.add(c);
            }
        }
        Subscription sub = new Subscription(source, name, tags);
        Integer first = seen.putIfAbsent(Subscriptions.key(sub.url()), lineNo);
        if (first != null) {
            problems.add(where + "'" + Subscriptions.show(source) + "' is already on line " + first + "; outline skipped");
        } else {
            subs.add(sub);
        }
        return FEED;
    }

    /**
     * Refuses a document whose DOCTYPE declares entities before any parser sees it. Zero bytes are
     * skipped so a UTF-16 document is checked too.
     */
    static void refuseEntityDeclarations(byte[] bytes, String file) {
        byte[] narrow = new byte[bytes.length];
        int n = 0;
        for (byte b : bytes) {
            if (b != 0) {
                narrow[n++] = b;
            }
        }
        String text = new String(narrow, 0, n, StandardCharsets.ISO_8859_1);
        XmlDoctype.Refusal refusal = XmlDoctype.check(text, true);
        if (refusal != null) {
            throw new SubsException(file + ":" + lineAt(text, refusal.entityAt()) + ": refused: entity declarations"
                    + " (DOCTYPE on line " + lineAt(text, refusal.doctypeAt()) + "); nothing imported");
        }
    }

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int line(Location loc) {
        return loc == null || loc.getLineNumber() < 1 ? 1 : loc.getLineNumber();
    }

    /** The JDK's message without its "ParseError at [row,col]" prefix, one safe line. */
    private static String xmlMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? "malformed XML" : e.getMessage();
        int i = m.indexOf("Message: ");
        if (i >= 0) {
            m = m.substring(i + "Message: ".length());
        }
        return "malformed XML: " + Subscriptions.show(firstLine(m));
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }

    // ---------------------------------------------------------------- export

    /**
     * An OPML 2.0 document for {@code subs}: feeds grouped under one folder per first tag (folders in
     * the order their tag first appears, untagged feeds at top level in place), further tags in
     * {@code category}. {@link #parse} gives back the list in that grouped order, so a list already
     * grouped by first tag comes back equal. A comma inside a second or later tag cannot be
     * represented in {@code category} and becomes a space.
     */
    public static String write(List<Subscription> subs, String title) {
        return write(subs, List.of(), title);
    }

    /** As {@link #write(List, String)}, then one outline per query feed at the top level. */
    public static String write(List<Subscription> subs, List<QueryFeed> queries, String title) {
        String docTitle = Sanitize.line(title);
        if (docTitle.isEmpty()) {
            docTitle = "Tidings subscriptions";
        }
        Map<String, List<Subscription>> folders = new LinkedHashMap<>();
        for (Subscription s : subs) {
            if (!s.tags().isEmpty()) {
                folders.computeIfAbsent(s.tags().get(0), k -> new ArrayList<>()).add(s);
            }
        }
        return document(docTitle, w -> {
            for (Subscription s : subs) {
                if (s.tags().isEmpty()) {
                    writeFeed(w, s, "\n    ");
                    continue;
                }
                List<Subscription> group = folders.remove(s.tags().get(0));
                if (group == null) {
                    continue; // already written with its folder
                }
                w.writeCharacters("\n    ");
                w.writeStartElement("outline");
                w.writeAttribute("text", s.tags().get(0));
                w.writeAttribute("title", s.tags().get(0));
                for (Subscription g : group) {
                    writeFeed(w, g, "\n      ");
                }
                w.writeCharacters("\n    ");
                w.writeEndElement();
            }
            for (QueryFeed q : queries) {
                writeQuery(w, q);
            }
        });
    }

    private static void writeQuery(XMLStreamWriter w, QueryFeed q) throws XMLStreamException {
        w.writeCharacters("\n    ");
        w.writeEmptyElement("outline");
        w.writeNamespace("tidings", TIDINGS_NS);
        w.writeAttribute("text", q.name());
        w.writeAttribute("title", q.name());
        w.writeAttribute("type", "query");
        w.writeAttribute("tidings", TIDINGS_NS, "query", q.rule());
        if (!q.tags().isEmpty()) {
            List<String> tags = new ArrayList<>();
            for (String t : q.tags()) {
                tags.add(t.replace(',', ' '));
            }
            w.writeAttribute("category", String.join(",", tags));
        }
    }

    /** Writes a document's outlines (each on a line of its own, indented by four spaces). */
    public interface Outlines {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    /**
     * An OPML 2.0 document: a head with {@code title} (XML-safe text), then a body holding what
     * {@code outlines} writes. Shared by the subscriptions export and the collections export.
     */
    public static String document(String title, Outlines outlines) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("opml");
            w.writeAttribute("version", "2.0");
            w.writeCharacters("\n  ");
            w.writeStartElement("head");
            w.writeCharacters("\n    ");
            w.writeStartElement("title");
            w.writeCharacters(title);
            w.writeEndElement();
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n  ");
            w.writeStartElement("body");
            outlines.write(w);
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write OPML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void writeFeed(XMLStreamWriter w, Subscription s, String indent) throws XMLStreamException {
        String label = s.name().isEmpty() ? s.url() : s.name();
        w.writeCharacters(indent);
        w.writeEmptyElement("outline");
        w.writeAttribute("text", label);
        w.writeAttribute("title", label);
        w.writeAttribute("type", "rss");
        w.writeAttribute("xmlUrl", s.url());
        if (s.tags().size() > 1) {
            List<String> rest = new ArrayList<>();
            for (String t : s.tags().subList(1, s.tags().size())) {
                rest.add(t.replace(',', ' '));
            }
            w.writeAttribute("category", String.join(",", rest));
        }
    }
}
