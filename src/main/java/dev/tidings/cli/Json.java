package dev.tidings.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import dev.tidings.text.Sanitize;
import dev.tidings.text.Urls;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * JSON output with Jackson's streaming generator. Strings are sanitized first and the generator
 * escapes what Jackson would write raw: C1 controls, U+2028/U+2029, bidi controls.
 */
final class Json {
    private Json() {
    }

    private static final CharacterEscapes ESCAPES = new CharacterEscapes() {
        private static final long serialVersionUID = 1L;
        private final int[] table = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if ((ch >= 0x7f && ch <= 0x9f) || ch == 0x2028 || ch == 0x2029 || Sanitize.isBidiControl(ch)) {
                return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    };

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    static JsonGenerator generator(Writer w, boolean pretty) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(w);
        g.setCharacterEscapes(ESCAPES);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (pretty) {
            g.useDefaultPrettyPrinter();
        }
        return g;
    }

    static void line(JsonGenerator g, String field, String value) throws IOException {
        g.writeStringField(field, Sanitize.line(value));
    }

    /** A link field: the URL when it is http(s), else "" (never {@code javascript:}, {@code file:}...). */
    static void link(JsonGenerator g, String field, String value) throws IOException {
        g.writeStringField(field, Urls.web(value));
    }

    /** An array of links, keeping only the http(s) ones. */
    static void links(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            String u = Urls.web(v);
            if (!u.isEmpty()) {
                g.writeString(u);
            }
        }
        g.writeEndArray();
    }

    static void body(JsonGenerator g, String field, String value) throws IOException {
        g.writeStringField(field, Sanitize.body(value));
    }

    static void instant(JsonGenerator g, String field, Instant value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value.toString());
        }
    }

    static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(Sanitize.line(v));
        }
        g.writeEndArray();
    }
}
