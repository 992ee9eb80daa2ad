package dev.wren.model.data;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Samples held in a list; batches are built lazily per pass. Thread-safe: immutable. */
public final class InMemorySampleSource implements SampleSource {
    private final FeatureLayout layout;
    private final List<Sample> samples;

    public InMemorySampleSource(FeatureLayout layout, List<Sample> samples) {
        this.layout = layout;
        this.samples = List.copyOf(samples);
        for (int i = 0; i < this.samples.size(); i++) {
            try {
                this.samples.get(i).checkFits(layout);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sample " + i + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public FeatureLayout layout() {
        return layout;
    }

    @Override
    public long size() {
        return samples.size();
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The samples at the given positions, e.g. a cross-validation fold. */
    public InMemorySampleSource subset(int[] positions) {
        List<Sample> chosen = new ArrayList<>(positions.length);
        for (int p : positions) {
            chosen.add(samples.get(p));
        }
        return new InMemorySampleSource(layout, chosen);
    }

    @Override
    public Stream<SampleBatch> batches(int batchSize, OptionalLong shuffleSeed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        int[] order = IntStream.range(0, samples.size()).toArray();
        if (shuffleSeed.isPresent()) {
            shuffle(order, new Random(shuffleSeed.getAsLong()));
        }
        int batches = (samples.size() + batchSize - 1) / batchSize;
        return IntStream.range(0, batches).mapToObj(b -> {
            int from = b * batchSize;
            int to = Math.min(samples.size(), from + batchSize);
            List<Sample> chunk = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                chunk.add(samples.get(order[i]));
            }
            return SampleBatch.of(layout, chunk);
        });
    }

    /** Fisher-Yates with the given random, so a seed fixes the order. */
    static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
