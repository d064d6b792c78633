/**
 * One rendering pipeline for the TUI and stdout: article HTML is converted once (jsoup) into
 * width-independent {@link dev.tidings.render.Block}s, then laid out per width into styled
 * {@link dev.tidings.render.Line}s. May import {@code model}, {@code text} and jsoup; never Lanterna,
 * picocli, {@code fetch}, {@code app}, {@code cli} or {@code tui}.
 */
package dev.tidings.render;
