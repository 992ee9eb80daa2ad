package dev.wren.cli.config;

import dev.wren.core.features.UserFeatureRules;
import dev.wren.stream.StreamConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code stream} section: the near-line Flink job. Units are in each name's javadoc and in reference.yaml.
 *
 * @param outOfOrderness seconds an event may arrive behind the newest event time and still count
 * @param trendWindow minutes of the sliding trend window (serving follows the same window)
 * @param trendSlide seconds between the trend window's moves
 * @param ctrWindow minutes of the sliding CTR window; empty for the trend window
 * @param labelWindow minutes after an exposure in which a click or rating labels it
 * @param sessionGap minutes of the longest pause within one session
 * @param recentItems how many of a user's newest interactions the recent history keeps
 * @param checkpointInterval seconds between checkpoints
 * @param parallelism parallel tasks of the user and item operators
 * @param pollInterval milliseconds between looks at a followed log once all of it was read
 * @param restartAttempts restarts from the last checkpoint before giving up
 */
public record StreamSection(
        long outOfOrderness,
        long trendWindow,
        long trendSlide,
        Optional<Long> ctrWindow,
        long labelWindow,
        long sessionGap,
        int recentItems,
        long checkpointInterval,
        int parallelism,
        long pollInterval,
        int restartAttempts) {
    public StreamSection {
        Objects.requireNonNull(ctrWindow, "stream.ctr-window");
    }

    /** The trend window, which serving needs too. */
    public Duration trendWindowDuration() {
        return Duration.ofMinutes(trendWindow);
    }

    /**
     * The job reading {@code events} once into {@code storeUri}, by {@code rules}: no Kafka, checkpoints in the
     * cluster's storage, late events logged only, no sample files (the command adds those it wants).
     */
    public StreamConfig config(Path events, Path data, String storeUri, int dimension, UserFeatureRules rules) {
        return new StreamConfig(
                events,
                data,
                storeUri,
                dimension,
                false,
                Duration.ofSeconds(outOfOrderness),
                trendWindowDuration(),
                Duration.ofSeconds(trendSlide),
                Duration.ofMinutes(sessionGap),
                recentItems,
                rules,
                Duration.ofSeconds(checkpointInterval),
                Optional.empty(),
                Optional.empty(),
                parallelism,
                Duration.ofMillis(pollInterval),
                restartAttempts,
                Optional.empty(),
                Optional.empty(),
                Duration.ofMinutes(labelWindow),
                Duration.ofMinutes(ctrWindow.orElse(trendWindow)));
    }
}
