/**
 * Where feed bytes come from: files, stdin and http(s) with our own limits (redirects, deadline,
 * decoded-size cap). May import {@code text}; never {@code feed}, {@code render}, {@code app},
 * {@code cli} or {@code tui}.
 */
package dev.tidings.fetch;
