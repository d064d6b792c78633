package dev.tidings.tui;

/** The one-line input the status row is showing, if any. */
public enum Prompt { NONE, FILTER, FIND, FOLLOW, NEW_COLLECTION, RENAME, CONFIRM, SEND_TO, SEARCH, RULE }
