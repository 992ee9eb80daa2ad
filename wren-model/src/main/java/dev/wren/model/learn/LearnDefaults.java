package dev.wren.model.learn;

/**
 * Defaults of online updates, shared by {@code wren learn} and the benchmark so the measured figures are those of the
 * command.
 */
public final class LearnDefaults {
    /**
     * The online learning rate as a share of the model's own: on the ml-latest-small replay (wren-model's
     * BENCHMARK.md) DeepFM's own rate took prequential AUC below the frozen model's (0.7983 against 0.8099), 0.3 of it
     * still below (0.8059), 0.1 of it above (0.8131).
     */
    public static final float RATE_SHARE = 0.1f;
    /** Samples per prequential step. */
    public static final int CHUNK = 256;
    /** Samples per update step within a chunk. */
    public static final int BATCH = 256;
    /**
     * Replayed samples per fresh sample: on the replays of wren-model's BENCHMARK.md, 3 took next-day NDCG@10 from
     * 0.018 below the frozen model to 0.006 below on ml-latest-small and from 0.012 below to 0.002 above on ml-100k,
     * with prequential AUC higher on both.
     */
    public static final double REPLAY_SHARE = 3;
    /** Earlier samples kept to replay from. */
    public static final int REPLAY_CAPACITY = 50_000;

    /** The replay of {@link #REPLAY_SHARE} and {@link #REPLAY_CAPACITY}. */
    public static OnlineLearner.Replay replay() {
        return new OnlineLearner.Replay(REPLAY_SHARE, REPLAY_CAPACITY);
    }

    private LearnDefaults() {}
}
