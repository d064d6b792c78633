/**
 * The collections file: versioned JSON, strict on read, atomic and locked on write. May import
 * {@code model}, {@code text} and Jackson; never {@code feed}, {@code fetch}, {@code render},
 * {@code app}, {@code cli} or {@code tui}.
 */
package dev.tidings.store;
