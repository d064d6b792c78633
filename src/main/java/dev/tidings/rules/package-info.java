/**
 * The rule language: one small expression language over an article's fields, used by the
 * reader's {@code F} filter, {@code ignore-article} in the config, query feeds in the urls file
 * and {@code tidings list --where}. {@link dev.tidings.rules.Rule#parse} turns text into a
 * predicate over an {@link dev.tidings.rules.ItemView} once; a bad rule is a
 * {@link dev.tidings.rules.RuleException} naming the column. Regular expressions run over a
 * step-counting view of the text, so no pattern can hang the caller.
 *
 * <p>Imports {@code model} and {@code text} only; the app layer fills the view from an entry.
 */
package dev.tidings.rules;
