package dev.tidings.store;

import java.nio.file.Path;

/**
 * Not a test: a second Tidings writing the collections file, for the multi-process ITs.
 *
 * <pre>java -cp ... dev.tidings.store.StoreWriterMain FILE COLLECTION PREFIX COUNT [forever]</pre>
 *
 * Creates COLLECTION if it is missing, then adds the articles PREFIX-0 .. PREFIX-(COUNT-1) one at a
 * time, each a separate {@code store.add} (its own lock, re-read and atomic write). Prints "ready"
 * after the first add returned and "done" at the end. With "forever" it keeps adding PREFIX-N for
 * increasing N until it is killed. Exits 2, with the reason on stderr, when a change fails.
 */
public final class StoreWriterMain {
    private StoreWriterMain() {
    }

    public static void main(String[] args) {
        if (args.length < 4 || args.length > 5 || (args.length == 5 && !args[4].equals("forever"))) {
            System.err.println("usage: StoreWriterMain FILE COLLECTION PREFIX COUNT [forever]");
            System.exit(64);
        }
        Path file = Path.of(args[0]);
        String collection = args[1];
        String prefix = args[2];
        long count = Long.parseLong(args[3]);
        boolean forever = args.length == 5;
        CollectionStore store = new CollectionStore(file);
        try {
            try {
                store.create(collection);
            } catch (CollectionException e) {
                if (!e.getMessage().contains("exists already")) {
                    throw e;
                }
            }
            for (long n = 0; forever || n < count; n++) {
                store.add(collection, SampleArticles.article(prefix + "-" + n));
                if (n == 0) {
                    System.out.println("ready");
                    System.out.flush();
                }
            }
            System.out.println("done");
            System.out.flush();
        } catch (StoreException | CollectionException | RuntimeException e) {
            System.err.println("StoreWriterMain " + prefix + ": " + e);
            e.printStackTrace();
            System.exit(2);
        }
    }
}
