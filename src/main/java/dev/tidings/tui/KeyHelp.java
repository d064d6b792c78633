package dev.tidings.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * What the view says about keys, generated from the key table ({@link Action} and {@link KeyMap}):
 * the help screen's rows and the hint line's main keys of each screen.
 */
final class KeyHelp {
    private KeyHelp() {
    }

    /** The help screen's rows: keys and what they do on {@code s}. */
    static List<String[]> rows(KeyMap keys, Action.Screen s) {
        List<String[]> rows = new ArrayList<>();
        for (Action a : Action.values()) {
            if (!a.appliesTo(s)) {
                continue;
            }
            List<String> k = keys.keysFor(a);
            if (k.isEmpty()) {
                continue; // next match without a key of its own is "n", listed as the next article's
            }
            rows.add(new String[] {String.join(" ", k), a.help()});
        }
        if (s == Action.Screen.LIST) {
            rows.add(new String[] {"0-9", "count for the next key: 5j moves five down"});
        } else {
            rows.add(new String[] {"0-9", "count: 5j scrolls five lines; 3 Enter follows link 3"});
        }
        return rows;
    }

    /** The help screen's title for the keys of {@code s}. */
    static String title(Action.Screen s) {
        switch (s) {
            case FEEDS: return "feed list";
            case LIST: return "headline list";
            case COLLECTIONS: return "collections";
            default: return "article";
        }
    }

    /** The hint line of screen {@code s}: its main keys; {@code collection} when a collection's list is shown. */
    static String hints(KeyMap keys, Action.Screen s, boolean collection) {
        List<String> parts = new ArrayList<>();
        Action[] main = s == Action.Screen.LIST
                ? (collection
                    ? new Action[] {Action.DOWN, Action.OPEN, Action.REMOVE_FROM_COLLECTION, Action.SEARCH,
                        Action.HELP, Action.BACK}
                    : new Action[] {Action.DOWN, Action.OPEN, Action.SEARCH, Action.ADD_TO_COLLECTION,
                        Action.COLLECTIONS, Action.HELP, Action.BACK})
                : s == Action.Screen.ARTICLE
                ? new Action[] {Action.PAGE_DOWN, Action.NEXT_ARTICLE, Action.FOLLOW_LINK, Action.OPEN_BROWSER,
                    Action.READER_MODE, Action.SEARCH, Action.HELP, Action.BACK}
                : s == Action.Screen.FEEDS
                ? new Action[] {Action.DOWN, Action.OPEN, Action.REFRESH, Action.REFRESH_ALL, Action.COLLECTIONS,
                    Action.HELP, Action.BACK}
                : s == Action.Screen.COLLECTIONS
                ? new Action[] {Action.DOWN, Action.OPEN, Action.NEW_COLLECTION, Action.RENAME_COLLECTION,
                    Action.DELETE_COLLECTION, Action.BACK}
                : s == Action.Screen.DIALOG
                ? new Action[] {Action.TOGGLE, Action.NEW_COLLECTION, Action.OPEN}
                : new Action[] {Action.DOWN, Action.BACK};
        for (Action a : main) {
            List<String> k = keys.keysFor(a);
            if (k.isEmpty()) {
                continue;
            }
            String key = a == Action.DOWN && k.size() > 1 && keys.keysFor(Action.UP).size() > 0
                    ? k.get(0) + "/" + keys.keysFor(Action.UP).get(0) : k.get(0);
            parts.add(key + " " + shortName(a, s));
        }
        return String.join("  ", parts);
    }

    private static String shortName(Action a, Action.Screen s) {
        switch (a) {
            case DOWN: return "move";
            case OPEN: return s == Action.Screen.DIALOG ? "close" : "open";
            case SEARCH: return "search";
            case FILTER_RULE: return "rule";
            case SORT: return "sort";
            case OPEN_BROWSER: return "browser";
            case HELP: return "help";
            case BACK: return "back/quit";
            case PAGE_DOWN: return "page";
            case NEXT_ARTICLE: return "next";
            case FOLLOW_LINK: return "link";
            case ADD_TO_COLLECTION: return "save";
            case READER_MODE: return "full text";
            case REFRESH: return "refresh";
            case REFRESH_ALL: return "refresh all";
            case COLLECTIONS: return "collections";
            case REMOVE_FROM_COLLECTION: return "remove";
            case TOGGLE: return "tick";
            case NEW_COLLECTION: return "new";
            case RENAME_COLLECTION: return "rename";
            case DELETE_COLLECTION: return "delete";
            default: return a.configName();
        }
    }
}
