package dev.tidings.tui;

import java.util.Locale;

/**
 * How the reader stays current: the global {@code reload-time} in minutes (0: only feeds with
 * their own; a feed's own setting is in the urls file) and what happens when a background refresh
 * brings new items ({@code notify = terminal}, {@code notify-program = PROGRAM ARGS...}).
 */
public final class LiveOptions {
    /** No background refresh, no notification. */
    public static final LiveOptions NONE = new LiveOptions(0, false, null);

    final int reloadMinutes;
    final boolean terminal;
    final NotifyProgram program;

    private LiveOptions(int reloadMinutes, boolean terminal, NotifyProgram program) {
        this.reloadMinutes = reloadMinutes;
        this.terminal = terminal;
        this.program = program;
    }

    /**
     * From the config's values (null when not set).
     *
     * @param notify        "terminal" or "off"
     * @param notifyProgram a program and its arguments
     * @throws IllegalArgumentException naming the setting and what was expected
     */
    public static LiveOptions of(int reloadMinutes, String notify, String notifyProgram) {
        if (reloadMinutes < 0) {
            throw new IllegalArgumentException("reload-time: expected minutes >= 0, not " + reloadMinutes);
        }
        boolean terminal = false;
        if (notify != null) {
            switch (notify.strip().toLowerCase(Locale.ROOT)) {
                case "terminal" -> terminal = true;
                case "off", "no", "" -> terminal = false;
                default -> throw new IllegalArgumentException("notify: expected terminal or off, not '"
                        + dev.tidings.text.Sanitize.line(notify) + "'");
            }
        }
        return new LiveOptions(reloadMinutes, terminal, notifyProgram == null ? null : NotifyProgram.parse(notifyProgram));
    }
}
