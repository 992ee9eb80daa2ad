package dev.wren.offline;

import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Spark work run from a driver thread of its own, in a Spark job group of its own: it runs beside the caller's jobs
 * (its planning and single-task phases fill cores the caller leaves idle) and {@link #close} cancels whatever of it is
 * still running. Not thread-safe: the thread that started it awaits and closes it.
 *
 * @param <T> the work's result
 */
final class BackgroundJob<T> implements AutoCloseable {
    private final SparkContext spark;
    private final String group;
    private final ExecutorService thread;
    private final Future<T> result;

    private BackgroundJob(SparkSession spark, String name, Callable<T> body) {
        this.spark = spark.sparkContext();
        this.group = "wren-" + name + "-" + UUID.randomUUID();
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wren-" + name);
            t.setDaemon(true);
            return t;
        });
        this.result = thread.submit(() -> {
            // A job group is a thread-local property: every job this thread submits belongs to it.
            this.spark.setJobGroup(group, "Wren " + name, true);
            try {
                return body.call();
            } finally {
                this.spark.clearJobGroup();
            }
        });
    }

    /** Starts {@code body} on a new driver thread named {@code wren-<name>}. */
    static <T> BackgroundJob<T> start(SparkSession spark, String name, Callable<T> body) {
        return new BackgroundJob<>(spark, name, body);
    }

    /** Waits for the result; the work's own exception is rethrown. */
    T await() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + group, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Cancels the running jobs if the work is not done (the work then fails with Spark's "cancelled" error, which
     * {@link #await} rethrows), and lets its thread end.
     */
    @Override
    public void close() {
        if (!result.isDone()) {
            spark.cancelJobGroup(group);
        }
        // Not shutdownNow: interrupting a thread that waits on a job would hide the cancellation behind an
        // InterruptedException.
        thread.shutdown();
    }
}
