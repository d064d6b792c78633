package dev.tidings.tui;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Everything a key can do. Screens handle actions, never raw keys; the help screen, the status
 * hints and README's key list all come from this table and {@link KeyMap}.
 */
public enum Action {
    DOWN("move down (a count moves further: 5j)", Screen.FEEDS, Screen.LIST, Screen.ARTICLE, Screen.HELP, Screen.COLLECTIONS, Screen.DIALOG),
    UP("move up", Screen.FEEDS, Screen.LIST, Screen.ARTICLE, Screen.HELP, Screen.COLLECTIONS, Screen.DIALOG),
    PAGE_DOWN("page down (at the end of an article: the next article)", Screen.FEEDS, Screen.LIST, Screen.ARTICLE, Screen.HELP, Screen.COLLECTIONS),
    PAGE_UP("page up", Screen.FEEDS, Screen.LIST, Screen.ARTICLE, Screen.HELP, Screen.COLLECTIONS),
    HALF_DOWN("half a page down", Screen.FEEDS, Screen.LIST, Screen.ARTICLE, Screen.HELP, Screen.COLLECTIONS),
    HALF_UP("half a page up", Screen.FEEDS, Screen.LIST, Screen.ARTICLE, Screen.HELP, Screen.COLLECTIONS),
    TOP("go to the top (a count goes to that line: 5g)", Screen.FEEDS, Screen.LIST, Screen.ARTICLE, Screen.HELP, Screen.COLLECTIONS),
    BOTTOM("go to the bottom", Screen.FEEDS, Screen.LIST, Screen.ARTICLE, Screen.HELP, Screen.COLLECTIONS),
    OPEN("open the article or collection; N Enter in an article follows link N",
            Screen.FEEDS, Screen.LIST, Screen.ARTICLE, Screen.COLLECTIONS, Screen.DIALOG),
    BACK("back to the previous screen (quits from the headline list)", Screen.FEEDS, Screen.LIST, Screen.ARTICLE, Screen.HELP,
            Screen.COLLECTIONS, Screen.DIALOG),
    QUIT("quit Tidings", Screen.FEEDS, Screen.LIST, Screen.ARTICLE, Screen.HELP, Screen.COLLECTIONS),
    NEXT_ARTICLE("next article (next match while a search is active)", Screen.ARTICLE),
    PREV_ARTICLE("previous article", Screen.ARTICLE),
    NEXT_UNREAD("next unread article (opens it from an article)", Screen.LIST, Screen.ARTICLE),
    FOLLOW_LINK("follow link N: type f, the number, Enter", Screen.ARTICLE),
    SEARCH("search all articles (feed list) / filter / find in the article", Screen.FEEDS, Screen.LIST,
            Screen.ARTICLE),
    FILTER_RULE("filter the list by a rule (an empty rule shows all again)", Screen.LIST),
    SORT("next sort order: date, title, feed, unread first, both ways", Screen.LIST),
    NEXT_MATCH("next match of the search", Screen.ARTICLE),
    PREV_MATCH("previous match of the search", Screen.ARTICLE),
    OPEN_BROWSER("open the link in the browser (N o: link N)", Screen.LIST, Screen.ARTICLE),
    COPY_LINK("copy the link to the clipboard (OSC 52; N y: link N)", Screen.LIST, Screen.ARTICLE),
    SHOW_URL("show the link in full (N Y: link N)", Screen.LIST, Screen.ARTICLE),
    OPEN_ENCLOSURE("open the enclosure (audio, video…) with its open-with program, else the browser (N e: enclosure N)",
            Screen.ARTICLE),
    SEND_TO("send the link to a send-to command: type its name or number", Screen.LIST, Screen.ARTICLE),
    TOGGLE_READ("mark the article read or unread", Screen.LIST, Screen.ARTICLE),
    STAR("star or unstar the article (synced accounts; sent at the next sync)", Screen.LIST, Screen.ARTICLE),
    MARK_FEED_READ("mark every article of this feed read (all shown, in the all-feeds view)", Screen.LIST),
    UNREAD_ONLY("show unread articles only, or all again", Screen.FEEDS, Screen.LIST),
    REFRESH("refresh this feed", Screen.FEEDS, Screen.LIST),
    REFRESH_ALL("refresh all feeds", Screen.FEEDS, Screen.LIST),
    READER_MODE("reader mode: the full article from its web page; again for the feed's text", Screen.ARTICLE),
    ADD_TO_COLLECTION("add to collection: choose the collections this article is in", Screen.LIST, Screen.ARTICLE),
    COLLECTIONS("browse your collections", Screen.FEEDS, Screen.LIST, Screen.ARTICLE),
    TOGGLE("put the article in this collection, or take it out", Screen.DIALOG),
    NEW_COLLECTION("create a new collection", Screen.DIALOG, Screen.COLLECTIONS),
    RENAME_COLLECTION("rename the collection", Screen.COLLECTIONS),
    DELETE_COLLECTION("delete the collection (asks first)", Screen.COLLECTIONS),
    REMOVE_FROM_COLLECTION("remove the article from the collection shown (asks first)", Screen.LIST),
    HELP("show the keys of this screen", Screen.FEEDS, Screen.LIST, Screen.ARTICLE, Screen.COLLECTIONS),
    SWITCH_PANE("move between the feed list and its headlines", Screen.FEEDS, Screen.LIST),
    REDRAW("redraw the screen", Screen.FEEDS, Screen.LIST, Screen.ARTICLE, Screen.HELP, Screen.COLLECTIONS);

    /** The screens of the reader, as far as keys are concerned. DIALOG is "Add to Collection". */
    public enum Screen { FEEDS, LIST, ARTICLE, HELP, COLLECTIONS, DIALOG }

    private final String help;
    private final Set<Screen> screens;

    Action(String help, Screen first, Screen... rest) {
        this.help = help;
        this.screens = EnumSet.of(first, rest);
    }

    public String help() {
        return help;
    }

    public boolean appliesTo(Screen s) {
        return screens.contains(s);
    }

    /** True when both actions are used on some screen: one key cannot do both there. */
    boolean screensOverlap(Action other) {
        for (Screen s : screens) {
            if (other.screens.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** The name used in the keys file: "page-down". */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The action for a keys-file name, or null. */
    public static Action byConfigName(String name) {
        for (Action a : values()) {
            if (a.configName().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
