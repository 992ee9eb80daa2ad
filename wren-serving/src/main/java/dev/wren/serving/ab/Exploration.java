package dev.wren.serving.ab;

import java.util.List;

/**
 * How a variant explores in the rerank stage: which policy of {@code dev.wren.core.explore} changes the re-ranked list,
 * and where. Immutable; validated on construction, with messages that name the experiments file's field.
 */
public sealed interface Exploration permits Exploration.EpsilonGreedy, Exploration.Thompson, Exploration.LinUcb {

    /** The policy's registered name, as logged in the exposure's {@code policy} field. */
    String policy();

    /**
     * Epsilon-greedy: each listed slot shows, with probability {@code epsilon}, an item drawn uniformly from the next
     * {@code pool} ranked candidates below the list instead of its greedy item.
     *
     * @param epsilon in [0, 1]
     * @param slots 0-based positions that may explore, at least one
     * @param pool how many ranked candidates below the list are drawn from, at least 1
     */
    record EpsilonGreedy(double epsilon, List<Integer> slots, int pool) implements Exploration {
        public static final String NAME = "epsilon-greedy";

        public EpsilonGreedy {
            if (!(epsilon >= 0 && epsilon <= 1)) {
                throw new IllegalArgumentException("exploration.epsilon must be in [0, 1], got " + epsilon);
            }
            slots = List.copyOf(slots);
            if (slots.isEmpty()) {
                throw new IllegalArgumentException("exploration.slots must list at least one position");
            }
            for (int s : slots) {
                if (s < 0 || s >= 100) {
                    throw new IllegalArgumentException("exploration.slots must be positions 0..99, got " + s);
                }
            }
            if (pool < 1) {
                throw new IllegalArgumentException("exploration.pool must be >= 1, got " + pool);
            }
        }

        @Override
        public String policy() {
            return NAME;
        }
    }

    /**
     * Thompson sampling for new items: one slot shows the item with the highest draw from Beta(clicks + 1, exposures -
     * clicks + 1) among the first {@code candidates} ranked candidates below the list that have been shown fewer than
     * {@code maxExposures} times.
     *
     * @param slot the 0-based position it fills
     * @param candidates how many new items compete, at least 1
     * @param maxExposures an item shown this often is no longer new, at least 1
     * @param propensityDraws Monte Carlo draws per request for the logged propensity, at least 1
     */
    record Thompson(int slot, int candidates, long maxExposures, int propensityDraws) implements Exploration {
        public static final String NAME = "thompson";

        public Thompson {
            if (slot < 0 || slot >= 100) {
                throw new IllegalArgumentException("exploration.slot must be a position 0..99, got " + slot);
            }
            if (candidates < 1) {
                throw new IllegalArgumentException("exploration.candidates must be >= 1, got " + candidates);
            }
            if (maxExposures < 1) {
                throw new IllegalArgumentException("exploration.maxExposures must be >= 1, got " + maxExposures);
            }
            if (propensityDraws < 1) {
                throw new IllegalArgumentException("exploration.propensityDraws must be >= 1, got " + propensityDraws);
            }
        }

        @Override
        public String policy() {
            return NAME;
        }
    }

    /**
     * Disjoint LinUCB over recall channels: one slot shows the best candidate below the list from the channel whose
     * upper confidence bound, for this user's context, is highest; a click on it is the channel's reward.
     *
     * @param slot the 0-based position it fills
     * @param alpha the width of the confidence bonus, >= 0
     */
    record LinUcb(int slot, double alpha) implements Exploration {
        public static final String NAME = "linucb";

        public LinUcb {
            if (slot < 0 || slot >= 100) {
                throw new IllegalArgumentException("exploration.slot must be a position 0..99, got " + slot);
            }
            if (!(alpha >= 0 && Double.isFinite(alpha))) {
                throw new IllegalArgumentException("exploration.alpha must be >= 0, got " + alpha);
            }
        }

        @Override
        public String policy() {
            return NAME;
        }
    }
}
