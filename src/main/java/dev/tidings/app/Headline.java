package dev.tidings.app;

import dev.tidings.model.Item;

/**
 * One headline as numbered for the user: {@code number} is 1-based and is what {@code list} shows
 * and {@code dump --item} takes.
 */
public record Headline(int number, LoadedFeed feed, Item item) {
}
