package dev.tidings.tui;

import dev.tidings.app.Headline;
import dev.tidings.app.Saved;
import dev.tidings.model.Library;
import dev.tidings.store.CollectionException;
import dev.tidings.store.CollectionStore;
import dev.tidings.store.ReadState;
import dev.tidings.store.StoreException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The collections file and the read-state log, written on one background thread in the order the
 * user asked; every result comes back to the UI thread as a {@link ReaderEvent}.
 */
final class StoreWorker {
    /** A change to the collections: returns the library after it and what to tell the user. */
    private interface Change {
        Result apply(CollectionStore store) throws StoreException, CollectionException;
    }

    private record Result(Library library, String message) {
    }

    private final BlockingQueue<ReaderEvent> queue;
    /** A headline-only entry with its body, for saving (runs on the store thread). */
    private final UnaryOperator<Headline> withBody;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tidings-store");
        t.setDaemon(true);
        return t;
    });
    private CollectionStore store;
    private ReadState readState;
    /** Synced accounts: read marks of synced items are queued for them too (null without any). */
    private ReaderSync sync;

    StoreWorker(BlockingQueue<ReaderEvent> queue, UnaryOperator<Headline> withBody) {
        this.queue = queue;
        this.withBody = withBody;
    }

    /** With synced accounts: read marks of their items are queued for the server as well. */
    void sync(ReaderSync sync) {
        this.sync = sync;
    }

    /** Reads the collections file in the background; saved markers appear when it is in. */
    void openStore(Path file) {
        store = new CollectionStore(file);
        worker.submit(() -> {
            try {
                // names and counts first (the browser needs no more), then everything, read strictly
                queue.offer(new ReaderEvent.Library(store.readIndex(), store.readOnly(), null));
                Library lib = store.read();
                queue.offer(new ReaderEvent.Library(lib, store.readOnly(), store.readOnly()
                        ? file + " was written by a newer Tidings: collections are read-only" : null));
            } catch (StoreException e) {
                queue.offer(new ReaderEvent.StoreFailed(e.getMessage(), true));
            }
        });
    }

    /** Loads the read-state log (quick: a few KB) before the first frame; the state reads marks from it. */
    void openReadState(Path file, ReaderState state) {
        readState = new ReadState(file);
        try {
            readState.load();
        } catch (StoreException e) {
            state.status(e.getMessage(), true);
        }
        state.setReadState(readState);
    }

    /** The read-state log, or null before {@link #openReadState}. */
    ReadState readState() {
        return readState;
    }

    /** Read marks go to disk off the UI thread: marking read costs nothing visible. */
    void persistRead(String lines) {
        if (readState == null) {
            return;
        }
        long now = System.currentTimeMillis();
        ReaderSync s = sync;
        worker.submit(() -> {
            try {
                readState.append(lines);
                if (s != null) {
                    s.queueRead(lines, now); // synced items: queued for the server too
                }
            } catch (StoreException e) {
                queue.offer(new ReaderEvent.StoreFailed(e.getMessage(), false));
            } catch (dev.tidings.sync.SyncException e) {
                queue.offer(new ReaderEvent.StoreFailed(e.getMessage(), false));
            }
        });
    }

    /** A star change for a synced account, written to its change queue off the UI thread. */
    void queueChange(ReaderSync s, String account, dev.tidings.sync.Change c) {
        worker.submit(() -> {
            try {
                s.queue(account, c);
            } catch (dev.tidings.sync.SyncException ex) {
                queue.offer(new ReaderEvent.StoreFailed(ex.getMessage(), false));
            }
        });
    }

    void toggle(Effect.Toggle t) {
        change(s -> t.add()
                ? new Result(s.add(t.collection(), Saved.snapshot(withBody.apply(t.entry()), Instant.now())),
                        "Saved to " + t.collection())
                : new Result(s.remove(t.collection(), t.entry().item().id()), "Removed from " + t.collection()));
    }

    void create(Effect.Create c) {
        change(s -> {
            Library lib = s.create(c.name());
            if (c.entry() == null) {
                return new Result(lib, "Created collection " + c.name());
            }
            return new Result(s.add(c.name(), Saved.snapshot(withBody.apply(c.entry()), Instant.now())),
                    "Created " + c.name() + " and saved the article to it");
        });
    }

    void rename(Effect.Rename r) {
        change(s -> new Result(s.rename(r.from(), r.to()), "Renamed " + r.from() + " to " + r.to()));
    }

    void delete(Effect.Delete d) {
        change(s -> new Result(s.delete(d.name()), "Deleted collection " + d.name()));
    }

    void remove(Effect.Remove r) {
        change(s -> new Result(s.remove(r.collection(), r.key()), "Removed from " + r.collection()));
    }

    /** Carries out a change to the collections off the UI thread; the result comes back as an event. */
    private void change(Change change) {
        if (store == null) {
            return;
        }
        worker.submit(() -> {
            try {
                Result r = change.apply(store);
                queue.offer(new ReaderEvent.Library(r.library(), store.readOnly(), r.message()));
            } catch (StoreException e) {
                queue.offer(new ReaderEvent.StoreFailed(e.getMessage(), e.kind() == StoreException.Kind.CORRUPT
                        || e.kind() == StoreException.Kind.NOT_A_FILE));
            } catch (CollectionException e) {
                queue.offer(new ReaderEvent.StoreFailed(e.getMessage(), false));
            } catch (RuntimeException e) { // never lost inside the executor: the user hears of it
                queue.offer(new ReaderEvent.StoreFailed("Collections: " + e, false));
            }
        });
    }

    /** Waits for pending writes (at quit), so nothing the user saved is lost. */
    void finish() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
