package dev.tidings.feed;

/**
 * A news service answered with an error document instead of articles (a bad or missing API key,
 * a quota, a bad query). Not a broken feed: the source could not be read, so the CLI exits with
 * 3, like an HTTP error. The message names the service and repeats what it said, sanitized and
 * shortened; it never contains a request URL (so never an API key).
 */
public class ServiceErrorException extends FeedException {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final String serviceMessage;

    public ServiceErrorException(String service, String serviceMessage) {
        super(service + " answered with an error: " + serviceMessage);
        this.service = service;
        this.serviceMessage = serviceMessage;
    }

    /** "NewsAPI", "GNews", "The Guardian", "Reddit", "the Mastodon server", "the service". */
    public String service() {
        return service;
    }

    /** What the service said, one line. */
    public String serviceMessage() {
        return serviceMessage;
    }
}
