/**
 * The subscriptions list: the hand-editable {@code urls} file (newsboat-compatible), OPML import and
 * export, and the pure list edits (add, remove, rename, replace a redirected URL). Subscription data
 * is data: {@code exec:}, {@code filter:}, {@code query:}, {@code file:} and every other non-http(s)
 * source is refused with a problem, never run and never read. May import {@code text} only.
 */
package dev.tidings.subs;
