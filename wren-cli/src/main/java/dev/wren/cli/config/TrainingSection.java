package dev.wren.cli.config;

import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.topk.TopKRankerParams;
import dev.wren.model.train.TrainConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code training} section: batch training of the models on the offline samples, and the learned top-K ranker.
 *
 * @param model the model {@code wren train} trains by default, or {@code all}
 * @param demoModels the models {@code wren demo} trains
 * @param split the offline split training reads: {@code time} or {@code user}
 * @param validationFraction the share of training events, the latest, held out for early stopping
 * @param patience epochs without a better validation metric before training stops
 * @param seed the seed of training
 * @param device {@code cpu}, {@code gpu} or {@code auto}
 * @param epochs the most epochs; empty for each model's own
 * @param batchSize samples per step; empty for each model's own
 * @param learningRate Adam's learning rate; empty for each model's own
 * @param l2 weight decay; empty for each model's own
 * @param ranker the learned top-K ranker
 */
public record TrainingSection(
        String model,
        List<String> demoModels,
        String split,
        double validationFraction,
        int patience,
        long seed,
        String device,
        Optional<Integer> epochs,
        Optional<Integer> batchSize,
        Optional<Float> learningRate,
        Optional<Float> l2,
        Ranker ranker) {
    public TrainingSection {
        Objects.requireNonNull(model, "training.model");
        demoModels = List.copyOf(demoModels);
        Objects.requireNonNull(split, "training.split");
        Objects.requireNonNull(device, "training.device");
        Objects.requireNonNull(epochs, "training.epochs");
        Objects.requireNonNull(batchSize, "training.batch-size");
        Objects.requireNonNull(learningRate, "training.learning-rate");
        Objects.requireNonNull(l2, "training.l2");
        Objects.requireNonNull(ranker, "training.ranker");
    }

    /** How {@code spec} trains: the model's own defaults, with what this section sets over them. */
    public TrainConfig config(ModelSpec spec) {
        TrainConfig own = TrainConfig.defaultsFor(spec);
        return new TrainConfig(
                learningRate.orElse(own.learningRate()),
                l2.orElse(own.l2()),
                batchSize.orElse(own.batchSize()),
                epochs.orElse(own.maxEpochs()),
                patience,
                seed,
                device,
                own.checkpointDirectory(),
                own.showProgress());
    }

    /**
     * {@code training.ranker}: the learned top-K ranker of {@code wren train-ranker}.
     *
     * @param lastN each user's latest ratings held out as what the ranker learns to find
     * @param hidden the hidden layers' widths
     * @param learningRate Adam's learning rate
     * @param epochs the most epochs
     * @param batchSize rows per step
     * @param patience epochs without a better validation NDCG@10 before stopping
     * @param validationShare the share of users held out for validation
     * @param seed the seed of the split, the training and the offline fit it trains on
     */
    public record Ranker(
            int lastN,
            List<Integer> hidden,
            float learningRate,
            int epochs,
            int batchSize,
            int patience,
            float validationShare,
            long seed) {
        public Ranker {
            hidden = List.copyOf(hidden);
        }

        public TopKRankerParams params() {
            return new TopKRankerParams(hidden, learningRate, epochs, batchSize, patience, validationShare, seed);
        }
    }
}
