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

    private LearnDefaults() {}
}
