package dev.wren.serving.trend;

import java.time.Duration;
import java.util.Objects;

/**
 * How serving follows the stream job's item trends.
 *
 * @param window the stream job's trend window ({@code wren stream --trend-window}): an item whose trend was written
 *     that long or longer before the newest trend seen has no events in the current window and drops out
 * @param refreshEvery how often the store is polled
 * @param keep how many of the most trending items are kept
 */
public record TrendSettings(Duration window, Duration refreshEvery, int keep) {
    /** The stream job's default window. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    public TrendSettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(refreshEvery, "refreshEvery");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the trend window must be positive, got " + window);
        }
        if (refreshEvery.toMillis() < 100) {
            throw new IllegalArgumentException("trends can be refreshed at most every 100 ms, got " + refreshEvery);
        }
        if (keep < 1 || keep > 10_000) {
            throw new IllegalArgumentException("keep must be 1..10000, got " + keep);
        }
    }

    /** The stream job's default window (1 hour), polled every 5 seconds, the 100 most trending items kept. */
    public static TrendSettings defaults() {
        return new TrendSettings(DEFAULT_WINDOW, Duration.ofSeconds(5), 100);
    }

    public TrendSettings withWindow(Duration newWindow) {
        return new TrendSettings(newWindow, refreshEvery, keep);
    }

    public TrendSettings withRefreshEvery(Duration every) {
        return new TrendSettings(window, every, keep);
    }
}
