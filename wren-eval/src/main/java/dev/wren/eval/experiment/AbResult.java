package dev.wren.eval.experiment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code wren ab report} says about one experiment (also its JSON form).
 *
 * @param experiment the experiment analysed
 * @param metric the per-user metric of the comparisons
 * @param firstExposure epoch milliseconds of its first exposure
 * @param lastExposure epoch milliseconds of its last exposure
 * @param switchedUsers users seen in more than one variant, left out
 * @param variants per-variant figures
 * @param comparisons each treatment against the control
 * @param sampleRatio the sample-ratio check, when there are two or more variants
 * @param interleaving the interleaving preference of each experiment with interleaved exposures in the logs
 * @param badLines lines of the logs skipped as bad
 * @param badLineExamples the first bad lines, with file, line and reason
 * @param newerVersionRecords records skipped for a newer schemaVersion
 */
public record AbResult(
        String experiment,
        String metric,
        long firstExposure,
        long lastExposure,
        long switchedUsers,
        List<VariantSummary> variants,
        List<Comparison> comparisons,
        Optional<SampleRatioCheck> sampleRatio,
        Map<String, InterleavingAnalysis.Result> interleaving,
        long badLines,
        List<String> badLineExamples,
        long newerVersionRecords) {
    public AbResult {
        interleaving = Map.copyOf(interleaving);
    }

    /**
     * One variant's figures; every interval treats users as the independent units.
     *
     * @param ctr clicks per shown item
     * @param ratingRate ratings per shown item
     * @param meanRating the mean of attributed ratings
     * @param clicksPerUser clicks per exposed user
     */
    public record VariantSummary(
            String variant,
            long users,
            long exposures,
            long shown,
            long clicks,
            long ratings,
            Estimate ctr,
            Estimate ratingRate,
            Estimate meanRating,
            Estimate clicksPerUser) {}

    /**
     * A treatment against the control on the per-user metric.
     *
     * @param difference treatment mean - control mean, Welch standard error
     * @param relativeLift the difference over the control mean
     * @param fixedHorizonP Welch's t-test p-value: valid only if this is the one planned look
     * @param cuped the CUPED-adjusted difference, with the pre-period events per user as covariate
     * @param cupedRelativeLift the adjusted difference over the control mean
     * @param alwaysValidP the mSPRT p-value after every look: valid however often the experiment was checked
     * @param alwaysValidLower the always-valid interval's lower end: the largest lower end over the looks
     * @param alwaysValidUpper the always-valid interval's upper end: the smallest upper end over the looks
     * @param looks the sequential test at each look
     */
    public record Comparison(
            String control,
            String treatment,
            Estimate difference,
            double relativeLift,
            double fixedHorizonP,
            Optional<Cuped.Result> cuped,
            double cupedRelativeLift,
            double alwaysValidP,
            double alwaysValidLower,
            double alwaysValidUpper,
            List<Look> looks) {}

    /** The sequential test at one look: the data logged up to {@code time}. */
    public record Look(
            long time,
            long controlUsers,
            long treatmentUsers,
            double difference,
            double alwaysValidP,
            double fixedHorizonP) {}
}
