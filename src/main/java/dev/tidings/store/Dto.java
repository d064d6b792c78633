package dev.tidings.store;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import dev.tidings.model.SavedArticle;

/**
 * The collections file's wire format, kept apart from the model. Members Tidings does not know
 * are kept in {@code extra} and written back, so a field added by hand or by a later Tidings of
 * the same schema version survives a save.
 */
final class Dto {
    private Dto() {
    }

    static final String FORMAT = "tidings-collections";

    /** Fields every object of the file shares: the unknown ones. */
    abstract static class Extensible {
        private final Map<String, JsonNode> extra = new LinkedHashMap<>();

        @JsonAnySetter
        void put(String name, JsonNode value) {
            extra.put(name, value);
        }

        @JsonAnyGetter
        public Map<String, JsonNode> extra() {
            return extra;
        }
    }

    /**
     * The whole file in memory. Not bound by Jackson: {@link WireReader} reads it and {@link WireWriter} writes it, keeping
     * each article as its JSON bytes ({@link Article}) so unchanged articles are never serialized
     * again.
     */
    static final class FileDto extends Extensible {
        // no defaults: a member missing from the file must be noticed, not silently filled in
        String format;
        Integer version;
        List<CollectionDto> collections;
        /** Sorted by key so the file diffs well. */
        TreeMap<String, Article> articles;

        /** The content of a file that does not exist yet. */
        static FileDto fresh() {
            FileDto f = new FileDto();
            f.format = FORMAT;
            f.version = CollectionStore.SCHEMA_VERSION;
            f.collections = new ArrayList<>();
            f.articles = new TreeMap<>();
            return f;
        }
    }

    /**
     * One saved article as the exact one-line JSON of its value (a range of the bytes read from
     * the file, or the bytes serialized when it was saved), plus its model view, built on first
     * use. Immutable apart from those caches; a change makes a new one.
     */
    static final class Article implements Supplier<SavedArticle> {
        final String key;
        private final byte[] src;
        private final int from;
        private final int length;
        private volatile SavedArticle view;
        private volatile byte[] keyJson;

        Article(String key, byte[] src, int from, int length, SavedArticle view) {
            this.key = key;
            this.src = src;
            this.from = from;
            this.length = length;
            this.view = view;
        }

        /** The model view: parsed from the bytes once, then kept. */
        @Override
        public SavedArticle get() {
            SavedArticle v = view;
            if (v == null) {
                v = WireMapper.toArticle(key, dto(false));
                view = v;
            }
            return v;
        }

        /** The view if it was built already (to carry over to an equal article), else null. */
        SavedArticle viewIfBuilt() {
            return view;
        }

        /** The wire object, with its unknown members when {@code extras}. */
        ArticleDto dto(boolean extras) {
            return WireReader.article(src, from, length, extras);
        }

        /** True when {@code bytes[off, off + len)} is this article's JSON, byte for byte. */
        boolean sameBytes(byte[] bytes, int off, int len) {
            return len == length && java.util.Arrays.equals(src, from, from + length, bytes, off, off + len);
        }

        int length() {
            return length;
        }

        void copyTo(byte[] out, int at) {
            System.arraycopy(src, from, out, at, length);
        }

        /** The key as a quoted, escaped JSON string in UTF-8. */
        byte[] keyJson() {
            byte[] k = keyJson;
            if (k == null) {
                k = WireWriter.quote(key);
                keyJson = k;
            }
            return k;
        }
    }

    @JsonPropertyOrder({"name", "created", "articles"})
    static final class CollectionDto extends Extensible {
        public String name;
        public String created;
        public List<String> articles = new ArrayList<>();
    }

    /** A saved article's members: read and written through {@link ArticleMembers#ARTICLE}. */
    static final class ArticleDto extends Extensible {
        public String id;
        public String title;
        public String link;
        public String feedTitle;
        public String feedUrl;
        public List<String> authors = new ArrayList<>();
        public List<String> categories = new ArrayList<>();
        public String published;
        public String updated;
        public String savedAt;
        public List<ImageDto> images = new ArrayList<>();
        /** Null when the article has none: the member is then left out, as files before it had it. */
        public List<EnclosureDto> enclosures;
        public String html;
    }

    /** A file attached to a saved article: read and written through {@link ArticleMembers#ENCLOSURE}. */
    static final class EnclosureDto extends Extensible {
        public String url;
        public String type;
        public Long length;
        public Long duration;
    }

    /** A picture of a saved article: read and written through {@link ArticleMembers#IMAGE}. */
    static final class ImageDto extends Extensible {
        public String url;
        public String caption;
        public String credit;
    }
}
