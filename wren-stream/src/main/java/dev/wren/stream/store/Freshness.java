package dev.wren.stream.store;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long events take from serving's log to the store: for each event a written user row reflects for the first
 * time, the wall-clock time of the write less the record's {@code loggedAt} (serving's clock, so the two must agree).
 * Kept exactly, to the millisecond up to two minutes, for the whole run and for the last period; both are logged after each
 * period that had events ({@link #tick}), and the run's when the sink closes (not on a cancellation). Not thread-safe: one per sink task.
 */
final class Freshness {
    private static final Logger log = LoggerFactory.getLogger(Freshness.class);
    private static final int MAX_MILLIS = 120_000;

    private final String store;
    private final long periodNanos;
    private final long[] total = new long[MAX_MILLIS + 1];
    private final long[] period = new long[MAX_MILLIS + 1];
    private long periodStart = System.nanoTime();
    private long totalCount;
    private long periodCount;

    Freshness(String store, long periodMillis) {
        this.store = store;
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
    }

    /** Records events logged at {@code loggedAt} and written at {@code nowMillis}. */
    void written(long[] loggedAt, long nowMillis) {
        for (long at : loggedAt) {
            int lag = (int) Math.max(0, Math.min(MAX_MILLIS, nowMillis - at));
            total[lag]++;
            period[lag]++;
            totalCount++;
            periodCount++;
        }
    }

    /** Logs the period's and the run's figures once a period has passed with events in it. */
    void tick() {
        if (System.nanoTime() - periodStart >= periodNanos) {
            if (periodCount > 0) {
                log.info(
                        "Freshness (serving's log to {}): p50 {} ms, p99 {} ms, max {} ms over {} events;"
                                + " since the start: p50 {} ms, p99 {} ms, max {} ms over {} events",
                        store,
                        percentile(period, periodCount, 0.50),
                        percentile(period, periodCount, 0.99),
                        percentile(period, periodCount, 1.0),
                        periodCount,
                        percentile(total, totalCount, 0.50),
                        percentile(total, totalCount, 0.99),
                        percentile(total, totalCount, 1.0),
                        totalCount);
            }
            java.util.Arrays.fill(period, 0);
            periodCount = 0;
            periodStart = System.nanoTime();
        }
    }

    /** Logs the whole run's figures. */
    void close() {
        if (totalCount > 0) {
            log.info(
                    "Freshness over the run (serving's log to {}): p50 {} ms, p99 {} ms, max {} ms over {} events",
                    store,
                    percentile(total, totalCount, 0.50),
                    percentile(total, totalCount, 0.99),
                    percentile(total, totalCount, 1.0),
                    totalCount);
        }
    }

    /** The smallest lag at or below which a share {@code q} of the events fall ({@code MAX_MILLIS} caps it). */
    static int percentile(long[] counts, long n, double q) {
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (int ms = 0; ms < counts.length; ms++) {
            seen += counts[ms];
            if (seen >= rank) {
                return ms;
            }
        }
        return MAX_MILLIS;
    }
}
