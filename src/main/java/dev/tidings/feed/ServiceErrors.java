package dev.tidings.feed;

import com.fasterxml.jackson.core.JsonToken;
import dev.tidings.model.Feed;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Error documents of the JSON news services, read into one {@link ServiceErrorException}:
 *
 * <pre>
 * {"status":"error","code":"apiKeyInvalid","message":"…"}      NewsAPI
 * {"errors":["…"]}  or  {"errors":{"q":"…"}}                    GNews
 * {"response":{"status":"error","message":"…"}}                 The Guardian (read by GuardianParser)
 * {"message":"Forbidden","error":403}                           Reddit
 * {"error":"…","error_description":"…"}                         Mastodon
 * {"message":"…","status":400}                                  Algolia (Hacker News), and the rest
 * </pre>
 */
final class ServiceErrors extends JsonSource {
    private static final int MAX_MESSAGE = 300;

    private String status = "";
    private String code = "";
    private String message = "";
    private String error = "";
    private boolean errorIsNumber;
    private String errorDescription = "";
    private String reason = "";
    private final List<String> errors = new ArrayList<>();

    ServiceErrors(com.fasterxml.jackson.core.JsonParser p, Detail detail, java.net.URI base) {
        super(p, detail, base);
    }

    @Override
    Feed document() throws IOException, FeedException {
        members(p.nextToken(), this::member);
        throw exception().orElseThrow(() -> new FeedException("not a feed: a JSON object with no articles and no"
                + " error message; see \"Sources\" in README.md"));
    }

    /** The service's message in an error answer's body (HTTP 401, 429…), when the body is such a document. */
    static Optional<ServiceErrorException> of(String json) {
        JsonShape.Sniffed s = JsonShape.sniff(json, true);
        if (s.shape() != JsonShape.ERROR && s.shape() != JsonShape.GUARDIAN) {
            return Optional.empty();
        }
        try (Reader r = new StringReader(json)) {
            JsonSource.read(r, s.shape(), Detail.HEADLINES, null);
            return Optional.empty();
        } catch (ServiceErrorException e) {
            return Optional.of(e);
        } catch (FeedException | IOException e) {
            return Optional.empty();
        }
    }

    private void member(String name, JsonToken t) throws IOException, FeedException {
        switch (name) {
            case "status" -> status = string(t);
            case "code" -> code = string(t);
            case "message" -> message = text(t);
            case "error" -> {
                errorIsNumber = t == JsonToken.VALUE_NUMBER_INT;
                error = text(t);
            }
            case "error_description" -> errorDescription = string(t);
            case "reason" -> reason = string(t);
            case "errors" -> {
                if (t == JsonToken.START_OBJECT) {
                    members(t, (field, v) -> addError(field + ": " + text(v)));
                } else {
                    elements(t, v -> addError(text(v)));
                }
            }
            default -> p.skipChildren();
        }
    }

    private void addError(String e) {
        if (errors.size() < 3 && !e.isBlank()) {
            errors.add(e);
        }
    }

    /** A string, or the "message" of an object ({"error":{"message":"…"}}), else "". */
    private String text(JsonToken t) throws IOException, FeedException {
        if (t == JsonToken.START_OBJECT) {
            String[] m = {""};
            members(t, (field, v) -> {
                if (field.equals("message") && m[0].isEmpty()) {
                    m[0] = string(v);
                } else {
                    p.skipChildren();
                }
            });
            return m[0];
        }
        return string(t);
    }

    private Optional<ServiceErrorException> exception() {
        if (!errors.isEmpty()) {
            return Optional.of(error("GNews", String.join("; ", errors)));
        }
        if (status.equals("error") && !code.isEmpty()) {
            return Optional.of(error("NewsAPI", code + (message.isEmpty() ? "" : ": " + message)));
        }
        if (!error.isEmpty() && errorIsNumber && !message.isEmpty()) {
            return Optional.of(error("Reddit", message + (reason.isEmpty() ? "" : " (" + reason + ")")
                    + " [" + error + "]"));
        }
        if (!error.isEmpty()) {
            return Optional.of(error(errorDescription.isEmpty() ? "the service" : "the Mastodon server",
                    error + (errorDescription.isEmpty() ? "" : ": " + errorDescription)));
        }
        if (!message.isEmpty()) {
            return Optional.of(error("the service", message + (code.isEmpty() ? "" : " (" + code + ")")));
        }
        return Optional.empty();
    }

    static ServiceErrorException error(String service, String message) {
        String m = Sanitize.line(message);
        if (m.length() > MAX_MESSAGE) {
            int cut = Character.isHighSurrogate(m.charAt(MAX_MESSAGE - 1)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
            m = m.substring(0, cut) + "…";
        }
        return new ServiceErrorException(service, m.isEmpty() ? "(no message)" : m);
    }
}
