package dev.wren.model.learn;

import dev.wren.model.data.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A uniform sample of the samples seen so far (reservoir sampling), replayed beside fresh ones in online updates so that
 * a burst of fresh samples (a few heavy users rating hundreds of items in one sitting) does not pull the model away
 * from everything it learned before. Seeded: the same samples in the same order give the same draws. Not thread-safe.
 */
public final class ReplayBuffer {
    private final int capacity;
    private final Random random;
    private final List<Sample> kept;
    private long offered;

    /**
     * @param capacity the most samples kept; positive
     * @param seed the reservoir's and the draws' randomness
     */
    public ReplayBuffer(int capacity, long seed) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a replay buffer holds at least one sample, got " + capacity);
        }
        this.capacity = capacity;
        this.random = new Random(seed);
        this.kept = new ArrayList<>(Math.min(capacity, 1 << 16));
    }

    /** Offers samples: each of all those offered so far is kept with the same probability. */
    public void addAll(List<Sample> samples) {
        for (Sample s : samples) {
            offered++;
            if (kept.size() < capacity) {
                kept.add(s);
            } else {
                long slot = (long) (random.nextDouble() * offered);
                if (slot < capacity) {
                    kept.set((int) slot, s);
                }
            }
        }
    }

    /** {@code n} samples drawn uniformly, with replacement, from those kept; none while it is empty. */
    public List<Sample> draw(int n) {
        if (kept.isEmpty() || n <= 0) {
            return List.of();
        }
        List<Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(kept.get(random.nextInt(kept.size())));
        }
        return out;
    }

    /** Samples kept. */
    public int size() {
        return kept.size();
    }

    /** Samples offered so far. */
    public long offered() {
        return offered;
    }
}
