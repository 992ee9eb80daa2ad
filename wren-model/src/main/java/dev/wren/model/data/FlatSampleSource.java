package dev.wren.model.data;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Samples held as flat row-major arrays (4 to 8 bytes per value, no object per sample), read once from another source
 * so that later passes cost only a gather per batch: training reads its data once per epoch, and decoding Parquet or
 * CSV each time would cost more than the model's step. Shuffling is a full seeded permutation. Thread-safe: immutable.
 */
public final class FlatSampleSource implements SampleSource {
    private final FeatureLayout layout;
    private final int size;
    private final int[] categorical;
    private final float[] numeric;
    private final int[] sequence;
    private final float[] labels;
    private final long[] groups;

    private FlatSampleSource(FeatureLayout layout, SampleBatch all) {
        this.layout = layout;
        this.size = all.size();
        this.categorical = all.categorical();
        this.numeric = all.numeric();
        this.sequence = all.sequence();
        this.labels = all.labels();
        this.groups = all.groups();
    }

    /** Bytes one sample takes in memory. */
    public static long bytesPerSample(FeatureLayout layout) {
        return 4L * (layout.categoricalCount() + layout.numericCount() + layout.sequenceLength() + 1) + 8;
    }

    /** The source itself if it is flat already, else a flat copy read in one pass, if it takes at most maxBytes. */
    public static Optional<FlatSampleSource> copyIfFits(SampleSource source, long maxBytes) {
        if (source instanceof FlatSampleSource flat) {
            return Optional.of(flat);
        }
        long bytes = source.size() * bytesPerSample(source.layout());
        if (bytes > maxBytes || source.size() > Integer.MAX_VALUE / 64) {
            return Optional.empty();
        }
        return Optional.of(copyOf(source));
    }

    /** A flat copy of one pass of the source, in its order. */
    public static FlatSampleSource copyOf(SampleSource source) {
        FeatureLayout layout = source.layout();
        int f = layout.categoricalCount();
        int m = layout.numericCount();
        int l = layout.sequenceLength();
        int capacity = Math.toIntExact(source.size());
        int[] categorical = new int[capacity * f];
        float[] numeric = new float[capacity * m];
        int[] sequence = new int[capacity * l];
        float[] labels = new float[capacity];
        long[] groups = new long[capacity];
        int[] n = {0};
        try (Stream<SampleBatch> batches = source.batches(4096, OptionalLong.empty())) {
            batches.forEach(b -> {
                if (n[0] + b.size() > capacity) {
                    throw new IllegalStateException(
                            "the source yielded more samples than its size " + capacity + " says");
                }
                System.arraycopy(b.categorical(), 0, categorical, n[0] * f, b.size() * f);
                System.arraycopy(b.numeric(), 0, numeric, n[0] * m, b.size() * m);
                System.arraycopy(b.sequence(), 0, sequence, n[0] * l, b.size() * l);
                System.arraycopy(b.labels(), 0, labels, n[0], b.size());
                System.arraycopy(b.groups(), 0, groups, n[0], b.size());
                n[0] += b.size();
            });
        }
        if (n[0] != capacity) {
            throw new IllegalStateException("the source yielded " + n[0] + " samples, its size says " + capacity);
        }
        return new FlatSampleSource(layout, new SampleBatch(capacity, categorical, numeric, sequence, labels, groups));
    }

    @Override
    public FeatureLayout layout() {
        return layout;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Stream<SampleBatch> batches(int batchSize, OptionalLong shuffleSeed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        int[] order = IntStream.range(0, size).toArray();
        if (shuffleSeed.isPresent()) {
            InMemorySampleSource.shuffle(order, new Random(shuffleSeed.getAsLong()));
        }
        int batches = (size + batchSize - 1) / batchSize;
        return IntStream.range(0, batches)
                .mapToObj(b -> gather(order, b * batchSize, Math.min(size, (b + 1) * batchSize)));
    }

    private SampleBatch gather(int[] order, int from, int to) {
        int n = to - from;
        int f = layout.categoricalCount();
        int m = layout.numericCount();
        int l = layout.sequenceLength();
        int[] c = new int[n * f];
        float[] x = new float[n * m];
        int[] s = new int[n * l];
        float[] y = new float[n];
        long[] g = new long[n];
        for (int i = 0; i < n; i++) {
            int row = order[from + i];
            System.arraycopy(categorical, row * f, c, i * f, f);
            System.arraycopy(numeric, row * m, x, i * m, m);
            System.arraycopy(sequence, row * l, s, i * l, l);
            y[i] = labels[row];
            g[i] = groups[row];
        }
        return new SampleBatch(n, c, x, s, y, g);
    }
}
