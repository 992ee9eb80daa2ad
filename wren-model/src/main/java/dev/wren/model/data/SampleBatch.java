package dev.wren.model.data;

import java.util.Arrays;
import java.util.List;

/**
 * A batch of samples as flat row-major arrays, ready to become tensors without further copying per field.
 *
 * @param size number of samples
 * @param categorical size x categoricalCount indices
 * @param numeric size x numericCount raw values
 * @param sequence size x sequenceLength item ids
 * @param labels size labels
 * @param groups size group keys
 */
public record SampleBatch(int size, int[] categorical, float[] numeric, int[] sequence, float[] labels, long[] groups) {

    /** Packs samples (already checked against the layout) into one batch. */
    public static SampleBatch of(FeatureLayout layout, List<Sample> samples) {
        int n = samples.size();
        int f = layout.categoricalCount();
        int m = layout.numericCount();
        int l = layout.sequenceLength();
        int[] categorical = new int[n * f];
        float[] numeric = new float[n * m];
        int[] sequence = new int[n * l];
        float[] labels = new float[n];
        long[] groups = new long[n];
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            System.arraycopy(s.categorical(), 0, categorical, i * f, f);
            System.arraycopy(s.numeric(), 0, numeric, i * m, m);
            System.arraycopy(s.sequence(), 0, sequence, i * l, l);
            labels[i] = s.label();
            groups[i] = s.group();
        }
        return new SampleBatch(n, categorical, numeric, sequence, labels, groups);
    }

    /** Row {@code i} as a sample (copies its values). */
    public Sample row(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("row " + i + " of a batch of " + size);
        }
        int f = categorical.length / size;
        int m = numeric.length / size;
        int l = sequence.length / size;
        return new Sample(
                Arrays.copyOfRange(categorical, i * f, (i + 1) * f),
                Arrays.copyOfRange(numeric, i * m, (i + 1) * m),
                Arrays.copyOfRange(sequence, i * l, (i + 1) * l),
                labels[i],
                groups[i]);
    }
}
