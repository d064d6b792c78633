package dev.tidings.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes the collections file: the header pretty-printed by Jackson, each article its one line
 * of JSON, copied from the bytes read or serialized when it was saved.
 */
final class WireWriter {
    private WireWriter() {
    }

    private static final byte[] ENTRY = "\n    ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COLON = " : ".getBytes(StandardCharsets.US_ASCII);

    /**
     * An article's value as one line of JSON, members in the order of {@link ArticleMembers#ARTICLE}:
     * written to a Java string and then encoded, as the data-binding code before did (a UTF-8
     * generator would write an emoji as two {@code \\u} escapes).
     */
    static byte[] oneLine(Dto.ArticleDto a) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = Wire.Databind.MAPPER.getFactory().createGenerator(w)) {
            g.setCodec(Wire.Databind.MAPPER);
            ArticleMembers.ARTICLE.write(g, a);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A key as a quoted JSON string, escaped exactly as the generator writing the file escapes it. */
    static byte[] quote(String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(key.length() + 8);
        try (JsonGenerator g = Wire.FACTORY.createGenerator(out)) {
            g.writeString(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static DefaultPrettyPrinter printer() {
        DefaultPrettyPrinter p = new DefaultPrettyPrinter();
        p.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        p.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        return p;
    }

    /**
     * The file: pretty-printed by Jackson, except that each article is its one line of JSON,
     * copied. Built into one array of the exact size.
     */
    static byte[] serialize(Dto.FileDto f) throws IOException {
        // Jackson writes everything but the articles; a raw NUL (never otherwise in its output,
        // which escapes control characters) marks where they go
        ByteArrayOutputStream frame = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator g = Wire.Databind.MAPPER.getFactory().createGenerator(frame)) {
            g.setCodec(Wire.Databind.MAPPER);
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
        int mark = Wire.nul(outer);

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
}
