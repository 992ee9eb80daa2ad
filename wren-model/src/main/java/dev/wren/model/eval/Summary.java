package dev.wren.model.eval;

import java.util.List;

/**
 * Mean and sample standard deviation of one measure over folds.
 *
 * @param mean the mean
 * @param std the sample standard deviation (0 for one value)
 */
public record Summary(double mean, double std) {
    public static Summary of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares =
                values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double std = values.size() > 1 ? Math.sqrt(squares / (values.size() - 1)) : 0;
        return new Summary(mean, std);
    }

    @Override
    public String toString() {
        return String.format("%.4f ± %.4f", mean, std);
    }
}
