package dev.tidings.cli;

/** The exit codes Tidings documents in --help and README.md. */
public final class ExitCodes {
    private ExitCodes() {
    }

    /** Success. */
    public static final int OK = 0;
    /** An unexpected internal error (a bug: please report it; --debug shows the stack trace). */
    public static final int INTERNAL = 1;
    /** Wrong usage: unknown option, bad value, no such item, no terminal for the TUI. */
    public static final int USAGE = 2;
    /** A source could not be read: missing file, HTTP error, timeout, too large. */
    public static final int UNREADABLE = 3;
    /** The source was read but is not a valid feed, or breaks a safety limit (XXE, nesting). */
    public static final int INVALID_FEED = 4;
    /** The collections file is unusable (corrupt, locked, newer version, unwritable). */
    public static final int STORE = 5;
    /** Interrupted (Ctrl-C). */
    public static final int INTERRUPTED = 130;

    /** Lines for picocli's exitCodeList, shown in --help. */
    static final String[] HELP = {
        "0:success",
        "1:internal error (a bug; --debug shows details)",
        "2:usage error (bad option or value, no such item, no terminal)",
        "3:a source could not be read (file, stdin, HTTP), or stdout not written",
        "4:not a valid feed (or refused as hostile)",
        "5:collections file unusable",
    };
}
