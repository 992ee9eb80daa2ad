package dev.wren.model.train;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Pulls items from an iterator on its own thread, at most {@code depth} ahead of the consumer, so that preparing the
 * next batches (gathering shuffled rows, converting them to tensor element types) overlaps the training step on the
 * other core. Items arrive in the iterator's order, so seeded runs stay reproducible; a failure of the producer is
 * rethrown to the consumer. One consumer thread; {@link #close} stops the producer.
 *
 * @param <T> item type
 */
final class Prefetch<T> implements AutoCloseable {
    private static final Object END = new Object();
    private final BlockingQueue<Object> queue;
    private final Thread producer;
    private volatile boolean closed;

    private record Failure(RuntimeException cause) {}

    Prefetch(Iterator<T> source, int depth, String name) {
        this.queue = new ArrayBlockingQueue<>(depth + 1);
        this.producer = new Thread(() -> produce(source), name);
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(Iterator<T> source) {
        try {
            while (!closed && source.hasNext()) {
                queue.put(source.next());
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            RuntimeException cause = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            try {
                queue.put(new Failure(cause));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Hands every item to {@code action} on the calling thread, in order. */
    @SuppressWarnings("unchecked")
    void forEach(Consumer<? super T> action) {
        while (true) {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next batch", e);
            }
            if (item == END) {
                return;
            }
            if (item instanceof Failure failure) {
                throw failure.cause();
            }
            if (closed) {
                throw new NoSuchElementException("prefetch closed");
            }
            action.accept((T) item);
        }
    }

    @Override
    public void close() {
        closed = true;
        producer.interrupt();
        try {
            producer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
