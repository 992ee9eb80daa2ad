package dev.wren.offline;

import java.util.List;

/**
 * How item embeddings are trained and evaluated.
 *
 * @param dimension the vector size; also the store schema's embedding dimension
 * @param windowSize the Word2Vec context window
 * @param maxIter Word2Vec epochs
 * @param minCount items seen fewer times in the sequences get no vector; 1 (the default) gives every item in a positive
 *     history a vector, so no positively rated item is unservable
 * @param walkLength the length of each DeepWalk / Node2vec walk
 * @param walksPerNode walks started from every item
 * @param p Node2vec's return parameter (high p: rarely step back)
 * @param q Node2vec's in-out parameter (low q: explore outward, DFS-like)
 * @param evalUsers at most this many users (seeded sample) in the hit-rate evaluation
 * @param published which method's vectors go to the store: item2vec, deepwalk or node2vec
 * @param partitions Item2vec's Word2Vec partitions, each trained by one core and averaged after every epoch. 1 (the
 *     default) is reproducible: a seed gives the same vectors on every run. More train faster but not reproducibly in
 *     local mode, where MLlib's partitions update one shared copy of the weights at once. The walk embeddings always
 *     train on one partition; the pipeline fits them beside Item2vec
 * @param maxEdgesPerNode the walks' graph keeps, for every item, only its heaviest out-edges (most frequent next
 *     items; ties by item id): the cap bounds the graph held in memory and Node2vec's cost per step, which both grow
 *     with the log
 * @param refit publish vectors refitted on the whole log (one more fit of the published method) instead of the
 *     evaluation's fit, which saw all but each user's last n events. Off by default: the evaluation's fit already
 *     covers all but a sliver of the log, and a second Word2Vec fit was the costliest step of the offline run; an item
 *     positively rated only in users' last events then has no vector and serving treats it as a cold item
 * @param compareUpTo the other two methods are fitted too, for the next-item comparison, only when the log has at most
 *     this many ratings: they serve no request, and on a large log their fits are minutes of the run (wren-offline's
 *     BENCHMARK.md). 0 never compares
 * @param largeLogRatings logs of more ratings than this train Word2Vec for {@code largeLogIterations} epochs instead
 * @param largeLogIterations Word2Vec's epochs on a large log: each is a pass over every sentence on one core, and on a
 *     large log fewer reached the same next-item hit rate (wren-offline's BENCHMARK.md)
 */
public record EmbeddingParams(
        int dimension,
        int windowSize,
        int maxIter,
        int minCount,
        int walkLength,
        int walksPerNode,
        double p,
        double q,
        int evalUsers,
        String published,
        int partitions,
        int maxEdgesPerNode,
        boolean refit,
        long compareUpTo,
        long largeLogRatings,
        int largeLogIterations) {
    /** The methods an embedding can be fitted with. */
    public static final List<String> METHODS = List.of("item2vec", "deepwalk", "node2vec");

    /** Logs of at most this many ratings compare the three methods by default. */
    public static final long DEFAULT_COMPARE_UP_TO = 5_000_000;

    /** Logs of more ratings than this fit Word2Vec with {@link #DEFAULT_LARGE_LOG_ITERATIONS} epochs by default. */
    public static final long DEFAULT_LARGE_LOG_RATINGS = 5_000_000;

    /** Word2Vec's epochs on a large log by default. */
    public static final int DEFAULT_LARGE_LOG_ITERATIONS = 3;

    /** Item2vec's Word2Vec partitions by default: one, so a seed gives the same vectors on every run. */
    public static final int DEFAULT_PARTITIONS = 1;

    /** The walks' graph keeps at most this many out-edges per item by default. */
    public static final int DEFAULT_MAX_EDGES_PER_NODE = 200;

    public EmbeddingParams {
        if (dimension < 1
                || windowSize < 1
                || maxIter < 1
                || minCount < 1
                || walkLength < 2
                || walksPerNode < 1
                || evalUsers < 1
                || maxEdgesPerNode < 1) {
            throw new IllegalArgumentException("embedding sizes must be positive (walk length at least 2)");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("Word2Vec partitions must be positive, got " + partitions);
        }
        if (!(p > 0 && q > 0)) {
            throw new IllegalArgumentException("p and q must be positive");
        }
        if (compareUpTo < 0) {
            throw new IllegalArgumentException("compareUpTo must not be negative, got " + compareUpTo);
        }
        if (largeLogRatings < 0 || largeLogIterations < 1) {
            throw new IllegalArgumentException("largeLogRatings must not be negative and largeLogIterations positive,"
                    + " got " + largeLogRatings + " and " + largeLogIterations);
        }
        if (!METHODS.contains(published)) {
            throw new IllegalArgumentException(
                    "published embedding must be item2vec, deepwalk or node2vec, got '" + published + "'");
        }
    }

    /** The parameters before the partitions, the edge cap, the refit switch and the comparison size existed: those take
     * their defaults. */
    public EmbeddingParams(
            int dimension,
            int windowSize,
            int maxIter,
            int minCount,
            int walkLength,
            int walksPerNode,
            double p,
            double q,
            int evalUsers,
            String published) {
        this(
                dimension,
                windowSize,
                maxIter,
                minCount,
                walkLength,
                walksPerNode,
                p,
                q,
                evalUsers,
                published,
                DEFAULT_PARTITIONS,
                DEFAULT_MAX_EDGES_PER_NODE,
                false,
                DEFAULT_COMPARE_UP_TO,
                DEFAULT_LARGE_LOG_RATINGS,
                DEFAULT_LARGE_LOG_ITERATIONS);
    }

    /** The parameters for a log of {@code ratings} ratings: the large-log epochs above the threshold. */
    public EmbeddingParams forLog(long ratings) {
        return ratings > largeLogRatings ? withMaxIter(largeLogIterations) : this;
    }

    /** The methods to fit on a log of {@code ratings} ratings: the published one, and the others when compared. */
    public List<String> methodsFor(long ratings) {
        return ratings <= compareUpTo ? METHODS : List.of(published);
    }

    public static EmbeddingParams defaults() {
        // minCount 1: every item with a positive rating gets a vector; dropping rare items left them unservable.
        return new EmbeddingParams(32, 5, 5, 1, 10, 5, 1.0, 0.5, 2000, "item2vec");
    }

    public EmbeddingParams withPartitions(int n) {
        return new EmbeddingParams(
                dimension,
                windowSize,
                maxIter,
                minCount,
                walkLength,
                walksPerNode,
                p,
                q,
                evalUsers,
                published,
                n,
                maxEdgesPerNode,
                refit,
                compareUpTo,
                largeLogRatings,
                largeLogIterations);
    }

    public EmbeddingParams withMaxEdgesPerNode(int maxEdges) {
        return new EmbeddingParams(
                dimension,
                windowSize,
                maxIter,
                minCount,
                walkLength,
                walksPerNode,
                p,
                q,
                evalUsers,
                published,
                partitions,
                maxEdges,
                refit,
                compareUpTo,
                largeLogRatings,
                largeLogIterations);
    }

    public EmbeddingParams withDimension(int d) {
        return new EmbeddingParams(
                d,
                windowSize,
                maxIter,
                minCount,
                walkLength,
                walksPerNode,
                p,
                q,
                evalUsers,
                published,
                partitions,
                maxEdgesPerNode,
                refit,
                compareUpTo,
                largeLogRatings,
                largeLogIterations);
    }

    public EmbeddingParams withRefit(boolean refitOnWholeLog) {
        return new EmbeddingParams(
                dimension,
                windowSize,
                maxIter,
                minCount,
                walkLength,
                walksPerNode,
                p,
                q,
                evalUsers,
                published,
                partitions,
                maxEdgesPerNode,
                refitOnWholeLog,
                compareUpTo,
                largeLogRatings,
                largeLogIterations);
    }

    public EmbeddingParams withCompareUpTo(long ratings) {
        return new EmbeddingParams(
                dimension,
                windowSize,
                maxIter,
                minCount,
                walkLength,
                walksPerNode,
                p,
                q,
                evalUsers,
                published,
                partitions,
                maxEdgesPerNode,
                refit,
                ratings,
                largeLogRatings,
                largeLogIterations);
    }

    public EmbeddingParams withMaxIter(int epochs) {
        return new EmbeddingParams(
                dimension,
                windowSize,
                epochs,
                minCount,
                walkLength,
                walksPerNode,
                p,
                q,
                evalUsers,
                published,
                partitions,
                maxEdgesPerNode,
                refit,
                compareUpTo,
                largeLogRatings,
                largeLogIterations);
    }
}
