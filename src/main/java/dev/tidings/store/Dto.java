package dev.tidings.store;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    @JsonPropertyOrder({"format", "version", "collections", "articles"})
    static final class FileDto extends Extensible {
        // no defaults: a member missing from the file must be noticed, not silently filled in
        public String format;
        public Integer version;
        public List<CollectionDto> collections;
        /** Sorted by key so the file diffs well. */
        public TreeMap<String, ArticleDto> articles;

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

    @JsonPropertyOrder({"name", "created", "articles"})
    static final class CollectionDto extends Extensible {
        public String name;
        public String created;
        public List<String> articles = new ArrayList<>();
    }

    @JsonPropertyOrder({"id", "title", "link", "feedTitle", "feedUrl", "authors", "categories", "published",
        "updated", "savedAt", "images", "html"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
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
        public String html;
    }

    @JsonPropertyOrder({"url", "caption", "credit"})
    static final class ImageDto extends Extensible {
        public String url;
        public String caption;
        public String credit;
    }
}
