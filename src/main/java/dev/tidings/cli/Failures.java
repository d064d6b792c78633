package dev.tidings.cli;

import dev.tidings.app.FeedLoader;
import dev.tidings.app.LoadFailure;
import java.io.PrintWriter;

/** Reports load failures on stderr, one line each, and picks the exit code. */
final class Failures {
    private Failures() {
    }

    /** Prints each failure; returns the exit code of the first, or OK when there is none. */
    static int report(FeedLoader.Result result, PrintWriter err) {
        int code = ExitCodes.OK;
        for (LoadFailure f : result.failures()) {
            String msg = f.message();
            err.println("tidings: " + msg);
            if (code == ExitCodes.OK) {
                code = f.kind() == LoadFailure.Kind.UNREADABLE ? ExitCodes.UNREADABLE : ExitCodes.INVALID_FEED;
            }
        }
        err.flush();
        return code;
    }
}
