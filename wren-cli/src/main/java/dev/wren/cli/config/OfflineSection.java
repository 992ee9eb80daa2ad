package dev.wren.cli.config;

import dev.wren.offline.EmbeddingParams;
import dev.wren.offline.cf.AlsParams;
import dev.wren.offline.cf.CfParams;
import dev.wren.offline.samples.SampleParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code offline} section: the Spark batch pipeline.
 *
 * @param master the Spark master when not run under spark-submit
 * @param stages the stages {@code wren offline} runs, comma-separated, or {@code all}
 * @param seed the seed of every random step, ALS's initialisation included
 * @param partitions Spark's shuffle partitions
 * @param samples labels, splits and negatives
 * @param embedding item embeddings
 * @param cf the collaborative filters
 */
public record OfflineSection(
        String master, String stages, long seed, int partitions, Samples samples, Embedding embedding, Cf cf) {
    public OfflineSection {
        Objects.requireNonNull(master, "offline.master");
        Objects.requireNonNull(stages, "offline.stages");
        Objects.requireNonNull(samples, "offline.samples");
        Objects.requireNonNull(embedding, "offline.embedding");
        Objects.requireNonNull(cf, "offline.cf");
    }

    /**
     * {@code offline.samples}; the label threshold is {@code features.positive-threshold}.
     *
     * @param splits the splits whose samples are written, besides the one training reads
     */
    public record Samples(
            double trainFraction, int leaveLastN, int negativesPerPositive, int buckets, List<String> splits) {
        public Samples {
            splits = List.copyOf(Objects.requireNonNull(splits, "offline.samples.splits"));
        }

        /** The samples' parameters, writing {@code trainingSplit} (what {@code wren train} reads) and {@link #splits}. */
        public SampleParams params(double labelThreshold, String trainingSplit) {
            List<String> written = new ArrayList<>();
            written.add(trainingSplit);
            written.addAll(splits);
            return new SampleParams(labelThreshold, trainFraction, leaveLastN, negativesPerPositive, buckets, written);
        }
    }

    /** {@code offline.embedding}; the dimension is {@code store.dimension}. */
    public record Embedding(
            int windowSize,
            int iterations,
            int minCount,
            int walkLength,
            int walksPerNode,
            double p,
            double q,
            int evalUsers,
            String published,
            int word2vecPartitions,
            int maxWalkEdges,
            boolean refit,
            long compareUpTo,
            long largeLogRatings,
            int largeLogIterations) {
        public EmbeddingParams params(int dimension) {
            return new EmbeddingParams(
                    dimension,
                    windowSize,
                    iterations,
                    minCount,
                    walkLength,
                    walksPerNode,
                    p,
                    q,
                    evalUsers,
                    published,
                    word2vecPartitions,
                    maxWalkEdges,
                    refit,
                    compareUpTo,
                    largeLogRatings,
                    largeLogIterations);
        }
    }

    /** {@code offline.cf}: EASE and implicit ALS. */
    public record Cf(
            double easeLambda, double easeDropout, int easeMinCount, int easeMaxItems, int easeNeighbours, Als als) {
        public Cf {
            Objects.requireNonNull(als, "offline.cf.als");
        }

        /** The collaborative filters' parameters, ALS initialised from {@code seed}. */
        public CfParams params(long seed) {
            return new CfParams(
                    easeLambda,
                    easeDropout,
                    easeMinCount,
                    easeMaxItems,
                    easeNeighbours,
                    als.params(seed),
                    als.largeLogRatings(),
                    als.largeLogIterations());
        }
    }

    /** {@code offline.cf.als}; {@code largeLogRatings} and {@code largeLogIterations} go to {@link CfParams}. */
    public record Als(
            int rank, double regParam, double alpha, int iterations, long largeLogRatings, int largeLogIterations) {
        public AlsParams params(long seed) {
            return new AlsParams(rank, regParam, alpha, iterations, seed);
        }
    }
}
