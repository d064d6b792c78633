package dev.tidings.fetch;

import java.net.URI;

/**
 * The answer to a successful fetch.
 *
 * @param status       200 (body holds the decoded bytes) or 304 (not modified, body empty)
 * @param body         the decoded body, never more than the cap; empty when it was streamed to a sink
 * @param contentType  the Content-Type header, or null
 * @param finalUri     the URI after redirects: the base for relative links
 * @param etag         the ETag header, or null
 * @param lastModified the Last-Modified header, or null
 * @param permanentRedirect true when a 301/308 was followed on the way
 * @param retryAfter   when the server's rate-limit window is used up (Reddit's x-ratelimit-remaining
 *                     below 1), the seconds until it resets, as a Retry-After value; else null
 */
public record HttpResult(int status, byte[] body, String contentType, URI finalUri, String etag, String lastModified,
                         boolean permanentRedirect, String retryAfter) {
    /** An answer with no rate-limit warning. */
    public HttpResult(int status, byte[] body, String contentType, URI finalUri, String etag, String lastModified,
                      boolean permanentRedirect) {
        this(status, body, contentType, finalUri, etag, lastModified, permanentRedirect, null);
    }
}
