package dev.tidings.app;

import dev.tidings.feed.Feeds;
import dev.tidings.fetch.SourceException;
import java.util.Optional;

/**
 * HTTP error answers from news APIs carry the reason in a JSON body (a bad key, a quota):
 * {@code "https://newsapi.org/v2/top-headlines?country=de: HTTP 401 Unauthorized: NewsAPI answered
 * with an error: apiKeyInvalid: …"} instead of a bare status line.
 */
final class SourceErrors {
    private SourceErrors() {
    }

    /** {@code e} with the service's own message appended when its body is an error document; else {@code e}. */
    static SourceException explained(SourceException e) {
        Optional<String> said = Feeds.serviceError(e.errorBody());
        if (said.isEmpty()) {
            return e;
        }
        SourceException out = new SourceException(e.getMessage() + ": " + said.get(), e.status(), e.retryAfter(),
                e.errorBody());
        out.setStackTrace(e.getStackTrace());
        return out;
    }
}
