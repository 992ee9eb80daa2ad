package dev.wren.serving.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records an {@link EventLog} was offered and could not take: counted in {@value EventLog#LOST_COUNTER} by kind,
 * and logged as a warning at most once every ten seconds, so that an outage at a thousand requests a second does not
 * flood the log. Thread-safe.
 */
final class LostRecords {
    private static final Logger log = LoggerFactory.getLogger(LostRecords.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final MeterRegistry metrics;
    private final Map<String, Counter> byKind = new ConcurrentHashMap<>();
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

    LostRecords(MeterRegistry metrics) {
        this.metrics = metrics;
        // Registered up front, so that dashboards show a zero rather than no series before the first loss.
        counter(EventLog.EXPOSURE);
    }

    void lost(String kind, Throwable cause) {
        Counter counter = counter(kind);
        counter.increment();
        long now = System.nanoTime();
        long next = nextWarning.get();
        if (now - next >= 0 && nextWarning.compareAndSet(next, now + WARN_EVERY_NANOS)) {
            log.warn(
                    "The event log could not take an {} record ({} lost so far; the request was still served): {}",
                    kind,
                    (long) counter.count(),
                    cause.getCause() != null ? cause.getMessage() + ": " + cause.getCause() : cause.getMessage());
        }
    }

    long count(String kind) {
        return (long) counter(kind).count();
    }

    private Counter counter(String kind) {
        return byKind.computeIfAbsent(kind, k -> Counter.builder(EventLog.LOST_COUNTER)
                .description("Records offered to the event log that it could not take (e.g. exposures while Kafka is"
                        + " down)")
                .tag("kind", k)
                .register(metrics));
    }
}
