/**
 * Use cases: open feeds, number headlines, read articles. The only package that combines
 * {@code fetch} and {@code feed}. Never imports {@code cli} or {@code tui}, picocli or Lanterna.
 */
package dev.tidings.app;
