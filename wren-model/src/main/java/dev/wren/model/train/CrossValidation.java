package dev.wren.model.train;

import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.data.InMemorySampleSource;
import dev.wren.model.eval.BatchScoring;
import dev.wren.model.eval.CrossValidationResult;
import dev.wren.model.eval.Evaluator;
import dev.wren.model.eval.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeded k-fold cross-validation: the seed fixes the fold assignment; each fold trains on the other folds (minus a
 * seeded validation share for early stopping) and is evaluated on its own held-out fold. Thread-safe: stateless.
 */
public final class CrossValidation {
    private static final Logger log = LoggerFactory.getLogger(CrossValidation.class);

    private final int folds;
    private final double validationShare;
    private final long seed;

    /**
     * @param folds number of folds, at least 2
     * @param validationShare share of each fold's training part kept aside for early stopping
     * @param seed fixes fold assignment and validation split
     */
    public CrossValidation(int folds, double validationShare, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        if (validationShare <= 0 || validationShare >= 0.5) {
            throw new IllegalArgumentException("validationShare must be in (0, 0.5), got " + validationShare);
        }
        this.folds = folds;
        this.validationShare = validationShare;
        this.seed = seed;
    }

    /** One split: training, validation and test positions. */
    public record Split(int[] train, int[] validation, int[] test) {}

    /** The seeded splits of {@code n} samples. */
    public List<Split> splits(int n) {
        int[] order = IntStream.range(0, n).toArray();
        shuffle(order, new Random(seed));
        List<Split> splits = new ArrayList<>(folds);
        for (int k = 0; k < folds; k++) {
            int from = (int) ((long) n * k / folds);
            int to = (int) ((long) n * (k + 1) / folds);
            int[] test = Arrays.copyOfRange(order, from, to);
            int[] rest = new int[n - test.length];
            System.arraycopy(order, 0, rest, 0, from);
            System.arraycopy(order, to, rest, from, n - to);
            shuffle(rest, new Random(seed * 31 + k));
            int validation = (int) Math.round(rest.length * validationShare);
            splits.add(new Split(
                    Arrays.copyOfRange(rest, validation, rest.length), Arrays.copyOfRange(rest, 0, validation), test));
        }
        return splits;
    }

    /** Trains and evaluates the model on every fold. */
    public CrossValidationResult run(ModelSpec spec, InMemorySampleSource data, TrainConfig config) {
        List<Metrics> metrics = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        List<Double> cpuRates = new ArrayList<>();
        List<Split> splits = splits(Math.toIntExact(data.size()));
        for (int k = 0; k < splits.size(); k++) {
            Split split = splits.get(k);
            try (TrainedModel model = ModelTrainer.train(
                    spec,
                    data.layout(),
                    data.subset(split.train()),
                    data.subset(split.validation()),
                    config.withSeed(config.seed() + k))) {
                Metrics m = Evaluator.evaluate(model, data.subset(split.test()));
                log.info(
                        "{} fold {}/{}: AUC {} PR-AUC {} logloss {} accuracy {} ({} epochs, {} samples/s, {} per CPU s)",
                        spec.name(),
                        k + 1,
                        folds,
                        f(m.rocAuc()),
                        f(m.prAuc()),
                        f(m.logLoss()),
                        f(m.accuracy()),
                        model.report().epochsRun(),
                        Math.round(model.report().samplesPerSecond()),
                        Math.round(model.report().samplesPerCpuSecond()));
                metrics.add(m);
                rates.add(model.report().samplesPerSecond());
                cpuRates.add(model.report().samplesPerCpuSecond());
            }
        }
        return CrossValidationResult.of(spec.name(), metrics, rates, cpuRates);
    }

    /** Evaluates a model-free scoring on the same test folds, for a floor to compare against. */
    public CrossValidationResult runBaseline(
            String name, InMemorySampleSource data, Function<InMemorySampleSource, BatchScoring> scoring) {
        List<Metrics> metrics = new ArrayList<>();
        for (Split split : splits(Math.toIntExact(data.size()))) {
            InMemorySampleSource test = data.subset(split.test());
            metrics.add(Evaluator.evaluate(scoring.apply(test), test));
        }
        return CrossValidationResult.of(name, metrics, List.of(), List.of());
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static String f(double v) {
        return String.format("%.4f", v);
    }
}
