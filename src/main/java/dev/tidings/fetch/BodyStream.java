package dev.tidings.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The response body as an InputStream fed by the client's threads. Unlike
 * {@code BodyHandlers.ofInputStream()}, whose read() swallows interrupts and ignores the request
 * timeout (JDK-8258397), every read here waits at most until the request's deadline and an
 * interrupt ends it with an {@link InterruptedIOException}, the flag kept. Demand is one buffer
 * list at a time, so an endless body never piles up in memory. Read by one thread.
 */
final class BodyStream extends InputStream implements HttpResponse.BodySubscriber<BodyStream> {
    private static final Signal END = new Signal(List.of(), null);

    private final long deadlineNanos;
    private final BlockingQueue<Signal> queue = new LinkedBlockingQueue<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private volatile boolean closed;
    private Iterator<ByteBuffer> pending = Collections.emptyIterator();
    private ByteBuffer current;
    private boolean ended;
    private IOException failure;

    /** One signal from the client: a list of buffers, an error, or {@link #END}. */
    private record Signal(List<ByteBuffer> buffers, Throwable error) {
    }

    BodyStream(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public CompletionStage<BodyStream> getBody() {
        return CompletableFuture.completedStage(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.compareAndSet(null, s) || closed) {
            s.cancel();
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        queue.add(new Signal(buffers, null));
    }

    @Override
    public void onError(Throwable error) {
        queue.add(new Signal(List.of(), error));
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        ByteBuffer buf = current();
        if (buf == null) {
            return -1;
        }
        int n = Math.min(len, buf.remaining());
        buf.get(b, off, n);
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.remaining();
    }

    /** The buffer to read from, waiting for the next one if needed; null at the end. */
    private ByteBuffer current() throws IOException {
        while (current == null || !current.hasRemaining()) {
            rethrowFailure();
            if (closed) {
                throw new IOException("closed");
            }
            if (pending.hasNext()) {
                current = pending.next();
            } else if (ended) {
                return null;
            } else {
                take();
            }
        }
        return current;
    }

    private void take() throws IOException {
        Signal signal = poll();
        if (signal == END) {
            ended = true;
        } else if (signal.error() != null) {
            throw failed(new IOException(HttpFailures.describe(signal.error()), signal.error()));
        } else {
            pending = signal.buffers().iterator();
            Flow.Subscription s = subscription.get();
            if (s != null) {
                s.request(1);
            }
        }
    }

    private Signal poll() throws IOException {
        long left = deadlineNanos - System.nanoTime();
        try {
            Signal signal = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (signal == null) {
                throw failed(new DeadlineException());
            }
            return signal;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(new InterruptedIOException("interrupted"));
        }
    }

    private IOException failed(IOException e) {
        failure = e;
        cancel();
        return e;
    }

    /** Throws the first failure again, even when a reader above swallowed it. */
    void rethrowFailure() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        closed = true;
        cancel();
        queue.clear();
    }

    private void cancel() {
        Flow.Subscription s = subscription.get();
        if (s != null) {
            s.cancel();
        }
    }

    /** The whole-request deadline passed while the body was being read. */
    static final class DeadlineException extends IOException {
        private static final long serialVersionUID = 1L;

        DeadlineException() {
            super("deadline passed");
        }
    }
}
