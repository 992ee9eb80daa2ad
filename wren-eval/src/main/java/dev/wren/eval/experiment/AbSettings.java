package dev.wren.eval.experiment;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to analyse one experiment.
 *
 * @param experiment the experiment's name, as in the exposures' {@code experiments}
 * @param control the control variant; when empty, {@code control} if present, else the first variant by name
 * @param shares the configured share of each variant, for the sample-ratio check; when empty, equal shares
 * @param window how long after an exposure a click or rating is credited to it
 * @param level the confidence level of every interval, e.g. 0.95
 * @param tauInSd the mSPRT mixing prior's standard deviation, in units of the metric's pooled standard deviation
 * @param looks how many evenly spaced looks the always-valid p-value chart has
 * @param srmThreshold the sample-ratio check's p-value threshold
 * @param seed the seed of the bootstrap
 */
public record AbSettings(
        String experiment,
        Optional<String> control,
        Map<String, Double> shares,
        Duration window,
        double level,
        double tauInSd,
        int looks,
        double srmThreshold,
        long seed) {
    public AbSettings {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(control, "control");
        shares = Map.copyOf(shares);
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (!(tauInSd > 0)) {
            throw new IllegalArgumentException("tau must be > 0, got " + tauInSd);
        }
        if (looks < 1) {
            throw new IllegalArgumentException("looks must be >= 1, got " + looks);
        }
    }

    /** The defaults: 30-minute window, 95 % intervals, tau = 0.1 standard deviations, 50 looks, SRM at p < 0.001. */
    public static AbSettings defaults(String experiment) {
        return new AbSettings(
                experiment,
                Optional.empty(),
                Map.of(),
                Attribution.DEFAULT_WINDOW,
                0.95,
                0.1,
                50,
                SampleRatioCheck.DEFAULT_THRESHOLD,
                42);
    }

    public AbSettings withShares(Map<String, Double> newShares) {
        return new AbSettings(experiment, control, newShares, window, level, tauInSd, looks, srmThreshold, seed);
    }
}
