package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.app.SearchHits;
import dev.tidings.app.Searching;
import dev.tidings.model.Library;
import dev.tidings.search.SearchIndex;
import dev.tidings.subs.Subscription;
import dev.tidings.text.Sanitize;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * "/" on the feed list: searches every cached article on a thread of its own and posts the
 * results ({@link ReaderEvent.Searched}). Before the first search the index catches up with the
 * cache (feeds refreshed by another process, a damaged or missing index) and with the collections
 * file, so a search never shows what is no longer there. The index is opened here, on first use,
 * never at start-up.
 */
final class ReaderSearch {
    /** Results shown at most (the title still counts them all). */
    static final int MAX_SHOWN = 10_000;

    private final BlockingQueue<ReaderEvent> queue;
    private final Searching searching;
    private final List<Subscription> subs;
    private final Path collectionsFile;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tidings-search");
        t.setDaemon(true);
        return t;
    });

    ReaderSearch(BlockingQueue<ReaderEvent> queue, Searching searching, List<Subscription> subs, Path collectionsFile) {
        this.queue = queue;
        this.searching = searching;
        this.subs = List.copyOf(subs);
        this.collectionsFile = collectionsFile;
    }

    void search(String query, List<Headline> headlines, Library library) {
        worker.submit(() -> {
            try {
                queue.offer(new ReaderEvent.Searched(query, run(query, headlines, library), null));
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                queue.offer(new ReaderEvent.Searched(query, List.of(),
                        "Search failed: " + Sanitize.line(String.valueOf(e.getMessage()))));
            }
        });
    }

    private List<Headline> run(String query, List<Headline> headlines, Library library) throws IOException {
        searching.catchUp(subs);
        // the quick read of the collections has no articles yet: keep the segment until the full read
        boolean complete = library != null && (!library.articles().isEmpty() || library.collections().isEmpty());
        if (complete && collectionsFile != null && searching.collectionsStale(collectionsFile)) {
            searching.updateCollections(library, collectionsFile);
        }
        SearchIndex.Results r = searching.search(query, subs, MAX_SHOWN);
        List<String> notes = searching.index().drainNotes();
        if (!notes.isEmpty()) {
            queue.offer(new ReaderEvent.StoreFailed(notes.get(0), false));
        }
        return SearchHits.entries(r.hits(), headlines, library);
    }
}
