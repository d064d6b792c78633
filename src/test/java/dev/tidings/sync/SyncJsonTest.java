package dev.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The sync JSON without an ObjectMapper reads and writes what the mapper did, as strictly. */
class SyncJsonTest {
    private static final String DOC = "{\"version\":1,\"accounts\":[{\"name\":\"home\",\"n\":-12,\"big\":"
            + "18446744073709551617,\"f\":1.5,\"t\":true,\"no\":false,\"nil\":null,\"list\":[\"a\",[],{}],"
            + "\"ü\":\"\\u00e9\\n\"}]}";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheTreeTheMapperReads() throws Exception {
        JsonNode ours = SyncJson.tree(utf8(DOC));
        JsonNode mapper = new ObjectMapper().readTree(utf8(DOC));
        assertThat(ours).isEqualTo(mapper);
        assertThat(ours.path("accounts").path(0).path("big").bigIntegerValue())
                .isEqualTo(new java.math.BigInteger("18446744073709551617"));
    }

    @Test
    void writesTheBytesAnIndentingMapperWrites() throws Exception {
        JsonNode tree = new ObjectMapper().readTree(utf8(DOC));
        byte[] mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(tree);
        assertThat(new String(SyncJson.bytes(tree), StandardCharsets.UTF_8))
                .isEqualTo(new String(mapper, StandardCharsets.UTF_8));
    }

    @Test
    void isStrict() throws Exception {
        assertThatThrownBy(() -> SyncJson.tree(utf8("{\"a\":1,\"a\":2}"))).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> SyncJson.tree(utf8("{\"a\":1} {}"))).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("trailing token");
        assertThatThrownBy(() -> SyncJson.tree(utf8("{\"a\":[1,2}"))).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> SyncJson.tree(utf8("[".repeat(5_000)))).isInstanceOf(JsonProcessingException.class);
        assertThat(SyncJson.tree(new byte[0]).isMissingNode()).isTrue();
        assertThat(SyncJson.tree(utf8("  ")).isMissingNode()).isTrue();
    }
}
