/**
 * Sync with a feed server that speaks the Google Reader API (FreshRSS, Miniflux, Inoreader, The Old
 * Reader): the accounts file, the session secrets kept 0600, the HTTP client with the same caps as
 * feeds, the durable queue of read/unread/star changes and the per-account sync state. May import
 * {@code io}, {@code text}, {@code fetch} (its {@code FetchLimits}) and Jackson; never {@code feed},
 * {@code store}, {@code app}, {@code cli} or {@code tui}. Nothing here writes a secret anywhere but
 * the account's 0600 files, and no message or exception text contains one.
 */
package dev.tidings.sync;
