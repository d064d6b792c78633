package dev.tidings.tui;

/** The status line after a configured program ran in the terminal. */
final class ProgramExit {
    private ProgramExit() {
    }

    /**
     * <pre>{@code
     * message("send-to pinboard", "pinboard-add", 0)   -> "send-to pinboard: pinboard-add done"
     * message("open-with", "mpv", 2)                   -> "open-with: mpv exited with status 2"
     * message("open-with", "mpv", 130)                 -> "open-with: mpv stopped by signal 2 (status 130)"
     * }</pre>
     */
    static String message(String what, String program, int code) {
        if (code == 0) {
            return what + ": " + program + " done";
        }
        if (code > 128 && code < 160) {
            return what + ": " + program + " stopped by signal " + (code - 128) + " (status " + code + ")";
        }
        return what + ": " + program + " exited with status " + code;
    }
}
