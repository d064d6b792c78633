package dev.tidings.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The collections file's JSON set-up, shared by the four parts that handle its bytes:
 *
 * <ul>
 *   <li>{@link WireReader}: the strict read (every token, every member's type, duplicate keys,
 *       trailing tokens); articles are kept as byte ranges, checked but not decoded.</li>
 *   <li>{@link WireScanner}: the quick read for the browser (header strictly, articles by a byte
 *       scan that must accept nothing the strict read would refuse in the header's layout).</li>
 *   <li>{@link WireWriter}: the header written by Jackson, each article's bytes copied.</li>
 *   <li>{@link WireMapper}: a wire article to the model and back.</li>
 * </ul>
 *
 * The members of an article and of its pictures are described once, in {@link ArticleMembers}.
 */
final class Wire {
    private Wire() {
    }

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                    .maxStringLength(64 * 1024 * 1024).maxNumberLength(64).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Data binding is only needed to write, and to keep unknown members: loaded on first use. */
    static final class Databind {
        private Databind() {
        }

        static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** The offset of the first NUL byte in {@code b}, or -1. */
    static int nul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
