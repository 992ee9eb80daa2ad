package dev.wren.stream;

import dev.wren.core.features.UserFeatureRules;
import dev.wren.stream.kafka.KafkaInput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the stream job needs, checked once at start-up.
 *
 * @param events the serving event log (JSON lines)
 * @param data the MovieLens folder: the catalogue (item years and genres) and the ratings users' histories start from
 * @param storeUri the feature store: {@code embedded:/dir} or {@code redis://host:port/db} (not {@code memory:}, which
 *     would be gone when the job ends)
 * @param embeddingDimension the store's embedding dimension
 * @param follow keep reading the log as it grows, until cancelled; otherwise read it once and stop
 * @param outOfOrderness how far behind the newest event time an event may arrive and still be applied
 * @param trendWindow the length of the sliding window of item trends
 * @param trendSlide how often the trend window moves
 * @param sessionGap the longest pause within one user session
 * @param recentItems how many of a user's newest interactions the recent history keeps
 * @param rules the user feature rules (serving's and the offline pipeline's)
 * @param checkpointInterval how often the job checkpoints
 * @param checkpoints where checkpoints go, so that a restarted {@code --follow} resumes; empty leaves them to the
 *     cluster's checkpoint storage (a MiniCluster keeps them in memory, up to 5 MB of state)
 * @param lateEvents a file to append late events to; empty logs them only
 * @param parallelism the parallelism of the keyed user and item operators
 * @param pollInterval how often a followed log is checked for new lines once it has all been read
 * @param restartAttempts how often the job restarts from its last checkpoint after a failure before giving up
 * @param kafka read the events and exposures from Kafka instead of {@code events} (and write fresh samples there too)
 * @param samples the folder that this run's fresh labelled samples go to (JSON lines); empty writes none to files
 * @param labelWindow how long after an exposure a click or rating of the item still labels it
 * @param ctrWindow the length of the sliding window of item exposures, clicks and CTR (it slides with the trend window)
 */
public record StreamConfig(
        Path events,
        Path data,
        String storeUri,
        int embeddingDimension,
        boolean follow,
        Duration outOfOrderness,
        Duration trendWindow,
        Duration trendSlide,
        Duration sessionGap,
        int recentItems,
        UserFeatureRules rules,
        Duration checkpointInterval,
        Optional<Path> checkpoints,
        Optional<Path> lateEvents,
        int parallelism,
        Duration pollInterval,
        int restartAttempts,
        Optional<KafkaInput> kafka,
        Optional<Path> samples,
        Duration labelWindow,
        Duration ctrWindow) {

    public StreamConfig {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(storeUri, "storeUri");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(lateEvents, "lateEvents");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(samples, "samples");
        if (storeUri.isBlank() || storeUri.regionMatches(true, 0, "memory:", 0, 7)) {
            throw new IllegalArgumentException("the stream job needs a store that outlives it: embedded:/dir or"
                    + " redis://host:port/db, not '" + storeUri + "'");
        }
        if (embeddingDimension < 1) {
            throw new IllegalArgumentException("the embedding dimension must be positive, got " + embeddingDimension);
        }
        requireNotNegative(outOfOrderness, "out-of-orderness");
        requirePositive(trendWindow, "trend window");
        requirePositive(trendSlide, "trend slide");
        requirePositive(sessionGap, "session gap");
        requirePositive(checkpointInterval, "checkpoint interval");
        requirePositive(pollInterval, "poll interval");
        requirePositive(labelWindow, "label window");
        requirePositive(ctrWindow, "CTR window");
        if (trendSlide.compareTo(ctrWindow) > 0 || ctrWindow.toMillis() % trendSlide.toMillis() != 0) {
            throw new IllegalArgumentException(
                    "the CTR window (" + ctrWindow + ") must be a whole number of slides (" + trendSlide + ")");
        }
        if (trendSlide.compareTo(trendWindow) > 0 || trendWindow.toMillis() % trendSlide.toMillis() != 0) {
            throw new IllegalArgumentException(
                    "the trend window (" + trendWindow + ") must be a whole number of slides (" + trendSlide + ")");
        }
        if (recentItems < 1 || parallelism < 1 || restartAttempts < 0) {
            throw new IllegalArgumentException(
                    "recentItems and parallelism must be positive and restartAttempts not negative");
        }
    }

    /**
     * The defaults: 5 s out-of-orderness, trends over 1 hour sliding by 1 minute, 30-minute sessions, the 20 newest
     * interactions, serving's rules, a checkpoint every 10 s in the cluster's storage, late events logged only,
     * parallelism 2, a followed log polled every 50 ms, 3 restarts, the file log (no Kafka), no sample files, exposures
     * labelled by what follows within 30 minutes, the CTR over the trend window.
     */
    public static StreamConfig defaults(Path events, Path data, String storeUri, int embeddingDimension) {
        return new StreamConfig(
                events,
                data,
                storeUri,
                embeddingDimension,
                false,
                Duration.ofSeconds(5),
                Duration.ofHours(1),
                Duration.ofMinutes(1),
                Duration.ofMinutes(30),
                20,
                UserFeatureRules.defaults(),
                Duration.ofSeconds(10),
                Optional.empty(),
                Optional.empty(),
                2,
                Duration.ofMillis(50),
                3,
                Optional.empty(),
                Optional.empty(),
                Duration.ofMinutes(30),
                Duration.ofHours(1));
    }

    public StreamConfig withFollow(boolean follow) {
        return new StreamConfig(
                events,
                data,
                storeUri,
                embeddingDimension,
                follow,
                outOfOrderness,
                trendWindow,
                trendSlide,
                sessionGap,
                recentItems,
                rules,
                checkpointInterval,
                checkpoints,
                lateEvents,
                parallelism,
                pollInterval,
                restartAttempts,
                kafka,
                samples,
                labelWindow,
                ctrWindow);
    }

    public StreamConfig withOutOfOrderness(Duration outOfOrderness) {
        return new StreamConfig(
                events,
                data,
                storeUri,
                embeddingDimension,
                follow,
                outOfOrderness,
                trendWindow,
                trendSlide,
                sessionGap,
                recentItems,
                rules,
                checkpointInterval,
                checkpoints,
                lateEvents,
                parallelism,
                pollInterval,
                restartAttempts,
                kafka,
                samples,
                labelWindow,
                ctrWindow);
    }

    /** Another trend window; a CTR window equal to the old trend window follows it (the default is the same window). */
    public StreamConfig withTrendWindow(Duration trendWindow, Duration trendSlide) {
        Duration ctrWindow = this.ctrWindow.equals(this.trendWindow) ? trendWindow : this.ctrWindow;
        return new StreamConfig(
                events,
                data,
                storeUri,
                embeddingDimension,
                follow,
                outOfOrderness,
                trendWindow,
                trendSlide,
                sessionGap,
                recentItems,
                rules,
                checkpointInterval,
                checkpoints,
                lateEvents,
                parallelism,
                pollInterval,
                restartAttempts,
                kafka,
                samples,
                labelWindow,
                ctrWindow);
    }

    public StreamConfig withSessionGap(Duration sessionGap) {
        return new StreamConfig(
                events,
                data,
                storeUri,
                embeddingDimension,
                follow,
                outOfOrderness,
                trendWindow,
                trendSlide,
                sessionGap,
                recentItems,
                rules,
                checkpointInterval,
                checkpoints,
                lateEvents,
                parallelism,
                pollInterval,
                restartAttempts,
                kafka,
                samples,
                labelWindow,
                ctrWindow);
    }

    public StreamConfig withRecentItems(int recentItems) {
        return new StreamConfig(
                events,
                data,
                storeUri,
                embeddingDimension,
                follow,
                outOfOrderness,
                trendWindow,
                trendSlide,
                sessionGap,
                recentItems,
                rules,
                checkpointInterval,
                checkpoints,
                lateEvents,
                parallelism,
                pollInterval,
                restartAttempts,
                kafka,
                samples,
                labelWindow,
                ctrWindow);
    }

    public StreamConfig withCheckpoints(Duration checkpointInterval, Optional<Path> checkpoints) {
        return new StreamConfig(
                events,
                data,
                storeUri,
                embeddingDimension,
                follow,
                outOfOrderness,
                trendWindow,
                trendSlide,
                sessionGap,
                recentItems,
                rules,
                checkpointInterval,
                checkpoints,
                lateEvents,
                parallelism,
                pollInterval,
                restartAttempts,
                kafka,
                samples,
                labelWindow,
                ctrWindow);
    }

    public StreamConfig withLateEvents(Optional<Path> lateEvents) {
        return new StreamConfig(
                events,
                data,
                storeUri,
                embeddingDimension,
                follow,
                outOfOrderness,
                trendWindow,
                trendSlide,
                sessionGap,
                recentItems,
                rules,
                checkpointInterval,
                checkpoints,
                lateEvents,
                parallelism,
                pollInterval,
                restartAttempts,
                kafka,
                samples,
                labelWindow,
                ctrWindow);
    }

    public StreamConfig withParallelism(int parallelism) {
        return new StreamConfig(
                events,
                data,
                storeUri,
                embeddingDimension,
                follow,
                outOfOrderness,
                trendWindow,
                trendSlide,
                sessionGap,
                recentItems,
                rules,
                checkpointInterval,
                checkpoints,
                lateEvents,
                parallelism,
                pollInterval,
                restartAttempts,
                kafka,
                samples,
                labelWindow,
                ctrWindow);
    }

    public StreamConfig withRestartAttempts(int restartAttempts) {
        return new StreamConfig(
                events,
                data,
                storeUri,
                embeddingDimension,
                follow,
                outOfOrderness,
                trendWindow,
                trendSlide,
                sessionGap,
                recentItems,
                rules,
                checkpointInterval,
                checkpoints,
                lateEvents,
                parallelism,
                pollInterval,
                restartAttempts,
                kafka,
                samples,
                labelWindow,
                ctrWindow);
    }

    public StreamConfig withKafka(Optional<KafkaInput> kafka) {
        return new StreamConfig(
                events,
                data,
                storeUri,
                embeddingDimension,
                follow,
                outOfOrderness,
                trendWindow,
                trendSlide,
                sessionGap,
                recentItems,
                rules,
                checkpointInterval,
                checkpoints,
                lateEvents,
                parallelism,
                pollInterval,
                restartAttempts,
                kafka,
                samples,
                labelWindow,
                ctrWindow);
    }

    public StreamConfig withSamples(Optional<Path> samples) {
        return new StreamConfig(
                events,
                data,
                storeUri,
                embeddingDimension,
                follow,
                outOfOrderness,
                trendWindow,
                trendSlide,
                sessionGap,
                recentItems,
                rules,
                checkpointInterval,
                checkpoints,
                lateEvents,
                parallelism,
                pollInterval,
                restartAttempts,
                kafka,
                samples,
                labelWindow,
                ctrWindow);
    }

    public StreamConfig withCtrWindow(Duration ctrWindow) {
        return new StreamConfig(
                events,
                data,
                storeUri,
                embeddingDimension,
                follow,
                outOfOrderness,
                trendWindow,
                trendSlide,
                sessionGap,
                recentItems,
                rules,
                checkpointInterval,
                checkpoints,
                lateEvents,
                parallelism,
                pollInterval,
                restartAttempts,
                kafka,
                samples,
                labelWindow,
                ctrWindow);
    }

    public StreamConfig withLabelWindow(Duration labelWindow) {
        return new StreamConfig(
                events,
                data,
                storeUri,
                embeddingDimension,
                follow,
                outOfOrderness,
                trendWindow,
                trendSlide,
                sessionGap,
                recentItems,
                rules,
                checkpointInterval,
                checkpoints,
                lateEvents,
                parallelism,
                pollInterval,
                restartAttempts,
                kafka,
                samples,
                labelWindow,
                ctrWindow);
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero() || d.toMillis() == 0) {
            throw new IllegalArgumentException("the " + what + " must be at least 1 ms, got " + d);
        }
    }

    private static void requireNotNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException("the " + what + " must not be negative, got " + d);
        }
    }
}
