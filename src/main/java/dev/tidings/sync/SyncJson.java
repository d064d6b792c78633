package dev.tidings.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON mapper of the sync files and server answers: strict (duplicate keys and trailing data
 * are errors), indented on write. A class of its own so that it is built only when sync JSON is
 * read or written: the reader's start asks {@link Accounts#any()} and must not pay ~30 ms for
 * Jackson and its date formats when there is no accounts file.
 */
final class SyncJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SyncJson() {
    }
}
