package dev.tidings.tui;

/**
 * Events that only change what the reader state shows: the answers of the store thread (the
 * library, a failed write), of search and of reader mode, the count of feeds a reload started,
 * and the end of input. The loop hands them over as they come; none needs the terminal.
 */
final class StateEvents {
    private StateEvents() {
    }

    static void apply(ReaderState state, ReaderEvent e) {
        if (e instanceof ReaderEvent.RefreshStarted) {
            int n = ((ReaderEvent.RefreshStarted) e).feeds();
            state.setLoading(n, n);
            return;
        }
        if (e instanceof ReaderEvent.Eof) {
            state.apply(Action.QUIT, 0);
        }
        if (e instanceof ReaderEvent.Library) {
            ReaderEvent.Library l = (ReaderEvent.Library) e;
            state.setLibrary(l.library(), l.readOnly());
            if (l.message() != null) {
                state.status(l.message(), false);
            }
        }
        if (e instanceof ReaderEvent.Searched) {
            ReaderEvent.Searched r = (ReaderEvent.Searched) e;
            state.searchDone(r.query(), r.found(), r.error());
        }
        if (e instanceof ReaderEvent.Extracted) {
            state.setExtracted(((ReaderEvent.Extracted) e).itemId(), ((ReaderEvent.Extracted) e).full());
        }
        if (e instanceof ReaderEvent.ExtractFailed) {
            state.extractFailed(((ReaderEvent.ExtractFailed) e).itemId(), ((ReaderEvent.ExtractFailed) e).reason());
        }
        if (e instanceof ReaderEvent.StoreFailed) {
            ReaderEvent.StoreFailed f = (ReaderEvent.StoreFailed) e;
            if (f.unusable()) {
                state.setLibraryError(f.message());
            }
            state.status(f.message(), true);
        }
    }
}
