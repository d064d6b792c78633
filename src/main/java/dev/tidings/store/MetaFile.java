package dev.tidings.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tidings.text.Sanitize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A feed's {@code <key>.meta.json}: a flat JSON object read and written with Jackson's streaming
 * core only (databind costs start-up time, and 200 metas are read before the first frame).
 * <pre>
 * {"version": 1, "url": …, "finalUrl": …, "etag": …, "lastModified": …, "contentType": …,
 *  "fetchedAt": …, "status": "ok"|"gone"|"error", "error": …, "retryAfterUntil": …,
 *  "bodyFile": "&lt;key&gt;.xml"|"&lt;key&gt;.json"|null, "bodySha256": …, "bodyLength": …}
 * </pre>
 */
final class MetaFile {
    private MetaFile() {
    }

    static final int VERSION = 1;

    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /**
     * A meta as stored: the public view and where its body is.
     *
     * @param bodyFile   the body's file name in the feeds directory, or null when there is none
     * @param bodySha256 the body's SHA-256 in hex, or null
     * @param bodyLength the body's length, or -1
     */
    record Stored(CacheMeta meta, String bodyFile, String bodySha256, long bodyLength) {
    }

    /**
     * The meta in {@code bytes}, or null when it is not an object, names another URL, has an
     * unknown status or names a body file other than {@code key.xml}/{@code key.json} (a damaged
     * meta never makes us read another path).
     *
     * @throws IOException      malformed JSON
     * @throws RuntimeException a malformed time (the entry is a miss whichever way it is read)
     */
    static Stored read(byte[] bytes, String url, String key) throws IOException {
        Map<String, String> text = new HashMap<>();
        long bodyLength = -1;
        try (JsonParser p = Json.FACTORY.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING) {
                    text.put(field, p.getText());
                } else if (v == JsonToken.VALUE_NUMBER_INT && field.equals("bodyLength")) {
                    bodyLength = p.getLongValue();
                } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                return null;
            }
        }
        if (!url.equals(text.get("url"))) {
            return null;
        }
        CacheStatus status = CacheStatus.fromWire(text.get("status"));
        if (status == null) {
            return null;
        }
        String bodyFile = text.get("bodyFile");
        if (bodyFile != null && !bodyFile.equals(key + ".xml") && !bodyFile.equals(key + ".json")) {
            return null;
        }
        String sha = text.get("bodySha256");
        boolean hasBody = bodyFile != null && sha != null && bodyLength >= 0;
        String error = text.get("error");
        CacheMeta meta = new CacheMeta(url, text.get("contentType"), text.get("finalUrl"), text.get("etag"),
                text.get("lastModified"), instant(text.get("fetchedAt")), status,
                error == null ? null : Sanitize.line(error), instant(text.get("retryAfterUntil")), hasBody);
        return new Stored(meta, hasBody ? bodyFile : null, hasBody ? sha : null, hasBody ? bodyLength : -1);
    }

    /** The meta file's bytes; {@code bodyFile} null writes an entry without a body. */
    static byte[] write(CacheMeta e, String bodyFile, String bodySha256, long bodyLength) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("version", VERSION);
            g.writeStringField("url", e.url());
            g.writeStringField("finalUrl", e.finalUrl());
            g.writeStringField("etag", e.etag());
            g.writeStringField("lastModified", e.lastModified());
            g.writeStringField("contentType", e.contentType());
            g.writeStringField("fetchedAt", e.fetchedAt() == null ? null : e.fetchedAt().toString());
            g.writeStringField("status", e.status().wire());
            g.writeStringField("error", e.error());
            g.writeStringField("retryAfterUntil", e.retryAfterUntil() == null ? null : e.retryAfterUntil().toString());
            g.writeStringField("bodyFile", bodyFile);
            if (bodyFile != null) {
                g.writeStringField("bodySha256", bodySha256);
                g.writeNumberField("bodyLength", bodyLength);
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        Instant quick = isoInstant(s);
        return quick != null ? quick : Instant.parse(s); // a malformed one throws: the entry is a miss
    }

    /**
     * {@link Instant#toString()}'s own form, "2026-11-25T10:57:12.123456Z", read without
     * java.time's formatter (200 metas at start-up); null for anything else, which Instant.parse reads.
     */
    static Instant isoInstant(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
                return null;
            }
            int f = digits(s, 20, n - 1);
            if (f < 0) {
                return null;
            }
            nanos = f;
            for (int k = n - 21; k < 9; k++) {
                nanos *= 10;
            }
        } else if (n != 20) {
            return null;
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        try {
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null; // February 30th and the like: let Instant.parse say so
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
