package dev.wren.model.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import dev.wren.model.blocks.FeatureTranslator;
import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.blocks.SparseAdam;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.FlatSampleSource;
import dev.wren.model.data.NumericScaling;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.data.SampleSource;
import dev.wren.model.eval.Evaluator;
import dev.wren.model.eval.RetrievalEvaluator;
import dev.wren.model.eval.RetrievalMetrics;
import dev.wren.model.eval.RetrievalTask;
import dev.wren.model.serve.TowerVectors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link ModelSpec} on streamed batches with Adam, keeps the epoch with the best validation AUC (a retrieval
 * model: the best validation Recall@50 of an exact search over all items) and stops after {@code patience} epochs
 * without improvement. Seeded: the engine seed fixes initialisation and dropout, the
 * seed also fixes each epoch's shuffle. Thread-safe: stateless, but PyTorch's random generator is process-wide, so
 * only runs that do not overlap in time are reproducible; run trainings one after another when results must repeat.
 */
public final class ModelTrainer {
    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);
    private static final String ENGINE = "PyTorch";

    private ModelTrainer() {}

    /**
     * Trains a model; the caller owns (closes) the result.
     *
     * @param layout the layout both sources must have
     */
    public static TrainedModel train(
            ModelSpec spec, FeatureLayout layout, SampleSource train, SampleSource valid, TrainConfig config) {
        checkLayout(layout, train, "training");
        checkLayout(layout, valid, "validation");
        train = inMemory(train, "training");
        valid = inMemory(valid, "validation");
        Engine engine = Engine.getEngine(ENGINE);
        engine.setRandomSeed((int) config.seed());
        Device device = device(engine, config.device());
        NumericScaling scaling = NumericScaling.fit(train);
        FeatureTranslator translator = new FeatureTranslator(layout, scaling);
        Block block = spec.newBlock(layout);
        Model model = Model.newInstance(spec.name(), device, ENGINE);
        try {
            model.setBlock(block);
            TrainingReport report = fit(spec, layout, model, translator, train, valid, config);
            return new TrainedModel(model, spec, layout, scaling, report);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static TrainingReport fit(
            ModelSpec spec,
            FeatureLayout layout,
            Model model,
            FeatureTranslator translator,
            SampleSource train,
            SampleSource valid,
            TrainConfig config) {
        DefaultTrainingConfig trainingConfig = trainingConfig(model, config);
        Optional<Retrieval> retrieval =
                spec.inBatchNegatives() ? Optional.of(Retrieval.of(spec, layout, train, valid)) : Optional.empty();
        List<Double> losses = new ArrayList<>();
        List<Double> aucs = new ArrayList<>();
        List<RetrievalMetrics> recalls = new ArrayList<>();
        byte[] best = null;
        int bestEpoch = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        long trainedSamples = 0;
        long trainingNanos = 0;
        long trainingCpuNanos = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Trainer trainer = model.newTrainer(trainingConfig)) {
            trainer.initialize(
                    new Shape(1, layout.categoricalCount()),
                    new Shape(1, layout.numericCount()),
                    new Shape(1, layout.sequenceLength()),
                    new Shape(1, layout.sequenceLength()));
            int epochsWithoutGain = 0;
            long[] steps = {0};
            for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                double loss = runEpoch(spec, trainer, translator, train, config, epoch, steps, retrieval);
                trainingNanos += System.nanoTime() - start;
                trainingCpuNanos += threads.getCurrentThreadCpuTime() - cpuStart;
                trainedSamples += train.size();
                double auc = Double.NaN;
                if (retrieval.isEmpty() || retrieval.get().likedAndNot()) {
                    try (Predictor<SampleBatch, float[]> predictor = model.newPredictor(translator)) {
                        auc = Evaluator.evaluate(batch -> predict(predictor, batch), valid)
                                .rocAuc();
                    }
                }
                losses.add(loss);
                aucs.add(auc);
                double score;
                if (retrieval.isPresent()) {
                    RetrievalMetrics r = RetrievalEvaluator.evaluate(
                            TowerVectors.inTraining(model, translator),
                            layout,
                            retrieval.get().validation());
                    recalls.add(r);
                    score = r.recallAt50();
                    log.info("{} epoch {}: train loss {}, validation {}", spec.name(), epoch, fmt(loss), r);
                } else {
                    score = auc;
                    log.info("{} epoch {}: train loss {}, validation AUC {}", spec.name(), epoch, fmt(loss), fmt(auc));
                }
                if (score > bestScore) {
                    bestScore = score;
                    bestEpoch = epoch;
                    best = snapshot(model.getBlock());
                    epochsWithoutGain = 0;
                    checkpoint(
                            model,
                            config,
                            epoch,
                            retrieval.isPresent() ? "ValidationRecall@50" : "ValidationAuc",
                            score);
                } else if (++epochsWithoutGain >= config.patience()) {
                    log.info("{}: no gain for {} epochs, stopping", spec.name(), epochsWithoutGain);
                    break;
                }
            }
        }
        SparseAdam.release(model.getBlock());
        restore(model, best);
        double samplesPerSecond = trainedSamples / Math.max(1e-9, trainingNanos / 1e9);
        double samplesPerCpuSecond = trainedSamples / Math.max(1e-9, trainingCpuNanos / 1e9);
        log.info(
                "{}: {} samples/s wall, {} per CPU second of the training thread",
                spec.name(),
                String.format("%.0f", samplesPerSecond),
                String.format("%.0f", samplesPerCpuSecond));
        return new TrainingReport(
                losses.size(),
                bestEpoch,
                bestEpoch > 0 ? aucs.get(bestEpoch - 1) : Double.NEGATIVE_INFINITY,
                losses,
                aucs,
                samplesPerSecond,
                samplesPerCpuSecond,
                recalls);
    }

    /** Pointwise binary cross-entropy with Adam (dense parameters; row-sparse tables take {@link SparseAdam}). */
    static DefaultTrainingConfig trainingConfig(Model model, TrainConfig config) {
        Adam adam = Adam.builder()
                .optLearningRateTracker(Tracker.fixed(config.learningRate()))
                .optWeightDecays(config.l2())
                .build();
        return new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                .optOptimizer(adam)
                .optDevices(new Device[] {model.getNDManager().getDevice()});
    }

    /**
     * What training a retrieval model needs besides its batches: the log-Q corrected loss, and the validation task
     * it is selected by (each validation user's items to find among all items, their training items left out). The
     * validation AUC (liked against not liked) is still reported when the labels have both classes, for comparison
     * with ranking models; it selects nothing.
     */
    private record Retrieval(InBatchSoftmaxLoss loss, RetrievalTask validation, boolean likedAndNot) {
        /** Users evaluated per epoch, at most: bounds the cost of an evaluation on large data. */
        static final int MAX_QUERIES = 5000;

        static Retrieval of(ModelSpec spec, FeatureLayout layout, SampleSource train, SampleSource valid) {
            RetrievalTask task = RetrievalTask.of(layout, List.of(train), valid, MAX_QUERIES);
            log.info(
                    "{}: validation task of {} users over {} items; popularity's {}",
                    spec.name(),
                    task.queries().size(),
                    task.catalog().size(),
                    RetrievalEvaluator.popularity(layout, task));
            return new Retrieval(InBatchSoftmaxLoss.of(layout, task.seenCounts()), task, hasBothLabels(valid));
        }
    }

    private static boolean hasBothLabels(SampleSource source) {
        boolean[] seen = new boolean[2];
        try (var batches = source.batches(4096, OptionalLong.empty())) {
            batches.forEach(batch -> {
                for (float label : batch.labels()) {
                    seen[label > 0.5f ? 1 : 0] = true;
                }
            });
        }
        return seen[0] && seen[1];
    }

    private static double runEpoch(
            ModelSpec spec,
            Trainer trainer,
            FeatureTranslator translator,
            SampleSource train,
            TrainConfig config,
            int epoch,
            long[] steps,
            Optional<Retrieval> retrieval) {
        long shuffleSeed = config.seed() * 1_000_003L + epoch;
        double[] lossSum = {0};
        long[] seen = {0};
        long start = System.nanoTime();
        AtomicReference<ProgressBar> bar = new AtomicReference<>();
        if (config.showProgress()) {
            bar.set(new ProgressBarBuilder()
                    .setTaskName(spec.name() + " epoch " + epoch)
                    .setInitialMax(train.size())
                    .setUpdateIntervalMillis(500)
                    .continuousUpdate()
                    .build());
        }
        try (var batches = train.batches(config.batchSize(), OptionalLong.of(shuffleSeed))) {
            batches.forEach(batch -> {
                float loss = step(spec, trainer, translator, batch, config, ++steps[0], retrieval);
                lossSum[0] += (double) loss * batch.size();
                seen[0] += batch.size();
                ProgressBar b = bar.get();
                if (b != null) {
                    double rate = seen[0] / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
                    b.stepBy(batch.size());
                    b.setExtraMessage(String.format(" loss %.4f, %.0f samples/s", lossSum[0] / seen[0], rate));
                }
            });
        } finally {
            if (bar.get() != null) {
                bar.get().close();
            }
        }
        return lossSum[0] / Math.max(1, seen[0]);
    }

    static float step(
            ModelSpec spec,
            Trainer trainer,
            FeatureTranslator translator,
            SampleBatch batch,
            TrainConfig config,
            long stepNumber,
            Optional<Retrieval> retrieval) {
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDList inputs = translator.toInputs(manager, batch);
            NDArray labels = translator.labels(manager, batch);
            float value;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList outputs = trainer.forward(inputs);
                NDArray loss = retrieval.isPresent()
                        ? retrieval.get().loss().loss(manager, outputs, batch)
                        : trainer.getLoss().evaluate(new NDList(labels), new NDList(outputs.get(0)));
                if (spec.auxiliaryLossWeight() > 0) {
                    loss = loss.add(outputs.get(1).mul(spec.auxiliaryLossWeight()));
                }
                collector.backward(loss);
                value = loss.getFloat();
            }
            trainer.step();
            new SparseAdam(config.learningRate(), config.l2(), stepNumber)
                    .apply(trainer.getModel().getBlock());
            return value;
        }
    }

    static float[] predict(Predictor<SampleBatch, float[]> predictor, SampleBatch batch) {
        try {
            return predictor.predict(batch);
        } catch (TranslateException e) {
            throw new IllegalStateException("validation scoring failed", e);
        }
    }

    private static byte[] snapshot(Block block) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                block.saveParameters(out);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot snapshot parameters", e);
        }
    }

    private static void restore(Model model, byte[] parameters) {
        if (parameters == null) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            model.getBlock().loadParameters(model.getNDManager(), in);
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new IllegalStateException("cannot restore the best epoch's parameters", e);
        }
    }

    private static void checkpoint(Model model, TrainConfig config, int epoch, String measure, double value) {
        if (config.checkpointDirectory().isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(config.checkpointDirectory().get());
            model.setProperty("Epoch", Integer.toString(epoch));
            model.setProperty(measure, Double.toString(value));
            model.save(config.checkpointDirectory().get(), model.getName());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write checkpoint to " + config.checkpointDirectory().get(), e);
        }
    }

    private static Device device(Engine engine, String choice) {
        return switch (choice) {
            case "gpu" -> {
                if (engine.getGpuCount() == 0) {
                    throw new IllegalArgumentException("device 'gpu' requested but the engine sees no GPU");
                }
                yield Device.gpu();
            }
            case "auto" -> engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            default -> Device.cpu();
        };
    }

    /**
     * The source as flat arrays when they fit in a quarter of the heap: every epoch reads the data again, and
     * decoding Parquet rows costs more than a training step. Otherwise the source streams as before.
     */
    private static SampleSource inMemory(SampleSource source, String role) {
        long budget = Runtime.getRuntime().maxMemory() / 4;
        Optional<FlatSampleSource> flat = FlatSampleSource.copyIfFits(source, budget);
        if (flat.isEmpty()) {
            log.info(
                    "{} samples ({} x {} bytes) exceed a quarter of the heap; streaming them each epoch",
                    role,
                    source.size(),
                    FlatSampleSource.bytesPerSample(source.layout()));
        }
        return flat.<SampleSource>map(f -> f).orElse(source);
    }

    private static void checkLayout(FeatureLayout layout, SampleSource source, String role) {
        layout.differenceFrom(source.layout()).ifPresent(d -> {
            throw new IllegalArgumentException("the " + role + " samples do not match the layout: " + d);
        });
    }

    private static String fmt(double v) {
        return String.format("%.4f", v);
    }
}
