package dev.tidings.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.tidings.model.Image;
import dev.tidings.model.Item;
import dev.tidings.model.SavedArticle;
import dev.tidings.text.Sanitize;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The collections file's bytes: read with Jackson's streaming parser (no data binding, so reading
 * 10,000 articles builds no objects for them), written by concatenating byte ranges.
 *
 * <ul>
 *   <li>{@link #parse} is the strict read: every token of the file, every member's type, duplicate
 *       keys, trailing tokens. Each article is kept as the byte range of its value; strings inside
 *       articles are checked, not decoded.</li>
 *   <li>{@link #index} is the quick read for the browser: the header (format, version,
 *       collections) strictly, the articles section only by a byte scan (balanced, no control
 *       bytes, unique keys). It returns null whenever anything looks unusual, and the caller then
 *       does the strict read, which reports the problem.</li>
 *   <li>{@link #serialize} writes the header with Jackson and copies each article's bytes.</li>
 * </ul>
 */
final class Wire {
    private Wire() {
    }

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                    .maxStringLength(64 * 1024 * 1024).maxNumberLength(64).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Data binding is only needed to write, and to keep unknown members: loaded on first use. */
    static final class Databind {
        private Databind() {
        }

        static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        /** One article on one line. */
        static final ObjectWriter COMPACT = MAPPER.writer();
    }

    static DefaultPrettyPrinter printer() {
        DefaultPrettyPrinter p = new DefaultPrettyPrinter();
        p.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        p.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        return p;
    }

    /** What is wrong with a file: the part of the message after the file's name. */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String what) {
            super(what, null, false, false);
        }
    }

    /** A member of the wrong type: reported as the wrong shape, with where it is. */
    private static final class Shape extends IOException {
        private static final long serialVersionUID = 1L;

        Shape(String what) {
            super(what);
        }
    }

    // ---------------------------------------------------------------- the strict read

    /**
     * Reads a whole file strictly. Articles equal byte for byte to one in {@code previous} keep
     * its view, so a re-read after another process saved one article builds one view, not 10,000.
     */
    static Dto.FileDto parse(byte[] b, Dto.FileDto previous) throws Bad {
        if (b.length == 0) {
            throw new Bad("is empty (0 bytes), perhaps cut short by a crash");
        }
        if (nul(b) >= 0) {
            // before Jackson sees it: NULs near the start make it guess UTF-16 or UTF-32 (issue #16)
            throw failed(b, "");
        }
        try (JsonParser p = FACTORY.createParser(b)) {
            return root(p, b, previous);
        } catch (Shape e) {
            throw failed(b, "does not have the shape of a collections file (" + e.getMessage() + ")");
        } catch (JsonProcessingException e) {
            throw failed(b, "is not valid JSON (" + where(e.getLocation()) + firstLine(e.getOriginalMessage()) + ")");
        } catch (CharConversionException e) {
            throw failed(b, "is not valid JSON (not UTF-8: " + firstLine(e.getMessage()) + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array
        }
    }

    /** NUL bytes (a crash or a disk error) are the likelier story than the parser's complaint. */
    private static Bad failed(byte[] b, String otherwise) {
        int nul = nul(b);
        return new Bad(nul >= 0 ? "contains NUL bytes from offset " + nul + " (a crash or disk error?)" : otherwise);
    }

    static int nul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Dto.FileDto root(JsonParser p, byte[] b, Dto.FileDto previous) throws IOException, Bad {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            end(p);
            throw new Bad("holds JSON null, not a collections file");
        }
        if (t != JsonToken.START_OBJECT) {
            throw shape(p, "expected a JSON object, found " + describe(t));
        }
        Dto.FileDto f = new Dto.FileDto();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "format" -> f.format = string(p, true);
                case "version" -> f.version = integer(p);
                case "collections" -> f.collections = collections(p);
                case "articles" -> f.articles = articles(p, b, previous);
                default -> f.put(name, tree(p));
            }
        }
        end(p);
        return f;
    }

    /** After the document: nothing but white space. */
    private static void end(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t != null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "Trailing token (of type " + t
                    + ") found after the document", p.currentTokenLocation());
        }
    }

    private static TreeMap<String, Dto.Article> articles(JsonParser p, byte[] b, Dto.FileDto previous)
            throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw shape(p, "\"articles\" must be an object, found " + describe(t));
        }
        TreeMap<String, Dto.Article> out = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                out.put(key, null); // reported by validate, naming the article
                continue;
            }
            if (t != JsonToken.START_OBJECT) {
                throw shape(p, "article '" + Sanitize.line(key) + "' must be an object, found " + describe(t));
            }
            JsonLocation start = p.currentTokenLocation();
            article(p, Mode.CHECK);
            JsonLocation end = p.currentLocation();
            int from = (int) start.getByteOffset();
            int to = (int) end.getByteOffset();
            if (from < 0 || to > b.length || b[from] != '{' || b[to - 1] != '}') {
                throw new IllegalStateException("article '" + key + "' not found at bytes " + from + "-" + to);
            }
            out.put(key, kept(key, b, from, to - from, start.getLineNr() != end.getLineNr(), previous));
        }
        return out;
    }

    /** An article read from the file, its view carried over from an equal one read before. */
    private static Dto.Article kept(String key, byte[] b, int from, int len, boolean multiline,
            Dto.FileDto previous) {
        byte[] src = b;
        if (multiline) { // edited by hand: one line again, so a save keeps one article per line
            src = compact(b, from, len);
            from = 0;
            len = src.length;
        }
        Dto.Article old = previous == null || previous.articles == null ? null : previous.articles.get(key);
        SavedArticle view = old != null && old.sameBytes(src, from, len) ? old.viewIfBuilt() : null;
        return new Dto.Article(key, src, from, len, view);
    }

    /** The JSON in {@code b[from, from + len)} without the white space between tokens. */
    static byte[] compact(byte[] b, int from, int len) {
        byte[] out = new byte[len];
        int n = 0;
        boolean inString = false;
        for (int i = from, end = from + len; i < end; i++) {
            byte c = b[i];
            if (inString) {
                out[n++] = c;
                if (c == '\\') {
                    out[n++] = b[++i];
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out[n++] = c;
            } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                out[n++] = c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private enum Mode {
        /** Check every type, decode nothing. */
        CHECK,
        /** Build the known members. */
        BUILD,
        /** Build them and keep the unknown ones too (before a change is written). */
        EXTRAS
    }

    /** One article's JSON, parsed again: known members, and unknown ones when {@code extras}. */
    static Dto.ArticleDto article(byte[] src, int from, int len, boolean extras) {
        try (JsonParser p = FACTORY.createParser(src, from, len)) {
            p.nextToken();
            return article(p, extras ? Mode.EXTRAS : Mode.BUILD);
        } catch (IOException e) {
            // these bytes passed the same checks when the file was read
            throw new IllegalStateException("a saved article no longer parses: " + e.getMessage(), e);
        }
    }

    /** The parser is on the article's START_OBJECT; leaves it on its END_OBJECT. */
    private static Dto.ArticleDto article(JsonParser p, Mode mode) throws IOException {
        boolean build = mode != Mode.CHECK;
        Dto.ArticleDto a = build ? new Dto.ArticleDto() : null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "id" -> {
                    String s = string(p, build);
                    if (build) {
                        a.id = s;
                    }
                }
                case "title" -> {
                    String s = string(p, build);
                    if (build) {
                        a.title = s;
                    }
                }
                case "link" -> {
                    String s = string(p, build);
                    if (build) {
                        a.link = s;
                    }
                }
                case "feedTitle" -> {
                    String s = string(p, build);
                    if (build) {
                        a.feedTitle = s;
                    }
                }
                case "feedUrl" -> {
                    String s = string(p, build);
                    if (build) {
                        a.feedUrl = s;
                    }
                }
                case "authors" -> {
                    List<String> l = strings(p, build);
                    if (build) {
                        a.authors = l;
                    }
                }
                case "categories" -> {
                    List<String> l = strings(p, build);
                    if (build) {
                        a.categories = l;
                    }
                }
                case "published" -> {
                    String s = string(p, build);
                    if (build) {
                        a.published = s;
                    }
                }
                case "updated" -> {
                    String s = string(p, build);
                    if (build) {
                        a.updated = s;
                    }
                }
                case "savedAt" -> {
                    String s = string(p, build);
                    if (build) {
                        a.savedAt = s;
                    }
                }
                case "images" -> {
                    List<Dto.ImageDto> l = images(p, mode);
                    if (build) {
                        a.images = l;
                    }
                }
                case "html" -> {
                    String s = string(p, build);
                    if (build) {
                        a.html = s;
                    }
                }
                default -> {
                    if (mode == Mode.EXTRAS) {
                        a.put(name, tree(p));
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }
        return a;
    }

    private static List<Dto.ImageDto> images(JsonParser p, Mode mode) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            throw shape(p, "\"images\" must be an array, found " + describe(t));
        }
        boolean build = mode != Mode.CHECK;
        List<Dto.ImageDto> out = build ? new ArrayList<>() : null;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            Dto.ImageDto img = null;
            if (t == JsonToken.START_OBJECT) {
                img = build ? new Dto.ImageDto() : null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "url" -> {
                            String s = string(p, build);
                            if (build) {
                                img.url = s;
                            }
                        }
                        case "caption" -> {
                            String s = string(p, build);
                            if (build) {
                                img.caption = s;
                            }
                        }
                        case "credit" -> {
                            String s = string(p, build);
                            if (build) {
                                img.credit = s;
                            }
                        }
                        default -> {
                            if (mode == Mode.EXTRAS) {
                                img.put(name, tree(p));
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                }
            } else if (t != JsonToken.VALUE_NULL) {
                throw shape(p, "an image must be an object, found " + describe(t));
            }
            if (build) {
                out.add(img);
            }
        }
        return out;
    }

    private static List<Dto.CollectionDto> collections(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            throw shape(p, "\"collections\" must be an array, found " + describe(t));
        }
        List<Dto.CollectionDto> out = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.VALUE_NULL) {
                out.add(null); // reported by validate
                continue;
            }
            if (t != JsonToken.START_OBJECT) {
                throw shape(p, "a collection must be an object, found " + describe(t));
            }
            Dto.CollectionDto c = new Dto.CollectionDto();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "name" -> c.name = string(p, true);
                    case "created" -> c.created = string(p, true);
                    case "articles" -> c.articles = strings(p, true);
                    default -> c.put(name, tree(p));
                }
            }
            out.add(c);
        }
        return out;
    }

    /**
     * A string member: as data binding took it, numbers and booleans become their text, null is
     * null, an object or array is the wrong shape. Not decoded unless {@code build}.
     */
    private static String string(JsonParser p, boolean build) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING) {
            return build ? p.getText() : null;
        }
        if (t.isScalarValue()) {
            return p.getText();
        }
        throw shape(p, "expected a string for \"" + p.currentName() + "\", found " + describe(t));
    }

    private static List<String> strings(JsonParser p, boolean build) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            throw shape(p, "expected an array of strings for \"" + p.currentName() + "\", found " + describe(t));
        }
        List<String> out = build ? new ArrayList<>() : null;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String s = string(p, build);
            if (build) {
                out.add(s);
            }
        }
        return out;
    }

    private static Integer integer(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        throw shape(p, "expected a whole number for \"" + p.currentName() + "\", found " + describe(t));
    }

    private static JsonNode tree(JsonParser p) throws IOException {
        JsonNode n = Databind.MAPPER.readTree(p);
        return n == null ? NullNode.getInstance() : n;
    }

    private static Shape shape(JsonParser p, String what) {
        return new Shape(where(p.currentTokenLocation()) + what);
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    static String where(JsonLocation l) {
        if (l == null || l.getLineNr() < 0) {
            return "";
        }
        return "line " + l.getLineNr() + ", column " + l.getColumnNr() + ": ";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        int nl = s.indexOf('\n');
        return Sanitize.line(nl >= 0 ? s.substring(0, nl) : s);
    }

    // ---------------------------------------------------------------- the quick read

    /**
     * The header of a file (format, version, collections) read strictly, and the keys of its
     * articles found by a byte scan that checks the articles section is balanced, has no NUL or
     * other control bytes and no key twice. Null when the file does not have the layout Tidings
     * writes (articles after collections, nothing after articles) or anything at all looks wrong:
     * the caller then reads the file strictly, which reports the problem.
     */
    static Dto.FileDto index(byte[] b, Set<String> articleKeys) {
        if (b.length == 0) {
            return null;
        }
        try (JsonParser p = FACTORY.createParser(b)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Dto.FileDto f = new Dto.FileDto();
            while (true) {
                if (p.nextToken() != JsonToken.FIELD_NAME) {
                    return null; // no "articles"
                }
                String name = p.currentName();
                p.nextToken();
                if (name.equals("articles")) {
                    break;
                }
                switch (name) {
                    case "format" -> f.format = string(p, true);
                    case "version" -> f.version = integer(p);
                    case "collections" -> f.collections = collections(p);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.START_OBJECT || f.collections == null) {
                return null;
            }
            int end = scanArticles(b, (int) p.currentTokenLocation().getByteOffset(), articleKeys);
            if (end < 0) {
                return null;
            }
            // nothing after the articles but the end of the document
            int i = skipSpace(b, end);
            if (i >= b.length || b[i] != '}') {
                return null;
            }
            return skipSpace(b, i + 1) == b.length ? f : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int skipSpace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * Scans the articles object starting at {@code b[start] == '{'}: each member a key and an
     * object, nesting balanced, strings closed, no control byte in a string and none but white
     * space outside. Adds the keys; returns the index after the closing brace, or -1.
     */
    static int scanArticles(byte[] b, int start, Set<String> keys) {
        int n = b.length;
        int i = skipSpace(b, start + 1);
        if (i < n && b[i] == '}') {
            return i + 1;
        }
        while (true) {
            if (i >= n || b[i] != '"') {
                return -1;
            }
            int close = endOfString(b, i);
            if (close < 0) {
                return -1;
            }
            String key = key(b, i, close);
            if (key == null || !keys.add(key)) {
                return -1;
            }
            i = skipSpace(b, close + 1);
            if (i >= n || b[i] != ':') {
                return -1;
            }
            i = skipSpace(b, i + 1);
            if (i >= n || b[i] != '{') {
                return -1;
            }
            i = endOfValue(b, i);
            if (i < 0) {
                return -1;
            }
            i = skipSpace(b, i);
            if (i >= n) {
                return -1;
            }
            if (b[i] == '}') {
                return i + 1;
            }
            if (b[i] != ',') {
                return -1;
            }
            i = skipSpace(b, i + 1);
        }
    }

    /** {@code b[open] == '"'}: the index of the closing quote, or -1. */
    private static int endOfString(byte[] b, int open) {
        for (int i = open + 1, n = b.length; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                i++;
            } else if (c < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    /** An object or array at {@code b[open]}: the index after its end, or -1. */
    private static int endOfValue(byte[] b, int open) {
        int depth = 0;
        for (int i = open, n = b.length; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == '"') {
                i = endOfString(b, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '{' || c == '[') {
                if (++depth > 60) {
                    return -1;
                }
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    return i + 1;
                }
            } else if (c < 0x20 && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return -1;
            }
        }
        return -1;
    }

    /** The key quoted at {@code b[open, close]}; null when it cannot be decoded. */
    private static String key(byte[] b, int open, int close) {
        for (int i = open + 1; i < close; i++) {
            if (b[i] == '\\' || b[i] < 0) {
                try (JsonParser p = FACTORY.createParser(b, open, close - open + 1)) {
                    return p.nextToken() == JsonToken.VALUE_STRING ? p.getText() : null;
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return new String(b, open + 1, close - open - 1, StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------- writing

    /**
     * An article's value as one line of JSON: built as a Java string and then encoded, as the
     * previous code did (a UTF-8 generator would write an emoji as two {@code \\u} escapes).
     */
    static byte[] oneLine(Dto.ArticleDto a) {
        try {
            return Databind.COMPACT.writeValueAsString(a).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key as a quoted JSON string, escaped exactly as the generator writing the file escapes it. */
    static byte[] quote(String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(key.length() + 8);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeString(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final byte[] ENTRY = "\n    ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COLON = " : ".getBytes(StandardCharsets.US_ASCII);

    /**
     * The file: pretty-printed by Jackson, except that each article is its one line of JSON,
     * copied. Built into one array of the exact size.
     */
    static byte[] serialize(Dto.FileDto f) throws IOException {
        // Jackson writes everything but the articles; a raw NUL (never otherwise in its output,
        // which escapes control characters) marks where they go
        ByteArrayOutputStream frame = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator g = Databind.MAPPER.getFactory().createGenerator(frame)) {
            g.setCodec(Databind.MAPPER);
            g.setPrettyPrinter(printer());
            g.writeStartObject();
            g.writeStringField("format", f.format == null ? Dto.FORMAT : f.format);
            g.writeNumberField("version", f.version);
            g.writeFieldName("collections");
            g.writeObject(f.collections);
            g.writeFieldName("articles");
            g.writeRawValue("\u0000");
            for (Map.Entry<String, JsonNode> x : f.extra().entrySet()) {
                g.writeFieldName(x.getKey());
                g.writeTree(x.getValue());
            }
            g.writeEndObject();
        }
        frame.write('\n');
        byte[] outer = frame.toByteArray();
        int mark = nul(outer);

        // the mark becomes "{", the entries separated by ",", then " }" or "\n  }"
        long size = outer.length + (f.articles.isEmpty() ? 2 : 4 + (f.articles.size() - 1));
        for (Dto.Article a : f.articles.values()) {
            size += ENTRY.length + a.keyJson().length + COLON.length + a.length();
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("the collections file would be larger than 2 GB");
        }
        byte[] out = new byte[(int) size];
        System.arraycopy(outer, 0, out, 0, mark);
        int at = mark;
        out[at++] = '{';
        boolean first = true;
        for (Dto.Article a : f.articles.values()) {
            if (!first) {
                out[at++] = ',';
            }
            first = false;
            at = put(out, at, ENTRY);
            at = put(out, at, a.keyJson());
            at = put(out, at, COLON);
            a.copyTo(out, at);
            at += a.length();
        }
        if (f.articles.isEmpty()) {
            out[at++] = ' ';
        } else {
            out[at++] = '\n';
            out[at++] = ' ';
            out[at++] = ' ';
        }
        out[at++] = '}';
        System.arraycopy(outer, mark + 1, out, at, outer.length - mark - 1);
        at += outer.length - mark - 1;
        if (at != out.length) {
            throw new IllegalStateException("collections file: wrote " + at + " of " + out.length + " bytes");
        }
        return out;
    }

    private static int put(byte[] out, int at, byte[] piece) {
        System.arraycopy(piece, 0, out, at, piece.length);
        return at + piece.length;
    }

    // ---------------------------------------------------------------- the model view

    static SavedArticle toArticle(String key, Dto.ArticleDto a) {
        List<Image> images = new ArrayList<>();
        if (a.images != null) {
            for (Dto.ImageDto i : a.images) {
                if (i != null) {
                    images.add(new Image(Sanitize.line(i.url), Sanitize.line(i.caption), Sanitize.line(i.credit)));
                }
            }
        }
        String id = a.id == null || Sanitize.line(a.id).isEmpty() ? key : a.id;
        Item item = new Item(Sanitize.line(id), Sanitize.line(a.title), Sanitize.line(a.link), instant(a.published),
                instant(a.updated), lines(a.authors), lines(a.categories), "", Sanitize.body(a.html), List.of(),
                images);
        return new SavedArticle(key, item, Sanitize.line(a.feedTitle), Sanitize.line(a.feedUrl), instant(a.savedAt));
    }

    private static List<String> lines(List<String> in) {
        List<String> out = new ArrayList<>();
        if (in != null) {
            for (String s : in) {
                if (s != null && !Sanitize.line(s).isEmpty()) {
                    out.add(Sanitize.line(s));
                }
            }
        }
        return out;
    }

    static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
