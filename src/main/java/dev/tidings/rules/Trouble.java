package dev.tidings.rules;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** The first condition of a rule that gave up, kept until someone reports it (once). */
final class Trouble {
    private final AtomicReference<String> first = new AtomicReference<>();
    private final AtomicBoolean reported = new AtomicBoolean();

    void gaveUp(String label) {
        first.compareAndSet(null, "rule gave up on " + label + " (too slow); counted as no match");
    }

    /** The message the first time a condition gave up; null before that and after it was taken once. */
    String take() {
        String m = first.get();
        if (m == null || reported.getAndSet(true)) {
            return null;
        }
        return m;
    }
}
