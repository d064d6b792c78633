package dev.tidings.app;

import dev.tidings.app.Refresher.Result;
import dev.tidings.app.Refresher.Status;
import dev.tidings.text.Sanitize;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The scheduler of one {@link Refresher#refresh} call: the calling thread starts fetches as the
 * limits allow ({@value Refresher#MAX_PARALLEL} at a time, {@value Refresher#MAX_PER_HOST} per
 * {@link #hostKey host}, one parse per core), in list order, skipping past feeds whose host is busy;
 * each feed's result is reported once, from the thread that finished it.
 */
final class RefreshRun {
    /** One feed, start to end; runs {@code fetched} once the server has answered. Never throws for a feed's problem. */
    interface FeedWork {
        Result refresh(String url, Runnable fetched);
    }

    private final Consumer<Result> report;
    private final Function<String, Result> skipIfDeferred;
    private final FeedWork feedWork;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Semaphore global = new Semaphore(Refresher.MAX_PARALLEL);
    private final Map<String, Semaphore> perHost = new HashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final Semaphore cpu = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    /**
     * @param report         called once per feed as soon as it is finished; what it throws is ignored
     * @param skipIfDeferred a DEFERRED result for a feed not to fetch yet, else null
     * @param work           one feed's refresh, run on a worker thread
     */
    RefreshRun(Consumer<Result> report, Function<String, Result> skipIfDeferred, FeedWork work) {
        this.report = report;
        this.skipIfDeferred = skipIfDeferred;
        this.feedWork = work;
    }

    /** Fills {@code results} (one null slot per URL) and returns when every feed has its result. */
    void execute(List<String> urls, Map<String, Result> results) {
        List<String[]> pending = new ArrayList<>(); // {url, hostKey}
        for (String u : urls) {
            String host = hostKey(u);
            Result early = host == null ? invalid(u) : skipIfDeferred.apply(u);
            if (early != null) {
                finish(results, early);
            } else {
                pending.add(new String[] {u, host});
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        List<Result> abandoned = new ArrayList<>();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tidings-refresh-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        lock.lock();
        try {
            while (!pending.isEmpty() || running()) {
                boolean started = false;
                for (Iterator<String[]> it = pending.iterator(); it.hasNext() && global.availablePermits() > 0; ) {
                    String[] p = it.next();
                    Semaphore host = perHost.computeIfAbsent(p[1], h -> new Semaphore(Refresher.MAX_PER_HOST));
                    if (host.tryAcquire()) {
                        global.acquireUninterruptibly(); // a permit is available: we hold the lock
                        it.remove();
                        started = true;
                        pool.execute(() -> work(p[0], host, results));
                    }
                }
                if (!started) {
                    changed.await();
                }
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            for (Map.Entry<String, Result> slot : results.entrySet()) {
                if (slot.getValue() == null) {
                    slot.setValue(new Result(slot.getKey(), Status.FAILED,
                            Sanitize.line(slot.getKey()) + ": interrupted", null, 0));
                    abandoned.add(slot.getValue());
                }
            }
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
            pool.shutdown();
        }
        abandoned.forEach(this::call);
    }

    /** True while some started feed has no result yet; called with the lock held. */
    private boolean running() {
        return global.availablePermits() < Refresher.MAX_PARALLEL;
    }

    private void work(String url, Semaphore host, Map<String, Result> results) {
        Result r;
        boolean[] hostFreed = {false};
        boolean[] parsing = {false};
        Runnable fetched = () -> { // the host's slot frees as soon as its answer is in: parsing and
            if (!hostFreed[0]) {   // writing the cache need no connection to it
                hostFreed[0] = true;
                release(host, null);
                // at most one parse per core: more would starve the JIT compiler threads while
                // the parser is still interpreted, and a cold refresh then burns 50% more CPU
                cpu.acquireUninterruptibly();
                parsing[0] = true;
            }
        };
        try {
            r = feedWork.refresh(url, fetched);
        } catch (RuntimeException | Error e) {
            r = new Result(url, Status.FAILED, Sanitize.line(url) + ": internal error ("
                    + Sanitize.line(String.valueOf(e)) + ")", null, 0);
        }
        boolean recorded;
        lock.lock();
        try {
            recorded = results.get(url) == null; // else the run was interrupted and has answered already
            if (recorded) {
                results.put(url, r);
            }
        } finally {
            lock.unlock();
        }
        try {
            if (recorded) {
                call(r); // before the permits go back: refresh() returns only after every report
            }
        } finally {
            if (parsing[0]) {
                cpu.release();
            }
            release(hostFreed[0] ? null : host, global);
        }
    }

    private void release(Semaphore host, Semaphore all) {
        lock.lock();
        try {
            if (host != null) {
                host.release();
            }
            if (all != null) {
                all.release();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void finish(Map<String, Result> results, Result r) {
        results.put(r.url(), r);
        call(r);
    }

    private void call(Result r) {
        try {
            report.accept(r);
        } catch (RuntimeException e) {
            // a broken progress display must not stop the refresh
        }
    }

    private static Result invalid(String url) {
        return new Result(url, Status.FAILED, Sanitize.line(url) + ": not an http or https URL", null, 0);
    }

    /** "host:port", lower-case, with the scheme's default port filled in; null when not http(s). */
    static String hostKey(String url) {
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((!scheme.equals("http") && !scheme.equals("https")) || u.getHost() == null || u.getHost().isEmpty()) {
                return null;
            }
            int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
            return u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
