package dev.wren.model.data;

import java.util.List;
import java.util.OptionalLong;

/**
 * Standardisation of the numeric fields, fitted on training data and stored with the model so that serving scales
 * exactly as training did.
 *
 * @param means per numeric field
 * @param deviations per numeric field, never 0
 */
public record NumericScaling(List<Double> means, List<Double> deviations) {
    public NumericScaling {
        means = List.copyOf(means);
        deviations = List.copyOf(deviations);
        if (means.size() != deviations.size()) {
            throw new IllegalArgumentException("means and deviations differ in length");
        }
        for (double d : deviations) {
            if (!(d > 0)) {
                throw new IllegalArgumentException("deviations must be positive, got " + d);
            }
        }
    }

    /** Mean and standard deviation of each numeric field over one streamed pass of the source. */
    public static NumericScaling fit(SampleSource source) {
        int m = source.layout().numericCount();
        double[] sum = new double[m];
        double[] sumSquares = new double[m];
        long[] n = {0};
        try (var batches = source.batches(4096, OptionalLong.empty())) {
            batches.forEach(b -> {
                for (int i = 0; i < b.size(); i++) {
                    for (int j = 0; j < m; j++) {
                        double v = b.numeric()[i * m + j];
                        sum[j] += v;
                        sumSquares[j] += v * v;
                    }
                }
                n[0] += b.size();
            });
        }
        Double[] means = new Double[m];
        Double[] deviations = new Double[m];
        for (int j = 0; j < m; j++) {
            double mean = n[0] == 0 ? 0 : sum[j] / n[0];
            double variance = n[0] == 0 ? 1 : sumSquares[j] / n[0] - mean * mean;
            means[j] = mean;
            deviations[j] = variance > 1e-12 ? Math.sqrt(variance) : 1.0;
        }
        return new NumericScaling(List.of(means), List.of(deviations));
    }

    /** The means as floats, for hot loops. */
    public float[] floatMeans() {
        float[] out = new float[means.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = means.get(j).floatValue();
        }
        return out;
    }

    /** One over each deviation, as floats: hot loops multiply instead of dividing. */
    public float[] inverseDeviations() {
        float[] out = new float[deviations.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = (float) (1.0 / deviations.get(j));
        }
        return out;
    }

    /** Scales a row-major block of raw values in place. */
    public void apply(float[] values) {
        int m = means.size();
        if (m == 0) {
            return;
        }
        double[] mu = means.stream().mapToDouble(Double::doubleValue).toArray();
        double[] sd = deviations.stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 0; i < values.length; i++) {
            int j = i % m;
            values[i] = (float) ((values[i] - mu[j]) / sd[j]);
        }
    }
}
