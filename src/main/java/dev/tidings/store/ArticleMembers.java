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

    static final Table<Dto.ImageDto> IMAGE = new Table<>(Dto.ImageDto::new, true,
            new Member<>("url", STRING, i -> i.url, (i, v) -> i.url = v),
            new Member<>("caption", STRING, i -> i.caption, (i, v) -> i.caption = v),
            new Member<>("credit", STRING, i -> i.credit, (i, v) -> i.credit = v));

    /** An array of pictures, each an object or null. */
    static final Codec<List<Dto.ImageDto>> IMAGES = new Codec<>() {
        @Override
        public List<Dto.ImageDto> read(JsonParser p, Mode mode) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t != JsonToken.START_ARRAY) {
                throw WireReader.shape(p, "\"images\" must be an array, found " + WireReader.describe(t));
            }
            List<Dto.ImageDto> out = mode == Mode.CHECK ? null : new ArrayList<>();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                Dto.ImageDto img = null;
                if (t == JsonToken.START_OBJECT) {
                    img = IMAGE.read(p, mode);
                } else if (t != JsonToken.VALUE_NULL) {
                    throw WireReader.shape(p, "an image must be an object, found " + WireReader.describe(t));
                }
                if (out != null) {
                    out.add(img);
                }
            }
            return out;
        }

        @Override
        public void write(JsonGenerator g, List<Dto.ImageDto> value) throws IOException {
            g.writeStartArray();
            for (Dto.ImageDto img : value) {
                if (img == null) {
                    g.writeNull();
                } else {
                    IMAGE.write(g, img);
                }
            }
            g.writeEndArray();
        }
    };

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
            new Member<>("html", STRING, a -> a.html, (a, v) -> a.html = v));
}
