package dev.tidings.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org article a page describes in {@code <script type="application/ld+json">}: its
 * headline and name, authors, publisher, publication date and, when the page carries it, the whole
 * {@code articleBody}. Read with Jackson's streaming parser into plain maps and lists (no data
 * binding to load), without recursion, at most {@value #MAX_DEPTH} levels deep and
 * {@value #MAX_CHARS} characters per script; a script that is not valid JSON is skipped.
 */
final class JsonLd {
    private JsonLd() {
    }

    static final int MAX_DEPTH = 32;
    static final int MAX_CHARS = 2 * 1024 * 1024;
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Pattern ARTICLE_TYPES = Pattern.compile("^Article|AdvertiserContentArticle|NewsArticle|"
            + "AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|"
            + "ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|"
            + "BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$");
    private static final Pattern SCHEMA_ORG = Pattern.compile("^https?://schema\\.org/?$");

    /** The first article object of the page's JSON-LD, or an empty map. */
    static Map<String, Object> article(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            String content = script.data().strip();
            if (content.startsWith("<![CDATA[")) {
                content = content.substring(9);
            }
            if (content.endsWith("]]>")) {
                content = content.substring(0, content.length() - 3);
            }
            if (content.isEmpty() || content.length() > MAX_CHARS) {
                continue;
            }
            Object parsed;
            try {
                parsed = parse(content);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (parsed instanceof List) {
                parsed = ((List<?>) parsed).stream().filter(JsonLd::isArticle).findFirst().orElse(null);
            }
            if (!(parsed instanceof Map)) {
                continue;
            }
            Map<?, ?> obj = (Map<?, ?>) parsed;
            Object context = obj.get("@context");
            boolean schema = context instanceof String && SCHEMA_ORG.matcher((String) context).find()
                    || context instanceof Map && ((Map<?, ?>) context).get("@vocab") instanceof String
                    && SCHEMA_ORG.matcher((String) ((Map<?, ?>) context).get("@vocab")).find();
            if (!schema) {
                continue;
            }
            if (obj.get("@type") == null && obj.get("@graph") instanceof List) {
                parsed = ((List<?>) obj.get("@graph")).stream().filter(JsonLd::isArticle).findFirst().orElse(null);
            }
            if (isArticle(parsed)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> article = (Map<String, Object>) parsed;
                return article;
            }
        }
        return Map.of();
    }

    private static boolean isArticle(Object o) {
        if (!(o instanceof Map)) {
            return false;
        }
        Object type = ((Map<?, ?>) o).get("@type");
        if (type instanceof List) {
            return ((List<?>) type).stream().anyMatch(t -> t instanceof String && ARTICLE_TYPES.matcher((String) t).find());
        }
        return type instanceof String && ARTICLE_TYPES.matcher((String) type).find();
    }

    /** A string member, trimmed, or "". */
    static String string(Map<?, ?> obj, String key) {
        Object v = obj == null ? null : obj.get(key);
        return v instanceof String ? ((String) v).strip() : "";
    }

    /** Names of a person or organization member: {"name": …} or a list of them, joined with ", ". */
    static String names(Object v) {
        if (v instanceof Map) {
            return string((Map<?, ?>) v, "name");
        }
        if (v instanceof List && !((List<?>) v).isEmpty() && ((List<?>) v).get(0) instanceof Map
                && ((Map<?, ?>) ((List<?>) v).get(0)).get("name") instanceof String) {
            List<String> names = new ArrayList<>();
            for (Object o : (List<?>) v) {
                if (o instanceof Map && ((Map<?, ?>) o).get("name") instanceof String) {
                    names.add(string((Map<?, ?>) o, "name"));
                }
            }
            return String.join(", ", names);
        }
        return "";
    }

    /** JSON text to maps, lists, strings, numbers, booleans and null, with an explicit stack. */
    static Object parse(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            Deque<Object> stack = new ArrayDeque<>();
            Object root = null;
            String name = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                Object value;
                switch (t) {
                    case FIELD_NAME:
                        name = p.currentName();
                        continue;
                    case START_OBJECT:
                    case START_ARRAY:
                        if (stack.size() >= MAX_DEPTH) {
                            throw new IOException("JSON-LD nested too deep");
                        }
                        Object container = t == JsonToken.START_OBJECT ? new LinkedHashMap<String, Object>()
                                : new ArrayList<Object>();
                        add(stack.peek(), name, container);
                        stack.push(container);
                        name = null;
                        continue;
                    case END_OBJECT:
                    case END_ARRAY:
                        Object done = stack.pop();
                        if (stack.isEmpty()) {
                            root = done;
                        }
                        continue;
                    case VALUE_STRING:
                        value = p.getText();
                        break;
                    case VALUE_NUMBER_INT:
                    case VALUE_NUMBER_FLOAT:
                        value = p.getNumberValue();
                        break;
                    case VALUE_TRUE:
                        value = Boolean.TRUE;
                        break;
                    case VALUE_FALSE:
                        value = Boolean.FALSE;
                        break;
                    default:
                        value = null;
                }
                if (stack.isEmpty()) {
                    root = value;
                } else {
                    add(stack.peek(), name, value);
                }
                name = null;
            }
            return root;
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(Object container, String name, Object value) {
        if (container instanceof Map) {
            ((Map<String, Object>) container).put(name, value);
        } else if (container instanceof List) {
            ((List<Object>) container).add(value);
        }
    }
}
