package dev.wren.offline.cf;

import java.util.Objects;

/**
 * How the collaborative-filtering stage fits its models.
 *
 * @param easeLambda EASE's L2 weight
 * @param easeDropout EDLAE's dropout probability, which raises popular items' L2 weight; 0 is plain EASE
 * @param easeMinCount EASE models only items with at least this many interactions
 * @param easeMaxItems and at most this many of them, the most interacted-with: the fit inverts a dense matrix of this
 *     side, so its time grows with the cube
 * @param easeNeighbours how many of an item's EASE weights are published (those of largest magnitude)
 * @param als implicit ALS's parameters; its rank is the published factors' dimension
 * @param alsLargeLogRatings logs of more ratings than this fit ALS with {@code alsLargeLogIterations} instead
 * @param alsLargeLogIterations ALS's iterations on a large log: each costs a pass over every rating, and on a large log
 *     fewer reach the same validation NDCG (wren-offline's BENCHMARK.md)
 */
public record CfParams(
        double easeLambda,
        double easeDropout,
        int easeMinCount,
        int easeMaxItems,
        int easeNeighbours,
        AlsParams als,
        long alsLargeLogRatings,
        int alsLargeLogIterations) {
    /** Logs of more ratings than this are large by default. */
    public static final long DEFAULT_LARGE_LOG_RATINGS = 5_000_000;

    /** ALS's iterations on a large log by default. */
    public static final int DEFAULT_LARGE_LOG_ITERATIONS = 10;

    public CfParams {
        if (!(easeLambda > 0)) {
            throw new IllegalArgumentException("easeLambda must be positive, got " + easeLambda);
        }
        if (!(easeDropout >= 0 && easeDropout < 1)) {
            throw new IllegalArgumentException("easeDropout must be in [0, 1), got " + easeDropout);
        }
        if (easeMinCount < 1 || easeMaxItems < 1 || easeNeighbours < 1) {
            throw new IllegalArgumentException("easeMinCount, easeMaxItems and easeNeighbours must be positive");
        }
        Objects.requireNonNull(als, "als");
        if (alsLargeLogRatings < 0 || alsLargeLogIterations < 1) {
            throw new IllegalArgumentException(
                    "alsLargeLogRatings must not be negative and alsLargeLogIterations must be positive, got "
                            + alsLargeLogRatings + " and " + alsLargeLogIterations);
        }
    }

    /** ALS's parameters for a log of {@code ratings}: the large-log iterations above the threshold. */
    public AlsParams alsFor(long ratings) {
        return ratings > alsLargeLogRatings ? als.withIterations(alsLargeLogIterations) : als;
    }

    /**
     * EASE lambda 400 (between what validation chose on ml-100k and ml-latest-small; see wren-eval's BENCHMARK.md)
     * over at most 8,000 items with 3 interactions or more, 1,000 neighbours per item; ALS defaults, with 10 iterations
     * above 5 million ratings.
     */
    public static CfParams defaults(long seed) {
        return new CfParams(
                400,
                0,
                3,
                8_000,
                1_000,
                AlsParams.defaults(seed),
                DEFAULT_LARGE_LOG_RATINGS,
                DEFAULT_LARGE_LOG_ITERATIONS);
    }

    public CfParams withEaseLambda(double lambda) {
        return new CfParams(
                lambda,
                easeDropout,
                easeMinCount,
                easeMaxItems,
                easeNeighbours,
                als,
                alsLargeLogRatings,
                alsLargeLogIterations);
    }

    public CfParams withAls(AlsParams a) {
        return new CfParams(
                easeLambda,
                easeDropout,
                easeMinCount,
                easeMaxItems,
                easeNeighbours,
                a,
                alsLargeLogRatings,
                alsLargeLogIterations);
    }

    public CfParams withEaseDropout(double dropout) {
        return new CfParams(
                easeLambda,
                dropout,
                easeMinCount,
                easeMaxItems,
                easeNeighbours,
                als,
                alsLargeLogRatings,
                alsLargeLogIterations);
    }
}
