package dev.tidings.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.tidings.model.SavedArticle;
import dev.tidings.text.Sanitize;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The strict read of the collections file, with Jackson's streaming parser (no data binding, so
 * reading 10,000 articles builds no objects for them): every token of the file, every member's
 * type, duplicate keys, trailing tokens. Each article is kept as the byte range of its value;
 * strings inside articles are checked, not decoded.
 */
final class WireReader {
    private WireReader() {
    }

    /** What is wrong with a file: the part of the message after the file's name. */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String what) {
            super(what, null, false, false);
        }
    }

    /** A member of the wrong type: reported as the wrong shape, with where it is. */
    static final class Shape extends IOException {
        private static final long serialVersionUID = 1L;

        Shape(String what) {
            super(what);
        }
    }

    /** How much of an article a read builds. */
    enum Mode {
        /** Check every type, decode nothing. */
        CHECK,
        /** Build the known members. */
        BUILD,
        /** Build them and keep the unknown ones too (before a change is written). */
        EXTRAS
    }

    /**
     * Reads a whole file strictly. Articles equal byte for byte to one in {@code previous} keep
     * its view, so a re-read after another process saved one article builds one view, not 10,000.
     */
    static Dto.FileDto parse(byte[] b, Dto.FileDto previous) throws Bad {
        if (b.length == 0) {
            throw new Bad("is empty (0 bytes), perhaps cut short by a crash");
        }
        if (Wire.nul(b) >= 0) {
            // before Jackson sees it: NULs near the start make it guess UTF-16 or UTF-32 (issue #16)
            throw failed(b, "");
        }
        try (JsonParser p = Wire.FACTORY.createParser(b)) {
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
        int nul = Wire.nul(b);
        return new Bad(nul >= 0 ? "contains NUL bytes from offset " + nul + " (a crash or disk error?)" : otherwise);
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
            throw new JsonParseException(p, "Trailing token (of type " + t
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
            ArticleMembers.ARTICLE.read(p, Mode.CHECK);
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
            src = WireScanner.compact(b, from, len);
            from = 0;
            len = src.length;
        }
        Dto.Article old = previous == null || previous.articles == null ? null : previous.articles.get(key);
        SavedArticle view = old != null && old.sameBytes(src, from, len) ? old.viewIfBuilt() : null;
        return new Dto.Article(key, src, from, len, view);
    }

    /** One article's JSON, parsed again: known members, and unknown ones when {@code extras}. */
    static Dto.ArticleDto article(byte[] src, int from, int len, boolean extras) {
        try (JsonParser p = Wire.FACTORY.createParser(src, from, len)) {
            p.nextToken();
            return ArticleMembers.ARTICLE.read(p, extras ? Mode.EXTRAS : Mode.BUILD);
        } catch (IOException e) {
            // these bytes passed the same checks when the file was read
            throw new IllegalStateException("a saved article no longer parses: " + e.getMessage(), e);
        }
    }

    static List<Dto.CollectionDto> collections(JsonParser p) throws IOException {
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
    static String string(JsonParser p, boolean build) throws IOException {
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

    static List<String> strings(JsonParser p, boolean build) throws IOException {
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

    static Integer integer(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        throw shape(p, "expected a whole number for \"" + p.currentName() + "\", found " + describe(t));
    }

    /** An unknown member's value, kept to be written back. */
    static JsonNode tree(JsonParser p) throws IOException {
        JsonNode n = Wire.Databind.MAPPER.readTree(p);
        return n == null ? NullNode.getInstance() : n;
    }

    static Shape shape(JsonParser p, String what) {
        return new Shape(where(p.currentTokenLocation()) + what);
    }

    static String describe(JsonToken t) {
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
}
