package dev.wren.model.train;

import dev.wren.model.blocks.ModelSpec;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Hyper-parameters of one training run.
 *
 * @param learningRate Adam's step size
 * @param l2 weight decay applied by Adam to every parameter
 * @param batchSize samples per step
 * @param maxEpochs upper bound on passes over the training data
 * @param patience epochs without a better validation AUC before stopping
 * @param seed seeds parameter initialisation, dropout (engine seed) and shuffling (java.util.Random)
 * @param device {@code "cpu"} (default), {@code "gpu"} or {@code "auto"} (the GPU when the engine sees one)
 * @param checkpointDirectory where each improved epoch's parameters are written, if anywhere
 * @param showProgress draw a console progress bar
 */
public record TrainConfig(
        float learningRate,
        float l2,
        int batchSize,
        int maxEpochs,
        int patience,
        long seed,
        String device,
        Optional<Path> checkpointDirectory,
        boolean showProgress) {

    public TrainConfig {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(checkpointDirectory, "checkpointDirectory");
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
        }
        if (l2 < 0) {
            throw new IllegalArgumentException("l2 must not be negative, got " + l2);
        }
        if (batchSize < 1 || maxEpochs < 1 || patience < 1) {
            throw new IllegalArgumentException("batchSize, maxEpochs and patience must be positive, got " + batchSize
                    + ", " + maxEpochs + ", " + patience);
        }
        if (!device.equals("cpu") && !device.equals("gpu") && !device.equals("auto")) {
            throw new IllegalArgumentException("device must be cpu, gpu or auto, got '" + device + "'");
        }
    }

    /** The model's own defaults, patience 2, seed 42, CPU, no checkpoints, no progress bar. */
    public static TrainConfig defaultsFor(ModelSpec spec) {
        ModelSpec.TrainingDefaults d = spec.defaultTraining();
        return new TrainConfig(
                d.learningRate(), d.l2(), d.batchSize(), d.epochs(), 2, 42L, "cpu", Optional.empty(), false);
    }

    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(
                learningRate, l2, batchSize, maxEpochs, patience, newSeed, device, checkpointDirectory, showProgress);
    }

    public TrainConfig withEpochs(int epochs, int newPatience) {
        return new TrainConfig(
                learningRate, l2, batchSize, epochs, newPatience, seed, device, checkpointDirectory, showProgress);
    }

    public TrainConfig withLearningRate(float rate) {
        return new TrainConfig(
                rate, l2, batchSize, maxEpochs, patience, seed, device, checkpointDirectory, showProgress);
    }

    /** L2 weight decay (on the rows of a row-sparse embedding table, only the rows a batch touches). */
    public TrainConfig withL2(float newL2) {
        return new TrainConfig(
                learningRate, newL2, batchSize, maxEpochs, patience, seed, device, checkpointDirectory, showProgress);
    }

    public TrainConfig withBatchSize(int size) {
        return new TrainConfig(
                learningRate, l2, size, maxEpochs, patience, seed, device, checkpointDirectory, showProgress);
    }

    public TrainConfig withProgress(boolean show) {
        return new TrainConfig(
                learningRate, l2, batchSize, maxEpochs, patience, seed, device, checkpointDirectory, show);
    }

    public TrainConfig withCheckpoints(Path directory) {
        return new TrainConfig(
                learningRate, l2, batchSize, maxEpochs, patience, seed, device, Optional.of(directory), showProgress);
    }
}
