package dev.tidings.fetch;

import dev.tidings.text.Sanitize;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Where feed bytes come from: a file path, {@code -} for stdin, or an http(s) URL. Nothing else:
 * {@code file:}, {@code ftp:} and other schemes are refused, so feed data can never make Tidings
 * read a local file.
 *
 * <pre>
 * try (Opened o = Sources.open("https://a.org/feed.xml", fetcher)) { Feeds.parse(o.body(), ...); }
 * </pre>
 */
public final class Sources {
    private Sources() {
    }

    /** stdin and pipes are capped like HTTP bodies: {@link FetchLimits#defaults()}' 50 MiB. */
    public static final long MAX_BYTES = FetchLimits.defaults().maxBytes();
    /**
     * A regular file the user named may be bigger (the 100,000-item, 300 MB benchmark file lists in
     * bounded memory: parsing streams and fields are capped), but not endless.
     */
    public static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

    /** An open source: the bytes, what the server said they are, and the base for relative links. */
    public record Opened(String name, InputStream body, String contentType, URI base) implements AutoCloseable {
        /**
         * Throws when the source was cut off at its size cap: call it when reading failed, since
         * a parser reports the cut as a syntax error of its own.
         */
        public void checkSize() throws SourceException {
            if (body instanceof CappedInput && ((CappedInput) body).exceeded()) {
                throw new SourceException(name + ": larger than " + HttpFailures.size(((CappedInput) body).cap())
                        + " (the limit for " + (((CappedInput) body).cap() == MAX_FILE_BYTES ? "a feed file"
                        : "stdin and pipes") + ")");
            }
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /** True when the spec names a URL (has a scheme), as opposed to a path or "-". */
    public static boolean isUrl(String spec) {
        int colon = spec.indexOf("://");
        if (colon <= 0) {
            return spec.regionMatches(true, 0, "file:", 0, 5) || spec.regionMatches(true, 0, "data:", 0, 5)
                    || spec.regionMatches(true, 0, "javascript:", 0, 11);
        }
        for (int i = 0; i < colon; i++) {
            char c = spec.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * Opens a source for reading.
     *
     * @param spec    a path, "-" or an http(s) URL, as the user typed it
     * @param fetcher the HTTP client to use for URLs
     * @param stdin   what "-" reads
     */
    public static Opened open(String spec, java.util.function.Supplier<HttpFetcher> fetcher, InputStream stdin)
            throws SourceException {
        String name = Sanitize.line(spec);
        if (spec.equals("-")) {
            return new Opened("stdin", new CappedInput(stdin, MAX_BYTES), null, null);
        }
        if (isUrl(spec)) {
            URI uri;
            try {
                uri = new URI(spec.trim());
            } catch (URISyntaxException e) {
                throw new SourceException(name + ": not a valid URL (" + Sanitize.line(e.getReason()) + ")");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new SourceException(name + ": only http and https URLs can be fetched"
                        + " (for a local file, give its path)");
            }
            HttpResult r = fetcher.get().fetch(uri);
            if (r.status() == 304) {
                throw new SourceException(name + ": server answered 304 Not Modified and there is no cached copy");
            }
            return new Opened(name, new ByteArrayInputStream(r.body()), r.contentType(), r.finalUri());
        }
        return openFile(spec, name);
    }

    private static Opened openFile(String spec, String name) throws SourceException {
        Path path;
        try {
            path = Path.of(spec);
        } catch (InvalidPathException e) {
            throw new SourceException(name + ": not a valid path");
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new SourceException(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new SourceException(name + ": permission denied");
        } catch (IOException e) {
            throw new SourceException(name + ": cannot read (" + Sanitize.line(e.getMessage()) + ")");
        }
        if (attrs.isDirectory()) {
            throw new SourceException(name + ": is a directory, not a feed file");
        }
        if (!attrs.isRegularFile() && !isFifo(path)) {
            throw new SourceException(name + ": not a regular file");
        }
        try {
            long cap = attrs.isRegularFile() ? MAX_FILE_BYTES : MAX_BYTES; // a FIFO is a stream, like stdin
            return new Opened(name, new CappedInput(Files.newInputStream(path), cap), null, null);
        } catch (AccessDeniedException e) {
            throw new SourceException(name + ": permission denied");
        } catch (IOException e) {
            throw new SourceException(name + ": cannot read (" + Sanitize.line(e.getMessage()) + ")");
        }
    }

    /** Process substitution ({@code <(curl ...)}) gives a pipe: reading it is what the user asked. */
    private static boolean isFifo(Path path) {
        try {
            // followed: <(curl ...) names /dev/fd/63, a link to the pipe
            Object type = Files.getAttribute(path, "unix:mode");
            return type instanceof Integer && ((Integer) type & 0170000) == 0010000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
