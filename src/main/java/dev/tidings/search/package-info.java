/**
 * Full-text search over cached articles: the tokenizer (words in any script, character bigrams
 * for scripts written without spaces), the query language, and an index of our own with one
 * segment file per feed. Imports only {@code io} and {@code text}: callers turn feeds and saved
 * articles into {@link dev.tidings.search.Doc}s, so nothing here knows about parsing or the model.
 */
package dev.tidings.search;
