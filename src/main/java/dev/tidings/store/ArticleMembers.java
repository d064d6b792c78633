package dev.tidings.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.store.WireReader.Mode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The members of a saved article and of its pictures, each described once: its name, how the
 * strict read takes it ({@link Codec#read}) and how it is written ({@link Codec#write}), and
 * which field of the wire object holds it. The order of a table is the order members are
 * written in; unknown members follow, sorted by name.
 *
 * <pre>
 * {"id":"urn:a","title":"T","authors":[],"images":[{"url":"u","caption":null,"credit":null}],"x-note":1}
 * </pre>
 */
final class ArticleMembers {
    private ArticleMembers() {
    }

    /** How one kind of value is read from the file and written to it. */
    interface Codec<V> {
        /** The parser is on the value's first token; leaves it on its last. Null when checking only. */
        V read(JsonParser p, Mode mode) throws IOException;

        /** Writes a value that is not null. */
        void write(JsonGenerator g, V value) throws IOException;
    }

    /** One member: its name in the file, how its value is read and written, where it is kept. */
    record Member<D, V>(String name, Codec<V> codec, Function<D, V> get, BiConsumer<D, V> set) {
        void read(JsonParser p, Mode mode, D into) throws IOException {
            V v = codec.read(p, mode);
            if (mode != Mode.CHECK) {
                set.accept(into, v);
            }
        }

        void write(JsonGenerator g, D from, boolean nulls) throws IOException {
            V v = get.apply(from);
            if (v == null && !nulls) {
                return;
            }
            g.writeFieldName(name);
            if (v == null) {
                g.writeNull();
            } else {
                codec.write(g, v);
            }
        }
    }

    /** The members of one kind of object, and whether a null member is written or left out. */
    static final class Table<D extends Dto.Extensible> {
        private final Supplier<D> create;
        private final boolean writeNulls;
        private final List<Member<D, ?>> members;
        private final Map<String, Member<D, ?>> byName = new HashMap<>();

        @SafeVarargs
        Table(Supplier<D> create, boolean writeNulls, Member<D, ?>... members) {
            this.create = create;
            this.writeNulls = writeNulls;
            this.members = List.of(members);
            for (Member<D, ?> m : members) {
                byName.put(m.name(), m);
            }
        }

        /** The names in the order they are written. */
        List<String> names() {
            return members.stream().map(Member::name).toList();
        }

        /**
         * The parser is on the object's START_OBJECT; leaves it on its END_OBJECT. Unknown
         * members are kept when {@code mode} is {@link Mode#EXTRAS}; null when checking only.
         */
        D read(JsonParser p, Mode mode) throws IOException {
            D d = mode == Mode.CHECK ? null : create.get();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                Member<D, ?> m = byName.get(name);
                if (m != null) {
                    m.read(p, mode, d);
                } else if (mode == Mode.EXTRAS) {
                    d.put(name, WireReader.tree(p));
                } else {
                    p.skipChildren();
                }
            }
            return d;
        }

        void write(JsonGenerator g, D d) throws IOException {
            g.writeStartObject();
            for (Member<D, ?> m : members) {
                m.write(g, d, writeNulls);
            }
            // as data binding wrote them (ORDER_MAP_ENTRIES_BY_KEYS): sorted, nulls included
            for (Map.Entry<String, JsonNode> x : new TreeMap<>(d.extra()).entrySet()) {
                g.writeFieldName(x.getKey());
                g.writeTree(x.getValue());
            }
            g.writeEndObject();
        }
    }

    /** A string; numbers and booleans are taken as their text (see {@link WireReader#string}). */
    static final Codec<String> STRING = new Codec<>() {
        @Override
        public String read(JsonParser p, Mode mode) throws IOException {
            return WireReader.string(p, mode != Mode.CHECK);
        }

        @Override
        public void write(JsonGenerator g, String value) throws IOException {
            g.writeString(value);
        }
    };

    /** An array of strings (null elements kept). */
    static final Codec<List<String>> STRINGS = new Codec<>() {
        @Override
        public List<String> read(JsonParser p, Mode mode) throws IOException {
            return WireReader.strings(p, mode != Mode.CHECK);
        }

        @Override
        public void write(JsonGenerator g, List<String> value) throws IOException {
            g.writeStartArray();
            for (String s : value) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
    };

    /** A whole number (a number's text in a string is taken too, as a hand might write it); null kept. */
    static final Codec<Long> NUMBER = new Codec<>() {
        @Override
        public Long read(JsonParser p, Mode mode) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                return p.getLongValue();
            }
            if (t == JsonToken.VALUE_STRING) {
                try {
                    return Long.parseLong(p.getText().strip());
                } catch (NumberFormatException e) {
                    // worded below
                }
            }
            throw WireReader.shape(p, "\"" + p.currentName() + "\" must be a whole number, found "
                    + WireReader.describe(t));
        }

        @Override
        public void write(JsonGenerator g, Long value) throws IOException {
            g.writeNumber(value);
        }
    };

    static final Table<Dto.EnclosureDto> ENCLOSURE = new Table<>(Dto.EnclosureDto::new, false,
            new Member<>("url", STRING, x -> x.url, (x, v) -> x.url = v),
            new Member<>("type", STRING, x -> x.type, (x, v) -> x.type = v),
            new Member<>("length", NUMBER, x -> x.length, (x, v) -> x.length = v),
            new Member<>("duration", NUMBER, x -> x.duration, (x, v) -> x.duration = v));

    /** An array of attached files, each an object or null. */
    static final Codec<List<Dto.EnclosureDto>> ENCLOSURES = objects("enclosures", "an enclosure", ENCLOSURE);

    static final Table<Dto.ImageDto> IMAGE = new Table<>(Dto.ImageDto::new, true,
            new Member<>("url", STRING, i -> i.url, (i, v) -> i.url = v),
            new Member<>("caption", STRING, i -> i.caption, (i, v) -> i.caption = v),
            new Member<>("credit", STRING, i -> i.credit, (i, v) -> i.credit = v));

    /** An array of pictures, each an object or null. */
    static final Codec<List<Dto.ImageDto>> IMAGES = objects("images", "an image", IMAGE);

    /** An array whose elements are objects of {@code table} or null; {@code what} names them in errors. */
    private static <D extends Dto.Extensible> Codec<List<D>> objects(String member, String what, Table<D> table) {
        return new Codec<>() {
            @Override
            public List<D> read(JsonParser p, Mode mode) throws IOException {
                JsonToken t = p.currentToken();
                if (t == JsonToken.VALUE_NULL) {
                    return null;
                }
                if (t != JsonToken.START_ARRAY) {
                    throw WireReader.shape(p, "\"" + member + "\" must be an array, found " + WireReader.describe(t));
                }
                List<D> out = mode == Mode.CHECK ? null : new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    D d = null;
                    if (t == JsonToken.START_OBJECT) {
                        d = table.read(p, mode);
                    } else if (t != JsonToken.VALUE_NULL) {
                        throw WireReader.shape(p, what + " must be an object, found " + WireReader.describe(t));
                    }
                    if (out != null) {
                        out.add(d);
                    }
                }
                return out;
            }

            @Override
            public void write(JsonGenerator g, List<D> value) throws IOException {
                g.writeStartArray();
                for (D d : value) {
                    if (d == null) {
                        g.writeNull();
                    } else {
                        table.write(g, d);
                    }
                }
                g.writeEndArray();
            }
        };
    }

    /** A saved article; members that are null are left out. */
    static final Table<Dto.ArticleDto> ARTICLE = new Table<>(Dto.ArticleDto::new, false,
            new Member<>("id", STRING, a -> a.id, (a, v) -> a.id = v),
            new Member<>("title", STRING, a -> a.title, (a, v) -> a.title = v),
            new Member<>("link", STRING, a -> a.link, (a, v) -> a.link = v),
            new Member<>("feedTitle", STRING, a -> a.feedTitle, (a, v) -> a.feedTitle = v),
            new Member<>("feedUrl", STRING, a -> a.feedUrl, (a, v) -> a.feedUrl = v),
            new Member<>("authors", STRINGS, a -> a.authors, (a, v) -> a.authors = v),
            new Member<>("categories", STRINGS, a -> a.categories, (a, v) -> a.categories = v),
            new Member<>("published", STRING, a -> a.published, (a, v) -> a.published = v),
            new Member<>("updated", STRING, a -> a.updated, (a, v) -> a.updated = v),
            new Member<>("savedAt", STRING, a -> a.savedAt, (a, v) -> a.savedAt = v),
            new Member<>("images", IMAGES, a -> a.images, (a, v) -> a.images = v),
            new Member<>("enclosures", ENCLOSURES, a -> a.enclosures, (a, v) -> a.enclosures = v),
            new Member<>("html", STRING, a -> a.html, (a, v) -> a.html = v));
}
