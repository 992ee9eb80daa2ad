package dev.wren.model.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import dev.wren.model.blocks.FeatureTranslator;
import dev.wren.model.blocks.SparseAdam;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.Sample;
import dev.wren.model.data.SampleBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Further training of an already trained ranking model, a few samples at a time (online updates): the same loss,
 * optimizers and step as {@link ModelTrainer}, starting from the model's parameters and its stored numeric scaling,
 * which is kept as it is so the features mean what they meant when the model was trained. Adam's moments start from
 * zero (bundles do not keep them). Updates the model in place. Not thread-safe: one caller trains; predictors over the
 * same model see each update once it has returned.
 */
public final class ContinuedTraining implements AutoCloseable {
    private final TrainedModel model;
    private final TrainConfig config;
    private final FeatureTranslator translator;
    private final Trainer trainer;
    private final Random shuffle;
    private long steps;

    /**
     * @param model a ranking (not retrieval) model; its parameters are updated in place
     * @param config learning rate, L2, batch size and seed of the updates (epochs and patience are not used)
     */
    public ContinuedTraining(TrainedModel model, TrainConfig config) {
        if (model.spec().inBatchNegatives()) {
            throw new IllegalArgumentException("online updates support ranking models; "
                    + model.spec().name() + " is a retrieval model trained with in-batch negatives");
        }
        this.model = model;
        this.config = config;
        this.translator = model.translator();
        this.shuffle = new Random(config.seed());
        Engine.getEngine(model.model().getNDManager().getEngine().getEngineName())
                .setRandomSeed((int) config.seed());
        this.trainer = model.model().newTrainer(ModelTrainer.trainingConfig(model.model(), config));
        FeatureLayout layout = model.layout();
        // The parameters are already there (loaded or trained): initialisation only shapes the trainer.
        trainer.initialize(
                new Shape(1, layout.categoricalCount()),
                new Shape(1, layout.numericCount()),
                new Shape(1, layout.sequenceLength()),
                new Shape(1, layout.sequenceLength()));
    }

    /**
     * One pass over {@code samples} in shuffled mini-batches of the configured size.
     *
     * @return the mean training loss over the samples (NaN when there are none)
     */
    public double train(List<Sample> samples) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Sample> order = new ArrayList<>(samples);
        Collections.shuffle(order, shuffle);
        double lossSum = 0;
        for (int from = 0; from < order.size(); from += config.batchSize()) {
            List<Sample> part = order.subList(from, Math.min(order.size(), from + config.batchSize()));
            SampleBatch batch = SampleBatch.of(model.layout(), part);
            float loss = ModelTrainer.step(model.spec(), trainer, translator, batch, config, ++steps, Optional.empty());
            lossSum += (double) loss * batch.size();
        }
        return lossSum / order.size();
    }

    /** Optimizer steps taken so far. */
    public long steps() {
        return steps;
    }

    @Override
    public void close() {
        trainer.close();
        SparseAdam.release(model.model().getBlock());
    }
}
