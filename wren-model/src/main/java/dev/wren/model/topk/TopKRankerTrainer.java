package dev.wren.model.topk;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits a {@link TopKRanker}: whole users are held out for validation, the features standardised with the remaining
 * rows' means and deviations, and an MLP with a linear skip trained on the logistic loss with Adam. Each epoch is
 * judged by the mean per-user NDCG@10 on the validation users; the best epoch's parameters are kept and training
 * stops after {@code patience} epochs without a gain. The log puts every epoch's NDCG beside that of the best single
 * feature, so a reader sees whether the model beats its strongest input.
 *
 * <p>Seeded: the seed fixes the split, the shuffles and the initial weights. Thread-safe: stateless, but PyTorch's
 * random generator is process-wide, so only trainings that do not overlap in time repeat exactly.
 */
public final class TopKRankerTrainer {
    private static final Logger log = LoggerFactory.getLogger(TopKRankerTrainer.class);
    private static final String ENGINE = "PyTorch";
    static final int K = 10;

    /** Trains a ranker; the caller owns (closes) it. */
    public TopKRanker train(RankingSamples samples, TopKRankerParams params) {
        Split split = Split.of(samples, params);
        float[] means = new float[samples.width()];
        float[] deviations = new float[samples.width()];
        standardisation(samples, split.train(), means, deviations);
        RankerTranslator translator = new RankerTranslator(means, deviations);
        GroupedNdcg validation = new GroupedNdcg(samples.groups(), samples.labels(), split.validation(), K);
        if (validation.lists() == 0) {
            throw new IllegalArgumentException("none of the " + split.validationGroups()
                    + " validation users has a positive; give more users or a larger validationShare");
        }
        BestFeature baseline = BestFeature.of(samples, validation);
        log.info(
                "top-k ranker: {} training rows, {} validation users ({} with a positive); best single feature"
                        + " '{}' has validation NDCG@{} {}",
                split.train().length,
                split.validationGroups(),
                validation.lists(),
                baseline.name(),
                K,
                fmt(baseline.ndcg()));

        Engine.getEngine(ENGINE).setRandomSeed((int) params.seed());
        Model model = Model.newInstance("topk-ranker", Device.cpu(), ENGINE);
        try {
            model.setBlock(RankerNetwork.of(params.hidden()));
            Fit fit = fit(model, translator, samples, split, validation, baseline, params);
            TopKRankerManifest manifest = new TopKRankerManifest(
                    TopKRanker.FORMAT_VERSION,
                    List.of(samples.featureNames()),
                    means,
                    deviations,
                    params.hidden(),
                    fit.bestEpoch(),
                    fit.ndcg(),
                    baseline.name(),
                    baseline.ndcg(),
                    "");
            return new TopKRanker(model, manifest, TopKRanker.defaultPoolSize());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private record Fit(int bestEpoch, double ndcg) {}

    private static Fit fit(
            Model model,
            RankerTranslator translator,
            RankingSamples samples,
            Split split,
            GroupedNdcg validation,
            BestFeature baseline,
            TopKRankerParams params) {
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                .optOptimizer(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed(params.learningRate()))
                        .build())
                .optDevices(new Device[] {Device.cpu()});
        float[][] validationRows = rows(samples.features(), split.validation());
        int[] order = split.train().clone();
        Random shuffle = new Random(params.seed());
        byte[] best = null;
        int bestEpoch = 0;
        double bestNdcg = Double.NEGATIVE_INFINITY;
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(1, samples.width()));
            int epochsWithoutGain = 0;
            for (int epoch = 1; epoch <= params.epochs(); epoch++) {
                shuffle(order, shuffle);
                double loss = runEpoch(trainer, translator, samples, order, params.batchSize());
                double ndcg = validation.mean(scores(trainer, translator, validationRows, split.validation(), samples));
                log.info(
                        "top-k ranker epoch {}: train loss {}, validation NDCG@{} {} (best single feature {})",
                        epoch,
                        fmt(loss),
                        K,
                        fmt(ndcg),
                        fmt(baseline.ndcg()));
                if (ndcg > bestNdcg) {
                    bestNdcg = ndcg;
                    bestEpoch = epoch;
                    best = snapshot(model.getBlock());
                    epochsWithoutGain = 0;
                } else if (++epochsWithoutGain >= params.patience()) {
                    log.info("top-k ranker: no gain for {} epochs, stopping", epochsWithoutGain);
                    break;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no epoch gave a usable validation NDCG; the loss may have diverged");
        }
        restore(model, best);
        log.info(
                "top-k ranker: kept epoch {}, validation NDCG@{} {} against {} for the best single feature '{}'",
                bestEpoch,
                K,
                fmt(bestNdcg),
                fmt(baseline.ndcg()),
                baseline.name());
        return new Fit(bestEpoch, bestNdcg);
    }

    private static double runEpoch(
            Trainer trainer, RankerTranslator translator, RankingSamples samples, int[] order, int batchSize) {
        double lossSum = 0;
        for (int start = 0; start < order.length; start += batchSize) {
            int[] batch = Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize));
            float[] labels = new float[batch.length];
            for (int i = 0; i < batch.length; i++) {
                labels[i] = samples.labels()[batch[i]];
            }
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray x = translator.toInput(manager, rows(samples.features(), batch));
                NDArray y = manager.create(labels, new Shape(batch.length, 1));
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                    NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                    collector.backward(loss);
                    lossSum += (double) loss.getFloat() * batch.length;
                }
                trainer.step();
            }
        }
        return lossSum / order.length;
    }

    /** Scores of the validation rows, placed at their row index so {@link GroupedNdcg} can read them. */
    private static float[] scores(
            Trainer trainer, RankerTranslator translator, float[][] rows, int[] rowIndices, RankingSamples samples) {
        float[] out;
        try (NDManager manager = trainer.getManager().newSubManager()) {
            out = trainer.evaluate(new NDList(translator.toInput(manager, rows)))
                    .singletonOrThrow()
                    .toFloatArray();
        }
        float[] scores = new float[samples.size()];
        for (int i = 0; i < rowIndices.length; i++) {
            scores[rowIndices[i]] = out[i];
        }
        return scores;
    }

    /** Mean and population deviation of each feature over the training rows; a constant feature gets deviation 1. */
    private static void standardisation(RankingSamples samples, int[] rows, float[] means, float[] deviations) {
        float[][] features = samples.features();
        for (int j = 0; j < samples.width(); j++) {
            double sum = 0;
            for (int row : rows) {
                sum += features[row][j];
            }
            double mean = sum / rows.length;
            double squares = 0;
            for (int row : rows) {
                double d = features[row][j] - mean;
                squares += d * d;
            }
            double deviation = Math.sqrt(squares / rows.length);
            means[j] = (float) mean;
            if (deviation < 1e-12 || !Double.isFinite(deviation) || (float) deviation == 0f) {
                log.warn("feature '{}' is constant in the training rows; it cannot help", samples.featureNames()[j]);
                deviations[j] = 1f;
            } else {
                deviations[j] = (float) deviation;
            }
        }
    }

    /**
     * Whole groups held out for validation: a user's candidates are ranked against each other, so splitting a user
     * would let the model see part of the list it is judged on.
     */
    private record Split(int[] train, int[] validation, int validationGroups) {
        static Split of(RankingSamples samples, TopKRankerParams params) {
            int[] groups = Arrays.stream(samples.groups()).distinct().sorted().toArray();
            if (groups.length < 2) {
                throw new IllegalArgumentException(
                        "the samples hold " + groups.length + " group(s); training needs at least 2 users so that"
                                + " some can be held out for validation");
            }
            // Sorted before the seeded shuffle, so the split does not depend on the order of the rows.
            shuffle(groups, new Random(params.seed() ^ 0x5DEECE66DL));
            int held = (int) Math.round(groups.length * (double) params.validationShare());
            held = Math.max(1, Math.min(groups.length - 1, held));
            Set<Integer> validationGroups = new HashSet<>();
            for (int i = 0; i < held; i++) {
                validationGroups.add(groups[i]);
            }
            int[] validation = IntStream.range(0, samples.size())
                    .filter(row -> validationGroups.contains(samples.groups()[row]))
                    .toArray();
            int[] train = IntStream.range(0, samples.size())
                    .filter(row -> !validationGroups.contains(samples.groups()[row]))
                    .toArray();
            boolean positive = false;
            boolean negative = false;
            for (int row : train) {
                positive |= samples.labels()[row] > 0;
                negative |= samples.labels()[row] == 0;
            }
            if (!positive || !negative) {
                throw new IllegalArgumentException("the training users' rows are all "
                        + (positive ? "positive" : "negative") + "; a ranker needs both labels");
            }
            return new Split(train, validation, held);
        }
    }

    /**
     * The single feature that ranks the validation users best, in either direction: the model's inputs are scores
     * where higher usually means better, but a feature that works reversed is still an input the model can use.
     */
    private record BestFeature(String name, double ndcg) {
        static BestFeature of(RankingSamples samples, GroupedNdcg validation) {
            String name = samples.featureNames()[0];
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < samples.width(); j++) {
                for (boolean descending : new boolean[] {true, false}) {
                    double ndcg = validation.meanOfColumn(samples.features(), j, descending);
                    if (ndcg > best) {
                        best = ndcg;
                        name = (descending ? "" : "-") + samples.featureNames()[j];
                    }
                }
            }
            return new BestFeature(name, best);
        }
    }

    private static float[][] rows(float[][] features, int[] indices) {
        float[][] rows = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            rows[i] = features[indices[i]];
        }
        return rows;
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    private static byte[] snapshot(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot snapshot the ranker's parameters", e);
        }
        return bytes.toByteArray();
    }

    private static void restore(Model model, byte[] parameters) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            model.getBlock().loadParameters(model.getNDManager(), in);
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("cannot restore the best epoch's parameters", e);
        }
    }

    private static String fmt(double v) {
        return String.format("%.4f", v);
    }
}
