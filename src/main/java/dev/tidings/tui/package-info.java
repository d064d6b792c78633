/**
 * The full-screen reader (Lanterna only here): a pure {@link dev.tidings.tui.ReaderState} driven by
 * {@link dev.tidings.tui.Action}s from the {@link dev.tidings.tui.KeyMap}, a view that copies the
 * visible slice onto a Lanterna screen, and themes. Never imports picocli or {@code cli}.
 */
package dev.tidings.tui;
