package dev.wren.cli.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code eval} section.
 *
 * @param topk {@code wren eval topk}: the whole pipeline's top-K lists against held-out ratings
 */
public record EvalSection(TopK topk) {
    public EvalSection {
        Objects.requireNonNull(topk, "eval.topk");
    }

    /**
     * {@code eval.topk}.
     *
     * @param split {@code random}, {@code last} or {@code time}
     * @param testFraction the share held out by the random and time splits
     * @param lastN ratings held out per user by the last split
     * @param seed the seed of the split and of everything built on it
     * @param k the cut-offs, which must include 10
     * @param models the models trained for the evaluated pipeline
     * @param channelDepth candidates each recall channel is asked for alone in the per-stage breakdown
     * @param quick tune on the small grid
     */
    public record TopK(
            String split,
            double testFraction,
            int lastN,
            long seed,
            List<Integer> k,
            List<String> models,
            int channelDepth,
            boolean quick) {
        public TopK {
            Objects.requireNonNull(split, "eval.topk.split");
            k = List.copyOf(k);
            models = List.copyOf(models);
        }
    }
}
