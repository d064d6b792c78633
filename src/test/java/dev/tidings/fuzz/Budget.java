package dev.tidings.fuzz;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What one fuzz input may cost: 2 s of CPU and 256 MB of allocation on the calling thread (issue
 * #16: "anything but our documented exceptions, a run over 2 s, or over 256 MB is a finding").
 * CPU time, not wall time, so a loaded machine (or {@code nice}) cannot turn a slow neighbour
 * into a finding; allocation counts every byte the thread allocated, so it bounds the peak too.
 * The work runs on a worker thread (default stack size, as the reader's loaders have) so that a
 * run that never returns is reported after {@value #WALL_SECONDS} s of wall-clock time instead of
 * hanging the build. (JUnit's {@code @Timeout} cannot do it: in fuzzing mode it would bound the
 * whole fuzzing run, which is one test invocation.)
 *
 * <pre>
 * Budget.check(() -&gt; Feeds.parse(bytes, null, null, Detail.FULL));   // AssertionError if too costly
 * </pre>
 */
public final class Budget {
    /** CPU time one input may take. */
    public static final long CPU_NANOS = 2_000_000_000L;
    /** Bytes one input may allocate. */
    public static final long ALLOCATED_BYTES = 256L << 20;

    /**
     * While fuzzing (JAZZER_FUZZ set) every class is instrumented and Jazzer's hooks allocate on
     * string comparisons: a 25 KB page that allocates 6 MB plain allocated 284 MB instrumented. So
     * the budget there is {@value #FUZZING_SLACK} times looser (the heap is still capped by
     * {@code -Xmx256m}), and a finding counts once its input, replayed by {@code mvn verify}
     * without instrumentation, breaks the real budget.
     */
    static final int FUZZING_SLACK = 8;
    private static final long SLACK = System.getenv("JAZZER_FUZZ") == null || System.getenv("JAZZER_FUZZ").isEmpty()
            ? 1 : FUZZING_SLACK;

    /** Wall-clock seconds after which a run counts as hung. */
    public static final long WALL_SECONDS = 30;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static ExecutorService worker = newWorker();

    private Budget() {
    }

    /** Work under test; it catches the exceptions its target documents and lets every other one out. */
    public interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} and fails when it took more CPU or allocated more than the budget. */
    public static synchronized void check(Work work) throws Exception {
        Future<long[]> run = worker.submit(() -> {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long allocated = THREADS.getCurrentThreadAllocatedBytes();
            work.run();
            return new long[] {THREADS.getCurrentThreadCpuTime() - cpu,
                THREADS.getCurrentThreadAllocatedBytes() - allocated};
        });
        long[] cost;
        try {
            cost = run.get(WALL_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            worker.shutdownNow();
            worker = newWorker(); // the stuck thread keeps its CPU until the JVM exits; later inputs go on
            throw new AssertionError("one input still running after " + WALL_SECONDS + " s (wall clock)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception x) {
                throw x; // as thrown, so the finding's stack trace is the target's own
            }
            throw (Error) cause;
        }
        if (cost[0] > CPU_NANOS * SLACK) {
            throw new AssertionError("one input took " + cost[0] / 1_000_000 + " ms of CPU (budget "
                    + CPU_NANOS * SLACK / 1_000_000 + " ms)");
        }
        if (cost[1] > ALLOCATED_BYTES * SLACK) {
            throw new AssertionError("one input allocated " + (cost[1] >> 20) + " MB (budget "
                    + (ALLOCATED_BYTES * SLACK >> 20) + " MB)");
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-input");
            t.setDaemon(true);
            return t;
        });
    }

    /** Fails when {@code s} holds a character that must never reach a terminal (C0 but newline, DEL, C1). */
    public static void assertPrintable(String what, String s, boolean newlines) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && !(newlines && c == '\n')) || (c >= 0x7f && c <= 0x9f)) {
                throw new AssertionError(what + " holds control character U+"
                        + String.format("%04X", (int) c) + " at " + i);
            }
        }
    }
}
