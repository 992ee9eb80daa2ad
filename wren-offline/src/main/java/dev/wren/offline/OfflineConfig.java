package dev.wren.offline;

import dev.wren.core.features.UserFeatureRules;
import dev.wren.offline.cf.CfParams;
import dev.wren.offline.samples.SampleParams;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One offline run.
 *
 * @param input a MovieLens folder in any layout
 * @param output the folder for Parquet outputs and {@code manifest.json}; created if missing
 * @param master the Spark master when not run under spark-submit; {@code local[*]} by default
 * @param stages which stages run ({@link Stage#PUBLISH} is implied by giving a store)
 * @param seed the seed of every random step (negatives, walks, Word2Vec, LSH, evaluation sample)
 * @param shufflePartitions Spark's shuffle partitions; few for small data
 * @param snapshotVersion the feature-store version to write
 * @param users how user features are computed
 * @param samples labels, splits and negatives
 * @param embedding embedding training and evaluation
 * @param cf the collaborative-filtering models
 * @param strictInput stop at the first bad input row, naming file and line, instead of skipping and reporting bad rows
 */
public record OfflineConfig(
        Path input,
        Path output,
        String master,
        Set<Stage> stages,
        long seed,
        int shufflePartitions,
        String snapshotVersion,
        UserFeatureRules users,
        SampleParams samples,
        EmbeddingParams embedding,
        CfParams cf,
        boolean strictInput) {
    public OfflineConfig {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(snapshotVersion, "snapshotVersion");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(cf, "cf");
        stages = stages.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(stages);
        if (shufflePartitions < 1) {
            throw new IllegalArgumentException("shufflePartitions must be positive, got " + shufflePartitions);
        }
        if (users.positiveThreshold() != samples.labelThreshold()) {
            // One notion of "positive" across features, labels and embeddings.
            throw new IllegalArgumentException("the user features' positive threshold (" + users.positiveThreshold()
                    + ") must equal the label threshold (" + samples.labelThreshold() + ")");
        }
    }

    /** Every stage, local[*], seed 42, 32-d embeddings, label rating >= 3.5, the collaborative filters' defaults. */
    public static OfflineConfig defaults(Path input, Path output) {
        return new OfflineConfig(
                input,
                output,
                SparkSessions.DEFAULT_MASTER,
                Stage.parse("all"),
                42,
                8,
                "offline-" + System.currentTimeMillis(),
                UserFeatureRules.defaults(),
                SampleParams.defaults(),
                EmbeddingParams.defaults(),
                CfParams.defaults(42),
                false);
    }

    public OfflineConfig withStages(Set<Stage> s) {
        return new OfflineConfig(
                input,
                output,
                master,
                s,
                seed,
                shufflePartitions,
                snapshotVersion,
                users,
                samples,
                embedding,
                cf,
                strictInput);
    }

    public OfflineConfig withEmbedding(EmbeddingParams e) {
        return new OfflineConfig(
                input,
                output,
                master,
                stages,
                seed,
                shufflePartitions,
                snapshotVersion,
                users,
                samples,
                e,
                cf,
                strictInput);
    }

    public OfflineConfig withSamples(SampleParams s) {
        return new OfflineConfig(
                input,
                output,
                master,
                stages,
                seed,
                shufflePartitions,
                snapshotVersion,
                users,
                s,
                embedding,
                cf,
                strictInput);
    }

    public OfflineConfig withSnapshotVersion(String v) {
        return new OfflineConfig(
                input, output, master, stages, seed, shufflePartitions, v, users, samples, embedding, cf, strictInput);
    }

    public OfflineConfig withMaster(String m) {
        return new OfflineConfig(
                input,
                output,
                m,
                stages,
                seed,
                shufflePartitions,
                snapshotVersion,
                users,
                samples,
                embedding,
                cf,
                strictInput);
    }

    public OfflineConfig withCf(CfParams c) {
        return new OfflineConfig(
                input,
                output,
                master,
                stages,
                seed,
                shufflePartitions,
                snapshotVersion,
                users,
                samples,
                embedding,
                c,
                strictInput);
    }

    public OfflineConfig withStrictInput(boolean strict) {
        return new OfflineConfig(
                input,
                output,
                master,
                stages,
                seed,
                shufflePartitions,
                snapshotVersion,
                users,
                samples,
                embedding,
                cf,
                strict);
    }

    public boolean runs(Stage stage) {
        return stages.contains(stage);
    }
}
